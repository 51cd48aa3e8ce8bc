import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Refused access is audited (issue 21, NEN 7513, BIO 8.15), at most once per actor, route and
 * object a minute so that a script cannot flood the log. The claim for that minute is a row with a
 * primary key: of many nodes refusing the same request at once, exactly one inserts it and writes
 * the audit row. Claims older than a few minutes are pruned by the writer itself.
 */
export class DeniedAccess1765382400000 implements MigrationInterface {
  name = 'DeniedAccess1765382400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_denied_claim (
        actor_key text NOT NULL,
        route text NOT NULL,
        object_id text NOT NULL,
        minute bigint NOT NULL,
        PRIMARY KEY (actor_key, route, object_id, minute)
      );
      CREATE INDEX audit_denied_claim_minute_idx ON audit_denied_claim(minute);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_denied_claim;');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoleName } from './app-role';

/**
 * An audit log that proves itself (issue 21). The database, not the writer, sets each row's time,
 * id, chain and hash, in a trigger, so a direct INSERT gets them too:
 *
 * - `at` is the database's clock (a back-dated `at` from the writer is overwritten), and `id` comes
 *   from the sequence (a chosen id is overwritten);
 * - each row carries `hash` = SHA-256 over its content and `prev_hash`, the hash of the previous row
 *   of its chain. A chain is one UTC day of one database session (`2026-12-07/4711`): a session runs
 *   one transaction at a time, so its rows follow each other and never wait for another session's
 *   (concurrent inserts stay fast, at every isolation level); the advisory lock per chain guards the
 *   rare case of a session id reused that day;
 * - `audit_log_verify()` recomputes every chain and returns the first broken link of each.
 *   `npm run audit:verify` prints them.
 *
 * The client's X-Request-Id is kept apart, length-limited, as `correlation_id`; `request_id` is the
 * server's own. Rows written before this migration are sealed here, in id order, as chains per day
 * marked `/before`.
 *
 * The app role may read which migrations ran (the table predates the default privileges): a node
 * started with DATABASE_URL alone checks that the schema is current, without the owner's credentials.
 */
export class AuditChain1765555200000 implements MigrationInterface {
  name = 'AuditChain1765555200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT SELECT ON schema_migration TO ${appRoleName()}`);
    await db.query(`
      ALTER TABLE audit_log ADD COLUMN correlation_id text CHECK (length(correlation_id) <= 100);
      ALTER TABLE audit_log ADD COLUMN chain text;
      ALTER TABLE audit_log ADD COLUMN prev_hash text;
      ALTER TABLE audit_log ADD COLUMN hash text;

      -- The content a row's hash covers, in a form that does not depend on the session's settings (time zone, date style).
      CREATE FUNCTION audit_log_row_hash(r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(jsonb_build_array(
          r.id, (extract(epoch FROM r.at) * 1000000)::bigint, r.actor_user_id, r.actor_organisation_id, r.actor_seat, r.action, r.object_type,
          r.object_id, r.subject_pseudonym, r.fields, r.purpose, r.outcome, r.client_address, r.request_id, r.correlation_id, r.details,
          r.chain, r.prev_hash
        )::text, 'UTF8')), 'hex')
      $$;

      CREATE FUNCTION audit_log_seal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
        NEW.at := clock_timestamp();
        NEW.chain := to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '/' || pg_backend_pid();
        PERFORM pg_advisory_xact_lock(hashtextextended('audit_log:' || NEW.chain, 0));
        NEW.prev_hash := (SELECT a.hash FROM audit_log a WHERE a.chain = NEW.chain ORDER BY a.id DESC LIMIT 1);
        NEW.hash := audit_log_row_hash(NEW);
        RETURN NEW;
      END $$;

      -- Seal what is there, one chain per day, before the trigger takes over.
      ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
      DO $$
      DECLARE r audit_log; previous text; current_chain text;
      BEGIN
        FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
          r.chain := to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '/before';
          IF r.chain IS DISTINCT FROM current_chain THEN
            previous := (SELECT a.hash FROM audit_log a WHERE a.chain = r.chain ORDER BY a.id DESC LIMIT 1);
            current_chain := r.chain;
          END IF;
          r.prev_hash := previous;
          r.hash := audit_log_row_hash(r);
          UPDATE audit_log SET chain = r.chain, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
          previous := r.hash;
        END LOOP;
      END $$;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;

      ALTER TABLE audit_log ALTER COLUMN chain SET NOT NULL, ALTER COLUMN hash SET NOT NULL;
      CREATE INDEX audit_log_chain_idx ON audit_log(chain, id);
      CREATE TRIGGER audit_log_seal BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_seal();

      -- Every chain, recomputed: for each chain its first row whose hash or link does not hold (none: intact).
      CREATE FUNCTION audit_log_verify() RETURNS TABLE (chain text, id bigint, problem text) LANGUAGE sql STABLE AS $$
        SELECT DISTINCT ON (c.chain) c.chain, c.id,
               CASE WHEN c.hash IS DISTINCT FROM audit_log_row_hash(c.r) THEN 'content changed (hash does not match)'
                    ELSE 'link broken (prev_hash is not the hash of the previous row: a row removed or inserted)' END
          FROM (SELECT a.chain, a.id, a.hash, a.prev_hash, lag(a.hash) OVER (PARTITION BY a.chain ORDER BY a.id) AS expected_prev, a AS r
                  FROM audit_log a) c
         WHERE c.hash IS DISTINCT FROM audit_log_row_hash(c.r) OR c.prev_hash IS DISTINCT FROM c.expected_prev
         ORDER BY c.chain, c.id
      $$;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE SELECT ON schema_migration FROM ${appRoleName()}`);
    await db.query(`
      DROP FUNCTION audit_log_verify();
      DROP TRIGGER audit_log_seal ON audit_log;
      DROP FUNCTION audit_log_seal();
      DROP INDEX audit_log_chain_idx;
      DROP FUNCTION audit_log_row_hash(audit_log);
      ALTER TABLE audit_log DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN chain, DROP COLUMN correlation_id;
    `);
  }
}

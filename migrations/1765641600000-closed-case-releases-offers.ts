import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A closed case holds no live offer (domain.md §4: withdrawn before the move, an open or accepted
 * offer lapses and its dwelling is free again). The cases module used to cancel the offers itself,
 * which made it depend on the placements module that depends on it. The database now keeps the rule
 * in the transaction that closes the case, whichever module closes it, and the modules stay a graph
 * without loops. A case is closed only by withdrawal before the move (the rule's reason) or after the
 * move, when its offer is completed and none is live, so nothing else changes.
 */
export class ClosedCaseReleasesOffers1765641600000 implements MigrationInterface {
  name = 'ClosedCaseReleasesOffers1765641600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION release_offers_of_closed_case() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE offer SET status = 'cancelled', cancelled_at = now(), version = version + 1, updated_at = now()
         WHERE case_id = NEW.id AND status IN ('open', 'accepted');
        RETURN NULL;
      END $$;

      CREATE TRIGGER case_file_closed_releases_offers AFTER UPDATE OF state ON case_file
        FOR EACH ROW WHEN (NEW.state = 'closed' AND OLD.state IS DISTINCT FROM 'closed')
        EXECUTE FUNCTION release_offers_of_closed_case();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER case_file_closed_releases_offers ON case_file;
      DROP FUNCTION release_offers_of_closed_case();
    `);
  }
}

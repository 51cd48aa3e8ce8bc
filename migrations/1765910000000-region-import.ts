import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 28: a region brings in its waiting list, people and promises from a workbook.
 *
 * - `external_ref` on cases and dwellings: the region's own number for the resident (its
 *   spreadsheet's) or the corporation's for the dwelling; the key under which the same file read
 *   again finds the same record, unique within the region.
 * - `import_digest` (and, for a case, `import_address_digests`): SHA-256 digests of what the last
 *   import wrote, so that the same row read again is "unchanged" even when someone has edited the
 *   record since (the import then leaves it alone), and the addresses an import brought are told
 *   apart from those typed in afterwards. Digests of personal data: erasure clears them with the
 *   external reference (retention.repository).
 * - `ready_on`: the day the resident was already ready to leave (`Uitstroomgereed op`); the case
 *   still starts as aangemeld, and marking it ready starts the waiting clock on that day.
 */
export class RegionImport1765910000000 implements MigrationInterface {
  name = 'RegionImport1765910000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_file
        ADD COLUMN external_ref text CHECK (length(trim(external_ref)) BETWEEN 1 AND 100),
        ADD COLUMN import_digest text,
        ADD COLUMN import_address_digests text[],
        ADD COLUMN ready_on date;
      CREATE UNIQUE INDEX case_file_external_ref_key ON case_file(region_id, external_ref) WHERE external_ref IS NOT NULL;
      ALTER TABLE dwelling
        ADD COLUMN external_ref text CHECK (length(trim(external_ref)) BETWEEN 1 AND 100),
        ADD COLUMN import_digest text;
      CREATE UNIQUE INDEX dwelling_external_ref_key ON dwelling(region_id, external_ref) WHERE external_ref IS NOT NULL;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX dwelling_external_ref_key;
      ALTER TABLE dwelling DROP COLUMN import_digest, DROP COLUMN external_ref;
      DROP INDEX case_file_external_ref_key;
      ALTER TABLE case_file DROP COLUMN ready_on, DROP COLUMN import_address_digests, DROP COLUMN import_digest, DROP COLUMN external_ref;
    `);
  }
}

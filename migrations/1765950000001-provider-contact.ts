import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 27.2: the follow-up provider keeps its own contact person and 24/7 number in its
 * organisation's settings; the corporation sees them at the move instead of typing them. The move
 * keeps its own copy (as it was on the day of the keys), so a later change does not rewrite it.
 */
export class ProviderContact1765950000001 implements MigrationInterface {
  name = 'ProviderContact1765950000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organisation
        ADD COLUMN contact_name text CHECK (length(trim(contact_name)) BETWEEN 2 AND 200),
        ADD COLUMN contact_phone text CHECK (length(trim(contact_phone)) BETWEEN 6 AND 30),
        ADD COLUMN emergency_phone text CHECK (length(trim(emergency_phone)) BETWEEN 6 AND 30),
        ADD CONSTRAINT organisation_contact_whole CHECK (
          (contact_name IS NULL) = (contact_phone IS NULL) AND (contact_name IS NULL) = (emergency_phone IS NULL));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE organisation DROP CONSTRAINT organisation_contact_whole,
        DROP COLUMN contact_name, DROP COLUMN contact_phone, DROP COLUMN emergency_phone;
    `);
  }
}

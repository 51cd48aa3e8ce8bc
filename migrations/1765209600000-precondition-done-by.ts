import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who marked a precondition done: the table's promises are kept by name. */
export class PreconditionDoneBy1765209600000 implements MigrationInterface {
  name = 'PreconditionDoneBy1765209600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE precondition ADD COLUMN done_by uuid REFERENCES app_user(id);
      ALTER TABLE precondition ADD CONSTRAINT precondition_done_by_with_done_at CHECK (done_by IS NULL OR done_at IS NOT NULL);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE precondition DROP CONSTRAINT precondition_done_by_with_done_at; ALTER TABLE precondition DROP COLUMN done_by;');
  }
}

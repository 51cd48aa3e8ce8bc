import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The socket.io PostgreSQL adapter's table. Nodes tell each other about rooms and broadcasts with
 * NOTIFY; a message over NOTIFY's 8000-byte limit travels through this table instead, and the
 * adapter deletes rows older than its cleanup interval. The app role gets its rights by the
 * default privileges of the first migration (it inserts, reads and deletes here).
 */
export class Live1764518400000 implements MigrationInterface {
  name = 'Live1764518400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE socket_io_attachments (
        id bigserial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        payload bytea NOT NULL
      );
      CREATE INDEX socket_io_attachments_created_at_idx ON socket_io_attachments(created_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE socket_io_attachments');
  }
}

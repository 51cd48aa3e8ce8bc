import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The resident's consent per receiving organisation, and documents on the case. A consent is
 * never edited: it is given (with how and when) and later withdrawn; a new consent is a new row.
 * Documents are kept in the database (bytea): one backup, one access path, and the same
 * transaction as the audit entry of the upload.
 */
export class ConsentAndDocuments1764345600000 implements MigrationInterface {
  name = 'ConsentAndDocuments1764345600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        category text NOT NULL CHECK (category IN ('identityContact', 'housingProfile', 'supportNeeds', 'sensitive')),
        filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
        content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES app_user(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX case_document_case_idx ON case_document(case_id);

      CREATE TABLE case_consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        categories text[] NOT NULL CHECK (categories <@ ARRAY['identityContact', 'housingProfile', 'supportNeeds', 'sensitive']),
        given_on date NOT NULL,
        expires_on date CHECK (expires_on IS NULL OR expires_on > given_on),
        method text NOT NULL CHECK (method IN ('signedForm', 'verbalWithWitness')),
        witness_name text,
        document_id uuid REFERENCES case_document(id),
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES app_user(id),
        CHECK (method <> 'verbalWithWitness' OR witness_name IS NOT NULL),
        CHECK (method <> 'signedForm' OR document_id IS NOT NULL),
        CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
      );
      CREATE INDEX case_consent_case_idx ON case_consent(case_id, organisation_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE case_consent; DROP TABLE case_document;');
  }
}

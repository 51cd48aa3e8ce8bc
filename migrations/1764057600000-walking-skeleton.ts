import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoleName } from './app-role';

/**
 * The first schema: regions, municipalities, organisations, users, sessions, sign-in attempts and
 * the append-only audit log. The application connects as a role that owns nothing: every table
 * the owner creates is granted to that role by default privileges, and the audit log is then
 * narrowed to INSERT and SELECT.
 */
export class WalkingSkeleton1764057600000 implements MigrationInterface {
  name = 'WalkingSkeleton1764057600000';

  async up(db: QueryRunner): Promise<void> {
    const app = appRoleName();
    await db.query(`
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};
      GRANT USAGE ON SCHEMA public TO ${app};

      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE municipality (
        code char(6) PRIMARY KEY CHECK (code ~ '^GM[0-9]{4}$'),
        region_id uuid NOT NULL REFERENCES region(id),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        population integer NOT NULL CHECK (population > 0),
        population_year smallint NOT NULL CHECK (population_year BETWEEN 1900 AND 2200)
      );
      CREATE INDEX municipality_region_idx ON municipality(region_id);

      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        kind text NOT NULL CHECK (kind IN ('municipality', 'corporation', 'provider', 'coordination')),
        name text NOT NULL CHECK (length(trim(name)) > 0),
        -- A municipality's organisation is that municipality; other kinds have none.
        municipality_code char(6) REFERENCES municipality(code),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (region_id, name),
        CHECK ((kind = 'municipality') = (municipality_code IS NOT NULL))
      );

      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        email text NOT NULL CHECK (email = lower(email) AND position('@' IN email) > 1),
        display_name text NOT NULL CHECK (length(trim(display_name)) > 0),
        seat text NOT NULL CHECK (seat IN ('casemanager', 'chair', 'municipality', 'corporation', 'provider', 'regionAdmin')),
        password_hash text,
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX app_user_email_key ON app_user(email);
      CREATE INDEX app_user_organisation_idx ON app_user(organisation_id);

      -- Sessions live in PostgreSQL (connect-pg-simple's layout) so that API nodes stay stateless.
      CREATE TABLE session (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      );
      CREATE INDEX session_expire_idx ON session(expire);

      -- Failed sign-ins are counted here, not in memory, so that the lockout holds across nodes.
      CREATE TABLE login_attempt (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        client_address text NOT NULL,
        succeeded boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_attempt_lookup_idx ON login_attempt(email, client_address, at);

      -- The audit log (BIO 8.15.01, NEN 7513): who, in which seat, did what to which object about
      -- which (pseudonymous) person, touching which fields, for which purpose, with what outcome.
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid,
        actor_organisation_id uuid,
        actor_seat text,
        action text NOT NULL,
        object_type text NOT NULL,
        object_id text,
        subject_pseudonym text,
        fields text[] NOT NULL DEFAULT '{}',
        purpose text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
        client_address text,
        request_id text,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX audit_log_subject_idx ON audit_log(subject_pseudonym, at);
      CREATE INDEX audit_log_actor_idx ON audit_log(actor_user_id, at);

      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${app};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    const app = appRoleName();
    await db.query(`
      DROP TABLE audit_log;
      DROP FUNCTION audit_log_is_append_only();
      DROP TABLE login_attempt;
      DROP TABLE session;
      DROP TABLE app_user;
      DROP TABLE organisation;
      DROP TABLE municipality;
      DROP TABLE region;
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM ${app};
      ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${app};
    `);
  }
}

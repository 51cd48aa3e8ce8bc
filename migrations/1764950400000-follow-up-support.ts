import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoleName } from './app-role';

/**
 * Follow-up support after the move (issue 13): the support record per case, its log (contacts,
 * intensity, goals per life domain, respite stays), signals, the versioned relapse-prevention plan
 * and the follow-up checks at 6 and 12 months after the keys. Escalation puts a case on an agenda
 * as an item of kind 'escalation', which never moves the case's state.
 *
 * Free text (notes, reasons, descriptions, plan text) is nullable in the database although the API
 * requires it: erasure (AVG art. 17) clears it and keeps the anonymous facts (dates, kinds,
 * durations, hours, progress, check answers) for the indicators. The app role gets SELECT, INSERT,
 * UPDATE and DELETE on these tables by the default privileges of the first migration: erasure
 * needs UPDATE and DELETE on them and on the case's documents, consents and notifications. The
 * follow-up checks lose DELETE: an answered check is an indicator, erasure keeps it.
 */
export class FollowUpSupport1764950400000 implements MigrationInterface {
  name = 'FollowUpSupport1764950400000';

  async up(db: QueryRunner): Promise<void> {
    const app = appRoleName();
    await db.query(`
      ALTER TABLE case_file ADD COLUMN erased_at timestamptz;
      ALTER TABLE case_file ADD CONSTRAINT case_file_erased_only_closed CHECK (erased_at IS NULL OR state = 'closed');

      ALTER TABLE agenda_item ADD COLUMN kind text NOT NULL DEFAULT 'placement' CHECK (kind IN ('placement', 'escalation'));

      CREATE TABLE follow_up_support (
        case_id uuid PRIMARY KEY REFERENCES case_file(id) ON DELETE CASCADE,
        provider_organisation_id uuid NOT NULL REFERENCES organisation(id),
        -- The corporation that rents the dwelling: told of arrears and nuisance.
        landlord_organisation_id uuid REFERENCES organisation(id),
        key_handover_date date NOT NULL,
        started_on date NOT NULL CHECK (started_on >= key_handover_date),
        started_by uuid NOT NULL REFERENCES app_user(id),
        started_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX follow_up_support_keys_idx ON follow_up_support(key_handover_date);

      CREATE TABLE support_contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES follow_up_support(case_id) ON DELETE CASCADE,
        contact_date date NOT NULL,
        kind text NOT NULL CHECK (kind IN ('homeVisit', 'office', 'phone', 'video', 'other')),
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 600),
        note text CHECK (length(note) <= 1000),
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX support_contact_case_idx ON support_contact(case_id, contact_date);

      CREATE TABLE support_intensity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES follow_up_support(case_id) ON DELETE CASCADE,
        effective_on date NOT NULL,
        hours_per_week numeric(4, 1) NOT NULL CHECK (hours_per_week >= 0 AND hours_per_week <= 40),
        direction text NOT NULL CHECK (direction IN ('start', 'up', 'down')),
        reason text CHECK (length(reason) <= 1000),
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX support_intensity_case_idx ON support_intensity(case_id, effective_on);

      CREATE TABLE support_goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES follow_up_support(case_id) ON DELETE CASCADE,
        life_domain text NOT NULL CHECK (life_domain IN ('incomeAndDebts', 'housing', 'supportAndCare', 'participation')),
        description text CHECK (length(description) <= 500),
        progress text NOT NULL CHECK (progress IN ('notStarted', 'inProgress', 'achieved', 'stalled')),
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX support_goal_case_idx ON support_goal(case_id);

      CREATE TABLE support_respite (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES follow_up_support(case_id) ON DELETE CASCADE,
        from_date date NOT NULL,
        to_date date NOT NULL CHECK (to_date >= from_date),
        place text CHECK (length(place) <= 200),
        reason text CHECK (length(reason) <= 1000),
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX support_respite_case_idx ON support_respite(case_id);

      CREATE TABLE support_signal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES follow_up_support(case_id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('paymentArrears', 'nuisance', 'relapse', 'other')),
        severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
        signal_date date NOT NULL,
        description text CHECK (length(description) <= 1000),
        agenda_item_id uuid REFERENCES agenda_item(id) ON DELETE SET NULL,
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX support_signal_case_idx ON support_signal(case_id, signal_date);

      -- Versioned: a change is a new version, agreed afresh by the provider and the municipality.
      CREATE TABLE relapse_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES follow_up_support(case_id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version > 0),
        who_takes_over text NOT NULL,
        how_to_scale_up text NOT NULL,
        final_say text NOT NULL,
        drafted_by uuid NOT NULL REFERENCES app_user(id),
        drafted_at timestamptz NOT NULL DEFAULT now(),
        provider_agreed_by uuid REFERENCES app_user(id),
        provider_agreed_at timestamptz,
        municipality_agreed_by uuid REFERENCES app_user(id),
        municipality_agreed_at timestamptz,
        UNIQUE (case_id, version),
        CHECK ((provider_agreed_by IS NULL) = (provider_agreed_at IS NULL)),
        CHECK ((municipality_agreed_by IS NULL) = (municipality_agreed_at IS NULL))
      );

      CREATE TABLE follow_up_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES follow_up_support(case_id) ON DELETE CASCADE,
        months smallint NOT NULL CHECK (months IN (6, 12)),
        due_on date NOT NULL,
        asked_at timestamptz NOT NULL,
        still_lives_there boolean,
        tenancy_converted boolean,
        answered_by uuid REFERENCES app_user(id),
        answered_at timestamptz,
        -- Once per case and moment, whatever the scheduler does.
        UNIQUE (case_id, months),
        CHECK ((answered_at IS NULL) = (still_lives_there IS NULL)),
        CHECK ((answered_at IS NULL) = (tenancy_converted IS NULL)),
        CHECK ((answered_at IS NULL) = (answered_by IS NULL))
      );
      REVOKE DELETE, TRUNCATE ON follow_up_check FROM ${app};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE follow_up_check;
      DROP TABLE relapse_plan;
      DROP TABLE support_signal;
      DROP TABLE support_respite;
      DROP TABLE support_goal;
      DROP TABLE support_intensity;
      DROP TABLE support_contact;
      DROP TABLE follow_up_support;
      ALTER TABLE agenda_item DROP COLUMN kind;
      ALTER TABLE case_file DROP CONSTRAINT case_file_erased_only_closed;
      ALTER TABLE case_file DROP COLUMN erased_at;
    `);
  }
}

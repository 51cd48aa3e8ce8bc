import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case file. Its sections (identity, addresses, wishes, needs, sensitive information, …) are
 * one JSON document, replaced per section by the service; what the database must know to find and
 * scope cases (region, owner, state, origin, destinations, clocks) are columns. `version` guards
 * every write (optimistic concurrency: UPDATE … WHERE version = $n).
 */
export class CaseFiles1764259200000 implements MigrationInterface {
  name = 'CaseFiles1764259200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- The name the audit log uses for the resident: erasure removes the case, never the log.
        pseudonym text NOT NULL UNIQUE CHECK (pseudonym ~ '^R-[0-9A-Z]{8}$'),
        region_id uuid NOT NULL REFERENCES region(id),
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        owner_user_id uuid NOT NULL REFERENCES app_user(id),
        state text NOT NULL CHECK (state IN ('intake', 'ready', 'scheduled', 'decided', 'searching', 'offered', 'confirmed', 'moved', 'aftercare', 'closed')),
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        target_group text NOT NULL CHECK (target_group IN ('protectedHousing', 'shelter', 'womensShelter', 'youthCare')),
        sections jsonb NOT NULL CHECK (jsonb_typeof(sections) = 'object' AND sections ? 'identity'),
        search_name text NOT NULL,
        origin_code char(6),
        proposed_destination_code char(6),
        decided_destination_code char(6),
        proposal jsonb,
        rule_set_version integer,
        -- The waiting clock: set once, at the first "uitstroomgereed"; back-steps never restart it.
        ready_at timestamptz,
        outcome text CHECK (outcome IN ('independentLiving', 'housingFirst', 'intermediateFacility', 'wlz', 'backToProtectedHousing', 'droppedOut', 'withdrawn', 'referredToOriginRegion')),
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((state = 'closed') = (closed_at IS NOT NULL AND outcome IS NOT NULL)),
        CHECK (state = 'intake' OR ready_at IS NOT NULL OR state = 'closed')
      );
      CREATE INDEX case_file_owner_idx ON case_file(owner_organisation_id, state);
      CREATE INDEX case_file_region_idx ON case_file(region_id, state);
      CREATE INDEX case_file_origin_idx ON case_file(origin_code);
      CREATE INDEX case_file_proposed_idx ON case_file(proposed_destination_code);
      CREATE INDEX case_file_decided_idx ON case_file(decided_destination_code);

      -- What happened to a case: transitions with their reasons, handovers, creation.
      CREATE TABLE case_event (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid REFERENCES app_user(id),
        kind text NOT NULL CHECK (kind IN ('created', 'transition', 'handover')),
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX case_event_case_idx ON case_event(case_id, at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE case_event; DROP TABLE case_file;');
  }
}

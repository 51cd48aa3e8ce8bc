import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Uitstroomtafel: tables with their invited organisations, agenda items (a case is on at most
 * one open agenda item, enforced here), the decision per case with the seats present and their
 * votes, and the preconditions (randvoorwaarden) with an owner and a due date.
 */
export class Tables1764432000000 implements MigrationInterface {
  name = 'Tables1764432000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outflow_table (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        municipality_code char(6) REFERENCES municipality(code),
        title text NOT NULL CHECK (length(trim(title)) >= 3),
        starts_at timestamptz NOT NULL,
        location text,
        video_url text CHECK (video_url IS NULL OR video_url LIKE 'https://%'),
        state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'published', 'closed')),
        chair_user_id uuid NOT NULL REFERENCES app_user(id),
        published_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((state = 'planned') = (published_at IS NULL)),
        CHECK ((state = 'closed') = (closed_at IS NOT NULL))
      );
      CREATE INDEX outflow_table_region_idx ON outflow_table(region_id, starts_at);

      CREATE TABLE outflow_table_invitation (
        table_id uuid NOT NULL REFERENCES outflow_table(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        PRIMARY KEY (table_id, organisation_id)
      );
      CREATE INDEX outflow_table_invitation_org_idx ON outflow_table_invitation(organisation_id);

      CREATE TABLE agenda_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        table_id uuid NOT NULL REFERENCES outflow_table(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position > 0),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided', 'deferred', 'removed')),
        note text,
        added_by uuid NOT NULL REFERENCES app_user(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status IN ('open', 'decided') OR note IS NOT NULL)
      );
      CREATE UNIQUE INDEX agenda_item_one_open_per_case ON agenda_item(case_id) WHERE status = 'open';
      CREATE INDEX agenda_item_table_idx ON agenda_item(table_id, position);

      CREATE TABLE table_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agenda_item_id uuid NOT NULL UNIQUE REFERENCES agenda_item(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        rule text NOT NULL CHECK (rule IN ('herkomst', 'A', 'B', 'C', 'D', 'buiten_regio')),
        destination_code char(6),
        proposed_destination_code char(6),
        departs_from_proposal boolean NOT NULL,
        motivation text,
        rule_set_version integer NOT NULL,
        allocation_id uuid REFERENCES distribution_allocation(id),
        follow_up_provider_id uuid REFERENCES organisation(id),
        present jsonb NOT NULL,
        votes jsonb NOT NULL,
        is_disputed boolean NOT NULL DEFAULT false,
        referral_summary text,
        decided_by uuid NOT NULL REFERENCES app_user(id),
        decided_at timestamptz NOT NULL DEFAULT now(),
        CHECK (rule = 'buiten_regio' OR destination_code IS NOT NULL),
        CHECK (NOT (departs_from_proposal OR rule IN ('A', 'B', 'D')) OR length(trim(coalesce(motivation, ''))) >= 10)
      );
      CREATE INDEX table_decision_case_idx ON table_decision(case_id);
      CREATE INDEX table_decision_provider_idx ON table_decision(follow_up_provider_id);

      CREATE TABLE precondition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        decision_id uuid NOT NULL REFERENCES table_decision(id) ON DELETE CASCADE,
        life_domain text NOT NULL CHECK (life_domain IN ('incomeAndDebts', 'housing', 'supportAndCare', 'participation')),
        description text NOT NULL,
        owner_organisation_id uuid NOT NULL REFERENCES organisation(id),
        due_date date NOT NULL,
        done_at timestamptz
      );
      CREATE INDEX precondition_case_idx ON precondition(case_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE precondition; DROP TABLE table_decision; DROP TABLE agenda_item; DROP TABLE outflow_table_invitation; DROP TABLE outflow_table;');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoleName } from './app-role';

/**
 * Offers, the municipality's confirmation and the move (issue 12, domain.md §4).
 *
 * An offer ties one corporation's dwelling to one case. Two corporations (or two allocators of one
 * corporation) reaching for the same dwelling or the same case at the same moment must never both
 * win, so the database decides, not the code:
 * - `offer_one_live_per_dwelling`: a dwelling has at most one offer that is open, accepted or
 *   completed (a dwelling serves one case: once let, it is not offered again);
 * - `offer_one_live_per_case`: a case has at most one offer that is open or accepted.
 * The loser's INSERT waits for the winner's transaction and then fails on the index; the service
 * maps the constraint's name to a 409 in Dutch.
 *
 * The move-in is one row per case (`move_in`), with the key handover, the tenancy form, the
 * three-party agreement (tenant, corporation, provider) and the provider's contact for the
 * corporation; it keeps the waiting times from "uitstroomgereed" to the first offer and to the
 * keys for the indicators (domain.md §6). Offers and move-ins are never deleted by the app (the
 * app role has no DELETE on them); they go with their case when the case is erased (cascade).
 */
export class OffersAndPlacements1764864000000 implements MigrationInterface {
  name = 'OffersAndPlacements1764864000000';

  async up(db: QueryRunner): Promise<void> {
    const app = appRoleName();
    await db.query(`
      CREATE TABLE offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        dwelling_id uuid NOT NULL REFERENCES dwelling(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        status text NOT NULL DEFAULT 'open'
          CHECK (status IN ('open', 'accepted', 'declined', 'withdrawn', 'refused', 'completed', 'cancelled')),
        offered_by uuid NOT NULL REFERENCES app_user(id),
        offered_at timestamptz NOT NULL DEFAULT now(),
        -- The day by which the resident's answer is due: the region's offerAnswerDays as it was when offered.
        answer_due_on date NOT NULL,
        -- Days from "uitstroomgereed" to this offer (null when the case had no ready date).
        waited_days integer CHECK (waited_days >= 0),
        answered_by uuid REFERENCES app_user(id),
        answered_at timestamptz,
        decline_reason text CHECK (length(decline_reason) <= 1000),
        withdrawn_by uuid REFERENCES app_user(id),
        withdrawn_at timestamptz,
        withdrawal_reason text CHECK (length(withdrawal_reason) <= 1000),
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        support_arranged text CHECK (length(support_arranged) <= 2000),
        support_intensity text CHECK (support_intensity IN ('light', 'regular', 'intensive')),
        refusal_reason text CHECK (length(refusal_reason) <= 1000),
        completed_at timestamptz,
        cancelled_at timestamptz,
        -- Set once, by the daily job, when the answer is overdue: the parties are told once.
        overdue_flagged_at timestamptz,
        version integer NOT NULL DEFAULT 1 CHECK (version > 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- Every ending carries who, when and why; an open offer has none of them.
        CHECK (status <> 'open' OR (answered_at IS NULL AND decided_at IS NULL)),
        CHECK (status NOT IN ('accepted', 'declined', 'completed') OR answered_at IS NOT NULL),
        CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
        CHECK (status <> 'declined' OR length(trim(decline_reason)) >= 10),
        CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL)),
        CHECK (status <> 'withdrawn' OR length(trim(coalesce(withdrawal_reason, ''))) >= 10),
        CHECK ((status = 'refused') = (refusal_reason IS NOT NULL)),
        CHECK (status <> 'refused' OR (decided_at IS NOT NULL AND length(trim(refusal_reason)) >= 10)),
        CHECK ((status = 'completed') = (completed_at IS NOT NULL)),
        CHECK (status <> 'completed' OR support_arranged IS NOT NULL),
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
        -- The support the municipality arranges comes with its confirmation, whole.
        CHECK ((support_arranged IS NULL) = (support_intensity IS NULL)),
        CHECK (support_arranged IS NULL OR (decided_at IS NOT NULL AND length(trim(support_arranged)) >= 10))
      );
      CREATE UNIQUE INDEX offer_one_live_per_dwelling ON offer(dwelling_id) WHERE status IN ('open', 'accepted', 'completed');
      CREATE UNIQUE INDEX offer_one_live_per_case ON offer(case_id) WHERE status IN ('open', 'accepted');
      CREATE INDEX offer_case_idx ON offer(case_id, offered_at);
      CREATE INDEX offer_organisation_idx ON offer(organisation_id, status);
      -- The daily job asks: open offers whose answer is overdue and not flagged yet.
      CREATE INDEX offer_overdue_idx ON offer(answer_due_on) WHERE status = 'open' AND overdue_flagged_at IS NULL;
      REVOKE DELETE, TRUNCATE ON offer FROM ${app};

      CREATE TABLE move_in (
        case_id uuid PRIMARY KEY REFERENCES case_file(id) ON DELETE CASCADE,
        offer_id uuid NOT NULL UNIQUE REFERENCES offer(id) ON DELETE CASCADE,
        key_handover_date date NOT NULL,
        tenancy_form text NOT NULL CHECK (tenancy_form IN ('regular', 'viaProvider', 'viaMunicipality', 'housingFirst', 'temporary', 'clustered', 'unconventional')),
        agreement_conditions text NOT NULL CHECK (length(trim(agreement_conditions)) BETWEEN 10 AND 4000),
        agreement_document_id uuid REFERENCES case_document(id) ON DELETE SET NULL,
        provider_contact_name text NOT NULL CHECK (length(trim(provider_contact_name)) BETWEEN 2 AND 200),
        provider_contact_phone text NOT NULL CHECK (length(trim(provider_contact_phone)) BETWEEN 6 AND 30),
        provider_emergency_phone text NOT NULL CHECK (length(trim(provider_emergency_phone)) BETWEEN 6 AND 30),
        waited_days_to_offer integer CHECK (waited_days_to_offer >= 0),
        waited_days_to_keys integer CHECK (waited_days_to_keys >= 0),
        recorded_by uuid NOT NULL REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      );
      -- Neighbourhood load counts the moves of the last twelve months by the date of the keys.
      CREATE INDEX move_in_key_handover_idx ON move_in(key_handover_date);
      REVOKE DELETE, TRUNCATE ON move_in FROM ${app};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE move_in; DROP TABLE offer;');
  }
}

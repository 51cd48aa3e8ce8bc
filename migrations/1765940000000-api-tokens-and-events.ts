import type { MigrationInterface, QueryRunner } from 'typeorm';

const seats = `'casemanager', 'chair', 'municipality', 'corporation', 'provider', 'regionAdmin'`;
const eventKinds = `'caseDecided', 'dwellingOffered', 'placementConfirmed', 'placementRefused', 'moveRecorded', 'signalRaised'`;

/**
 * Issue 31: the organisations' own systems read with an API token and hear signed events.
 *
 * A token acts as an account of its own: an `app_user` of kind `apiToken` with the token's id, in
 * the organisation and seat it was issued to. Every row that names who did something (the audit
 * log, a dwelling's `created_by`, a case event) then names the token, and every list that joins
 * the account shows its name. Such an account can never sign in or be told anything: it is never
 * active and has no password or second factor (checked here, so no code path can change that).
 *
 * The outbox (`partner_event`) is written in the transaction of the change it tells; the
 * scheduler fans each event out to the subscriptions that may hear it (`webhook_delivery`, one per
 * subscription and event) and delivers, logging every attempt (`webhook_attempt`).
 */
export class ApiTokensAndEvents1765940000000 implements MigrationInterface {
  name = 'ApiTokensAndEvents1765940000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE app_user
        ADD COLUMN kind text NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'apiToken')),
        ADD CONSTRAINT app_user_token_never_signs_in
          CHECK (kind = 'person' OR (NOT is_active AND password_hash IS NULL AND totp_secret IS NULL));

      CREATE TABLE api_token (
        id uuid PRIMARY KEY REFERENCES app_user(id),
        region_id uuid NOT NULL REFERENCES region(id),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        seat text NOT NULL CHECK (seat IN (${seats})),
        name text NOT NULL CHECK (length(trim(name)) BETWEEN 2 AND 100),
        -- The first 12 characters, to tell tokens apart; the token itself only as its SHA-256.
        prefix text NOT NULL CHECK (prefix ~ '^ut_[A-Za-z0-9_-]{9}$'),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        permissions text[] NOT NULL CHECK (cardinality(permissions) > 0),
        expires_on date NOT NULL,
        expires_at timestamptz NOT NULL,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user(id),
        last_used_at timestamptz,
        -- Requests per token and minute, counted here so the limit holds across nodes.
        rate_window_start timestamptz,
        rate_hits integer NOT NULL DEFAULT 0,
        -- At most a year (and a day for the Dutch day's last hours).
        CHECK (expires_at > created_at AND expires_at <= created_at + interval '1 year 2 days'),
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      );
      CREATE INDEX api_token_region_idx ON api_token(region_id, created_at);

      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_id uuid NOT NULL REFERENCES api_token(id),
        url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
        kinds text[] NOT NULL CHECK (cardinality(kinds) > 0 AND kinds <@ ARRAY[${eventKinds}]),
        -- The server signs with it, so it is kept as is; it is shown once, when subscribing.
        secret text NOT NULL CHECK (length(secret) >= 32),
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
      );
      CREATE INDEX webhook_subscription_token_idx ON webhook_subscription(token_id) WHERE ended_at IS NULL;

      CREATE TABLE partner_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id),
        kind text NOT NULL CHECK (kind IN (${eventKinds})),
        case_id uuid NOT NULL REFERENCES case_file(id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        fanned_out_at timestamptz
      );
      CREATE INDEX partner_event_pending_idx ON partner_event(occurred_at) WHERE fanned_out_at IS NULL;

      CREATE TABLE webhook_delivery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL REFERENCES webhook_subscription(id),
        event_id uuid NOT NULL REFERENCES partner_event(id) ON DELETE CASCADE,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        -- One delivery per subscription and event, whichever node fans out.
        UNIQUE (subscription_id, event_id),
        CHECK ((state = 'pending') = (next_attempt_at IS NOT NULL)),
        CHECK ((state = 'delivered') = (delivered_at IS NOT NULL))
      );
      CREATE INDEX webhook_delivery_due_idx ON webhook_delivery(next_attempt_at) WHERE state = 'pending';
      CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery(subscription_id, created_at);

      CREATE TABLE webhook_attempt (
        delivery_id uuid NOT NULL REFERENCES webhook_delivery(id) ON DELETE CASCADE,
        attempt integer NOT NULL CHECK (attempt > 0),
        at timestamptz NOT NULL,
        status_code integer,
        error text CHECK (length(error) <= 200),
        duration_ms integer NOT NULL CHECK (duration_ms >= 0),
        PRIMARY KEY (delivery_id, attempt)
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE webhook_attempt;
      DROP TABLE webhook_delivery;
      DROP TABLE partner_event;
      DROP TABLE webhook_subscription;
      DROP TABLE api_token;
      DELETE FROM app_user WHERE kind = 'apiToken';
      ALTER TABLE app_user DROP CONSTRAINT app_user_token_never_signs_in, DROP COLUMN kind;
    `);
  }
}

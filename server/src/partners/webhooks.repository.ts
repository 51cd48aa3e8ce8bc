import type { EntityManager } from 'typeorm';
import type { Delivery, PartnerEventKind, Permission, Seat, Subscription } from '@uitstroom/shared';
import { returnedRows } from '../core/db';

interface SubscriptionRow {
  id: string;
  token_id: string;
  url: string;
  kinds: PartnerEventKind[];
  created_at: Date;
  pending: number;
  delivered: number;
  failed: number;
}

const subscriptionQuery = `
  SELECT s.id, s.token_id, s.url, s.kinds, s.created_at,
         count(d.id) FILTER (WHERE d.state = 'pending')::int AS pending,
         count(d.id) FILTER (WHERE d.state = 'delivered')::int AS delivered,
         count(d.id) FILTER (WHERE d.state = 'failed')::int AS failed
    FROM webhook_subscription s LEFT JOIN webhook_delivery d ON d.subscription_id = s.id`;

function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    tokenId: row.token_id,
    url: row.url,
    kinds: row.kinds,
    createdAt: row.created_at.toISOString(),
    deliveries: { pending: row.pending, delivered: row.delivered, failed: row.failed },
  };
}

/** The live subscriptions of one token, oldest first. */
export async function listSubscriptions(
  db: EntityManager,
  tokenId: string,
): Promise<Subscription[]> {
  const rows: SubscriptionRow[] = await db.query(
    `${subscriptionQuery} WHERE s.token_id = $1 AND s.ended_at IS NULL GROUP BY s.id ORDER BY s.created_at, s.id`,
    [tokenId],
  );
  return rows.map(toSubscription);
}

export async function findSubscription(
  db: EntityManager,
  tokenId: string,
  subscriptionId: string,
): Promise<Subscription | null> {
  const rows: SubscriptionRow[] = await db.query(
    `${subscriptionQuery} WHERE s.token_id = $1 AND s.id = $2 AND s.ended_at IS NULL GROUP BY s.id`,
    [tokenId, subscriptionId],
  );
  return rows[0] ? toSubscription(rows[0]) : null;
}

export async function insertSubscription(
  db: EntityManager,
  input: { tokenId: string; url: string; kinds: readonly PartnerEventKind[]; secret: string },
): Promise<string> {
  const [{ id }] = await db.query(
    'INSERT INTO webhook_subscription (token_id, url, kinds, secret) VALUES ($1, $2, $3, $4) RETURNING id',
    [input.tokenId, input.url, input.kinds, input.secret],
  );
  return id;
}

/** Ends a subscription of the token; its waiting deliveries are given up at the next delivery run. */
export async function endSubscription(
  db: EntityManager,
  tokenId: string,
  subscriptionId: string,
): Promise<boolean> {
  const rows = returnedRows(
    await db.query(
      `UPDATE webhook_subscription SET ended_at = now()
        WHERE id = $1 AND token_id = $2 AND ended_at IS NULL RETURNING id`,
      [subscriptionId, tokenId],
    ),
  );
  return rows.length > 0;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  kind: PartnerEventKind;
  case_id: string;
  state: Delivery['state'];
  created_at: Date;
  delivered_at: Date | null;
  next_attempt_at: Date | null;
  attempts: {
    attempt: number;
    at: string;
    status_code: number | null;
    error: string | null;
    duration_ms: number;
  }[];
}

/** The latest deliveries of a subscription (at most 100), each with every attempt. */
export async function listDeliveries(
  db: EntityManager,
  subscriptionId: string,
  state: Delivery['state'] | undefined,
): Promise<Delivery[]> {
  const rows: DeliveryRow[] = await db.query(
    `SELECT d.id, d.event_id, e.kind, e.case_id, d.state, d.created_at, d.delivered_at, d.next_attempt_at,
            coalesce((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'status_code', a.status_code,
                                                        'error', a.error, 'duration_ms', a.duration_ms) ORDER BY a.attempt)
                        FROM webhook_attempt a WHERE a.delivery_id = d.id), '[]'::json) AS attempts
       FROM webhook_delivery d JOIN partner_event e ON e.id = d.event_id
      WHERE d.subscription_id = $1 AND ($2::text IS NULL OR d.state = $2)
      ORDER BY d.created_at DESC, d.id LIMIT 100`,
    [subscriptionId, state ?? null],
  );
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    kind: row.kind,
    caseId: row.case_id,
    state: row.state,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    // A delivery being sent holds a lease, not a plan: only a waiting one says when it is next tried.
    nextAttemptAt: row.state === 'pending' ? (row.next_attempt_at?.toISOString() ?? null) : null,
    attempts: row.attempts.map((a) => ({
      attempt: a.attempt,
      at: new Date(a.at).toISOString(),
      statusCode: a.status_code,
      error: a.error,
      durationMs: a.duration_ms,
    })),
  }));
}

// ---- the delivery job ----

export interface PendingEventRow {
  id: string;
  region_id: string;
  kind: PartnerEventKind;
  case_id: string;
}

/** Events not yet fanned out, oldest first; another node's run skips the ones this one holds. */
export async function takeEventsToFanOut(
  db: EntityManager,
  limit: number,
): Promise<PendingEventRow[]> {
  return db.query(
    `SELECT id, region_id, kind, case_id FROM partner_event
      WHERE fanned_out_at IS NULL ORDER BY occurred_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
}

export interface ListeningTokenRow {
  subscription_id: string;
  id: string;
  seat: Seat;
  permissions: Permission[];
  organisation_id: string;
  region_id: string;
  municipality_code: string | null;
}

/** The live subscriptions to a kind in a region, of tokens that still work at that moment. */
export async function findListeners(
  db: EntityManager,
  regionId: string,
  kind: PartnerEventKind,
  at: Date,
): Promise<ListeningTokenRow[]> {
  return db.query(
    `SELECT s.id AS subscription_id, t.id, t.seat, t.permissions, t.organisation_id, o.region_id,
            trim(o.municipality_code) AS municipality_code
       FROM webhook_subscription s JOIN api_token t ON t.id = s.token_id JOIN organisation o ON o.id = t.organisation_id
      WHERE t.region_id = $1 AND $2 = ANY(s.kinds) AND s.ended_at IS NULL
        AND t.revoked_at IS NULL AND t.expires_at > $3`,
    [regionId, kind, at],
  );
}

export async function insertDeliveries(
  db: EntityManager,
  eventId: string,
  subscriptionIds: readonly string[],
  at: Date,
): Promise<void> {
  if (subscriptionIds.length === 0) return;
  await db.query(
    `INSERT INTO webhook_delivery (subscription_id, event_id, next_attempt_at, created_at)
     SELECT s, $1, $3, $3 FROM unnest($2::uuid[]) AS s ON CONFLICT (subscription_id, event_id) DO NOTHING`,
    [eventId, subscriptionIds, at],
  );
}

export async function markFannedOut(db: EntityManager, eventIds: readonly string[], at: Date) {
  await db.query('UPDATE partner_event SET fanned_out_at = $2 WHERE id = ANY($1::uuid[])', [
    eventIds,
    at,
  ]);
}

/** Waiting deliveries whose subscription ended or whose token no longer works: given up. */
export async function giveUpOrphanedDeliveries(db: EntityManager, at: Date): Promise<void> {
  await db.query(
    `UPDATE webhook_delivery d SET state = 'failed', next_attempt_at = NULL
       FROM webhook_subscription s JOIN api_token t ON t.id = s.token_id
      WHERE d.subscription_id = s.id AND d.state = 'pending'
        AND (s.ended_at IS NOT NULL OR t.revoked_at IS NOT NULL OR t.expires_at <= $1)`,
    [at],
  );
}

export interface DueDeliveryRow {
  id: string;
  attempts: number;
  url: string;
  secret: string;
  event_id: string;
  kind: PartnerEventKind;
  case_id: string;
  kenmerk: string;
  occurred_at: Date;
}

/**
 * Takes the deliveries that are due and leases them for a few minutes: should this node stop
 * while sending, another sends them again after the lease (at least once; the event id lets the
 * receiver drop the duplicate).
 */
export async function leaseDueDeliveries(
  db: EntityManager,
  at: Date,
  limit: number,
  leaseSeconds: number,
): Promise<DueDeliveryRow[]> {
  const rows: DueDeliveryRow[] = await db.query(
    `SELECT d.id, d.attempts, s.url, s.secret, e.id AS event_id, e.kind, e.case_id, c.pseudonym AS kenmerk, e.occurred_at
       FROM webhook_delivery d
       JOIN webhook_subscription s ON s.id = d.subscription_id
       JOIN partner_event e ON e.id = d.event_id
       JOIN case_file c ON c.id = e.case_id
      WHERE d.state = 'pending' AND d.next_attempt_at <= $1
      ORDER BY d.next_attempt_at, d.id LIMIT $2 FOR UPDATE OF d SKIP LOCKED`,
    [at, limit],
  );
  if (rows.length)
    await db.query(
      `UPDATE webhook_delivery SET next_attempt_at = $2::timestamptz + make_interval(secs => $3) WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.id), at, leaseSeconds],
    );
  return rows;
}

export interface AttemptOutcome {
  deliveryId: string;
  attempt: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  /** delivered, or the next try, or null: given up. */
  next: 'delivered' | Date | null;
}

export async function recordAttempt(db: EntityManager, outcome: AttemptOutcome): Promise<void> {
  await db.query(
    `INSERT INTO webhook_attempt (delivery_id, attempt, at, status_code, error, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
    [
      outcome.deliveryId,
      outcome.attempt,
      outcome.at,
      outcome.statusCode,
      outcome.error,
      outcome.durationMs,
    ],
  );
  const { next } = outcome;
  await db.query(
    `UPDATE webhook_delivery
        SET attempts = greatest(attempts, $2),
            state = $3,
            next_attempt_at = $4,
            delivered_at = CASE WHEN $3 = 'delivered' THEN $5::timestamptz END
      WHERE id = $1 AND state = 'pending'`,
    [
      outcome.deliveryId,
      outcome.attempt,
      next === 'delivered' ? 'delivered' : next ? 'pending' : 'failed',
      next instanceof Date ? next : null,
      outcome.at,
    ],
  );
}

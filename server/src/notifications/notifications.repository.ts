import type { EntityManager } from 'typeorm';
import type {
  NotificationCandidate,
  NotificationDelivery,
  NotificationKind,
  NotificationListQuery,
} from '@uitstroom/shared';
import { returnedRows } from '../core/db';
import type { Actor } from '../core/request-context';

/** The active users of a region, as the recipient rules need them. */
export async function listCandidates(
  db: EntityManager,
  regionId: string,
): Promise<NotificationCandidate[]> {
  return db.query(
    `SELECT u.id AS "userId", u.seat, u.organisation_id AS "organisationId", trim(o.municipality_code) AS "municipalityCode", u.is_active AS "isActive"
       FROM app_user u JOIN organisation o ON o.id = u.organisation_id
      WHERE o.region_id = $1 AND u.is_active ORDER BY u.id`,
    [regionId],
  );
}

export interface InsertedNotification {
  id: string;
  user_id: string;
  delivery: NotificationDelivery;
}

/**
 * One notification per recipient, each with the delivery the recipient chose for the kind (or the
 * default). A precondition's due date is told once per user: a second insert is skipped by the
 * unique index, whichever node tries.
 */
export async function insertNotifications(
  db: EntityManager,
  input: {
    userIds: readonly string[];
    kind: NotificationKind;
    title: string;
    defaultDelivery: NotificationDelivery;
    caseId: string | null;
    tableId: string | null;
    preconditionId: string | null;
    at: Date | null;
  },
): Promise<InsertedNotification[]> {
  if (!input.userIds.length) return [];
  return db.query(
    `INSERT INTO notification (user_id, kind, title, case_id, table_id, precondition_id, delivery, created_at)
     SELECT r.user_id, $2, $3, $4, $5, $6, coalesce(p.delivery, $7), coalesce($8::timestamptz, now())
       FROM unnest($1::uuid[]) AS r(user_id)
       LEFT JOIN notification_preference p ON p.user_id = r.user_id AND p.kind = $2
     ON CONFLICT DO NOTHING
     RETURNING id, user_id, delivery`,
    [
      input.userIds,
      input.kind,
      input.title,
      input.caseId,
      input.tableId,
      input.preconditionId,
      input.defaultDelivery,
      input.at,
    ],
  );
}

export interface MailableNotification {
  id: string;
  user_id: string;
  kind: NotificationKind;
  email: string;
  display_name: string;
  region_name: string;
  region_id: string;
}

/**
 * Takes the "mail at once" notifications that are not mailed yet, and marks them mailed in the same
 * statement: two nodes delivering after the same commit can never both send one.
 */
export async function claimImmediateMails(
  db: EntityManager,
  ids: readonly string[],
): Promise<MailableNotification[]> {
  if (!ids.length) return [];
  return returnedRows<MailableNotification>(
    await db.query(
      `UPDATE notification n SET mailed_at = now()
       FROM app_user u JOIN organisation o ON o.id = u.organisation_id JOIN region r ON r.id = o.region_id
      WHERE n.id = ANY($1::uuid[]) AND n.delivery = 'immediately' AND n.mailed_at IS NULL AND u.id = n.user_id AND u.is_active
      RETURNING n.id, n.user_id, n.kind, u.email, u.display_name, r.name AS region_name, r.id AS region_id`,
      [ids],
    ),
  );
}

/** A claimed mail that could not be sent: unmarked, for the digest to carry. */
export async function unclaimMail(db: EntityManager, id: string): Promise<void> {
  await db.query('UPDATE notification SET mailed_at = NULL WHERE id = $1', [id]);
}

/**
 * Takes every "digest" notification not mailed yet, of every user, and marks it mailed, in the
 * job's transaction. A deactivated user's are marked too (and not sent), so they do not pile up.
 * An "at once" mail that could not be sent (older than an hour, still unmailed) comes along: late
 * is better than lost.
 */
export async function claimDigest(
  db: EntityManager,
  at: Date,
): Promise<(MailableNotification & { is_active: boolean })[]> {
  return returnedRows(
    await db.query(
      `UPDATE notification n SET mailed_at = $1
       FROM app_user u JOIN organisation o ON o.id = u.organisation_id JOIN region r ON r.id = o.region_id
      WHERE (n.delivery = 'digest' OR (n.delivery = 'immediately' AND n.created_at < $1::timestamptz - interval '1 hour'))
        AND n.mailed_at IS NULL AND u.id = n.user_id
      RETURNING n.id, n.user_id, n.kind, u.email, u.display_name, r.name AS region_name, r.id AS region_id, u.is_active`,
      [at],
    ),
  );
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title: string;
  created_at: Date;
  read_at: Date | null;
  case_id: string | null;
  table_id: string | null;
  is_case_reachable: boolean;
  is_table_reachable: boolean;
}

/** A row scope: an SQL condition on the record's alias (`c`, `t`) whose values it adds to `params`. */
type RowScope = (actor: Actor, params: unknown[]) => string;

/**
 * The row scopes of the cases and tables notifications point at. They belong to the cases and tables
 * modules, which tell of notifications and so depend on this one; the app hands them in (app.ts).
 */
export interface NotificationReach {
  caseScope: RowScope;
  tableScope: RowScope;
  /** The residents' names the reader may see (the cases module's projection), by case id. */
  caseNames(
    db: EntityManager,
    actor: Actor,
    caseIds: readonly string[],
  ): Promise<ReadonlyMap<string, { pseudonym: string; name: string }>>;
}

/**
 * The signed-in user's own notifications, one page. Whether each one's case or table is in the
 * reader's reach is asked now, through the same row scopes as every case and table query: a case
 * that left the reach (consent, a handover) is no longer a link.
 */
export async function listOwn(
  db: EntityManager,
  actor: Actor,
  query: NotificationListQuery,
  reach: NotificationReach,
): Promise<NotificationRow[]> {
  const params: unknown[] = [actor.userId];
  const cases = reach.caseScope(actor, params);
  const tables = reach.tableScope(actor, params);
  params.push(query.pageSize, (query.page - 1) * query.pageSize);
  const order =
    query.order === 'unreadFirst'
      ? '(n.read_at IS NULL) DESC, n.created_at DESC, n.id'
      : 'n.created_at DESC, n.id';
  return db.query(
    `SELECT n.id, n.kind, n.title, n.created_at, n.read_at, n.case_id, n.table_id,
            (n.case_id IS NOT NULL AND EXISTS (SELECT 1 FROM case_file c WHERE c.id = n.case_id AND (${cases}))) AS is_case_reachable,
            (n.table_id IS NOT NULL AND EXISTS (SELECT 1 FROM outflow_table t WHERE t.id = n.table_id AND (${tables}))) AS is_table_reachable
       FROM notification n WHERE n.user_id = $1
      ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
}

export async function countOwn(
  db: EntityManager,
  userId: string,
): Promise<{ total: number; unread: number }> {
  const [row] = await db.query(
    'SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notification WHERE user_id = $1',
    [userId],
  );
  return row;
}

export async function countUnread(db: EntityManager, userId: string): Promise<number> {
  const [{ n }] = await db.query(
    'SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL',
    [userId],
  );
  return n;
}

/** False when there is no such notification of this user: another user's id is not found. */
export async function markRead(
  db: EntityManager,
  userId: string,
  notificationId: string,
): Promise<boolean> {
  const rows = returnedRows(
    await db.query(
      'UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id',
      [notificationId, userId],
    ),
  );
  return rows.length === 1;
}

export async function markAllRead(db: EntityManager, userId: string): Promise<number> {
  return returnedRows(
    await db.query(
      'UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id',
      [userId],
    ),
  ).length;
}

export async function findPreferences(
  db: EntityManager,
  userId: string,
): Promise<Partial<Record<NotificationKind, NotificationDelivery>>> {
  const rows: { kind: NotificationKind; delivery: NotificationDelivery }[] = await db.query(
    'SELECT kind, delivery FROM notification_preference WHERE user_id = $1',
    [userId],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r.delivery]));
}

export async function savePreferences(
  db: EntityManager,
  userId: string,
  changes: Partial<Record<NotificationKind, NotificationDelivery>>,
): Promise<void> {
  const entries = Object.entries(changes);
  if (!entries.length) return;
  await db.query(
    `INSERT INTO notification_preference (user_id, kind, delivery)
     SELECT $1, c.kind, c.delivery FROM unnest($2::text[], $3::text[]) AS c(kind, delivery)
     ON CONFLICT (user_id, kind) DO UPDATE SET delivery = excluded.delivery, updated_at = now()`,
    [userId, entries.map(([kind]) => kind), entries.map(([, delivery]) => delivery)],
  );
}

import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import {
  defaultNotificationPreferences,
  notificationReferences,
  notificationTitle,
  recipientsOf,
  type NotificationCandidate,
  type NotificationEvent,
} from '@uitstroom/shared';
import { sendAfterCommit, type Mailer } from '../core/mailer';
import { afterCommit } from '../core/after-commit';
import { publishAfterCommit } from '../core/live-events';
import { notificationMail } from './notification.mails';
import * as repository from './notifications.repository';

/**
 * The one entry for telling users of something: `notify(tx, event)` inside the transaction of the
 * change. The notifications are written in that transaction, so a change that rolls back tells
 * nobody. Once it has committed, each recipient's open pages hear of it (a live event) and the
 * "at once" e-mails go out; both hang on the transaction's commit, so a caller can neither send
 * them early nor forget them.
 */

/** How mails about notifications are sent: the app's mailer, and the address users reach the app at. */
export interface NotificationMailer {
  mailer: Mailer;
  /** PUBLIC_URL (never a request's Host header): links in mails point here. */
  baseUrl: string;
  logger?: Logger;
}

const mailers = new WeakMap<DataSource, NotificationMailer>();

/** Done once per app (createApp): without it, notifications still appear in the app, but no mail leaves. */
export function installNotificationMailer(db: DataSource, mailer: NotificationMailer): void {
  mailers.set(db, mailer);
}

export function notificationMailerOf(db: DataSource): NotificationMailer | null {
  return mailers.get(db) ?? null;
}

// ---- what waits for the commit ----

const mailsInFlight = new WeakMap<DataSource, Set<Promise<unknown>>>();

/** After commit: the "at once" mails are sent without holding up the request that caused them. */
function deliver(db: DataSource, immediateIds: readonly string[]): void {
  const mailer = notificationMailerOf(db);
  if (!immediateIds.length || !mailer) return;
  track(
    db,
    sendImmediateMails(db, mailer, immediateIds).catch((error: unknown) => {
      mailer.logger?.error({ err: error }, 'sending notification mails failed');
    }),
  );
}

async function sendImmediateMails(
  db: DataSource,
  mailer: NotificationMailer,
  ids: readonly string[],
): Promise<void> {
  for (const row of await repository.claimImmediateMails(db.manager, ids)) {
    const isSent = await sendAfterCommit(
      mailer.mailer,
      notificationMail({
        to: row.email,
        displayName: row.display_name,
        regionName: row.region_name,
        regionId: row.region_id,
        kind: row.kind,
        baseUrl: mailer.baseUrl,
      }),
      mailer.logger,
    );
    // Not sent (the mail server was away): unclaimed again, so that the next morning's digest carries it.
    if (!isSent) await repository.unclaimMail(db.manager, row.id);
  }
}

function track(db: DataSource, work: Promise<unknown>): void {
  let set = mailsInFlight.get(db);
  if (!set) {
    set = new Set();
    mailsInFlight.set(db, set);
  }
  set.add(work);
  void work.finally(() => set.delete(work));
}

/** Resolves when every notification mail started so far has been handed to the mailer (tests, shutdown). */
export async function notificationMailsSettled(db: DataSource): Promise<void> {
  while (mailsInFlight.get(db)?.size) await Promise.allSettled([...mailsInFlight.get(db)!]);
}

// ---- the entry ----

export interface NotifyOptions {
  /** Who caused it: never told of their own act. */
  actorUserId?: string | null;
  /** When it happened; the scheduler passes its (injectable) clock. Default: the database's now(). */
  at?: Date;
}

/**
 * Tells the users the shared rules name of each event, inside `tx`. Returns how many notifications
 * were written. The region's users are read once per region for all events of the call.
 */
export async function notify(
  tx: EntityManager,
  events: NotificationEvent | readonly NotificationEvent[],
  options: NotifyOptions = {},
): Promise<number> {
  if (!tx.queryRunner?.isTransactionActive)
    throw new Error('notify() belongs inside the transaction of the change it tells about');
  const immediateIds: string[] = [];
  const candidatesByRegion = new Map<string, NotificationCandidate[]>();
  let written = 0;
  const list = (Array.isArray(events) ? events : [events]) as readonly NotificationEvent[];
  for (const event of list) {
    let candidates = candidatesByRegion.get(event.regionId);
    if (!candidates) {
      candidates = await repository.listCandidates(tx, event.regionId);
      candidatesByRegion.set(event.regionId, candidates);
    }
    const userIds = recipientsOf(event, candidates, options.actorUserId ?? null);
    const inserted = await repository.insertNotifications(tx, {
      userIds,
      kind: event.kind,
      title: notificationTitle(event),
      defaultDelivery: defaultNotificationPreferences[event.kind],
      ...notificationReferences(event),
      at: options.at ?? null,
    });
    if (!inserted.length) continue;
    written += inserted.length;
    // Each recipient's open pages refresh their count once the change has committed.
    for (const userId of new Set(inserted.map((n) => n.user_id)))
      publishAfterCommit(tx, { kind: 'notifications', userId });
    for (const n of inserted) if (n.delivery === 'immediately') immediateIds.push(n.id);
  }
  // Sent without holding up the request that caused them; a rolled-back change sends nothing.
  if (immediateIds.length) afterCommit(tx, () => deliver(tx.dataSource, immediateIds));
  return written;
}

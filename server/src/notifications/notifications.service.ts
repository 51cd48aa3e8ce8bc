import type { DataSource } from 'typeorm';
import {
  AppError,
  preferencesWith,
  type NotificationList,
  type NotificationListQuery,
  type NotificationPreferences,
  type UnreadCount,
  type UpdateNotificationPreferences,
} from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { liveEventsOf } from '../core/live-events';
import * as repository from './notifications.repository';
import type { NotificationRow } from './notifications.repository';

/**
 * The signed-in user's notifications and e-mail preferences. Everything is scoped to the user
 * (another user's notification is "not found"). A stored notification names no resident; the
 * list shows the name to a reader whose projection of the case shows it, as the case list does.
 * The case or table it links to writes its own audit row when opened.
 */

function linkOf(row: NotificationRow) {
  if (row.case_id && row.is_case_reachable)
    return { to: `/casussen/${row.case_id}`, label: 'Naar de casus' };
  if (row.table_id && row.is_table_reachable)
    return { to: `/tafels/${row.table_id}`, label: 'Naar de tafel' };
  return null;
}

/**
 * A notification is stored naming its case by the kenmerk (mails and the stored row name no one);
 * the reader sees the resident's name instead where its seat's projection of the case shows it now.
 */
function titleFor(
  row: NotificationRow,
  names: ReadonlyMap<string, { pseudonym: string; name: string }>,
): string {
  const named = row.case_id ? names.get(row.case_id) : undefined;
  return named ? row.title.replace(`casus ${named.pseudonym}`, named.name) : row.title;
}

export async function listNotifications(
  db: DataSource,
  actor: Actor,
  query: NotificationListQuery,
  reach: repository.NotificationReach,
): Promise<NotificationList> {
  return db.transaction('REPEATABLE READ', async (tx) => {
    const rows = await repository.listOwn(tx, actor, query, reach);
    const { total, unread } = await repository.countOwn(tx, actor.userId);
    const names = await reach.caseNames(
      tx,
      actor,
      rows.filter((row) => row.case_id && row.is_case_reachable).map((row) => row.case_id!),
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        title: titleFor(row, names),
        createdAt: row.created_at.toISOString(),
        readAt: row.read_at?.toISOString() ?? null,
        link: linkOf(row),
      })),
      total,
      unreadCount: unread,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

export async function unreadCount(db: DataSource, actor: Actor): Promise<UnreadCount> {
  return { unreadCount: await repository.countUnread(db.manager, actor.userId) };
}

/** Other open pages of the same user (another tab, a phone) update their count too. */
function announce(db: DataSource, actor: Actor): void {
  liveEventsOf(db).publish({ kind: 'notifications', userId: actor.userId });
}

export async function markRead(
  db: DataSource,
  actor: Actor,
  notificationId: string,
): Promise<UnreadCount> {
  const count = await db.transaction(async (tx) => {
    if (!(await repository.markRead(tx, actor.userId, notificationId)))
      throw new AppError('NOT_FOUND', 'Deze melding bestaat niet.');
    return repository.countUnread(tx, actor.userId);
  });
  announce(db, actor);
  return { unreadCount: count };
}

export async function markAllRead(db: DataSource, actor: Actor): Promise<UnreadCount> {
  const changed = await db.transaction((tx) => repository.markAllRead(tx, actor.userId));
  if (changed) announce(db, actor);
  return { unreadCount: 0 };
}

export async function getPreferences(
  db: DataSource,
  actor: Actor,
): Promise<NotificationPreferences> {
  return preferencesWith(await repository.findPreferences(db.manager, actor.userId));
}

/** Applies to notifications from now on; those already written keep the delivery chosen then. */
export async function updatePreferences(
  db: DataSource,
  actor: Actor,
  changes: UpdateNotificationPreferences,
): Promise<NotificationPreferences> {
  return db.transaction(async (tx) => {
    await repository.savePreferences(tx, actor.userId, changes);
    return preferencesWith(await repository.findPreferences(tx, actor.userId));
  });
}

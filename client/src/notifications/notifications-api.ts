import { useEffect, useLayoutEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import {
  notificationListSchema,
  notificationPreferencesSchema,
  unreadCountSchema,
  type NotificationList,
  type NotificationPreferences,
  type UpdateNotificationPreferences,
} from '@uitstroom/shared';
import { apiClient, request } from '../core/api';

/**
 * The window event that says "your notifications changed": the live layer dispatches it when the
 * server says so, and this module when the user reads one here (so the badge follows at once).
 */
export const notificationsChangedEvent = 'uitstroomtafel:notifications-changed';

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new CustomEvent(notificationsChangedEvent));
}

export function fetchNotifications(
  query: { order: 'unreadFirst' | 'newest'; page: number },
  signal?: AbortSignal,
): Promise<NotificationList> {
  return request(
    apiClient.GET('/api/notifications', {
      params: { query: { order: query.order, page: query.page, pageSize: 20 } },
      signal,
    }),
    { schema: notificationListSchema },
  );
}

export async function fetchUnreadCount(signal?: AbortSignal): Promise<number> {
  return (
    await request(apiClient.GET('/api/notifications/unread-count', { signal }), {
      schema: unreadCountSchema,
    })
  ).unreadCount;
}

export async function markNotificationRead(id: string): Promise<number> {
  const { unreadCount } = await request(
    apiClient.POST('/api/notifications/{notificationId}/read', {
      params: { path: { notificationId: id } },
    }),
    { schema: unreadCountSchema },
  );
  announceNotificationsChanged();
  return unreadCount;
}

export async function markAllNotificationsRead(): Promise<void> {
  await request(apiClient.POST('/api/notifications/read-all'), {
    schema: unreadCountSchema,
  });
  announceNotificationsChanged();
}

export function fetchPreferences(): Promise<NotificationPreferences> {
  return request(apiClient.GET('/api/notifications/preferences'), {
    schema: notificationPreferencesSchema,
  });
}

export function savePreferences(
  changes: UpdateNotificationPreferences,
): Promise<NotificationPreferences> {
  return request(apiClient.PUT('/api/notifications/preferences', { body: changes }), {
    schema: notificationPreferencesSchema,
  });
}

/**
 * Calls `load` when mounted, after every move to another page, and whenever the notifications change (live,
 * or read on another part of the page). Without the live layer, navigating is enough to catch up.
 * `load` gets a signal that aborts when a newer load starts or the component goes.
 */
export function useReloadOnNotifications(load: (signal: AbortSignal) => void): void {
  const location = useLocation();
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });
  useEffect(() => {
    let controller = new AbortController();
    const reload = () => {
      controller.abort();
      controller = new AbortController();
      loadRef.current(controller.signal);
    };
    reload();
    window.addEventListener(notificationsChangedEvent, reload);
    return () => {
      window.removeEventListener(notificationsChangedEvent, reload);
      controller.abort();
    };
    // The path, not the whole location: filters typed into a page's query string are not a new page.
  }, [location.pathname]);
}

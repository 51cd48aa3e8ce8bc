import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  notificationListSchema,
  notificationPreferencesSchema,
  unreadCountSchema,
  type NotificationList,
  type NotificationPreferences,
  type UpdateNotificationPreferences,
} from '@uitstroom/shared';
import { apiClient, request } from '../core/api';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import { useWrite } from '../core/query/use-write';

/**
 * "Your notifications changed": the live layer says so when the server does, and a read here does
 * (so the badge follows at once). The tasks are read again too: a notification often brings one.
 */
export function invalidateNotifications(): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
    queryClient.invalidateQueries({ queryKey: queryKeys.tasks }),
  ]).then(() => undefined);
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
  return unreadCount;
}

export async function markAllNotificationsRead(): Promise<void> {
  await request(apiClient.POST('/api/notifications/read-all'), {
    schema: unreadCountSchema,
  });
}

export function fetchPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return request(apiClient.GET('/api/notifications/preferences', { signal }), {
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

export type NotificationOrder = 'unreadFirst' | 'newest';

/** One page of the notifications; the previous page stays shown while the next one loads. */
export function useNotifications(order: NotificationOrder, page: number) {
  return useQuery({
    queryKey: queryKeys.notificationList(order, page),
    queryFn: ({ signal }) => fetchNotifications({ order, page }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: queryKeys.unreadCount,
    queryFn: ({ signal }) => fetchUnreadCount(signal),
  });
}

export function useMarkNotificationRead() {
  return useMutation({ mutationFn: markNotificationRead, onSuccess: invalidateNotifications });
}

export function useMarkAllNotificationsRead() {
  return useMutation({ mutationFn: markAllNotificationsRead, onSuccess: invalidateNotifications });
}

/** The seat's choices of e-mail per kind of notification. */
export function usePreferences() {
  return useQuery({
    queryKey: queryKeys.notificationPreferences,
    queryFn: ({ signal }) => fetchPreferences(signal),
  });
}

/** Saves the choices; the answer is the stored choices, which replace the cached ones. */
export function useSavePreferences() {
  return useWrite({ write: savePreferences, sets: () => queryKeys.notificationPreferences });
}

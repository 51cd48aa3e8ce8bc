import type { DataSource } from 'typeorm';
import {
  notificationIdParamsSchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationPreferencesSchema,
  unreadCountSchema,
  updateNotificationPreferencesSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import type { NotificationReach } from './notifications.repository';
import * as notifications from './notifications.service';

/** `reach`: the row scopes of cases and tables, from their modules (see NotificationReach). */
export function notificationsRoutes(db: DataSource, reach: NotificationReach) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/notifications',
      tag: 'notifications',
      summary: 'Uw meldingen, ongelezen of nieuwste eerst, met het aantal ongelezen',
      access: { permission: 'notification:read' },
      query: notificationListQuerySchema,
      response: notificationListSchema,
      handler: ({ query, context, actor }) =>
        notifications.listNotifications(db, context, actor, query, reach),
    }),
    defineRoute({
      method: 'get',
      path: '/api/notifications/unread-count',
      tag: 'notifications',
      summary: 'Het aantal ongelezen meldingen',
      access: { permission: 'notification:read' },
      response: unreadCountSchema,
      handler: ({ actor }) => notifications.unreadCount(db, actor),
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/:notificationId/read',
      tag: 'notifications',
      summary: 'Een melding als gelezen markeren',
      access: { permission: 'notification:update' },
      params: notificationIdParamsSchema,
      response: unreadCountSchema,
      handler: ({ params, actor }) => notifications.markRead(db, actor, params.notificationId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/read-all',
      tag: 'notifications',
      summary: 'Alle meldingen als gelezen markeren',
      access: { permission: 'notification:update' },
      response: unreadCountSchema,
      handler: ({ actor }) => notifications.markAllRead(db, actor),
    }),
    defineRoute({
      method: 'get',
      path: '/api/notifications/preferences',
      tag: 'notifications',
      summary: 'Per soort melding: direct, in het dagelijkse overzicht of geen e-mail',
      access: { permission: 'notification:read' },
      response: notificationPreferencesSchema,
      handler: ({ actor }) => notifications.getPreferences(db, actor),
    }),
    defineRoute({
      method: 'put',
      path: '/api/notifications/preferences',
      tag: 'notifications',
      summary: 'Uw keuze per soort melding wijzigen',
      access: { permission: 'notification:update' },
      body: updateNotificationPreferencesSchema,
      response: notificationPreferencesSchema,
      handler: ({ body, actor }) => notifications.updatePreferences(db, actor, body),
    }),
  ];
}

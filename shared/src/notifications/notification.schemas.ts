import { z } from 'zod';
import { safeText } from '../primitives';
import '../validation';

/**
 * Notifications: what a seat must act on, in the app (a list with an unread count) and by e-mail
 * (at once, in a daily digest, or not). A notification names a table or a case by its title or
 * pseudonym, never a resident; the app shows the rest to whoever may see it.
 */
export const notificationKinds = [
  'agendaPublished',
  'decisionConcerns',
  'offerToAnswer',
  'placementToConfirm',
  'preconditionDue',
  'signal',
  'tableCancelled',
] as const;
export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationKindLabel: Record<NotificationKind, string> = {
  agendaPublished: 'Agenda gedeeld',
  decisionConcerns: 'Besluit dat u aangaat',
  offerToAnswer: 'Woningaanbod om te beantwoorden',
  placementToConfirm: 'Plaatsing om te bevestigen',
  preconditionDue: 'Randvoorwaarde op de einddatum',
  signal: 'Signaal uit de nazorg',
  tableCancelled: 'Tafel geannuleerd',
};

/** When a seat hears of it, for the preferences form. */
export const notificationKindDescription: Record<NotificationKind, string> = {
  agendaPublished:
    'De voorzitter deelt de agenda van een tafel waarvoor uw organisatie is uitgenodigd, of waarop een casus van u staat.',
  decisionConcerns:
    'De tafel besluit over een casus die u aangaat: u bent de gemeente van bestemming, de nazorgaanbieder, de casemanager of eigenaar van een randvoorwaarde.',
  offerToAnswer:
    'Een corporatie biedt een woning aan voor een casus van u; de bewoner geeft antwoord.',
  placementToConfirm:
    'Een bewoner heeft een woning in uw gemeente aanvaard; u bevestigt of weigert de plaatsing.',
  preconditionDue: 'Een randvoorwaarde waarvan uw organisatie eigenaar is, bereikt haar einddatum.',
  signal: 'De nazorgaanbieder meldt een signaal, zoals een huurachterstand, overlast of terugval.',
  tableCancelled:
    'De voorzitter annuleert een tafel waarvoor uw organisatie is uitgenodigd, of waarop een casus van u stond.',
};

/** The kind in general words, for an e-mail: it says what happened, never about whom. */
export const notificationKindMailPhrase: Record<NotificationKind, string> = {
  agendaPublished: 'de agenda van een uitstroomtafel is met u gedeeld',
  decisionConcerns: 'de tafel heeft een besluit genomen dat u aangaat',
  offerToAnswer: 'er is een woningaanbod dat op antwoord wacht',
  placementToConfirm: 'er is een plaatsing die op uw bevestiging wacht',
  preconditionDue: 'een randvoorwaarde van uw organisatie heeft haar einddatum bereikt',
  signal: 'er is een signaal uit de nazorg',
  tableCancelled: 'een uitstroomtafel waarvoor u bent uitgenodigd, is geannuleerd',
};

export const notificationDeliveries = ['immediately', 'digest', 'none'] as const;
export const notificationDeliverySchema = z.enum(notificationDeliveries, {
  error: 'Kies direct, dagelijks overzicht of geen e-mail.',
});
export type NotificationDelivery = z.infer<typeof notificationDeliverySchema>;

export const notificationDeliveryLabel: Record<NotificationDelivery, string> = {
  immediately: 'Direct een e-mail',
  digest: 'In het dagelijkse overzicht (om 7:00 uur)',
  none: 'Geen e-mail (alleen in de app)',
};

// ---- the list ----

export const notificationOrders = ['unreadFirst', 'newest'] as const;

export const notificationListQuerySchema = z.strictObject({
  order: z
    .enum(notificationOrders, { error: 'Kies ongelezen eerst of nieuwste eerst.' })
    .default('unreadFirst'),
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationIdParamsSchema = z.strictObject({
  notificationId: z.uuid({ error: 'Onbekende melding.' }),
});

/** Where a notification leads: the case or the table, when the reader's seat reaches it. */
export const notificationLinkSchema = z.object({
  to: safeText().startsWith('/'),
  label: safeText(),
});

export const notificationViewSchema = z.object({
  id: z.uuid(),
  kind: notificationKindSchema,
  title: safeText(),
  createdAt: safeText(),
  readAt: safeText().nullable(),
  link: notificationLinkSchema.nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationViewSchema),
  total: z.int(),
  unreadCount: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const unreadCountSchema = z.object({ unreadCount: z.int() });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

// ---- preferences ----

/** Every kind with its delivery: what the server answers. */
export const notificationPreferencesSchema = z.strictObject(
  Object.fromEntries(notificationKinds.map((kind) => [kind, notificationDeliverySchema])) as Record<
    NotificationKind,
    typeof notificationDeliverySchema
  >,
);
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** A change: any kinds, each with a delivery; kinds left out keep theirs. Unknown kinds are refused. */
export const updateNotificationPreferencesSchema = notificationPreferencesSchema.partial();
export type UpdateNotificationPreferences = z.infer<typeof updateNotificationPreferencesSchema>;

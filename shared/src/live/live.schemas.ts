import { z } from 'zod';
import { safeText } from '../primitives';
import '../validation';
import { errorBodySchema } from '../errors';
import { seatSchema } from '../auth/seats';
import { caseViewSchema } from '../cases/case.schemas';
import { tableViewSchema } from '../tables/table.schemas';

/**
 * The live channel (socket.io) between a signed-in page and the server. The client only asks to
 * follow or stop following a case or a table; everything that comes back has passed the receiving
 * seat's projection, exactly as the HTTP answer for the same page would.
 */
export const liveRoomKinds = ['case', 'table'] as const;
export type LiveRoomKind = (typeof liveRoomKinds)[number];

export const liveRoomSchema = z.strictObject({
  kind: z.enum(liveRoomKinds, { error: 'Kies een casus of een tafel.' }),
  id: z.uuid({ error: 'Onbekende casus of tafel.' }),
});
export type LiveRoom = z.infer<typeof liveRoomSchema>;

/** `live:watch` and `live:unwatch`: the page that opens or closes a case or table. */
export const watchMessageSchema = z.strictObject({ room: liveRoomSchema });
export type WatchMessage = z.infer<typeof watchMessageSchema>;

/** The names of the messages, in one place for server and client. */
export const liveMessage = {
  watch: 'live:watch',
  unwatch: 'live:unwatch',
  caseChanged: 'case:changed',
  caseGone: 'case:gone',
  tableChanged: 'table:changed',
  tableGone: 'table:gone',
  presence: 'presence',
  notificationsChanged: 'notifications:changed',
} as const;

/** Every client message is acknowledged: done, or the one error shape of the API (nothing changed). */
export const liveAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: errorBodySchema.shape.error }),
]);
export type LiveAck = z.infer<typeof liveAckSchema>;

/** Who made a change: a professional, named only to seats that see who works on the case. */
export const liveChangedBySchema = z.object({
  userId: z.uuid(),
  displayName: safeText(),
  organisationName: safeText(),
});
export type LiveChangedBy = z.infer<typeof liveChangedBySchema>;

/** `case:changed`: the case as the receiving seat reads it now (consent and scope checked at sending). */
export const caseChangedSchema = z.object({
  caseId: z.uuid(),
  view: caseViewSchema.partial(),
  changedBy: liveChangedBySchema.optional(),
});
export type CaseChanged = z.infer<typeof caseChangedSchema>;

/** `table:changed`: the table with its agenda as the receiving seat reads it now. */
export const tableChangedSchema = z.object({
  tableId: z.uuid(),
  table: tableViewSchema,
  changedBy: liveChangedBySchema.optional(),
});
export type TableChanged = z.infer<typeof tableChangedSchema>;

/** `case:gone` / `table:gone`: the seat no longer reaches it (scope lost); the page says so. */
export const liveGoneSchema = z.object({ room: liveRoomSchema });
export type LiveGone = z.infer<typeof liveGoneSchema>;

/**
 * One person who has the page open. Name and organisation only where the receiving seat may know
 * who works on the case; otherwise the seat alone (an organisation's name can tell a corporation
 * where the resident comes from, or that she left a women's shelter).
 */
export const presencePersonSchema = z.object({
  userId: z.uuid(),
  seat: seatSchema,
  displayName: safeText().optional(),
  organisationName: safeText().optional(),
});
export type PresencePerson = z.infer<typeof presencePersonSchema>;

export const presenceSchema = z.object({
  room: liveRoomSchema,
  people: z.array(presencePersonSchema),
});
export type Presence = z.infer<typeof presenceSchema>;

import { seatLabel, seats, type Seat } from '../auth/seats';
import type { LiveRoom, LiveRoomKind, PresencePerson } from './live.schemas';

/** The socket.io room of a case or a table: `case:<id>`, `table:<id>`. */
export function liveRoomName(room: LiveRoom): string {
  return `${room.kind}:${room.id}`;
}

/** The room a name stands for, or null for any other room (a user's, a session's, a socket's own). */
export function parseLiveRoomName(name: string): LiveRoom | null {
  const match =
    /^(case|table):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(name);
  return match ? { kind: match[1] as LiveRoomKind, id: match[2]! } : null;
}

/**
 * How much a receiver learns about the others who have the page open. Who works on a case says
 * something about its resident (a care provider, a women's shelter): a seat that does not see a
 * case's owner (the corporation) sees the others by seat only, on a case's page and a table's alike.
 */
export type PresenceDetail = 'named' | 'seatOnly';

export interface PresenceEntry {
  userId: string;
  seat: Seat;
  displayName: string;
  organisationName: string;
}

/** One line per person (several tabs or devices count once), in a stable order, cut to the detail. */
export function presenceList(
  entries: readonly PresenceEntry[],
  detail: PresenceDetail,
): PresencePerson[] {
  const byUser = new Map<string, PresenceEntry>();
  for (const entry of entries) if (!byUser.has(entry.userId)) byUser.set(entry.userId, entry);
  // Seat-only lists are not ordered by name either: the order would give the names away.
  const order =
    detail === 'named'
      ? (a: PresenceEntry, b: PresenceEntry) =>
          a.displayName.localeCompare(b.displayName, 'nl') || a.userId.localeCompare(b.userId)
      : (a: PresenceEntry, b: PresenceEntry) =>
          seats.indexOf(a.seat) - seats.indexOf(b.seat) || a.userId.localeCompare(b.userId);
  return [...byUser.values()].sort(order).map((e) =>
    detail === 'named'
      ? {
          userId: e.userId,
          seat: e.seat,
          displayName: e.displayName,
          organisationName: e.organisationName,
        }
      : { userId: e.userId, seat: e.seat },
  );
}

/** "Nu open bij: Sanne Willems (Casemanager / regisseur, Kwintes) en u." — the others first, then the reader. */
export function presenceText(people: readonly PresencePerson[], ownUserId: string): string | null {
  const others = people.filter((p) => p.userId !== ownUserId);
  if (others.length === 0) return null;
  const names = others.map((p) =>
    p.displayName
      ? `${p.displayName} (${seatLabel[p.seat]}${p.organisationName ? `, ${p.organisationName}` : ''})`
      : `een ${seatLabel[p.seat].toLowerCase()}`,
  );
  if (people.some((p) => p.userId === ownUserId)) names.push('u');
  const listed =
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
  return `Nu open bij: ${listed}.`;
}

import type { Seat } from '../auth/seats';
import { lifeDomainLabel, type LifeDomain } from '../cases/case.schemas';
import { formatDutchDate } from '../calendar/calendar';
import { amsterdamDate } from '../calendar/calendar';
import { signalAudience } from '../support/support.rules';
import { signalKindLabel, type SignalKind } from '../support/support.schemas';
import {
  notificationKindLabel,
  type NotificationDelivery,
  type NotificationKind,
  type NotificationPreferences,
} from './notification.schemas';

/**
 * Who is told of what (domain.md §4, §5), as pure rules: an event carries the facts that decide the
 * recipients and the non-personal words of its title; the server loads the region's users and asks
 * these rules. No I/O, no clock.
 */

/** What happened, with what decides who must act on it. Every event belongs to one region. */
export type NotificationEvent =
  | {
      kind: 'agendaPublished';
      regionId: string;
      tableId: string;
      tableTitle: string;
      startsAt: string;
      invitedOrganisationIds: readonly string[];
      /** The owning case managers of the cases on the agenda. */
      caseOwnerUserIds: readonly string[];
    }
  | {
      kind: 'decisionConcerns';
      regionId: string;
      tableId: string;
      tableTitle: string;
      caseId: string;
      pseudonym: string;
      destinationMunicipalityCode: string | null;
      followUpProviderId: string | null;
      caseOwnerUserId: string;
      preconditionOwnerIds: readonly string[];
    }
  /** Issue 12: a corporation offered a dwelling; the case manager records the resident's answer. */
  | {
      kind: 'offerToAnswer';
      regionId: string;
      caseId: string;
      pseudonym: string;
      caseOwnerUserId: string;
      /** Issue 12: the answer is overdue (told once by the daily job): the offering corporation hears of it too. */
      overdueForOrganisationId?: string;
    }
  /** Issue 12: the resident accepted; the destination municipality confirms or refuses. */
  | {
      kind: 'placementToConfirm';
      regionId: string;
      caseId: string;
      pseudonym: string;
      destinationMunicipalityCode: string;
    }
  | {
      kind: 'preconditionDue';
      regionId: string;
      caseId: string;
      pseudonym: string;
      tableId: string | null;
      preconditionId: string;
      ownerOrganisationId: string;
      lifeDomain: LifeDomain;
      dueDate: string;
    }
  /** Issue 26: the chair cancelled a table; the invitees and the case managers of its cases hear of it. */
  | {
      kind: 'tableCancelled';
      regionId: string;
      tableId: string;
      tableTitle: string;
      startsAt: string;
      invitedOrganisationIds: readonly string[];
      /** The owning case managers of the cases that were on the agenda. */
      caseOwnerUserIds: readonly string[];
    }
  /** Issue 13: the follow-up provider raised a signal (arrears, nuisance, relapse). */
  | {
      kind: 'signal';
      regionId: string;
      caseId: string;
      pseudonym: string;
      caseOwnerUserId: string;
      destinationMunicipalityCode: string | null;
      signalKind: SignalKind;
    };

/** A user of the region as the rules need to know them. */
export interface NotificationCandidate {
  userId: string;
  seat: Seat;
  organisationId: string;
  /** For a municipality's seat: its CBS code. */
  municipalityCode: string | null;
  isActive: boolean;
}

/** The seats that sit at the table. The region's administrator reads no case work and is never told of it. */
const seatsAtTheTable: readonly Seat[] = [
  'casemanager',
  'chair',
  'municipality',
  'corporation',
  'provider',
];

/** Whether one user must hear of an event (the actor aside: see `recipientsOf`). */
export function isRecipient(event: NotificationEvent, user: NotificationCandidate): boolean {
  if (!user.isActive || !seatsAtTheTable.includes(user.seat)) return false;
  const isDestination = (code: string | null) =>
    user.seat === 'municipality' && code !== null && user.municipalityCode === code;
  switch (event.kind) {
    case 'agendaPublished':
    case 'tableCancelled':
      return (
        event.invitedOrganisationIds.includes(user.organisationId) ||
        event.caseOwnerUserIds.includes(user.userId)
      );
    case 'decisionConcerns':
      return (
        isDestination(event.destinationMunicipalityCode) ||
        // Follow-up support is the provider seat's work, not its organisation's case managers'.
        (user.seat === 'provider' && user.organisationId === event.followUpProviderId) ||
        user.userId === event.caseOwnerUserId ||
        event.preconditionOwnerIds.includes(user.organisationId)
      );
    case 'offerToAnswer':
      return (
        user.userId === event.caseOwnerUserId ||
        (event.overdueForOrganisationId !== undefined &&
          user.seat === 'corporation' &&
          user.organisationId === event.overdueForOrganisationId)
      );
    case 'placementToConfirm':
      return isDestination(event.destinationMunicipalityCode);
    case 'preconditionDue':
      return user.organisationId === event.ownerOrganisationId;
    case 'signal': {
      // Each signal goes to the seats that must act on it and may read it (support.rules): a
      // relapse to the destination municipality, every signal to the case manager.
      const audience = signalAudience(event.signalKind);
      return (
        (audience.caseManager && user.userId === event.caseOwnerUserId) ||
        (audience.municipality && isDestination(event.destinationMunicipalityCode))
      );
    }
  }
}

/** The users to tell, each once, in the order given; never the one who caused the event. */
export function recipientsOf(
  event: NotificationEvent,
  users: readonly NotificationCandidate[],
  actorUserId: string | null = null,
): string[] {
  const ids = users
    .filter((user) => user.userId !== actorUserId && isRecipient(event, user))
    .map((user) => user.userId);
  return [...new Set(ids)];
}

/** The title in the app: a table's title and date, or a case's pseudonym; never a resident's name. */
export function notificationTitle(event: NotificationEvent): string {
  switch (event.kind) {
    case 'agendaPublished':
      return `${notificationKindLabel.agendaPublished}: ${event.tableTitle}, ${formatDutchDate(amsterdamDate(new Date(event.startsAt)))}`;
    case 'tableCancelled':
      return `${notificationKindLabel.tableCancelled}: ${event.tableTitle}, ${formatDutchDate(amsterdamDate(new Date(event.startsAt)))}`;
    case 'decisionConcerns':
      return `Besluit over casus ${event.pseudonym} (${event.tableTitle})`;
    case 'offerToAnswer':
      return event.overdueForOrganisationId !== undefined
        ? `Woningaanbod voor casus ${event.pseudonym}: de termijn voor het antwoord van de bewoner is verstreken`
        : `Woningaanbod voor casus ${event.pseudonym} wacht op het antwoord van de bewoner`;
    case 'placementToConfirm':
      return `Plaatsing van casus ${event.pseudonym} wacht op uw bevestiging`;
    case 'preconditionDue':
      return `Randvoorwaarde ${lifeDomainLabel[event.lifeDomain].toLowerCase()} voor casus ${event.pseudonym}: einddatum ${formatDutchDate(event.dueDate)}`;
    case 'signal':
      // Arrears and nuisance are named (the corporation acts on them); a relapse is a care detail and is not.
      return event.signalKind === 'paymentArrears' || event.signalKind === 'nuisance'
        ? `Signaal uit de nazorg bij casus ${event.pseudonym}: ${signalKindLabel[event.signalKind].toLowerCase()}`
        : `Signaal uit de nazorg bij casus ${event.pseudonym}`;
  }
}

/** What the notification points at, for its link and for erasure (a case's notifications go with it). */
export function notificationReferences(event: NotificationEvent): {
  caseId: string | null;
  tableId: string | null;
  preconditionId: string | null;
} {
  switch (event.kind) {
    case 'agendaPublished':
    case 'tableCancelled':
      return { caseId: null, tableId: event.tableId, preconditionId: null };
    case 'decisionConcerns':
      return { caseId: event.caseId, tableId: event.tableId, preconditionId: null };
    case 'preconditionDue':
      return { caseId: event.caseId, tableId: event.tableId, preconditionId: event.preconditionId };
    case 'offerToAnswer':
    case 'placementToConfirm':
    case 'signal':
      return { caseId: event.caseId, tableId: null, preconditionId: null };
  }
}

/**
 * Until a user chooses, every kind comes by e-mail at once: each is something to act on, and a
 * missed agenda or placement costs a resident time. A user can move any kind to the digest or off.
 */
export const defaultNotificationPreferences: NotificationPreferences = {
  agendaPublished: 'immediately',
  decisionConcerns: 'immediately',
  offerToAnswer: 'immediately',
  placementToConfirm: 'immediately',
  preconditionDue: 'immediately',
  signal: 'immediately',
  tableCancelled: 'immediately',
};

/** A user's preferences: the stored choices over the defaults. */
export function preferencesWith(
  stored: Partial<Record<NotificationKind, NotificationDelivery>>,
): NotificationPreferences {
  return { ...defaultNotificationPreferences, ...stored };
}

/** The digest's lines: per kind the number of new notifications, in the order of the kinds. */
export function digestLines(kinds: readonly NotificationKind[]): string[] {
  const counts = new Map<NotificationKind, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...(Object.keys(notificationKindLabel) as NotificationKind[])]
    .filter((kind) => counts.has(kind))
    .map((kind) => `${counts.get(kind)} × ${notificationKindLabel[kind].toLowerCase()}`);
}

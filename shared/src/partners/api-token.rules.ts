import { addDays, addMonths, startOfDutchDay } from '../calendar/calendar';
import { grantsBySeat, permissions, type Permission } from '../permissions';
import type { Seat } from '../auth/seats';

/**
 * API tokens (issue 31): an organisation's own system acts as one seat of that organisation, with
 * some of that seat's permissions. These rules say which permissions a token may carry at all.
 */

/**
 * Never on a token, whatever the seat. A token acts for an organisation's system, not for a
 * person: what is addressed to a person (the session, one's own account, notifications, tasks),
 * what only a person can do (owning a case, handing it over, recording the resident's consent,
 * the table's decision), and the region's administration (users, organisations, rule sets, the
 * audit search, erasure, tokens themselves: a leaked key must not be able to make more keys or
 * erase residents).
 */
export const permissionsNeverOnToken = [
  'session:read',
  'account:update',
  'notification:read',
  'notification:update',
  'task:read',
  'case:create',
  'case:handover',
  'case:consent',
  'table:decide',
  'case:correct',
  'organisation:create',
  'organisation:update',
  'organisation:settings',
  'user:read',
  'user:create',
  'user:update',
  'outbox:read',
  'ruleSet:update',
  'ruleSet:publish',
  'audit:search',
  'case:erase',
  'import:run',
  'apiToken:manage',
] as const satisfies readonly Permission[];

/**
 * Only on a token, never in a session: subscribing the system's address to events. A seat whose
 * grants read cases may put it on a token, since every event is about a case.
 */
export const tokenOnlyPermissions = ['webhook:manage'] as const satisfies readonly Permission[];

const isNeverOnToken = (permission: Permission) =>
  (permissionsNeverOnToken as readonly Permission[]).includes(permission);

/** The permissions a token for this seat may carry: the seat's own, less the personal ones, plus the token's own. */
export function tokenGrantsOf(seat: Seat): readonly Permission[] {
  const own = (grantsBySeat[seat] as readonly Permission[]).filter((p) => !isNeverOnToken(p));
  return own.includes('case:read') ? [...own, ...tokenOnlyPermissions] : own;
}

/** Whether any token can carry this permission (the OpenAPI document names the bearer scheme for these routes). */
export function isTokenPermission(permission: Permission): boolean {
  return (
    !isNeverOnToken(permission) &&
    (Object.keys(grantsBySeat) as Seat[]).some((seat) => tokenGrantsOf(seat).includes(permission))
  );
}

/** The permissions asked for that this seat may not put on a token, by their index in the request. */
export function permissionsBeyondSeat(
  seat: Seat,
  asked: readonly Permission[],
): { index: number; permission: Permission }[] {
  const allowed = tokenGrantsOf(seat);
  return asked
    .map((permission, index) => ({ index, permission }))
    .filter(({ permission }) => !allowed.includes(permission));
}

/** A token lives at most a year: the last Dutch day it may still be used on. */
export function latestTokenExpiry(today: string): string {
  return addMonths(today, 12);
}

/** Why a last day of use cannot be chosen, or null: it lies after today and at most a year ahead. */
export function tokenExpiryProblem(today: string, expiresOn: string): string | null {
  if (expiresOn <= today) return 'Kies een datum na vandaag.';
  if (expiresOn > latestTokenExpiry(today)) return 'Een token geldt hoogstens een jaar.';
  return null;
}

/** A token works through its last Dutch day, up to the first moment of the next. */
export function tokenExpiresAt(expiresOn: string): Date {
  return startOfDutchDay(addDays(expiresOn, 1));
}

export type TokenStatus = 'active' | 'expired' | 'revoked';

export function tokenStatusOf(
  token: { revokedAt: string | Date | null; expiresAt: string | Date },
  now: Date,
): TokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now.getTime() ? 'expired' : 'active';
}

export const tokenStatusLabel: Record<TokenStatus, string> = {
  active: 'Actief',
  expired: 'Verlopen',
  revoked: 'Ingetrokken',
};

/**
 * A token is `ut_` and 43 characters of base64url (32 random bytes). Its first 12 characters are
 * kept in the clear to tell tokens apart in lists and logs; the rest only as a SHA-256 hash.
 */
export const apiTokenPattern = /^ut_[A-Za-z0-9_-]{43}$/;
export const tokenPrefixLength = 12;

export function tokenPrefixOf(token: string): string {
  return token.slice(0, tokenPrefixLength);
}

/** What each permission lets a system do, in the words of the page where tokens are issued. */
export const permissionLabel: Record<Permission, string> = {
  'session:read': 'Eigen sessie lezen',
  'rule:try': 'De herkomstregel uitproberen',
  'account:update': 'Eigen account wijzigen',
  'region:read': 'Gegevens van de regio lezen',
  'organisation:read': 'Organisaties van de regio lezen',
  'organisation:create': 'Organisaties toevoegen',
  'organisation:update': 'Inlogdienst van een organisatie instellen',
  'organisation:settings': 'Instellingen van de eigen organisatie wijzigen',
  'case:correct': 'Een stap van een casus herstellen',
  'user:read': 'Gebruikers lezen',
  'user:create': 'Gebruikers toevoegen',
  'user:update': 'Gebruikers wijzigen',
  'outbox:read': 'Demo-postvak lezen',
  'ruleSet:read': 'Regelset lezen',
  'ruleSet:update': 'Regelset wijzigen',
  'ruleSet:publish': 'Regelset publiceren',
  'import:run': 'Gegevens inlezen uit een bestand',
  'case:create': 'Casussen aanmelden',
  'case:list': 'Casussen opzoeken',
  'case:read': 'Casussen lezen',
  'case:update': 'Casussen bijwerken',
  'case:transition': 'Casussen een stap verder zetten',
  'case:handover': 'Casussen overdragen',
  'case:consent': 'Toestemming vastleggen',
  'table:read': 'Tafels lezen',
  'table:manage': 'Tafels plannen',
  'table:agenda': 'Casussen agenderen',
  'table:decide': 'Besluiten vastleggen',
  'case:letter': 'Besluitbrief lezen',
  'case:document:read': 'Documenten lezen',
  'case:document:write': 'Documenten toevoegen',
  'case:accessLog': 'Inzagelog van een casus lezen',
  'case:export': 'Gegevens van een bewoner exporteren',
  'audit:search': 'Auditlog doorzoeken',
  'notification:read': 'Meldingen lezen',
  'notification:update': 'Meldingen bijwerken',
  'task:read': 'Taken lezen',
  'dwelling:read': 'Woningen lezen',
  'dwelling:write': 'Woningen registreren en wijzigen',
  'dwelling:match': 'Passende casussen bij woningen zoeken',
  'contingent:read': 'Contingenten lezen',
  'contingent:write': 'Contingenten bijhouden',
  'support:read': 'Nazorg lezen',
  'support:write': 'Nazorg vastleggen',
  'support:agree': 'Terugvalpreventieplan akkoord geven',
  'support:close': 'Nazorg afsluiten',
  'case:erase': 'Casussen wissen',
  'offer:create': 'Woningen aanbieden',
  'offer:withdraw': 'Woningaanbod intrekken',
  'offer:answer': 'Antwoord van de bewoner vastleggen',
  'placement:decide': 'Plaatsingen bevestigen of weigeren',
  'placement:moveIn': 'Verhuizingen vastleggen',
  'neighbourhoodLoad:read': 'Wijkbelasting lezen',
  'indicator:read': 'Indicatoren lezen',
  'precondition:complete': 'Randvoorwaarden gereed melden',
  'apiToken:manage': 'API-tokens beheren',
  'webhook:manage': 'Gebeurtenissen ontvangen (webhooks)',
};

/** Every permission in a stable order, for forms that list them. */
export const orderedPermissions: readonly Permission[] = permissions;

import type { Seat } from '../auth/seats';
import { caseStateLabel, type CaseState } from '../cases/case.schemas';
import { transitions } from '../cases/case-transitions.rules';
import { amsterdamDate, formatDutchDate } from '../calendar/calendar';
import type { AuditOutcome } from './audit.schemas';

/**
 * How an audit row reads for a person: the case manager's access log, the resident's export and
 * the privacy officer's search all say the same thing about the same row. Pure: no clock, no I/O.
 *
 * Keyed by string, not by `AuditAction`: a module that adds an action before its label still
 * compiles, and the table test (every action has a label) tells it what is missing.
 */
export const auditActionLabel: Readonly<Record<string, string>> = {
  'auth.login': 'Ingelogd',
  'auth.logout': 'Uitgelogd',
  'auth.lockout': 'Account tijdelijk geblokkeerd',
  'auth.totp.verify': 'Tweestapsverificatie',
  'auth.totp.enroll': 'Tweestapsverificatie ingesteld',
  'auth.recoveryCode.use': 'Herstelcode gebruikt',
  'auth.password.change': 'Wachtwoord gewijzigd',
  'auth.password.resetRequest': 'Wachtwoordherstel aangevraagd',
  'auth.password.set': 'Wachtwoord ingesteld',
  'admin.organisation.create': 'Organisatie toegevoegd',
  'admin.user.list': 'Gebruikerslijst bekeken',
  'admin.user.create': 'Gebruiker toegevoegd',
  'admin.user.invite': 'Uitnodiging verstuurd',
  'admin.user.deactivate': 'Gebruiker gedeactiveerd',
  'admin.user.activate': 'Gebruiker geactiveerd',
  'admin.user.passwordReset': 'Herstellink verstuurd',
  'admin.user.twoFactorReset': 'Tweestapsverificatie hersteld',
  'case.create': 'Casus aangemaakt',
  'case.read': 'Casus bekeken',
  'case.list': 'Casuslijst bekeken',
  'case.names.read': 'Namen getoond in taken of meldingen',
  'case.update': 'Casus gewijzigd',
  'case.transition': 'Status gewijzigd',
  'case.correct': 'Stap hersteld',
  'organisation.settings.update': 'Contactpersoon en 24/7-nummer van de organisatie gewijzigd',
  'case.handover': 'Casus overgedragen',
  'case.consent.read': 'Toestemmingen bekeken',
  'case.consent.record': 'Toestemming vastgelegd',
  'case.consent.withdraw': 'Toestemming ingetrokken',
  'case.accessLog.read': 'Logboek van de casus bekeken',
  'case.export': 'Inzage-export gemaakt',
  'case.document.list': 'Documentenlijst bekeken',
  'case.document.upload': 'Document toegevoegd',
  'case.document.read': 'Document gedownload',
  'table.create': 'Tafel gepland',
  'table.update': 'Tafel gewijzigd',
  'table.read': 'Tafel bekeken',
  'table.publish': 'Agenda van de tafel gepubliceerd',
  'table.close': 'Tafel afgesloten',
  'table.cancel': 'Tafel geannuleerd',
  'table.minutes': 'Notulen gedownload',
  'case.letter': 'Besluitbrief opgesteld',
  'audit.search': 'Auditlog doorzocht',
  'ruleSet.read': 'Regio-instellingen bekeken',
  'ruleSet.update': 'Regio-instellingen gewijzigd',
  'ruleSet.draft.save': 'Concept van regio-instellingen opgeslagen',
  'ruleSet.draft.discard': 'Concept van regio-instellingen verwijderd',
  'ruleSet.publish': 'Regio-instellingen gepubliceerd',
  'dwelling.create': 'Woning geregistreerd',
  'dwelling.update': 'Woning gewijzigd',
  'dwelling.withdraw': 'Woning ingetrokken',
  'dwelling.import': 'Woningen ingelezen uit CSV',
  'dwelling.export': 'Woningen geëxporteerd (CSV of Excel)',
  'case.dwellingFits': 'Passende woningen bij de casus bekeken',
  'dwelling.caseFits': 'Woonprofiel bekeken bij een woning',
  'contingent.create': 'Contingent toegevoegd',
  'contingent.update': 'Contingent gewijzigd',
  'contingent.export': 'Contingenten geëxporteerd (CSV of Excel)',
  'case.placement.read': 'Woningaanbod en plaatsing bekeken',
  'case.offer.accept': 'Aanvaarding van het woningaanbod vastgelegd',
  'support.read': 'Nazorglogboek bekeken',
  'support.start': 'Nazorg gestart',
  'support.write': 'Nazorglogboek bijgewerkt',
  'support.signal': 'Signaal uit de nazorg gemeld',
  'support.plan': 'Terugvalpreventieplan bijgewerkt',
  'support.check': 'Nameting beantwoord',
  'support.close': 'Nazorg afgesloten',
  'retention.list': 'Voorstellen tot wissen bekeken',
  'case.erase': 'Persoonsgegevens gewist (AVG art. 17)',
  'indicator.export': 'Indicatoren geëxporteerd (CSV, Excel of PDF)',
  'access.denied': 'Toegang geweigerd',
  'auth.lockout.lift': 'Blokkade van het account opgeheven',
  'case.list.export': 'Casuslijst geëxporteerd (Excel)',
  'case.accessLog.export': 'Logboek van de casus geëxporteerd (Excel)',
  'audit.export': 'Auditlog geëxporteerd (Excel)',
  import: 'Ingelezen uit een bestand (import)',
  'auth.provider.link': 'Account gekoppeld aan de inlogdienst van de organisatie',
  'admin.identityProvider.update': 'Inlogdienst van een organisatie ingesteld',
  'admin.identityProvider.remove': 'Inlogdienst van een organisatie verwijderd',
  'apiToken.issue': 'API-token uitgegeven',
  'apiToken.list': 'API-tokens bekeken',
  'apiToken.revoke': 'API-token ingetrokken',
  'apiToken.call': 'Aanvraag met een API-token',
  'webhook.subscribe': 'Abonnement op gebeurtenissen genomen',
  'webhook.unsubscribe': 'Abonnement op gebeurtenissen beëindigd',
  'webhook.list': 'Abonnementen op gebeurtenissen bekeken',
  'webhook.deliveries.read': 'Bezorglog van gebeurtenissen bekeken',
};

/**
 * The parts of a case an audit row names (the sections and the view's fields), in the words of
 * the case page. Several fields share one label: a reader wants "Status", not eleven columns.
 */
export const auditFieldLabel: Readonly<Record<string, string>> = {
  identity: 'Naam en geboortedatum',
  name: 'Naam',
  contact: 'Contactgegevens',
  household: 'Huishouden',
  stay: 'Verblijf',
  addresses: 'Adresgeschiedenis',
  isOriginUntraceable: 'Herkomst',
  origin: 'Herkomst',
  wishes: 'Woonwensen',
  housingNeeds: 'Woonbehoeften',
  supportNeeds: 'Ondersteuningsbehoefte',
  sensitive: 'Gevoelige informatie',
  exceptions: 'Uitzonderingen',
  excluded: 'Uitgesloten gemeenten',
  proposal: 'Voorstel van de herkomstregel',
  owner: 'Casemanager',
  consents: 'Toestemmingen',
  consentWarnings: 'Toestemmingen',
  documents: 'Documenten',
  accessLog: 'Logboek',
  decision: 'Besluit van de tafel',
  email: 'E-mailadres',
  displayName: 'Naam',
  municipalities: 'Gemeenten',
  placement: 'Woningaanbod en plaatsing',
  dwellingAddress: 'Adres van de aangeboden woning',
  moveIn: 'Verhuizing',
  contacts: 'Contacten in de nazorg',
  intensity: 'Intensiteit van de nazorg',
  goals: 'Doelen per leefgebied',
  respite: 'Logeerplek',
  signals: 'Signalen uit de nazorg',
  plan: 'Terugvalpreventieplan',
  checks: 'Nametingen',
  providerContact: 'Contactpersoon van de nazorgaanbieder',
  id: 'Status',
  pseudonym: 'Status',
  version: 'Status',
  state: 'Status',
  allowedTransitions: 'Status',
  correction: 'Status',
  missingForReady: 'Status',
  readyAt: 'Status',
  waitingDays: 'Status',
  waitingUntil: 'Status',
  isStalled: 'Status',
  outcome: 'Status',
  closedAt: 'Status',
  createdAt: 'Status',
  updatedAt: 'Status',
  lastActivityAt: 'Status',
};

export const auditOutcomeLabel: Record<AuditOutcome, string> = {
  success: 'gelukt',
  failure: 'mislukt',
  denied: 'geweigerd',
};

/** What kind of object a row is about, in the privacy officer's words. */
export const auditObjectTypeLabel: Readonly<Record<string, string>> = {
  case: 'Casus',
  user: 'Gebruiker',
  organisation: 'Organisatie',
  audit_log: 'Auditlog',
  ruleSet: 'Regelset',
  region: 'Regio',
  table: 'Tafel',
};

/** The purpose column in plain Dutch. */
export const auditPurposeLabel: Readonly<Record<string, string>> = {
  authentication: 'inloggen',
  case_coordination: 'casusregie',
  administration: 'beheer',
  export: 'inzageverzoek van de bewoner',
  erasure: 'verwijdering op verzoek',
  accountability: 'verantwoording',
  access_control: 'toegangscontrole',
};

/**
 * A seat as the resident's export names staff: by role only, lower case after the organisation
 * ("Centrada (woningcorporatie)"). Never a person's name (AVG art. 15 gives the recipients, not staff).
 */
export const residentRoleLabel: Record<Seat, string> = {
  casemanager: 'casemanager',
  chair: 'tafelvoorzitter',
  municipality: 'gemeente',
  corporation: 'woningcorporatie',
  provider: 'zorgaanbieder',
  regionAdmin: 'regio-beheerder',
};

/** Only these keys of an audit row's details are read to describe it; the rest never leaves the database. */
export const describedDetailKeys = ['transition', 'tableDate'] as const;
export type DescribedDetails = Partial<Record<(typeof describedDetailKeys)[number], unknown>>;

/** "Casus bekeken"; a transition says where the case went ("Status gewijzigd: Uitstroomgereed"). */
export function describeAction(action: string, details: DescribedDetails = {}): string {
  const label = auditActionLabel[action] ?? action;
  const to =
    typeof details.transition === 'string'
      ? (transitions as Partial<Record<string, { to: CaseState }>>)[details.transition]?.to
      : undefined;
  if (action === 'case.transition' && to) return `${label}: ${caseStateLabel[to]}`;
  return label;
}

/** The Dutch labels of the fields a row touched, each once, in the order first named. */
export function describeFields(fields: readonly string[]): string[] {
  return [...new Set(fields.map((field) => auditFieldLabel[field] ?? field))];
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Why the row happened. A look while preparing a table says which table ("voorbereiding tafel
 * 12 maart"; the year only when it differs from the row's own); otherwise the action or the
 * purpose column says it.
 */
export function describePurpose(row: {
  action: string;
  purpose: string;
  at: string;
  details?: DescribedDetails;
}): string {
  const tableDate = row.details?.tableDate;
  if (typeof tableDate === 'string' && isoDate.test(tableDate)) {
    const date = formatDutchDate(tableDate);
    return `voorbereiding tafel ${tableDate.slice(0, 4) === row.at.slice(0, 4) ? date.slice(0, -5) : date}`;
  }
  if (row.action === 'audit.search' || row.action === 'audit.export') return 'privacytoezicht';
  if (row.action === 'case.accessLog.read' || row.action === 'case.accessLog.export')
    return 'verantwoording: wie zag het dossier';
  return auditPurposeLabel[row.purpose] ?? row.purpose;
}

/** Staff as the resident's export names them: organisation and role, never the person. */
export function describeStaffForResident(
  organisationName: string | null,
  seat: Seat | null,
): string {
  if (!organisationName) return 'Het systeem';
  return seat ? `${organisationName} (${residentRoleLabel[seat]})` : organisationName;
}

/**
 * The case's log as a person reads it (issue 27.6): grouped by Dutch calendar day, newest day and
 * newest entry first, and only the latest `shown` entries until the reader asks for all. The
 * entries come newest first.
 */
export function groupLogByDay<E extends { at: string }>(
  entries: readonly E[],
  shown: number = Number.POSITIVE_INFINITY,
): { day: string; entries: E[] }[] {
  const sorted = [...entries].sort((a, b) => b.at.localeCompare(a.at)).slice(0, shown);
  const days: { day: string; entries: E[] }[] = [];
  for (const entry of sorted) {
    const day = amsterdamDate(new Date(entry.at));
    const last = days.at(-1);
    if (last?.day === day) last.entries.push(entry);
    else days.push({ day, entries: [entry] });
  }
  return days;
}

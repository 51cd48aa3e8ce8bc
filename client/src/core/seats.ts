import type { Seat } from '@uitstroom/shared';

/**
 * What differs per seat on the pages beyond what grants (`useCan`) and a record's
 * `allowedTransitions` say: wording and which side of a record is the seat's own. One table per
 * difference, keyed by seat, so that no component compares seats (a unit test scans for that).
 */

/** "Mijn casussen" while empty: when this seat starts to see cases (domain.md §5). */
export const emptyCaseListExplanation: Record<Seat, string> = {
  casemanager: 'Hier verschijnen de bewoners die u aanmeldt voor de uitstroomtafel.',
  chair: 'Hier verschijnen de casussen van uw regio zodra casemanagers bewoners aanmelden.',
  municipality:
    'Hier verschijnen de casussen waarvan uw gemeente de herkomst of de (voorgestelde) bestemming is.',
  corporation:
    'Hier verschijnen de casussen op de gedeelde agenda van een tafel waarvoor u bent uitgenodigd, en de casussen die een woning zoeken in een gemeente waar u een woning of een contingent heeft.',
  provider: 'Hier verschijnen de casussen zodra de tafel uw organisatie de nazorg geeft.',
  regionAdmin: '',
};

/** The side of a relapse prevention plan that this seat agrees to (none for the other seats). */
export const relapsePlanSide: Record<Seat, 'providerAgreedAt' | 'municipalityAgreedAt' | null> = {
  provider: 'providerAgreedAt',
  municipality: 'municipalityAgreedAt',
  casemanager: null,
  chair: null,
  corporation: null,
  regionAdmin: null,
};

/**
 * The indicator filters a seat chooses: a municipality sees its own municipality only, a
 * corporation its own dwellings only, so neither chooses that filter.
 */
export const indicatorFilterChoices: Record<Seat, { municipality: boolean; corporation: boolean }> =
  {
    casemanager: { municipality: true, corporation: true },
    chair: { municipality: true, corporation: true },
    municipality: { municipality: false, corporation: true },
    corporation: { municipality: true, corporation: false },
    provider: { municipality: true, corporation: true },
    regionAdmin: { municipality: true, corporation: true },
  };

/** Whether a colleague in this seat can take over a case (a hand-over goes to a case manager). */
export const takesOverCases: Record<Seat, boolean> = {
  casemanager: true,
  chair: false,
  municipality: false,
  corporation: false,
  provider: false,
  regionAdmin: false,
};

// Words several seats read alike: the invited seats on the Tafels page, every seat but the case
// manager when no case is ready to schedule.
const invitedTablesIntroduction =
  'De uitstroomtafels waarvoor uw organisatie is uitgenodigd, zodra de voorzitter de agenda heeft gedeeld.';
const noInvitedTablesYet =
  'Hier verschijnen de tafels waarvoor uw organisatie is uitgenodigd, zodra de agenda is gedeeld.';
const noReadyCaseInRegion =
  'Er is in de regio geen casus die uitstroomgereed is en nog niet op een agenda staat.';

/** The Tafels page's opening line: the chair plans, the case manager schedules, the others are invited. */
export const tablesIntroduction: Record<Seat, string> = {
  chair:
    'Plan de uitstroomtafels van uw regio, zet casussen op de agenda en deel die op tijd met de genodigden.',
  casemanager:
    'De uitstroomtafels van uw regio. Zet een uitstroomgerede casus op de agenda van een tafel die nog niet is afgesloten.',
  municipality: invitedTablesIntroduction,
  corporation: invitedTablesIntroduction,
  provider: invitedTablesIntroduction,
  regionAdmin: invitedTablesIntroduction,
};

/** The Tafels page with no table yet. */
export const noTablesYet: Record<Seat, string> = {
  chair: 'Er is nog geen tafel gepland. Kies “Tafel plannen” om de eerste te plannen.',
  casemanager: 'Er is nog geen tafel gepland in uw regio.',
  municipality: noInvitedTablesYet,
  corporation: noInvitedTablesYet,
  provider: noInvitedTablesYet,
  regionAdmin: noInvitedTablesYet,
};

/** Scheduling with no ready case: the case manager's own organisation, or the region's. */
export const noReadyCasesToSchedule: Record<Seat, string> = {
  casemanager:
    'Uw organisatie heeft geen casus die uitstroomgereed is en nog niet op een agenda staat.',
  chair: noReadyCaseInRegion,
  municipality: noReadyCaseInRegion,
  corporation: noReadyCaseInRegion,
  provider: noReadyCaseInRegion,
  regionAdmin: noReadyCaseInRegion,
};

/** The chair schedules any organisation's case, so it reads whose case each one is. */
export const schedulesOthersCases: Record<Seat, boolean> = {
  chair: true,
  casemanager: false,
  municipality: false,
  corporation: false,
  provider: false,
  regionAdmin: false,
};

/** The seats that put cases on an agenda themselves, and so are told how on an empty one. */
export const putsCasesOnAgendas: Record<Seat, boolean> = {
  chair: true,
  casemanager: true,
  municipality: false,
  corporation: false,
  provider: false,
  regionAdmin: false,
};

/** Whether a seat sits at the table (the region's administrator keeps the configuration only). */
export const sitsAtTable: Record<Seat, boolean> = {
  chair: true,
  casemanager: true,
  municipality: true,
  corporation: true,
  provider: true,
  regionAdmin: false,
};

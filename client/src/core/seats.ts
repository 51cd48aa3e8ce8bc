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

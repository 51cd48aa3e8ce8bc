import { z } from 'zod';
import type { Seat } from '../auth/seats';
import { amsterdamDate, startOfDutchDay } from '../calendar/calendar';
import { caseStateLabel, type CaseOutcome, type CaseState } from './case.schemas';

/**
 * The state table of a case (domain.md §4) as one pure table: every transition with the states it
 * leaves from, the state it reaches, the seats that may take it, what must hold first and what it
 * records. The service checks a step here before it writes; the case's version is checked by the
 * atomic update, not here. No I/O, no clock: time is an argument.
 */

// ---- the vocabulary of preconditions ----

/**
 * What must hold before a step. The caller evaluates each against the case, the actor and the
 * request, and passes booleans; this module only says which ones count and in which order.
 */
export const requirements = [
  'originEvidence',
  'wishesRecorded',
  'consentRecorded',
  'plannedTable',
  'reason',
  'decision',
  'destinationInRegion',
  'destinationOutsideRegion',
  'ownDwelling',
  'dwellingInDestination',
  'residentAccepted',
  'isDestinationMunicipality',
  'isFollowUpProvider',
  'keyHandoverDate',
  'tenancyForm',
  'outcome',
  'closingDate',
  'outcomeWithdrawnOrDroppedOut',
] as const;
export type Requirement = (typeof requirements)[number];

/** What each precondition means, as a checklist item in the UI. */
export const requirementLabel: Record<Requirement, string> = {
  originEvidence:
    'De herkomst is onderbouwd met een woonadres en bron, of vastgelegd als onvindbaar',
  wishesRecorded: 'De wensen van de bewoner zijn vastgelegd',
  consentRecorded: 'De toestemming van de bewoner is vastgelegd',
  plannedTable: 'Er is een geplande tafel van de regio gekozen',
  reason: 'Er is een reden opgegeven',
  decision:
    'Het besluit is compleet: bestemming, toegepaste regel, aanwezigen en hun standpunt, motivatie waar nodig, randvoorwaarden en nazorgaanbieder',
  destinationInRegion: 'De bestemming ligt in de regio',
  destinationOutsideRegion:
    'De herkomst ligt buiten de regio en het besluit verwijst naar de herkomstregio',
  ownDwelling: 'De woning is van de eigen corporatie',
  dwellingInDestination: 'De woning ligt in de gemeente van bestemming',
  residentAccepted: 'De bewoner heeft het aanbod aanvaard (vastgelegd door de casemanager)',
  isDestinationMunicipality: 'U bent de gemeente van bestemming',
  isFollowUpProvider: 'Uw organisatie is de nazorgaanbieder uit het besluit',
  keyHandoverDate: 'De datum van de sleuteloverdracht is ingevuld',
  tenancyForm: 'De huurvorm is gekozen',
  outcome: 'Er is een uitkomst gekozen die bij deze stap past',
  closingDate: 'De datum van afsluiten is ingevuld',
  outcomeWithdrawnOrDroppedOut: 'De uitkomst is ‘Teruggetrokken’ of ‘Uitgevallen’',
};

/** The message when a precondition is not met: it says what to do first. */
export const requirementMessage: Record<Requirement, string> = {
  originEvidence:
    'Eerst moet de herkomst zijn onderbouwd met een woonadres en bron, of vastgelegd als onvindbaar.',
  wishesRecorded: 'Eerst moeten de wensen van de bewoner zijn vastgelegd.',
  consentRecorded: 'Eerst moet de toestemming van de bewoner zijn vastgelegd.',
  plannedTable: 'Kies eerst een geplande tafel van de regio.',
  reason: 'Geef eerst een reden op.',
  decision:
    'Eerst moet het besluit compleet zijn: bestemming, toegepaste regel, aanwezigen en hun standpunt, motivatie waar nodig, randvoorwaarden en nazorgaanbieder.',
  destinationInRegion: 'Dit kan alleen als de bestemming in de regio ligt.',
  destinationOutsideRegion:
    'Verwijzen naar de herkomstregio kan alleen als de herkomst buiten de regio ligt.',
  ownDwelling: 'Dit kan alleen met een woning van uw eigen corporatie.',
  dwellingInDestination: 'Kies een woning in de gemeente van bestemming.',
  residentAccepted:
    'Eerst moet de casemanager vastleggen dat de bewoner het aanbod heeft aanvaard.',
  isDestinationMunicipality: 'Alleen de gemeente van bestemming mag deze stap zetten.',
  isFollowUpProvider: 'Alleen de nazorgaanbieder uit het besluit mag deze stap zetten.',
  keyHandoverDate: 'Vul eerst de datum van de sleuteloverdracht in.',
  tenancyForm: 'Kies eerst de huurvorm.',
  outcome: 'Kies eerst een uitkomst die bij deze stap past.',
  closingDate: 'Vul eerst de datum van afsluiten in.',
  outcomeWithdrawnOrDroppedOut: 'Kies als uitkomst ‘Teruggetrokken’ of ‘Uitgevallen’.',
};

// ---- the table ----

export const transitionNames = [
  'markReady',
  'schedule',
  'unschedule',
  'decide',
  'startSearch',
  'referToOriginRegion',
  'offerDwelling',
  'declineOffer',
  'withdrawOffer',
  'confirmPlacement',
  'refusePlacement',
  'moveIn',
  'startAftercare',
  'close',
  'withdraw',
] as const;
export type TransitionName = (typeof transitionNames)[number];
export const transitionNameSchema = z.enum(transitionNames, { error: 'Onbekende stap.' });

export interface TransitionRule {
  readonly from: readonly CaseState[];
  readonly to: CaseState;
  readonly seats: readonly Seat[];
  /** Preconditions for every seat, checked in this order. */
  readonly requires: readonly Requirement[];
  /**
   * Preconditions for one seat only, checked before `requires`: where two seats share a step, the
   * one that acts for an organisation must act for the right one (its own dwelling, its own case).
   */
  readonly requiresBySeat?: Partial<Record<Seat, readonly Requirement[]>>;
  /** What the step writes, for the service and the audit entry. */
  readonly records: readonly string[];
  /** The outcomes the step may close with; only for steps that reach `closed`. */
  readonly outcomes?: readonly CaseOutcome[];
  /** The step starts the waiting clock (readyAt), once: see `nextReadyAt`. */
  readonly startsWaitingClock?: boolean;
  /** The step is taken by the service inside another step, never by a button. */
  readonly isAutomatic?: boolean;
  /** The Dutch text of the button. */
  readonly label: string;
  /** The Dutch explanation beside the button. */
  readonly description: string;
  /**
   * One line in the confirmation dialog before the step (issue 27.1): what follows and who is
   * told. "Told" is a notification (notification.rules); everyone else who has the case open sees
   * the change live.
   */
  readonly consequence: string;
}

const statesBeforeMoved = [
  'intake',
  'ready',
  'scheduled',
  'decided',
  'searching',
  'offered',
  'confirmed',
] as const satisfies readonly CaseState[];

export const transitions = {
  markReady: {
    from: ['intake'],
    to: 'ready',
    seats: ['casemanager'],
    requires: ['originEvidence', 'wishesRecorded', 'consentRecorded'],
    records: ['readyAt (once)'],
    startsWaitingClock: true,
    label: 'Markeer als uitstroomgereed',
    description:
      'De bewoner is klaar om uit te stromen: herkomst, wensen en toestemming zijn vastgelegd. Vanaf nu loopt de wachttijd.',
    consequence:
      'De wachttijd gaat vandaag lopen en de casus kan op de agenda van een tafel. Niemand krijgt een melding.',
  },
  schedule: {
    from: ['ready'],
    to: 'scheduled',
    seats: ['casemanager', 'chair'],
    requires: ['plannedTable'],
    records: ['agendaItem (table)'],
    label: 'Agenderen',
    description: 'Zet de casus op de agenda van een geplande tafel van de regio.',
    consequence:
      'De casus staat op de agenda. Is de agenda al gedeeld, dan krijgen de genodigden en de casemanager een melding; anders zodra de voorzitter de agenda deelt.',
  },
  unschedule: {
    from: ['scheduled'],
    to: 'ready',
    seats: ['chair'],
    requires: ['reason'],
    records: ['reason', 'agendaItem (deferred or removed)'],
    label: 'Uitstellen of van de agenda halen',
    description:
      'Stel de bespreking uit of haal de casus van de agenda, met een reden. De casus is weer uitstroomgereed; de wachttijd loopt door.',
    consequence:
      'De casus is weer uitstroomgereed en kan op een volgende tafel. Niemand krijgt een melding; de casemanager ziet het bij de casus.',
  },
  decide: {
    from: ['scheduled'],
    to: 'decided',
    seats: ['chair'],
    requires: ['decision'],
    records: [
      'destination',
      'ruleApplied',
      'seatsPresent (agree/object)',
      'motivation (when departing from the proposal or applying A, B or D)',
      'ruleSetVersion',
      'preconditions',
      'followUpProvider',
      'distributionCount (C, or A without an eligible wish)',
    ],
    label: 'Besluit vastleggen',
    description:
      'Leg het besluit van de tafel vast: bestemming, toegepaste regel, aanwezigen en hun instemming of bezwaar, motivatie, randvoorwaarden en nazorgaanbieder.',
    consequence:
      'De bestemming en de randvoorwaarden liggen vast. De gemeente van bestemming, de nazorgaanbieder, de casemanager en de eigenaren van de randvoorwaarden krijgen een melding.',
  },
  // Taken at once with the decision when the destination lies in the region: modelled as the
  // chair's step because it happens inside the chair's decision, never as a button of its own.
  startSearch: {
    from: ['decided'],
    to: 'searching',
    seats: ['chair'],
    requires: ['destinationInRegion'],
    records: ['searchStartedAt'],
    isAutomatic: true,
    label: 'Woning zoeken starten',
    description:
      'Volgt direct op het besluit als de bestemming in de regio ligt: de corporaties zoeken een woning.',
    consequence:
      'De corporaties met woningen of een contingent in de gemeente van bestemming zien de casus bij hun passende woningen.',
  },
  referToOriginRegion: {
    from: ['decided'],
    to: 'closed',
    seats: ['chair'],
    requires: ['destinationOutsideRegion'],
    records: ['outcome (referredToOriginRegion)', 'closedAt'],
    outcomes: ['referredToOriginRegion'],
    label: 'Verwijzen naar herkomstregio',
    description:
      'De herkomst ligt buiten de regio: de casus wordt verwezen naar de herkomstregio en afgesloten.',
    consequence:
      'De casus wordt afgesloten en verwezen naar de herkomstregio. De casemanager krijgt een melding van het besluit.',
  },
  offerDwelling: {
    from: ['searching'],
    to: 'offered',
    seats: ['corporation'],
    requires: ['ownDwelling', 'dwellingInDestination'],
    records: ['offer (dwelling, exclusive claim)'],
    label: 'Woning aanbieden',
    description:
      'Bied een woning van uw corporatie aan voor deze casus, in de gemeente van bestemming. De woning is daarmee geclaimd.',
    consequence:
      'De woning is geclaimd voor deze casus en wordt niet meer aan andere casussen voorgesteld. De casemanager krijgt een melding om het antwoord van de bewoner vast te leggen.',
  },
  declineOffer: {
    from: ['offered'],
    to: 'searching',
    seats: ['casemanager'],
    requires: ['reason'],
    records: ['reason', 'offer declined (dwelling released)'],
    label: 'Aanbod afwijzen (bewoner)',
    description:
      'De bewoner wijst de aangeboden woning af, met een reden. De woning komt vrij en het zoeken gaat verder.',
    consequence:
      'De woning komt vrij en de casus zoekt verder. Niemand krijgt een melding; de corporatie ziet de afwijzing bij haar aanbod.',
  },
  withdrawOffer: {
    from: ['offered'],
    to: 'searching',
    seats: ['corporation'],
    requires: ['ownDwelling', 'reason'],
    records: ['reason', 'offer withdrawn (dwelling released)'],
    label: 'Aanbod intrekken',
    description:
      'De corporatie trekt het aanbod in, met een reden. De woning komt vrij en het zoeken gaat verder.',
    consequence:
      'De woning komt vrij en de casus zoekt verder. Niemand krijgt een melding; de casemanager ziet het bij de casus.',
  },
  confirmPlacement: {
    from: ['offered'],
    to: 'confirmed',
    seats: ['municipality'],
    requires: ['isDestinationMunicipality', 'residentAccepted'],
    records: ['placementConfirmedAt'],
    label: 'Plaatsing bevestigen',
    description:
      'De gemeente van bestemming bevestigt de plaatsing, nu de bewoner het aanbod heeft aanvaard.',
    consequence:
      'De verhuizing kan worden vastgelegd door de casemanager of de corporatie. Niemand krijgt een melding; zij zien het bij de casus.',
  },
  // Back to the table, not to the search: the destination itself is refused, so the table decides
  // again, and the allocation the decision counted is given back to the distribution ledger.
  refusePlacement: {
    from: ['offered'],
    to: 'ready',
    seats: ['municipality'],
    requires: ['isDestinationMunicipality', 'reason'],
    records: ['reason', 'distributionCount given back', 'offer released (dwelling released)'],
    label: 'Plaatsing weigeren',
    description:
      'De gemeente van bestemming weigert de plaatsing, met een reden. De casus gaat terug naar de tafel; de wachttijd loopt door.',
    consequence:
      'De casus gaat terug naar de tafel, de woning komt vrij en een telling van de verdeling wordt teruggegeven. Niemand krijgt een melding; de casemanager en de corporatie zien het bij de casus.',
  },
  moveIn: {
    from: ['confirmed'],
    to: 'moved',
    seats: ['casemanager', 'corporation'],
    requires: ['keyHandoverDate', 'tenancyForm'],
    requiresBySeat: { corporation: ['ownDwelling'] },
    records: ['keyHandoverDate', 'tenancyForm'],
    label: 'Verhuizing vastleggen',
    description:
      'Leg de datum van de sleuteloverdracht en de huurvorm vast: de bewoner is verhuisd.',
    consequence:
      'De bewoner is verhuisd; de nazorgaanbieder ziet het nieuwe adres en kan de nazorg starten. Niemand krijgt een melding.',
  },
  startAftercare: {
    from: ['moved'],
    to: 'aftercare',
    seats: ['provider'],
    requires: ['isFollowUpProvider'],
    records: ['aftercareStartedAt'],
    label: 'Nazorg starten',
    description:
      'De nazorgaanbieder uit het besluit start de ambulante ondersteuning na de verhuizing.',
    consequence:
      'De nazorg loopt: vanaf nu worden contacten, doelen en signalen vastgelegd. Niemand krijgt een melding.',
  },
  close: {
    from: ['aftercare'],
    to: 'closed',
    seats: ['casemanager', 'provider'],
    requires: ['outcome', 'closingDate'],
    requiresBySeat: { provider: ['isFollowUpProvider'] },
    records: ['outcome', 'closedAt'],
    // After a move the case ends in where the resident lives now, or in dropping out; 'withdrawn'
    // and 'referredToOriginRegion' only end a case before a placement.
    outcomes: [
      'independentLiving',
      'housingFirst',
      'intermediateFacility',
      'wlz',
      'backToProtectedHousing',
      'droppedOut',
    ],
    label: 'Afsluiten',
    description: 'Sluit de nazorg af met een uitkomst en een datum.',
    consequence:
      'De casus wordt afgesloten met deze uitkomst; de nametingen na 6 en 12 maanden blijven staan. Niemand krijgt een melding.',
  },
  withdraw: {
    from: statesBeforeMoved,
    to: 'closed',
    seats: ['casemanager'],
    requires: ['outcomeWithdrawnOrDroppedOut', 'reason'],
    records: ['outcome (withdrawn or droppedOut)', 'reason', 'closedAt', 'offer released (if any)'],
    outcomes: ['withdrawn', 'droppedOut'],
    label: 'Terugtrekken',
    description:
      'Trek de casus terug vóór de verhuizing, met de uitkomst ‘Teruggetrokken’ of ‘Uitgevallen’ en een reden.',
    consequence:
      'De casus wordt afgesloten; een openstaand woningaanbod vervalt en de woning komt vrij. Niemand krijgt een melding.',
  },
} as const satisfies Record<TransitionName, TransitionRule>;

/** The table seen through the common shape, so optional fields can be read on any rule. */
const rules: Readonly<Record<TransitionName, TransitionRule>> = transitions;

function ruleOf(transition: TransitionName): TransitionRule | undefined {
  // A name from outside the type (a raw request, 'constructor') must not reach the prototype.
  return Object.hasOwn(rules, transition) ? rules[transition] : undefined;
}

/** The steps that are no transition of their own but change what follows, for their confirmation. */
export const stepConsequence = {
  acceptOffer:
    'De aanvaarding is vastgelegd. De gemeente van bestemming krijgt een melding om de plaatsing te bevestigen.',
  correct:
    'De stap wordt teruggedraaid en als herstel vastgelegd in het logboek; niets wordt gewist. Niemand krijgt een melding; wie de casus openheeft, ziet het direct.',
} as const;

// ---- the rules ----

/** Every transition that leaves `state`, automatic ones included: the graph, not the buttons. */
export function transitionsFrom(state: CaseState): TransitionName[] {
  return transitionNames.filter((name) => rules[name].from.includes(state));
}

/** The preconditions of a step for one seat, in the order they are checked. */
export function requirementsFor(transition: TransitionName, seat: Seat): Requirement[] {
  const rule = rules[transition];
  return [...(rule.requiresBySeat?.[seat] ?? []), ...rule.requires];
}

/** Whether `outcome` may close the case with this step (false for steps that do not close it). */
export function isOutcomeAllowed(transition: TransitionName, outcome: CaseOutcome): boolean {
  return ruleOf(transition)?.outcomes?.includes(outcome) ?? false;
}

/**
 * The steps a seat may offer as buttons in a state: by state and seat only, without the
 * preconditions (the button explains those when pressed). Automatic steps are never buttons.
 */
export function allowedTransitions(state: CaseState, seat: Seat): TransitionName[] {
  return transitionNames.filter((name) => {
    const rule = rules[name];
    return rule.from.includes(state) && rule.seats.includes(seat) && rule.isAutomatic !== true;
  });
}

/** The facts the caller evaluated; a missing fact counts as not met. */
export type TransitionFacts = Partial<Record<Requirement, boolean>>;

export type TransitionCheck =
  | { ok: true; to: CaseState }
  | { ok: false; reason: 'wrongState' | 'wrongSeat'; message: string }
  | { ok: false; reason: 'unmetRequirement'; requirement: Requirement; message: string };

/**
 * The error code of a refused step: the seat is a 403; a step that cannot be taken from this state
 * and a step whose preconditions are not met yet are each their own 409.
 */
export function transitionRefusalCode(
  check: Exclude<TransitionCheck, { ok: true }>,
): 'FORBIDDEN' | 'CASE_WRONG_STATE' | 'CASE_REQUIREMENT_UNMET' {
  if (check.reason === 'wrongSeat') return 'FORBIDDEN';
  return check.reason === 'wrongState' ? 'CASE_WRONG_STATE' : 'CASE_REQUIREMENT_UNMET';
}

/**
 * Whether a seat may take a step now. Checked in a fixed order, so the answer names the first
 * thing that blocks: the state, then the seat, then each precondition in table order (the seat's
 * own first). Fails closed: only a fact that is `true` counts as met.
 */
export function checkTransition(input: {
  state: CaseState;
  transition: TransitionName;
  seat: Seat;
  facts: TransitionFacts;
}): TransitionCheck {
  const { state, transition, seat, facts } = input;
  const rule = ruleOf(transition);
  if (!rule || !rule.from.includes(state)) {
    return {
      ok: false,
      reason: 'wrongState',
      message: `Deze stap kan niet vanuit de status ‘${caseStateLabel[state] ?? state}’.`,
    };
  }
  if (!rule.seats.includes(seat)) {
    return { ok: false, reason: 'wrongSeat', message: 'Uw rol mag deze stap niet zetten.' };
  }
  for (const requirement of requirementsFor(transition, seat)) {
    if (facts[requirement] !== true) {
      return {
        ok: false,
        reason: 'unmetRequirement',
        requirement,
        message: requirementMessage[requirement],
      };
    }
  }
  return { ok: true, to: rule.to };
}

/**
 * The waiting clock after a step. It starts at the first step to "uitstroomgereed" and never
 * restarts: a case deferred at the table or refused by the destination has been waiting all along
 * (the indicator is the waiting time from uitstroomgereed to a dwelling, domain.md §6).
 * `now` is an ISO timestamp given by the caller. A case brought in by an import may know since
 * when the resident has been ready (`Uitstroomgereed op`, a Dutch day): the clock then starts at
 * the beginning of that day, when it is not after today; a day in the future counts from now.
 */
export function nextReadyAt(
  currentReadyAt: string | null,
  transition: TransitionName,
  now: string,
  knownReadyOn: string | null = null,
): string | null {
  if (currentReadyAt !== null) return currentReadyAt;
  if (ruleOf(transition)?.startsWaitingClock !== true) return null;
  if (knownReadyOn !== null && knownReadyOn <= amsterdamDate(now))
    return startOfDutchDay(knownReadyOn).toISOString();
  return now;
}

import type { HousingNeeds } from '../cases/case.schemas';
import { daysBetween, formatDutchDate } from '../calendar/calendar';
import { formatDutchInteger } from '../origin-rule/dutch-format';
import {
  isNeighbourhoodOf,
  isSameNeighbourhood,
  neighbourhoodInSentence,
} from '../regions/neighbourhoods';
import {
  roomsLabel,
  type FitCriterion,
  type FitReason,
  type FitResult,
  type FitVerdict,
} from './dwelling.schemas';

/**
 * Whether a dwelling fits a case searching for one, criterion by criterion, in plain Dutch.
 * Pure: no I/O, no clock (today is an argument). The corporation reads the case's housing
 * profile only (household and housing needs, domain.md §5), so this rule reads nothing else:
 * the resident's wishes in their own words are not the corporation's to see. The wijken the
 * resident wishes for or avoids are part of the housing needs, as lists, so they are weighed here.
 *
 * The destination municipality is a hard criterion: the table decided it, and a dwelling
 * elsewhere is no option. The others are weighed: a dwelling that misses one is still shown,
 * lower, with the reason, because the table may accept a near fit (a slightly higher rent with
 * a housing allowance, a date a week late).
 */

/** What of a dwelling the fit reads. */
export interface FitDwelling {
  municipalityCode: string;
  /** The wijk, as the corporation typed it. */
  neighbourhood: string;
  rooms: number;
  rent: number;
  floor: number;
  hasLift: boolean;
  isWheelchairAccessible: boolean;
  availableFrom: string;
}

/** What of a case the fit reads: the decided destination and the housing needs. */
export interface CaseNeeds {
  destination: string | null;
  rooms?: number;
  groundFloorOrLift?: boolean;
  usesWheelchair?: boolean;
  maxRent?: number;
  wishedMoveDate?: string;
  wishedNeighbourhoods?: readonly string[];
  avoidedNeighbourhoods?: readonly string[];
}

export function caseNeedsOf(
  destination: string | null,
  housingNeeds: HousingNeeds | undefined,
): CaseNeeds {
  const needs = housingNeeds ?? {};
  return {
    destination,
    ...(needs.rooms !== undefined ? { rooms: needs.rooms } : {}),
    ...(needs.groundFloorOrLift !== undefined
      ? { groundFloorOrLift: needs.groundFloorOrLift }
      : {}),
    ...(needs.usesWheelchair !== undefined ? { usesWheelchair: needs.usesWheelchair } : {}),
    ...(needs.maxRent !== undefined ? { maxRent: needs.maxRent } : {}),
    ...(needs.wishedMoveDate !== undefined ? { wishedMoveDate: needs.wishedMoveDate } : {}),
    ...(needs.wishedNeighbourhoods?.length
      ? { wishedNeighbourhoods: needs.wishedNeighbourhoods }
      : {}),
    ...(needs.avoidedNeighbourhoods?.length
      ? { avoidedNeighbourhoods: needs.avoidedNeighbourhoods }
      : {}),
  };
}

/**
 * How much each weighed criterion counts in the score. Accessibility weighs most: a resident in a
 * wheelchair cannot live on a third floor without a lift, whereas a rent a little over the budget
 * can sometimes be bridged (housing allowance, a budget agreed with the administrator). The wijk
 * weighs only when the resident named wijken there (`isWeighed`): without a wish any wijk will do.
 */
export const fitWeights: Record<Exclude<FitCriterion, 'destination'>, number> = {
  neighbourhood: 20,
  rooms: 25,
  accessibility: 30,
  rent: 25,
  availability: 20,
};

/** `650` → `€ 650`, `612.5` → `€ 612,50`. */
export function formatDutchEuro(amount: number): string {
  const cents = Math.round(Math.abs(amount) * 100);
  const whole = formatDutchInteger(Math.trunc(cents / 100));
  const rest = cents % 100;
  return `${amount < 0 ? '−' : ''}€ ${whole}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`}`;
}

/** `geen aparte kamers (een studio)` for 0, as the pages say rooms. */
const roomsText = (rooms: number) =>
  rooms === 0 ? `${roomsLabel(0)} (een studio)` : roomsLabel(rooms);
const daysText = (days: number) => (days === 1 ? '1 dag' : `${days} dagen`);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

type NameOf = (code: string) => string;

function destinationReason(dwelling: FitDwelling, needs: CaseNeeds, nameOf: NameOf): FitReason {
  const where = nameOf(dwelling.municipalityCode);
  if (!needs.destination)
    return {
      criterion: 'destination',
      verdict: 'unknown',
      text: `Ligt in ${where}; de gemeente van bestemming is nog niet besloten.`,
    };
  return dwelling.municipalityCode === needs.destination
    ? {
        criterion: 'destination',
        verdict: 'fits',
        text: `Ligt in ${where}, de gemeente van bestemming.`,
      }
    : {
        criterion: 'destination',
        verdict: 'doesNotFit',
        text: `Ligt in ${where}; de tafel besloot tot ${nameOf(needs.destination)}.`,
      };
}

/**
 * The wijk: one the resident avoids does not fit, whatever else does (the reason says which); one
 * of the wished wijken fits; when the resident wished for other wijken of this municipality, this
 * one does not fit either. Wished wijken elsewhere say nothing about this dwelling.
 */
function neighbourhoodReason(dwelling: FitDwelling, needs: CaseNeeds): FitReason & Weighed {
  const here = neighbourhoodInSentence(dwelling.neighbourhood);
  if (
    (needs.avoidedNeighbourhoods ?? []).some((n) => isSameNeighbourhood(n, dwelling.neighbourhood))
  )
    return {
      criterion: 'neighbourhood',
      verdict: 'doesNotFit',
      text: `De bewoner wil niet naar ${here}.`,
      isWeighed: true,
    };
  const wished = needs.wishedNeighbourhoods ?? [];
  if (wished.some((n) => isSameNeighbourhood(n, dwelling.neighbourhood)))
    return {
      criterion: 'neighbourhood',
      verdict: 'fits',
      text: `Ligt in ${here}, een wijk die de bewoner wenst.`,
      isWeighed: true,
    };
  const wishedHere = wished.filter((n) => isNeighbourhoodOf(dwelling.municipalityCode, n));
  if (wishedHere.length)
    return {
      criterion: 'neighbourhood',
      verdict: 'doesNotFit',
      text: `Ligt in ${here}; de bewoner wenst ${listOr(wishedHere.map(neighbourhoodInSentence))}.`,
      isWeighed: true,
    };
  return {
    criterion: 'neighbourhood',
    verdict: 'fits',
    text: `Ligt in ${here}; de bewoner noemde hier geen wijk om te wensen of te vermijden.`,
    isWeighed: false,
  };
}

/** "a", "a of b", "a, b of c" */
const listOr = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} of ${items.at(-1)!}`;

function roomsReason(dwelling: FitDwelling, needs: CaseNeeds): FitReason {
  const has = capitalise(roomsText(dwelling.rooms));
  if (needs.rooms === undefined)
    return {
      criterion: 'rooms',
      verdict: 'unknown',
      text: `${has}; hoeveel kamers nodig zijn, is niet vastgelegd.`,
    };
  return dwelling.rooms >= needs.rooms
    ? { criterion: 'rooms', verdict: 'fits', text: `${has}; nodig: ${roomsText(needs.rooms)}.` }
    : {
        criterion: 'rooms',
        verdict: 'doesNotFit',
        text: `${has}; nodig: ${roomsText(needs.rooms)}.`,
      };
}

function accessibilityReason(dwelling: FitDwelling, needs: CaseNeeds): FitReason {
  const missing: string[] = [];
  const met: string[] = [];
  if (needs.groundFloorOrLift) {
    if (dwelling.floor <= 0) met.push('begane grond (nodig: begane grond of lift)');
    else if (dwelling.hasLift)
      met.push(`${dwelling.floor}e verdieping met lift (nodig: begane grond of lift)`);
    else
      missing.push(
        `${dwelling.floor}e verdieping zonder lift, terwijl begane grond of lift nodig is`,
      );
  }
  if (needs.usesWheelchair) {
    if (dwelling.isWheelchairAccessible)
      met.push('rolstoeltoegankelijk (de bewoner gebruikt een rolstoel)');
    else missing.push('niet rolstoeltoegankelijk, terwijl de bewoner een rolstoel gebruikt');
  }
  if (missing.length)
    return {
      criterion: 'accessibility',
      verdict: 'doesNotFit',
      text: `${capitalise(missing.join('; '))}.`,
    };
  if (met.length)
    return { criterion: 'accessibility', verdict: 'fits', text: `${capitalise(met.join('; '))}.` };
  // Nothing needed: only a recorded "no" says so; a blank means nobody asked yet.
  if (needs.groundFloorOrLift === false || needs.usesWheelchair === false)
    return {
      criterion: 'accessibility',
      verdict: 'fits',
      text: 'Geen eisen aan toegankelijkheid.',
    };
  return {
    criterion: 'accessibility',
    verdict: 'unknown',
    text: 'Of begane grond, lift of rolstoeltoegankelijkheid nodig is, is niet vastgelegd.',
  };
}

function rentReason(dwelling: FitDwelling, needs: CaseNeeds): FitReason {
  const rent = `${formatDutchEuro(dwelling.rent)} per maand`;
  if (needs.maxRent === undefined)
    return {
      criterion: 'rent',
      verdict: 'unknown',
      text: `${rent}; het budget van de bewoner is niet vastgelegd.`,
    };
  return dwelling.rent <= needs.maxRent
    ? {
        criterion: 'rent',
        verdict: 'fits',
        text: `${rent}; binnen het budget van ${formatDutchEuro(needs.maxRent)}.`,
      }
    : {
        criterion: 'rent',
        verdict: 'doesNotFit',
        text: `${rent}: ${formatDutchEuro(dwelling.rent - needs.maxRent)} boven het budget van ${formatDutchEuro(needs.maxRent)}.`,
      };
}

function availabilityReason(dwelling: FitDwelling, needs: CaseNeeds, today: string): FitReason {
  const from = formatDutchDate(dwelling.availableFrom);
  // A wished date already past means "as soon as possible": today is then the date to meet.
  const wanted =
    needs.wishedMoveDate && needs.wishedMoveDate > today ? needs.wishedMoveDate : today;
  if (dwelling.availableFrom <= wanted) {
    return {
      criterion: 'availability',
      verdict: 'fits',
      text:
        needs.wishedMoveDate && needs.wishedMoveDate > today
          ? `Vrij vanaf ${from}, op tijd voor de gewenste verhuisdatum ${formatDutchDate(needs.wishedMoveDate)}.`
          : `Nu beschikbaar (vrij vanaf ${from}).`,
    };
  }
  const late = daysBetween(wanted, dwelling.availableFrom);
  if (!needs.wishedMoveDate)
    return {
      criterion: 'availability',
      verdict: 'unknown',
      text: `Vrij vanaf ${from}, over ${daysText(late)}; een gewenste verhuisdatum is niet vastgelegd.`,
    };
  return {
    criterion: 'availability',
    verdict: 'doesNotFit',
    text:
      wanted === today
        ? `Vrij vanaf ${from}: over ${daysText(late)}, terwijl de bewoner nu kan verhuizen.`
        : `Vrij vanaf ${from}: ${daysText(late)} na de gewenste verhuisdatum ${formatDutchDate(wanted)}.`,
  };
}

interface Weighed {
  /** Whether the reason counts in the score. */
  isWeighed: boolean;
}

const verdictCredit: Record<FitVerdict, number> = { fits: 1, unknown: 0.5, doesNotFit: 0 };

/**
 * The fit of one dwelling for one case: a reason per criterion (fits / does not fit / unknown),
 * a score of 0–100 over the weighed criteria, and whether it fits as a whole.
 */
export function fitDwelling(
  dwelling: FitDwelling,
  needs: CaseNeeds,
  today: string,
  nameOf: NameOf = (code) => code,
): FitResult {
  const { isWeighed: isNeighbourhoodWeighed, ...neighbourhood } = neighbourhoodReason(
    dwelling,
    needs,
  );
  const reasons: FitReason[] = [
    destinationReason(dwelling, needs, nameOf),
    neighbourhood,
    roomsReason(dwelling, needs),
    accessibilityReason(dwelling, needs),
    rentReason(dwelling, needs),
    availabilityReason(dwelling, needs, today),
  ];
  const weightOf = (reason: FitReason) =>
    reason.criterion === 'destination' ||
    (reason.criterion === 'neighbourhood' && !isNeighbourhoodWeighed)
      ? 0
      : fitWeights[reason.criterion];
  const total = reasons.reduce((sum, reason) => sum + weightOf(reason), 0);
  const earned = reasons.reduce(
    (sum, reason) => sum + weightOf(reason) * verdictCredit[reason.verdict],
    0,
  );
  // Elsewhere than the decided destination, nothing else matters; without a decision yet the
  // score still says how near the dwelling comes, but it is no fit until the table has decided.
  const destination = reasons[0]!.verdict;
  return {
    score: destination === 'doesNotFit' ? 0 : Math.round((100 * earned) / total),
    isFit: destination === 'fits' && reasons.every((reason) => reason.verdict !== 'doesNotFit'),
    reasons,
  };
}

/** Best first: a whole fit before a near one, fewer misfits before more, a higher score first; `tieBreak` decides the rest. */
export function compareFits(a: FitResult, b: FitResult): number {
  const misfits = (fit: FitResult) =>
    fit.reasons.filter((reason) => reason.verdict === 'doesNotFit').length;
  return Number(b.isFit) - Number(a.isFit) || misfits(a) - misfits(b) || b.score - a.score;
}

export function rankByFit<T>(
  items: readonly T[],
  fitOf: (item: T) => FitResult,
  tieBreak: (a: T, b: T) => number,
): T[] {
  return [...items].sort((a, b) => compareFits(fitOf(a), fitOf(b)) || tieBreak(a, b));
}

import { addMonths } from '../calendar/calendar';
import { formatDutchDate } from '../calendar/calendar';
import { lifeDomainLabel, type LifeDomain } from '../cases/case.schemas';
import type { Seat } from '../auth/seats';
import type { CaseState } from '../cases/case.schemas';
import { signalKindLabel, type SignalKind } from './support.schemas';

/**
 * Pure rules of follow-up support, erasure and retention: no I/O, no clock (today is an argument).
 */

/** The months after the key handover at which the provider is asked whether the resident still lives there. */
export const followUpCheckMonths = [6, 12] as const;
export type FollowUpCheckMonths = (typeof followUpCheckMonths)[number];

/** The checks due on `today` that have not been asked yet, with their due dates. */
export function dueFollowUpChecks(
  keyHandoverDate: string,
  today: string,
  alreadyAsked: readonly number[],
): { months: FollowUpCheckMonths; dueOn: string }[] {
  return followUpCheckMonths
    .map((months) => ({ months, dueOn: addMonths(keyHandoverDate, months) }))
    .filter((check) => check.dueOn <= today && !alreadyAsked.includes(check.months));
}

/**
 * The seats that read the signals of follow-up support: the support projection's table
 * (`supportFieldsBySeat`, server) says the same, and a unit test holds the two together. Nobody
 * is told of a signal they may not see (issue 27.6).
 */
export const signalReaderSeats: readonly Seat[] = ['casemanager', 'provider', 'municipality'];

/**
 * Who must act on a signal (issue 13), among the seats that read signals. A relapse is care: the
 * municipality (which purchases the support) and the case manager. The case manager hears of
 * every signal: the case is theirs. Arrears and nuisance concern the landlord too, but the
 * corporation reads no follow-up support: it is not told (issue 27.6); the case manager and the
 * provider speak to it, under the three-party agreement.
 */
export function signalAudience(kind: SignalKind): {
  municipality: boolean;
  caseManager: boolean;
} {
  return {
    municipality: kind === 'relapse' && signalReaderSeats.includes('municipality'),
    caseManager: signalReaderSeats.includes('casemanager'),
  };
}

/** The states in which the provider logs support: after the move until closing; a closed case only answers checks. */
export function isSupportWritable(state: CaseState, isStarted: boolean): boolean {
  return state === 'aftercare' && isStarted;
}

/** Follow-up checks outlive closing: "still housed after 12 months" is asked of closed cases too, until erasure. */
export function isCheckAnswerable(state: CaseState, isErased: boolean): boolean {
  return (state === 'aftercare' || state === 'closed') && !isErased;
}

/** A plan version counts once both the provider and the municipality agreed to that version. */
export function isPlanAgreed(plan: {
  providerAgreedAt: string | null;
  municipalityAgreedAt: string | null;
}): boolean {
  return plan.providerAgreedAt !== null && plan.municipalityAgreedAt !== null;
}

/** The seats that agree a relapse-prevention plan, each for its own side. */
export function planAgreementSide(seat: Seat): 'provider' | 'municipality' | null {
  return seat === 'provider' ? 'provider' : seat === 'municipality' ? 'municipality' : null;
}

/** Direction of an intensity change against the hours before it. */
export function intensityDirection(
  previousHours: number | null,
  nextHours: number,
): 'start' | 'up' | 'down' {
  if (previousHours === null) return 'start';
  return nextHours >= previousHours ? 'up' : 'down';
}

/** The day a closed case's retention ends: the closing day plus the region's retention years. */
export function retentionDueOn(closedOn: string, retentionYears: number): string {
  return addMonths(closedOn, retentionYears * 12);
}

/**
 * Whether a closed case may be erased on this ground today: on the resident's request at any time
 * after closing (AVG art. 17); for the retention period only once it has passed.
 */
export function isErasureAllowed(
  ground: 'retentionExpired' | 'residentRequest',
  closedOn: string,
  retentionYears: number,
  today: string,
): boolean {
  return ground === 'residentRequest' || retentionDueOn(closedOn, retentionYears) <= today;
}

/**
 * How long a signal counts as open (issue 27.1). A signal has no "resolved" state: the provider
 * raises it and works on it in the contacts that follow. The product decides that a signal of the
 * last three months before the closing date is still open (it may still be at play), an older one
 * has been worked through; closing with an open one asks a reason, it is not refused.
 */
export const openSignalMonths = 3;

/** The signals still open on the closing date, oldest first. */
export function openSignals<S extends { kind: SignalKind; date: string }>(
  signals: readonly S[],
  closedOn: string,
): S[] {
  return signals
    .filter((s) => s.date <= closedOn && addMonths(s.date, openSignalMonths) > closedOn)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** What is still open when the case closes, each in one Dutch line: the open signals, then the preconditions not done. */
export function openItemsAtClosing(input: {
  signals: readonly { kind: SignalKind; date: string }[];
  preconditions: readonly {
    lifeDomain: LifeDomain;
    description: string;
    ownerName: string;
    dueDate: string;
  }[];
  closedOn: string;
}): string[] {
  return [
    ...openSignals(input.signals, input.closedOn).map(
      (s) => `Signaal: ${signalKindLabel[s.kind].toLowerCase()} (${formatDutchDate(s.date)})`,
    ),
    ...input.preconditions.map(
      (p) =>
        `Randvoorwaarde ${lifeDomainLabel[p.lifeDomain].toLowerCase()}: ${p.description} (${p.ownerName}, uiterlijk ${formatDutchDate(p.dueDate)})`,
    ),
  ];
}

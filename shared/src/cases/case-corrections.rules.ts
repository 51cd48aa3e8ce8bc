import type { Seat } from '../auth/seats';
import type { CaseState } from './case.schemas';
import type { TransitionName } from './case-transitions.rules';

/**
 * Herstel (domain.md §4, the last row of the state table): the state a step led to goes back to
 * the state before it. The one who took the step may do so the same Dutch day; the chair any day,
 * with a reason; only while nothing taken since depends on it. Recorded as a correction on the
 * case's log and in the audit log: the step itself is never deleted. Pure: the caller reads the
 * case's log and the clock and passes them in.
 */

/** How a step is undone, or why it cannot be (in Dutch, with what to do instead). */
export type CorrectionRule =
  | { kind: 'state' }
  /** The table's decision is set aside (kept, marked corrected) and its count given back. */
  | { kind: 'decision' }
  | { kind: 'none'; message: string };

const placedSteps =
  'Deze stap kan niet worden hersteld: er hangen een woning en een aanbod aan. Zet de volgende stap van het aanbod.';

export const correctionRules = {
  markReady: { kind: 'state' },
  schedule: {
    kind: 'none',
    message:
      'Deze stap wordt niet hersteld maar teruggedraaid op de tafel: de voorzitter haalt de casus van de agenda.',
  },
  unschedule: {
    kind: 'none',
    message: 'Deze stap wordt niet hersteld: zet de casus opnieuw op de agenda van een tafel.',
  },
  decide: { kind: 'decision' },
  // Taken at once with the decision: correcting it corrects the decision.
  startSearch: { kind: 'decision' },
  referToOriginRegion: { kind: 'decision' },
  offerDwelling: {
    kind: 'none',
    message: 'Deze stap wordt niet hersteld: de corporatie trekt het aanbod in, met een reden.',
  },
  declineOffer: {
    kind: 'none',
    message:
      'Deze stap kan niet worden hersteld: de woning is vrijgegeven; de corporatie biedt haar zo nodig opnieuw aan.',
  },
  withdrawOffer: {
    kind: 'none',
    message:
      'Deze stap kan niet worden hersteld: de woning is vrijgegeven; de corporatie biedt haar zo nodig opnieuw aan.',
  },
  confirmPlacement: { kind: 'none', message: placedSteps },
  refusePlacement: { kind: 'none', message: placedSteps },
  moveIn: { kind: 'none', message: placedSteps },
  startAftercare: {
    kind: 'none',
    message: 'Deze stap kan niet worden hersteld: de nazorg is met een logboek begonnen.',
  },
  close: { kind: 'state' },
  withdraw: {
    kind: 'none',
    message:
      'Deze stap kan niet worden hersteld: bij het terugtrekken zijn aanbod en agenda vrijgegeven. Meld de bewoner opnieuw aan.',
  },
} as const satisfies Record<TransitionName, CorrectionRule>;

/**
 * Steps the service takes inside the chair's decision (the search, or the referral out of the
 * region): correcting them corrects the decision, back to the agenda.
 */
const takenWithTheDecision: readonly TransitionName[] = ['startSearch', 'referToOriginRegion'];

/** One entry of the case's log as the rule reads it, newest first. */
export interface LoggedStep {
  kind: 'transition' | 'correction';
  transition: TransitionName;
  from: CaseState;
  to: CaseState;
  actorUserId: string;
  /** The Dutch calendar day the entry was written. */
  on: string;
}

/**
 * The step a correction would undo: the newest step on the log, where an automatic step counts
 * with the step it followed (the search starts with the decision, so the decision is undone).
 * Nothing after a correction: a correction is not corrected, and what came before it stands.
 */
export function stepToCorrect(
  log: readonly LoggedStep[],
): { step: LoggedStep; from: CaseState } | null {
  const [newest, before] = log;
  if (!newest || newest.kind === 'correction') return null;
  if (
    takenWithTheDecision.includes(newest.transition) &&
    before?.kind === 'transition' &&
    before.transition === 'decide' &&
    before.to === newest.from
  )
    return { step: before, from: before.from };
  return { step: newest, from: newest.from };
}

export type CorrectionCheck =
  | { ok: true; to: CaseState; rule: Exclude<CorrectionRule, { kind: 'none' }>; byChair: boolean }
  | { ok: false; code: 'FORBIDDEN' | 'CASE_REQUIREMENT_UNMET'; message: string };

/**
 * Whether this actor may correct the case's last step now. The one who took it: the same Dutch
 * day, no reason needed. The chair: any day, with a reason. Anyone else: not. `dependent` is what
 * the caller found resting on the step since (an offer, a closed table), in Dutch, or null.
 */
export function checkCorrection(input: {
  log: readonly LoggedStep[];
  state: CaseState;
  actor: { userId: string; seat: Seat };
  today: string;
  hasReason: boolean;
  dependent?: string | null;
}): CorrectionCheck {
  const target = stepToCorrect(input.log);
  if (!target || input.log[0]!.to !== input.state)
    return refused('CASE_REQUIREMENT_UNMET', 'Er is geen stap om te herstellen.');
  const rule: CorrectionRule = correctionRules[target.step.transition];
  if (rule.kind === 'none') return refused('CASE_REQUIREMENT_UNMET', rule.message);
  const isOwnStepToday =
    target.step.actorUserId === input.actor.userId && target.step.on === input.today;
  const byChair = !isOwnStepToday && input.actor.seat === 'chair';
  if (!isOwnStepToday && !byChair)
    return refused(
      'FORBIDDEN',
      'Alleen wie de stap zette kan die dezelfde dag herstellen; daarna de voorzitter, met een reden.',
    );
  if (byChair && !input.hasReason)
    return refused('CASE_REQUIREMENT_UNMET', 'Geef een reden voor het herstel.');
  if (input.dependent) return refused('CASE_REQUIREMENT_UNMET', input.dependent);
  return { ok: true, to: target.from, rule, byChair };
}

function refused(code: 'FORBIDDEN' | 'CASE_REQUIREMENT_UNMET', message: string): CorrectionCheck {
  return { ok: false, code, message };
}

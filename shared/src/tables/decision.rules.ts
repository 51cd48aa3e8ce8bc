import type { ProposalOutcome } from '../origin-rule/origin-rule.schemas';
import type { DecisionRule } from './table.schemas';

/**
 * The rules a table's decision must meet beyond its schema, as pure functions: the server judges a
 * decision with them, and the chair's form checks them at the field before sending.
 */

export interface DecisionRuleInput {
  rule: DecisionRule;
  /** The destination the table names itself; empty: the proposal's, or the distribution's. */
  destination?: string | null;
  motivation?: string | null;
  followUpProviderId?: string | null;
  referralSummary?: string | null;
}

export interface DecisionRuleFacts {
  /** The engine's proposal for the case, if any. */
  proposal: { outcome: ProposalOutcome; destination: string | null } | null;
  /** Under A the proposal did not go to the resident's wish: the distribution chooses then. */
  isDestinationProvisional: boolean;
}

export interface DecisionIssue {
  path: 'destination' | 'motivation' | 'followUpProviderId' | 'referralSummary';
  message: string;
}

/** Does the distribution choose the destination: C, or A that did not go to the wish, unless the table names one? */
export function isDecisionByDistribution(
  input: Pick<DecisionRuleInput, 'rule' | 'destination'>,
  facts: DecisionRuleFacts,
): boolean {
  if (input.destination) return false;
  return (
    input.rule === 'C' ||
    (input.rule === 'A' && facts.proposal?.outcome === 'A' && facts.isDestinationProvisional)
  );
}

/** Whether the table departs from the engine's proposal (then a motivation is required). */
export function decisionDepartsFromProposal(
  input: Pick<DecisionRuleInput, 'rule' | 'destination'>,
  facts: DecisionRuleFacts,
): boolean {
  const proposal = facts.proposal;
  if (!proposal) return false;
  if (input.rule !== proposal.outcome) return true;
  if (input.rule === 'buiten_regio' || isDecisionByDistribution(input, facts)) return false;
  return (input.destination || proposal.destination) !== proposal.destination;
}

/** A motivation is required for A, B and D (exceptions), and whenever the table departs from the proposal. */
export function isDecisionMotivationRequired(
  input: Pick<DecisionRuleInput, 'rule' | 'destination'>,
  facts: DecisionRuleFacts,
): boolean {
  return ['A', 'B', 'D'].includes(input.rule) || decisionDepartsFromProposal(input, facts);
}

/** What a decision misses beyond its schema; the server adds what needs the database (the region, the ledger). */
export function decisionIssues(
  input: DecisionRuleInput,
  facts: DecisionRuleFacts,
): DecisionIssue[] {
  const issues: DecisionIssue[] = [];
  if (input.rule === 'buiten_regio') {
    if ((input.referralSummary?.trim().length ?? 0) < 10)
      issues.push({
        path: 'referralSummary',
        message: 'Schrijf een overdracht voor de herkomstregio (minstens 10 tekens).',
      });
  } else if (
    !input.destination &&
    !isDecisionByDistribution(input, facts) &&
    !facts.proposal?.destination
  )
    issues.push({ path: 'destination', message: 'Kies de bestemming.' });
  if (isDecisionMotivationRequired(input, facts) && (input.motivation?.trim().length ?? 0) < 10)
    issues.push({
      path: 'motivation',
      message: decisionDepartsFromProposal(input, facts)
        ? 'Motiveer waarom de tafel afwijkt van het voorstel (minstens 10 tekens).'
        : 'Een uitzondering wordt altijd gemotiveerd (minstens 10 tekens).',
    });
  if (input.rule !== 'buiten_regio' && !input.followUpProviderId)
    issues.push({ path: 'followUpProviderId', message: 'Kies de aanbieder van de nazorg.' });
  return issues;
}

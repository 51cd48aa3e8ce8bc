import { decisionIssues, isDecisionByDistribution, type DecisionRuleFacts } from './decision.rules';

const toWish: DecisionRuleFacts = {
  proposal: { outcome: 'A', destination: 'GM0034' },
  isDestinationProvisional: false,
};
const notToWish: DecisionRuleFacts = { ...toWish, isDestinationProvisional: true };
const none: DecisionRuleFacts = { proposal: null, isDestinationProvisional: false };
const motivation = 'Een motivering van voldoende lengte.';
const provider = '00000000-0000-4000-8000-000000000001';

describe('decisionIssues: what the server refuses and the chair form flags at the field', () => {
  it.each([
    [
      'A to the wish, motivated',
      { rule: 'A', motivation, followUpProviderId: provider },
      toWish,
      [],
    ],
    ['A without motivation', { rule: 'A', followUpProviderId: provider }, toWish, ['motivation']],
    [
      'herkomst as proposed needs no motivation',
      { rule: 'herkomst', followUpProviderId: provider },
      { proposal: { outcome: 'herkomst', destination: 'GM0034' }, isDestinationProvisional: false },
      [],
    ],
    [
      'departing from the proposal needs a motivation',
      { rule: 'herkomst', destination: 'GM0050', followUpProviderId: provider },
      { proposal: { outcome: 'herkomst', destination: 'GM0034' }, isDestinationProvisional: false },
      ['motivation'],
    ],
    ['no follow-up provider', { rule: 'A', motivation }, toWish, ['followUpProviderId']],
    [
      'no destination and no proposal',
      { rule: 'B', motivation, followUpProviderId: provider },
      none,
      ['destination'],
    ],
    ['C chooses by distribution', { rule: 'C', followUpProviderId: provider }, none, []],
    [
      'a referral needs its summary',
      { rule: 'buiten_regio', referralSummary: 'kort' },
      none,
      ['referralSummary'],
    ],
    [
      'a referral with its summary',
      { rule: 'buiten_regio', referralSummary: 'Overdracht aan de herkomstregio.' },
      none,
      [],
    ],
  ] as const)('%s', (_name, input, facts, paths) => {
    expect(decisionIssues(input, facts).map((issue) => issue.path)).toEqual(paths);
  });
});

describe('isDecisionByDistribution', () => {
  it.each([
    ['C without a destination', { rule: 'C' }, none, true],
    ['C with a destination the table names', { rule: 'C', destination: 'GM0034' }, none, false],
    ['A that went to the wish', { rule: 'A' }, toWish, false],
    ['A that did not go to the wish', { rule: 'A' }, notToWish, true],
    ['B', { rule: 'B' }, notToWish, false],
  ] as const)('%s', (_name, input, facts, expected) => {
    expect(isDecisionByDistribution(input, facts)).toBe(expected);
  });
});

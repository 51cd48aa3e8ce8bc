import {
  countOverduePreconditions,
  describeAgendaWaiting,
  describeDecisionDestination,
  describeOverdue,
  describeProposalRoute,
  isWaitingTooLong,
} from '../../client/src/tables/agenda-item';

// What an agenda item says as text (client/src/tables/agenda-item.ts): the waiting clock against
// the region's target, the proposal's route, the decision's destination, late preconditions.

const nameOf = (code: string) => ({ GM0034: 'Almere', GM0995: 'Lelystad' })[code] ?? code;

describe('isWaitingTooLong', () => {
  it.each([
    ['still waiting, past the target', { waitingDays: 91, waitingUntil: 'today' }, true],
    ['still waiting, on the target day', { waitingDays: 90, waitingUntil: 'today' }, false],
    ['no end yet is still waiting', { waitingDays: 120, waitingUntil: null }, true],
    ['the wait ran until the keys', { waitingDays: 120, waitingUntil: 'keys' }, false],
    ['the wait ran until the closing', { waitingDays: 120, waitingUntil: 'closing' }, false],
    ['no waiting clock for this seat', { waitingUntil: 'today' }, false],
  ] as const)('%s', (_title, c, expected) => {
    expect(isWaitingTooLong(c as never, 90)).toBe(expected);
  });
});

describe('describeAgendaWaiting', () => {
  it.each([
    [
      'waiting, with the day it became ready',
      { waitingUntil: 'today', readyAt: '2026-03-02T09:30:00.000Z' },
      12,
      '12 dagen sinds uitstroomgereed (2 maart 2026)',
    ],
    [
      'waiting, the ready day not visible',
      { waitingUntil: null },
      1,
      '1 dag sinds uitstroomgereed',
    ],
    [
      'until the keys',
      { waitingUntil: 'keys', readyAt: '2026-03-02T09:30:00.000Z' },
      40,
      'Wachttijd tot de sleutels: 40 dagen (uitstroomgereed sinds 2 maart 2026)',
    ],
    ['until the closing', { waitingUntil: 'closing' }, 7, 'Wachttijd tot de afsluiting: 7 dagen'],
  ] as const)('%s', (_title, c, days, expected) => {
    expect(describeAgendaWaiting(c, days)).toBe(expected);
  });
});

describe('describeProposalRoute', () => {
  it.each([
    [
      'origin to destination',
      { outcome: 'herkomst', origin: 'GM0034', destination: 'GM0995' },
      'Almere → Lelystad',
    ],
    [
      'origin unknown',
      { outcome: 'C', origin: null, destination: 'GM0995' },
      'Herkomst onbekend → Lelystad',
    ],
    [
      'out of the region',
      { outcome: 'buiten_regio', origin: 'GM0034', destination: null },
      'Almere → herkomstregio',
    ],
    [
      'the table chooses',
      { outcome: 'C', origin: 'GM0034', destination: null },
      'Almere → de tafel kiest',
    ],
  ] as const)('%s', (_title, proposal, expected) => {
    expect(describeProposalRoute(proposal as never, nameOf)).toBe(expected);
  });
});

describe('describeDecisionDestination', () => {
  it.each([
    ['a municipality', { rule: 'herkomst', destination: 'GM0995' }, 'Lelystad'],
    [
      'referred back',
      { rule: 'buiten_regio', destination: null },
      'Verwezen naar de regio van herkomst',
    ],
    ['none', { rule: 'C', destination: null }, '—'],
  ] as const)('%s', (_title, decision, expected) => {
    expect(describeDecisionDestination(decision as never, nameOf)).toBe(expected);
  });
});

describe('late preconditions', () => {
  const precondition = (dueDate: string, isDone: boolean) => ({ dueDate, isDone }) as never;
  it.each([
    ['no decision', null, 0],
    ['none late', { preconditions: [precondition('2026-04-14', false)] }, 0],
    ['due today is not late', { preconditions: [precondition('2026-04-10', false)] }, 0],
    ['one past its date', { preconditions: [precondition('2026-04-09', false)] }, 1],
    ['done is never late', { preconditions: [precondition('2026-04-01', true)] }, 0],
    [
      'two past their date',
      { preconditions: [precondition('2026-04-01', false), precondition('2026-03-01', false)] },
      2,
    ],
  ])('%s', (_title, decision, expected) => {
    expect(countOverduePreconditions(decision, '2026-04-10')).toBe(expected);
  });

  it.each([
    [1, '1 randvoorwaarde te laat'],
    [3, '3 randvoorwaarden te laat'],
  ])('%i: %s', (count, expected) => {
    expect(describeOverdue(count)).toBe(expected);
  });
});

import {
  answerDueOn,
  assessNeighbourhoodLoad,
  isAnswerOverdue,
  keyHandoverDateProblem,
  keysBeforeAvailable,
  neighbourhoodKey,
  neighbourhoodLoadSince,
  waitedDays,
  waitingOf,
  describeWaiting,
} from './placement.rules';
import type { OfferStatus } from './placement.schemas';

describe('answerDueOn', () => {
  it.each([
    ['2026-03-02', 10, '2026-03-12'],
    ['2026-02-25', 10, '2026-03-07'],
    ['2028-02-25', 10, '2028-03-06'],
    ['2026-12-28', 7, '2027-01-04'],
    // Around the change to summer time the day is still a whole calendar day.
    ['2026-03-28', 1, '2026-03-29'],
  ])('an offer on %s with %i days is due on %s', (offeredOn, days, due) => {
    expect(answerDueOn(offeredOn, days)).toBe(due);
  });
});

describe('isAnswerOverdue', () => {
  it.each<[OfferStatus, string, string, boolean]>([
    ['open', '2026-03-12', '2026-03-12', false],
    ['open', '2026-03-12', '2026-03-13', true],
    ['open', '2026-03-12', '2026-03-11', false],
    ['accepted', '2026-03-12', '2026-04-01', false],
    ['declined', '2026-03-12', '2026-04-01', false],
    ['withdrawn', '2026-03-12', '2026-04-01', false],
    ['refused', '2026-03-12', '2026-04-01', false],
    ['completed', '2026-03-12', '2026-04-01', false],
    ['cancelled', '2026-03-12', '2026-04-01', false],
  ])('%s, due %s, on %s: %s', (status, due, today, expected) => {
    expect(isAnswerOverdue(status, due, today)).toBe(expected);
  });
});

describe('waitedDays', () => {
  it.each<[string | null, string, number | null]>([
    [null, '2026-03-01', null],
    ['2026-01-01T09:00:00.000Z', '2026-03-01', 59],
    ['2026-01-01', '2026-01-01', 0],
    ['2024-02-28', '2024-03-01', 2],
    // A date before the ready date (a data error) is never a negative wait.
    ['2026-03-05', '2026-03-01', 0],
    // Ready at 00:30 Dutch time is ready that Dutch day, whatever day it is in UTC.
    ['2026-12-06T23:30:00.000Z', '2026-12-07', 0],
    ['2026-07-01T22:30:00.000Z', '2026-07-02', 0],
    ['2026-03-29T00:30:00.000Z', '2026-03-29', 0],
    ['2026-10-25T00:30:00.000Z', '2026-10-26', 1],
    ['2026-12-06T23:30:00.000Z', '2026-12-08T22:59:00.000Z', 1],
  ])('ready %s, on %s: %s days', (ready, on, expected) => {
    expect(waitedDays(ready, on)).toBe(expected);
  });
});

describe('describeWaiting', () => {
  it.each<[number, 'keys' | 'closing' | 'today' | null, string]>([
    [224, 'keys', 'Wachttijd tot de sleutels: 224 dagen'],
    [1, 'closing', 'Wachttijd tot de afsluiting: 1 dag'],
    [0, 'today', 'Wacht 0 dagen'],
    [12, null, 'Wacht 12 dagen'],
  ])('%d days until %s: %s', (days, until, text) => {
    expect(describeWaiting(days, until)).toBe(text);
  });
});

describe('waitingOf: the clock stops at the keys', () => {
  it.each<
    [
      string,
      { readyAt: string | null; keysOn: string | null; closedAt: string | null },
      { days: number; until: string } | null,
    ]
  >([
    ['never ready', { readyAt: null, keysOn: null, closedAt: null }, null],
    [
      'open, still waiting',
      { readyAt: '2025-06-01T08:00:00Z', keysOn: null, closedAt: null },
      { days: 189, until: 'today' },
    ],
    [
      'moved: stops at the keys',
      { readyAt: '2025-06-01T08:00:00Z', keysOn: '2026-01-11', closedAt: null },
      { days: 224, until: 'keys' },
    ],
    [
      'moved and closed after aftercare: still the keys',
      { readyAt: '2025-06-01T08:00:00Z', keysOn: '2026-01-11', closedAt: '2026-06-01T10:00:00Z' },
      { days: 224, until: 'keys' },
    ],
    [
      'referred before the keys: stops at the closing',
      { readyAt: '2025-06-01T08:00:00Z', keysOn: null, closedAt: '2025-06-11T22:30:00Z' },
      { days: 11, until: 'closing' },
    ],
  ])('%s', (_, facts, expected) => {
    expect(waitingOf(facts, '2025-12-07')).toEqual(expected);
  });
});

describe('keyHandoverDateProblem', () => {
  it.each<[string, string, string, RegExp | null]>([
    ['2026-03-10', '2026-03-01', '2026-03-20', null],
    ['2026-03-01', '2026-03-01', '2026-03-01', null],
    ['2026-02-28', '2026-03-01', '2026-03-20', /vóór de dag waarop de woning werd aangeboden/],
    ['2026-03-21', '2026-03-01', '2026-03-20', /in de toekomst/],
  ])('keys on %s, offered %s, today %s', (date, offeredOn, today, problem) => {
    const found = keyHandoverDateProblem(date, offeredOn, today);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});

describe('keysBeforeAvailable: keys before the dwelling is free ask for a confirmation (issue 27.3)', () => {
  it.each([
    ['the day before', '2026-03-09', '2026-03-10', true],
    ['on the day it is free', '2026-03-10', '2026-03-10', false],
    ['after', '2026-03-20', '2026-03-10', false],
  ])('%s', (_name, keys, availableFrom, asks) => {
    const found = keysBeforeAvailable(keys, availableFrom);
    if (asks)
      expect(found).toMatch(
        /^De sleuteloverdracht \(\d+ \w+ 2026\) ligt vóór de dag waarop de woning beschikbaar is/,
      );
    else expect(found).toBeNull();
  });
});

describe('neighbourhoodLoadSince: the last twelve months', () => {
  it.each([
    ['2026-11-25', '2025-11-26'],
    ['2026-01-01', '2025-01-02'],
    ['2026-12-31', '2026-01-01'],
    ['2028-02-29', '2027-03-01'],
    ['2027-03-01', '2026-03-02'],
  ])('on %s moves count from %s', (today, since) => {
    expect(neighbourhoodLoadSince(today)).toBe(since);
  });
});

describe('neighbourhoodKey', () => {
  it.each([
    ['Atolwijk', 'atolwijk'],
    ['  Atolwijk ', 'atolwijk'],
    ['ATOLWIJK', 'atolwijk'],
    ['Lelystad  Haven', 'lelystad haven'],
    ['Zuiderzeewijk', 'zuiderzeewijk'],
  ])('%j → %j', (name, key) => {
    expect(neighbourhoodKey(name)).toBe(key);
  });
});

describe('assessNeighbourhoodLoad', () => {
  it.each([
    [0, 3, 'below', null],
    [1, 3, 'below', null],
    [
      2,
      3,
      'reachesThreshold',
      'Met deze plaatsing bereikt Atolwijk de drempel van de regio (3 in 12 maanden); er zijn er nu 2.',
    ],
    [
      3,
      3,
      'atOrOverThreshold',
      'Wijkbelasting: in Atolwijk zijn de afgelopen 12 maanden al 3 bewoners geplaatst; de drempel van de regio is 3.',
    ],
    [
      7,
      3,
      'atOrOverThreshold',
      'Wijkbelasting: in Atolwijk zijn de afgelopen 12 maanden al 7 bewoners geplaatst; de drempel van de regio is 3.',
    ],
    [
      0,
      1,
      'reachesThreshold',
      'Met deze plaatsing bereikt Atolwijk de drempel van de regio (1 in 12 maanden); er zijn er nu 0.',
    ],
    [
      1,
      1,
      'atOrOverThreshold',
      'Wijkbelasting: in Atolwijk zijn de afgelopen 12 maanden al 1 bewoner geplaatst; de drempel van de regio is 1.',
    ],
  ] as const)(
    '%i placements against a threshold of %i: %s',
    (placements, threshold, level, message) => {
      expect(assessNeighbourhoodLoad(' Atolwijk ', placements, threshold)).toEqual({
        level,
        message,
      });
    },
  );

  it('the level never falls as placements rise (a law, over every threshold up to 20)', () => {
    const order = ['below', 'reachesThreshold', 'atOrOverThreshold'];
    for (let threshold = 1; threshold <= 20; threshold += 1) {
      let previous = 0;
      for (let placements = 0; placements <= 25; placements += 1) {
        const rank = order.indexOf(assessNeighbourhoodLoad('Wijk', placements, threshold).level);
        expect(rank).toBeGreaterThanOrEqual(previous);
        previous = rank;
      }
      expect(assessNeighbourhoodLoad('Wijk', threshold, threshold).level).toBe('atOrOverThreshold');
      expect(assessNeighbourhoodLoad('Wijk', threshold - 1, threshold).level).toBe(
        'reachesThreshold',
      );
    }
  });
});

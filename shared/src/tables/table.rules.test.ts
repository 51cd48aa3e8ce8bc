import fc from 'fast-check';
import {
  agendaDaysLate,
  agendaPublishBy,
  isAgendaPublicationLate,
  isPlannedAfterPublicationDeadline,
  isOverWaitingTarget,
  isPreconditionOverdue,
  minutesOf,
  isTableHeld,
} from './table.rules';

describe('agendaPublishBy', () => {
  it.each([
    [
      'five days before a Tuesday morning: the Thursday before',
      '2026-04-14T08:00:00.000Z',
      5,
      '2026-04-09T08:00:00.000Z',
    ],
    ['calendar days: a weekend counts', '2026-04-13T08:00:00.000Z', 2, '2026-04-11T08:00:00.000Z'],
    ['zero days: the start itself', '2026-04-14T08:00:00.000Z', 0, '2026-04-14T08:00:00.000Z'],
    ['across the year', '2027-01-03T09:00:00.000Z', 5, '2026-12-29T09:00:00.000Z'],
    ['an offset in the input', '2026-04-14T10:00:00+02:00', 1, '2026-04-13T08:00:00.000Z'],
  ])('%s', (_what, startsAt, days, expected) => {
    expect(agendaPublishBy(startsAt, days)).toBe(expected);
  });

  it('is never after the start, and exactly the days before it', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 60 }),
        (start, days) => {
          const by = new Date(agendaPublishBy(start.toISOString(), days)).getTime();
          return by <= start.getTime() && start.getTime() - by === days * 86_400_000;
        },
      ),
    );
  });
});

describe('isAgendaPublicationLate', () => {
  it.each([
    [
      'planned, the deadline passed',
      'planned',
      '2026-04-09T08:00:00Z',
      '2026-04-09T08:00:01Z',
      true,
    ],
    [
      'planned, at the deadline itself',
      'planned',
      '2026-04-09T08:00:00Z',
      '2026-04-09T08:00:00Z',
      false,
    ],
    [
      'planned, before the deadline',
      'planned',
      '2026-04-09T08:00:00Z',
      '2026-04-01T08:00:00Z',
      false,
    ],
    [
      'published late is no longer late',
      'published',
      '2026-04-09T08:00:00Z',
      '2026-04-12T08:00:00Z',
      false,
    ],
    ['closed', 'closed', '2026-04-09T08:00:00Z', '2026-05-01T08:00:00Z', false],
  ] as const)('%s', (_what, state, publishBy, now, expected) => {
    expect(isAgendaPublicationLate(state, publishBy, now)).toBe(expected);
  });

  it('a table planned after its own deadline is planned late, never overdue, and says by how many days', () => {
    // Planned on 7 December (00:30 Dutch time) for 8 December with five days: the deadline was 3 December.
    const publishBy = agendaPublishBy('2026-12-08T09:00:00Z', 5);
    expect(isPlannedAfterPublicationDeadline(publishBy, '2026-12-06T23:30:00Z')).toBe(true);
    expect(
      isAgendaPublicationLate('planned', publishBy, '2026-12-06T23:31:00Z', '2026-12-06T23:30:00Z'),
    ).toBe(false);
    expect(agendaDaysLate(publishBy, '2026-12-06T23:30:00Z')).toBe(4);
    expect(agendaDaysLate(publishBy, '2026-12-03')).toBe(0);
    // Planned in time and not shared: overdue, as before.
    expect(
      isAgendaPublicationLate('planned', publishBy, '2026-12-04T09:00:00Z', '2026-11-20T09:00:00Z'),
    ).toBe(true);
  });
});

describe('isPreconditionOverdue', () => {
  it.each([
    ['due yesterday, not done', '2026-03-11', false, '2026-03-12', true],
    ['due today: not yet overdue', '2026-03-12', false, '2026-03-12', false],
    ['due tomorrow', '2026-03-13', false, '2026-03-12', false],
    ['due long ago but done', '2025-01-01', true, '2026-03-12', false],
    ['across a month', '2026-02-28', false, '2026-03-01', true],
  ])('%s', (_what, dueDate, isDone, today, expected) => {
    expect(isPreconditionOverdue(dueDate, isDone, today)).toBe(expected);
  });
});

describe('isTableHeld', () => {
  it.each([
    ['the day before', '2026-12-15T09:00:00Z', '2026-12-14', false],
    ['its own day', '2026-12-15T09:00:00Z', '2026-12-15', true],
    ['a later day', '2026-12-15T09:00:00Z', '2027-01-04', true],
    [
      '00:30 Dutch time is the next Dutch day, not UTC’s',
      '2026-12-14T23:30:00Z',
      '2026-12-14',
      false,
    ],
    ['… and on that Dutch day it is held', '2026-12-14T23:30:00Z', '2026-12-15', true],
    [
      'summer: 00:30 Dutch time is 22:30 UTC the day before',
      '2026-07-01T22:30:00Z',
      '2026-07-02',
      true,
    ],
  ] as const)('%s', (_label, startsAt, today, expected) => {
    expect(isTableHeld(startsAt, today)).toBe(expected);
  });
});

describe('isOverWaitingTarget', () => {
  it.each([
    ['one day past 90', 91, 90, true],
    ['exactly the target', 90, 90, false],
    ['under it', 12, 90, false],
    ['a stricter region: 60 days', 61, 60, true],
    ['no clock yet (intake)', null, 90, false],
    ['no clock in the view', undefined, 90, false],
  ])('%s', (_what, waitingDays, target, expected) => {
    expect(isOverWaitingTarget(waitingDays, target)).toBe(expected);
  });
});

describe('minutesOf', () => {
  const decided = (present: [string, string, string][]) => ({
    status: 'decided' as const,
    decision: {
      present: present.map(([organisationId, organisationName, seat]) => ({
        organisationId,
        organisationName,
        seat,
      })),
    },
  });
  it.each([
    ['an empty agenda', [], [], [0, 0, 0]],
    [
      'one decision',
      [decided([['l', 'Gemeente Lelystad', 'municipality']])],
      [['Gemeente Lelystad', ['municipality']]],
      [1, 0, 0],
    ],
    [
      'the same organisation at two decisions counts once, with each seat it took',
      [
        decided([
          ['l', 'Gemeente Lelystad', 'municipality'],
          ['k', 'Kwintes', 'casemanager'],
        ]),
        decided([
          ['k', 'Kwintes', 'provider'],
          ['c', 'Centrada', 'corporation'],
        ]),
      ],
      [
        ['Gemeente Lelystad', ['municipality']],
        ['Kwintes', ['casemanager', 'provider']],
        ['Centrada', ['corporation']],
      ],
      [2, 0, 0],
    ],
    [
      'deferred and open items have no one present',
      [
        { status: 'deferred' as const, decision: null },
        { status: 'open' as const, decision: null },
        { status: 'removed' as const, decision: null },
      ],
      [],
      [0, 1, 1],
    ],
  ] as const)('%s', (_what, agenda, present, [decidedCount, deferredCount, openCount]) => {
    const minutes = minutesOf(agenda as never);
    expect(minutes.present.map((p) => [p.organisationName, p.seats])).toEqual(present);
    expect([minutes.decided.length, minutes.deferred.length, minutes.open.length]).toEqual([
      decidedCount,
      deferredCount,
      openCount,
    ]);
  });
});

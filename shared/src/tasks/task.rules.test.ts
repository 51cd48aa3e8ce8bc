import type { Seat } from '../auth/seats';
import {
  nextTableOf,
  sortTasks,
  tasksFor,
  type TaskCaseFacts,
  type TaskFacts,
  type TaskPreconditionFacts,
  type TaskTableFacts,
} from './task.rules';
import type { Task } from './task.schemas';

const now = '2026-03-10T09:00:00Z';
const today = '2026-03-10';

const aCase = (id: string, overrides: Partial<TaskCaseFacts> = {}): TaskCaseFacts => ({
  id,
  pseudonym: `R-${id.toUpperCase().padEnd(8, '0')}`,
  state: 'intake',
  isOwnCase: true,
  missingForReady: [],
  isOnOpenAgenda: false,
  decidedAt: null,
  isLetterGiven: false,
  isDestinationMunicipality: false,
  isFollowUpProvider: false,
  ...overrides,
});
const aTable = (id: string, overrides: Partial<TaskTableFacts> = {}): TaskTableFacts => ({
  id,
  title: `Tafel ${id}`,
  startsAt: '2026-03-20T09:00:00Z',
  state: 'planned',
  openItems: 2,
  ...overrides,
});
const aPrecondition = (
  id: string,
  overrides: Partial<TaskPreconditionFacts> = {},
): TaskPreconditionFacts => ({
  id,
  caseId: 'c9',
  pseudonym: 'R-C9000000',
  lifeDomain: 'housing',
  dueDate: '2026-03-12',
  isCaseReachable: true,
  tableId: 't9',
  ...overrides,
});
const facts = (overrides: Partial<TaskFacts> = {}): TaskFacts => ({
  today,
  now,
  agendaPublicationDays: 5,
  cases: [],
  tables: [],
  preconditions: [],
  ...overrides,
});
const ids = (tasks: Task[]) => tasks.map((t) => t.id).sort();

describe('tasks from the state table, per seat', () => {
  const plannedTable = aTable('t1');
  const cases = [
    aCase('intake1', { missingForReady: ['wishes', 'consents'] }),
    aCase('intake2'),
    aCase('colleagues', { isOwnCase: false, missingForReady: ['wishes'] }),
    aCase('ready1', { state: 'ready' }),
    aCase('ready2', { state: 'ready', isOnOpenAgenda: true }),
    aCase('scheduled', { state: 'scheduled', isOnOpenAgenda: true }),
    aCase('searching', { state: 'searching', decidedAt: '2026-03-03T10:00:00Z' }),
    aCase('lettered', {
      state: 'searching',
      decidedAt: '2026-03-03T10:00:00Z',
      isLetterGiven: true,
    }),
    aCase('offered', { state: 'offered' }),
    aCase('accepted', { state: 'offered', isOfferAccepted: true, isDestinationMunicipality: true }),
    aCase('offeredElsewhere', {
      state: 'offered',
      isOfferAccepted: true,
      isDestinationMunicipality: false,
    }),
    aCase('confirmed', { state: 'confirmed', isOwnDwelling: true }),
    aCase('moved', { state: 'moved', isFollowUpProvider: true }),
    aCase('movedOther', { state: 'moved', isFollowUpProvider: false }),
    aCase('aftercare', { state: 'aftercare', isFollowUpProvider: true }),
    aCase('closed', { state: 'closed' }),
  ];

  it.each<[Seat, string[]]>([
    [
      'casemanager',
      [
        'completeIntake:intake1',
        'markReady:intake2',
        'scheduleCase:ready1',
        'giveDecisionLetter:searching',
        'answerOffer:offered',
        'recordMoveIn:confirmed',
      ],
    ],
    // The chair: the ready cases of the region not on an agenda (whoever owns them) as one task, and the table whose agenda is due.
    ['chair', ['scheduleCase:region', 'publishAgenda:t1']],
    ['municipality', ['confirmPlacement:accepted']],
    ['corporation', ['makeOffer:lettered', 'makeOffer:searching', 'recordMoveIn:confirmed']],
    ['provider', ['startAftercare:moved']],
    ['regionAdmin', []],
  ])('%s', (seat, expected) => {
    expect(ids(tasksFor(seat, facts({ cases, tables: [plannedTable] })))).toEqual(
      [...expected].sort(),
    );
  });

  it('an incomplete intake says what is missing, in general words, and links to the intake', () => {
    const [completeIntake] = tasksFor(
      'casemanager',
      facts({
        cases: [
          aCase('x', {
            missingForReady: ['identity.birthDate', 'addresses', 'wishes', 'consents'],
          }),
        ],
      }),
    );
    expect(completeIntake).toMatchObject({
      kind: 'completeIntake',
      detail: 'Nog nodig: geboortedatum, herkomst, wensen, toestemming.',
      link: { to: '/casussen/x/intake' },
      dueDate: null,
      isOverdue: false,
    });
  });

  it('a ready case goes to the next table that has not begun; without one the case manager has no task, the chair plans a table', () => {
    const past = aTable('past', { startsAt: '2026-03-09T09:00:00Z', state: 'published' });
    const later = aTable('later', { startsAt: '2026-04-20T09:00:00Z' });
    const sooner = aTable('sooner', { startsAt: '2026-03-24T09:00:00Z', state: 'published' });
    const ready = [
      aCase('r1', { state: 'ready' }),
      aCase('r2', { state: 'ready', isOwnCase: false }),
    ];
    expect(nextTableOf({ now, tables: [later, past, sooner] })?.id).toBe('sooner');
    // A cancelled table (issue 26) is no next table, however soon it was to be.
    const cancelled = aTable('cancelled', { startsAt: '2026-03-20T09:00:00Z', state: 'cancelled' });
    expect(nextTableOf({ now, tables: [later, cancelled, sooner] })?.id).toBe('sooner');
    const [scheduleCase] = tasksFor(
      'casemanager',
      facts({ cases: ready, tables: [later, sooner] }),
    );
    expect(scheduleCase).toMatchObject({
      id: 'scheduleCase:r1',
      link: { to: '/tafels/sooner', label: 'Naar de tafel' },
      detail: 'Eerstvolgende tafel: Tafel sooner, 24 maart 2026.',
    });
    expect(tasksFor('casemanager', facts({ cases: ready, tables: [past] }))).toEqual([]);
    expect(
      tasksFor('chair', facts({ cases: ready, tables: [past] })).filter(
        (t) => t.kind !== 'decideAtTable',
      ),
    ).toEqual([
      expect.objectContaining({
        id: 'planTable:region',
        detail: '2 uitstroomgerede casussen wachten op een tafel.',
        link: { to: '/tafels', label: 'Naar de tafels' },
      }),
    ]);
    expect(tasksFor('chair', facts({ cases: ready.slice(0, 1), tables: [later, sooner] }))).toEqual(
      [
        expect.objectContaining({
          id: 'scheduleCase:region',
          title: 'Agenderen: 1 uitstroomgerede casus wacht op een agenda',
          link: { to: '/tafels/sooner', label: 'Naar de tafel' },
        }),
      ],
    );
  });
});

describe('an offer the resident has not answered in time (issue 12)', () => {
  const open = (offerAnswerDueOn: string, extra: Partial<TaskCaseFacts> = {}) =>
    aCase('o', { state: 'offered', isOwnDwelling: true, offerAnswerDueOn, ...extra });
  it.each<
    [string, TaskCaseFacts, Seat, { id: string; dueDate: string | null; isOverdue: boolean }[]]
  >([
    [
      'case manager, due today',
      open('2026-03-10'),
      'casemanager',
      [{ id: 'answerOffer:o', dueDate: '2026-03-10', isOverdue: false }],
    ],
    [
      'case manager, due yesterday',
      open('2026-03-09'),
      'casemanager',
      [{ id: 'answerOffer:o', dueDate: '2026-03-09', isOverdue: true }],
    ],
    ['corporation, due today: nothing yet', open('2026-03-10'), 'corporation', []],
    [
      'corporation, due yesterday: follow it up',
      open('2026-03-09'),
      'corporation',
      [{ id: 'offerUnanswered:o', dueDate: '2026-03-09', isOverdue: true }],
    ],
    [
      'corporation, another corporation’s offer',
      open('2026-03-01', { isOwnDwelling: false }),
      'corporation',
      [],
    ],
    [
      'corporation, answered (accepted) after the term',
      open('2026-03-01', { isOfferAccepted: true }),
      'corporation',
      [],
    ],
    [
      'case manager, answered: the municipality is next',
      open('2026-03-01', { isOfferAccepted: true }),
      'casemanager',
      [],
    ],
  ])('%s', (_name, c, seat, expected) => {
    expect(
      tasksFor(seat, facts({ cases: [c] })).map(({ id, dueDate, isOverdue }) => ({
        id,
        dueDate,
        isOverdue,
      })),
    ).toEqual(expected);
  });
});

describe('the chair’s tables', () => {
  it.each<
    [string, Partial<TaskTableFacts>, { id: string; dueDate: string; isOverdue: boolean } | null]
  >([
    // Shared 5 days before: the table of 20 March is to be shared by 15 March; shown from 7 days before that.
    [
      'planned, deadline in 5 days',
      { startsAt: '2026-03-20T09:00:00Z' },
      { id: 'publishAgenda:t', dueDate: '2026-03-15', isOverdue: false },
    ],
    [
      'planned, deadline in 7 days',
      { startsAt: '2026-03-22T09:00:00Z' },
      { id: 'publishAgenda:t', dueDate: '2026-03-17', isOverdue: false },
    ],
    ['planned, deadline in 8 days', { startsAt: '2026-03-23T09:00:00Z' }, null],
    [
      'planned, deadline passed an hour ago',
      { startsAt: '2026-03-15T08:00:00Z' },
      { id: 'publishAgenda:t', dueDate: '2026-03-10', isOverdue: true },
    ],
    [
      'planned, the table itself has passed',
      { startsAt: '2026-03-01T09:00:00Z' },
      { id: 'publishAgenda:t', dueDate: '2026-02-24', isOverdue: true },
    ],
    ['shared, meets later', { state: 'published', startsAt: '2026-03-12T09:00:00Z' }, null],
    [
      'shared, meets today',
      { state: 'published', startsAt: '2026-03-10T13:00:00Z' },
      { id: 'decideAtTable:t', dueDate: '2026-03-10', isOverdue: false },
    ],
    [
      'shared, met yesterday and still open',
      { state: 'published', startsAt: '2026-03-09T09:00:00Z' },
      { id: 'decideAtTable:t', dueDate: '2026-03-09', isOverdue: true },
    ],
    ['closed', { state: 'closed', startsAt: '2026-03-09T09:00:00Z' }, null],
  ])('%s', (_name, table, expected) => {
    const tasks = tasksFor('chair', facts({ tables: [aTable('t', table)] }));
    expect(tasks.map(({ id, dueDate, isOverdue }) => ({ id, dueDate, isOverdue }))).toEqual(
      expected ? [expected] : [],
    );
  });

  it('only the chair gets table tasks', () => {
    expect(
      tasksFor(
        'casemanager',
        facts({ tables: [aTable('t', { startsAt: '2026-03-12T09:00:00Z' })] }),
      ),
    ).toEqual([]);
  });

  it('a table of today with everything decided asks to close it', () => {
    const [decide] = tasksFor(
      'chair',
      facts({
        tables: [
          aTable('t', { state: 'published', startsAt: '2026-03-10T09:00:00Z', openItems: 0 }),
        ],
      }),
    );
    expect(decide?.detail).toBe('Alle casussen zijn besproken; sluit de tafel af.');
  });
});

describe('preconditions the organisation owns', () => {
  it.each<
    [
      string,
      Partial<TaskPreconditionFacts>,
      { dueDate: string; isOverdue: boolean; link: string | null } | null,
    ]
  >([
    [
      'due in 7 days',
      { dueDate: '2026-03-17' },
      { dueDate: '2026-03-17', isOverdue: false, link: '/casussen/c9' },
    ],
    ['due in 8 days', { dueDate: '2026-03-18' }, null],
    [
      'due today',
      { dueDate: '2026-03-10' },
      { dueDate: '2026-03-10', isOverdue: false, link: '/casussen/c9' },
    ],
    [
      'due yesterday',
      { dueDate: '2026-03-09' },
      { dueDate: '2026-03-09', isOverdue: true, link: '/casussen/c9' },
    ],
    [
      'case out of reach: the table',
      { isCaseReachable: false },
      { dueDate: '2026-03-12', isOverdue: false, link: '/tafels/t9' },
    ],
    [
      'neither in reach',
      { isCaseReachable: false, tableId: null },
      { dueDate: '2026-03-12', isOverdue: false, link: null },
    ],
  ])('%s', (_name, precondition, expected) => {
    for (const seat of [
      'casemanager',
      'chair',
      'municipality',
      'corporation',
      'provider',
    ] as const) {
      const tasks = tasksFor(seat, facts({ preconditions: [aPrecondition('p', precondition)] }));
      expect(
        tasks.map((t) => ({
          dueDate: t.dueDate,
          isOverdue: t.isOverdue,
          link: t.link?.to ?? null,
        })),
      ).toEqual(expected ? [expected] : []);
    }
    expect(
      tasksFor('regionAdmin', facts({ preconditions: [aPrecondition('p', precondition)] })),
    ).toEqual([]);
  });

  it('names the life domain and the pseudonym, not what the precondition says', () => {
    const [task] = tasksFor('municipality', facts({ preconditions: [aPrecondition('p')] }));
    expect(task).toMatchObject({
      id: 'preconditionDue:p',
      title: 'Randvoorwaarde wonen regelen: casus R-C9000000',
      detail: 'Wat er is afgesproken, staat bij het besluit.',
    });
  });
});

describe('order', () => {
  it('late first, then by due date, undated last', () => {
    const base = { kind: 'preconditionDue' as const, detail: null, link: null };
    const tasks: Task[] = [
      { ...base, id: 'a', title: 'a', dueDate: null, isOverdue: false },
      { ...base, id: 'b', title: 'b', dueDate: '2026-03-12', isOverdue: false },
      { ...base, id: 'c', title: 'c', dueDate: '2026-03-11', isOverdue: false },
      { ...base, id: 'd', title: 'd', dueDate: '2026-03-01', isOverdue: true },
    ];
    expect(sortTasks(tasks).map((t) => t.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});

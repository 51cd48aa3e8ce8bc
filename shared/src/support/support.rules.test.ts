import { addMonths } from '../calendar/calendar';
import {
  dueFollowUpChecks,
  intensityDirection,
  isCheckAnswerable,
  isErasureAllowed,
  isPlanAgreed,
  isSupportWritable,
  planAgreementSide,
  retentionDueOn,
  openItemsAtClosing,
  openSignals,
  signalAudience,
} from './support.rules';
import {
  raiseSignalSchema,
  startSupportSchema,
  supportEntrySchema,
  eraseCaseSchema,
  answerCheckSchema,
} from './support.schemas';

describe('addMonths', () => {
  it.each([
    ['2025-01-15', 6, '2025-07-15'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2025-12-01', 1, '2026-01-01'],
    ['2020-03-10', 84, '2027-03-10'],
  ])('%s + %i months = %s', (date, months, expected) =>
    expect(addMonths(date, months)).toBe(expected),
  );
});

describe('dueFollowUpChecks', () => {
  it.each([
    ['before six months', '2025-01-15', '2025-07-14', [], []],
    ['on the day of six months', '2025-01-15', '2025-07-15', [], [6]],
    ['six asked, twelve not yet due', '2025-01-15', '2025-12-01', [6], []],
    ['both due, none asked (a node was down)', '2025-01-15', '2026-02-01', [], [6, 12]],
    ['both asked', '2025-01-15', '2027-01-01', [6, 12], []],
  ])('%s', (_name, keys, today, asked, expected) => {
    expect(dueFollowUpChecks(keys, today, asked as number[]).map((c) => c.months)).toEqual(
      expected,
    );
  });
});

describe('signalAudience', () => {
  it.each([
    ['paymentArrears', { municipality: false, caseManager: true }],
    ['nuisance', { municipality: false, caseManager: true }],
    ['relapse', { municipality: true, caseManager: true }],
    ['other', { municipality: false, caseManager: true }],
  ] as const)('%s', (kind, expected) => expect(signalAudience(kind)).toEqual(expected));
});

describe('openSignals: a signal of the last three months before closing is open (issue 27.1)', () => {
  it.each([
    ['raised on the closing day', '2026-03-10', '2026-03-10', true],
    ['raised the day before', '2026-03-09', '2026-03-10', true],
    ['a day short of three months', '2025-12-11', '2026-03-10', true],
    ['three months before: worked through', '2025-12-10', '2026-03-10', false],
    ['a year before', '2025-03-10', '2026-03-10', false],
    ['after the closing date (a closing dated back)', '2026-03-11', '2026-03-10', false],
  ])('%s', (_name, date, closedOn, isOpen) => {
    expect(openSignals([{ kind: 'paymentArrears', date }], closedOn).length).toBe(isOpen ? 1 : 0);
  });

  it('lists the open signals, then the preconditions not done, each in one Dutch line', () => {
    expect(
      openItemsAtClosing({
        signals: [
          { kind: 'nuisance', date: '2026-03-01' },
          { kind: 'paymentArrears', date: '2026-02-01' },
          { kind: 'relapse', date: '2025-01-01' },
        ],
        preconditions: [
          {
            lifeDomain: 'incomeAndDebts',
            description: 'Budgetbeheer geregeld',
            ownerName: 'Gemeente Lelystad',
            dueDate: '2026-04-01',
          },
        ],
        closedOn: '2026-03-10',
      }),
    ).toEqual([
      'Signaal: betalingsachterstand (1 februari 2026)',
      'Signaal: overlast (1 maart 2026)',
      'Randvoorwaarde inkomen en schulden: Budgetbeheer geregeld (Gemeente Lelystad, uiterlijk 1 april 2026)',
    ]);
    expect(openItemsAtClosing({ signals: [], preconditions: [], closedOn: '2026-03-10' })).toEqual(
      [],
    );
  });
});

describe('what may be written when', () => {
  it.each([
    ['aftercare', true, true],
    ['aftercare', false, false],
    ['moved', false, false],
    ['closed', true, false],
    ['searching', false, false],
  ] as const)('support log in %s (started %s): %s', (state, started, expected) =>
    expect(isSupportWritable(state, started)).toBe(expected),
  );
  it.each([
    ['aftercare', false, true],
    ['closed', false, true],
    ['closed', true, false],
    ['moved', false, false],
  ] as const)('checks in %s (erased %s): %s', (state, erased, expected) =>
    expect(isCheckAnswerable(state, erased)).toBe(expected),
  );
});

describe('plans and intensity', () => {
  it.each([
    [null, null, false],
    ['2025-01-01', null, false],
    [null, '2025-01-01', false],
    ['2025-01-01', '2025-01-02', true],
  ])('provider %s, municipality %s: agreed %s', (p, m, expected) =>
    expect(isPlanAgreed({ providerAgreedAt: p, municipalityAgreedAt: m })).toBe(expected),
  );
  it.each([
    ['provider', 'provider'],
    ['municipality', 'municipality'],
    ['casemanager', null],
    ['corporation', null],
  ] as const)('%s agrees as %s', (seat, side) => expect(planAgreementSide(seat)).toBe(side));
  it.each([
    [null, 4, 'start'],
    [4, 6, 'up'],
    [6, 2, 'down'],
    [4, 4, 'up'],
  ] as const)('%s → %s is %s', (a, b, d) => expect(intensityDirection(a, b)).toBe(d));
});

describe('retention', () => {
  it.each([
    ['retentionExpired', '2018-05-01', 7, '2025-04-30', false],
    ['retentionExpired', '2018-05-01', 7, '2025-05-01', true],
    ['residentRequest', '2025-05-01', 7, '2025-05-02', true],
  ] as const)('%s, closed %s, %i years, on %s: %s', (ground, closed, years, today, expected) =>
    expect(isErasureAllowed(ground, closed, years, today)).toBe(expected),
  );
  it('due date', () => expect(retentionDueOn('2025-02-28', 1)).toBe('2026-02-28'));
});

describe('request schemas', () => {
  const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
    result.error?.issues.map((i) => i.path.join('.')) ?? [];
  it.each([
    [
      'a contact without note',
      supportEntrySchema,
      { type: 'contact', date: '2025-02-01', kind: 'phone', durationMinutes: 20, note: '' },
      'note',
    ],
    [
      'a contact of 0 minutes',
      supportEntrySchema,
      { type: 'contact', date: '2025-02-01', kind: 'phone', durationMinutes: 0, note: 'Kort' },
      'durationMinutes',
    ],
    [
      'an intensity change without reason',
      supportEntrySchema,
      { type: 'intensity', date: '2025-02-01', hoursPerWeek: 6, reason: 'meer' },
      'reason',
    ],
    [
      'a goal in an unknown domain',
      supportEntrySchema,
      { type: 'goal', lifeDomain: 'leisure', description: 'Hobby' },
      'lifeDomain',
    ],
    [
      'a respite stay ending before it starts',
      supportEntrySchema,
      {
        type: 'respite',
        from: '2025-03-05',
        to: '2025-03-01',
        place: 'Logeerhuis',
        reason: 'Even rust nodig na ruzie',
      },
      'to',
    ],
    ['an unknown entry type', supportEntrySchema, { type: 'diary' }, 'type'],
    [
      'a signal of an unknown kind',
      raiseSignalSchema,
      {
        kind: 'debt',
        severity: 'low',
        date: '2025-02-01',
        description: 'Twee maanden huur niet betaald',
      },
      'kind',
    ],
    [
      'a signal with a bad table id',
      raiseSignalSchema,
      {
        kind: 'relapse',
        severity: 'high',
        date: '2025-02-01',
        description: 'Gebruikt weer dagelijks',
        escalateToTableId: 'x',
      },
      'escalateToTableId',
    ],
    [
      'a start before the keys',
      startSupportSchema,
      {
        version: 3,
        keyHandoverDate: '2025-02-01',
        startedOn: '2025-01-20',
        landlordOrganisationId: '5b1d8f5e-8f4e-4f8e-9f3e-1d2c3b4a5f6e',
        hoursPerWeek: 4,
      },
      'startedOn',
    ],
    [
      'erasure with a mistyped pseudonym',
      eraseCaseSchema,
      { ground: 'residentRequest', confirmPseudonym: 'r-abc' },
      'confirmPseudonym',
    ],
    ['a check without an answer', answerCheckSchema, { stillLivesThere: true }, 'tenancyConverted'],
  ])('%s is refused at %s', (_name, schema, input, path) => {
    expect(issuesOf(schema.safeParse(input) as never)).toContain(path);
  });
  it.each([
    [
      supportEntrySchema,
      {
        type: 'contact',
        date: '2025-02-01',
        kind: 'homeVisit',
        durationMinutes: 45,
        note: 'Goed gesprek over de buren.',
      },
    ],
    [
      supportEntrySchema,
      { type: 'goal', lifeDomain: 'incomeAndDebts', description: 'Schulden in beeld' },
    ],
    [
      raiseSignalSchema,
      {
        kind: 'nuisance',
        severity: 'medium',
        date: '2025-02-01',
        description: 'Buren klagen over geluid in de nacht',
      },
    ],
  ])('accepts %#', (schema, input) => expect(schema.safeParse(input).success).toBe(true));
});

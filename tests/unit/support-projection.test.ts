import {
  seats,
  signalReaderSeats,
  supportViewSchema,
  type Seat,
  type SupportView,
} from '@uitstroom/shared';
import { supportFieldsBySeat, toSupportView } from '../../server/src/support/support.projection';

type Mark = 'R' | '-';
const row = (
  casemanager: Mark,
  provider: Mark,
  municipality: Mark,
  chair: Mark,
  corporation: Mark,
  regionAdmin: Mark,
): Record<Seat, Mark> => ({ casemanager, provider, municipality, chair, corporation, regionAdmin });

/**
 * Every seat × every field of the support view, written out by hand from issue 13, so that a change
 * to the projection table shows up here as a decision, not by accident. R = the seat reads it.
 * The chair and the corporation hold no `support:read`: they see nothing at all.
 */
const expected: Record<keyof SupportView, Record<Seat, Mark>> = {
  //                           cm   prov mun  chair corp admin
  caseId: row('R', 'R', 'R', '-', '-', '-'),
  pseudonym: row('R', 'R', 'R', '-', '-', '-'),
  isStarted: row('R', 'R', 'R', '-', '-', '-'),
  isClosed: row('R', 'R', 'R', '-', '-', '-'),
  keyHandoverDate: row('R', 'R', 'R', '-', '-', '-'),
  startedOn: row('R', 'R', 'R', '-', '-', '-'),
  providerName: row('R', 'R', 'R', '-', '-', '-'),
  landlordName: row('R', 'R', 'R', '-', '-', '-'),
  recordedMove: row('R', 'R', 'R', '-', '-', '-'),
  currentHoursPerWeek: row('R', 'R', 'R', '-', '-', '-'),
  intensity: row('R', 'R', 'R', '-', '-', '-'),
  goals: row('R', 'R', 'R', '-', '-', '-'),
  contacts: row('R', 'R', '-', '-', '-', '-'),
  respite: row('R', 'R', '-', '-', '-', '-'),
  signals: row('R', 'R', 'R', '-', '-', '-'),
  plan: row('R', 'R', 'R', '-', '-', '-'),
  checks: row('R', 'R', 'R', '-', '-', '-'),
  // What closing lists (issue 27.1): for the seats that close.
  openPreconditions: row('R', 'R', '-', '-', '-', '-'),
  can: row('R', 'R', 'R', '-', '-', '-'),
};

/** The provider's free text inside the parts the municipality does see. */
const expectedNotes: Record<'intensity.reason' | 'signals.description', Record<Seat, Mark>> = {
  'intensity.reason': row('R', 'R', '-', '-', '-', '-'),
  'signals.description': row('R', 'R', '-', '-', '-', '-'),
};

const caseId = '11111111-1111-4111-8111-111111111111';
const fullView: SupportView = {
  caseId,
  pseudonym: 'R-ABCDEFGH',
  isStarted: true,
  isClosed: false,
  keyHandoverDate: '2026-05-01',
  startedOn: '2026-05-02',
  providerName: 'Kwintes',
  landlordName: 'Mitros',
  recordedMove: {
    keyHandoverDate: '2026-05-01',
    landlordOrganisationId: '22222222-2222-4222-8222-222222222222',
    landlordName: 'Mitros',
  },
  currentHoursPerWeek: 4,
  intensity: [
    {
      id: '33333333-3333-4333-8333-333333333333',
      date: '2026-05-02',
      hoursPerWeek: 4,
      direction: 'start',
      reason: 'Terugval na ruzie met zus',
    },
  ],
  goals: [
    {
      id: '44444444-4444-4444-8444-444444444444',
      lifeDomain: 'incomeAndDebts',
      description: 'Schulden op orde',
      progress: 'inProgress',
      updatedAt: '2026-05-03T10:00:00.000Z',
    },
  ],
  contacts: [
    {
      id: '55555555-5555-4555-8555-555555555555',
      date: '2026-05-04',
      kind: 'homeVisit',
      durationMinutes: 60,
      note: 'Gebruikt weer',
      recordedBy: 'Sanne Willems',
    },
  ],
  respite: [
    {
      id: '66666666-6666-4666-8666-666666666666',
      from: '2026-05-10',
      to: '2026-05-12',
      place: 'Logeerhuis De Brug',
      reason: 'Crisis thuis',
    },
  ],
  signals: [
    {
      id: '77777777-7777-4777-8777-777777777777',
      kind: 'relapse',
      severity: 'high',
      date: '2026-05-20',
      description: 'Psychose, opname dreigt',
      escalatedToTable: null,
    },
  ],
  plan: {
    version: 1,
    whoTakesOver: 'De wijkteamcoach neemt het over.',
    howToScaleUp: 'Opschalen naar acht uur per week.',
    finalSay: 'De gemeente',
    draftedAt: '2026-05-05T10:00:00.000Z',
    providerAgreedAt: null,
    municipalityAgreedAt: null,
    isAgreed: false,
  },
  checks: [
    {
      id: '88888888-8888-4888-8888-888888888888',
      months: 6,
      dueOn: '2026-11-01',
      isAnswered: false,
      stillLivesThere: null,
      tenancyConverted: null,
      answeredAt: null,
    },
  ],
  openPreconditions: [
    {
      id: '99999999-9999-4999-8999-999999999999',
      lifeDomain: 'incomeAndDebts',
      description: 'Budgetbeheer geregeld',
      ownerName: 'Gemeente Lelystad',
      dueDate: '2026-06-01',
    },
  ],
  can: { start: false, write: true, agreePlan: true, close: true, answerChecks: true },
};

const fieldRows = seats.flatMap((seat) =>
  (Object.keys(expected) as (keyof SupportView)[]).map(
    (field) => [seat, field, expected[field][seat]] as const,
  ),
);
const noteRows = seats.flatMap((seat) =>
  (Object.keys(expectedNotes) as (keyof typeof expectedNotes)[]).map(
    (path) => [seat, path, expectedNotes[path][seat]] as const,
  ),
);

describe('nobody is told of a signal they may not see (issue 27.6)', () => {
  it('the seats that read signals in the shared rules are exactly those of the projection table', () => {
    expect([...signalReaderSeats].sort()).toEqual(
      seats.filter((s) => (supportFieldsBySeat[s] as readonly string[]).includes('signals')).sort(),
    );
  });
});

describe('the support projection: every seat × every field', () => {
  it('covers every field of the support view', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(supportViewSchema.shape).sort());
  });

  it.each(fieldRows)('%s reads %s: %s', (seat, field, mark) => {
    const { view, fields } = toSupportView(fullView, seat);
    expect(field in view).toBe(mark === 'R');
    expect(fields.includes(field)).toBe(mark === 'R');
    expect((supportFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    if (mark === 'R') expect(view[field]).not.toBeUndefined();
  });

  it.each(noteRows)('%s reads %s: %s', (seat, path, mark) => {
    const [part, field] = path.split('.') as ['intensity' | 'signals', string];
    const { view } = toSupportView(fullView, seat);
    const entries = (view[part] ?? []) as Record<string, unknown>[];
    if (mark === 'R') expect(entries.every((e) => field in e)).toBe(true);
    else expect(entries.some((e) => field in e)).toBe(false);
  });

  it('the municipality gets the signal by kind and the intensity in hours, not a word of the notes', () => {
    const { view } = toSupportView(fullView, 'municipality');
    expect(view.signals).toEqual([
      {
        id: '77777777-7777-4777-8777-777777777777',
        kind: 'relapse',
        severity: 'high',
        date: '2026-05-20',
        escalatedToTable: null,
      },
    ]);
    expect(view.intensity).toEqual([
      {
        id: '33333333-3333-4333-8333-333333333333',
        date: '2026-05-02',
        hoursPerWeek: 4,
        direction: 'start',
      },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/Terugval|Gebruikt weer|De Brug|Crisis|Psychose/);
  });

  it.each(['chair', 'corporation', 'regionAdmin'] as const)('%s gets an empty view', (seat) => {
    expect(toSupportView(fullView, seat).view).toEqual({});
  });

  it('a null stays null where the seat reads the field (no plan yet, an unanswered check)', () => {
    const { view } = toSupportView({ ...fullView, plan: null }, 'municipality');
    expect(view.plan).toBeNull();
    expect(view.checks?.[0]?.answeredAt).toBeNull();
  });
});

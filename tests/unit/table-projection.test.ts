import {
  agendaItemSchema,
  caseDecisionSchema,
  seats,
  tableDecisionViewSchema,
  tableViewSchema,
  type AgendaItem,
  type CaseDecision,
  type Seat,
  type TableDecisionView,
  type TableView,
} from '@uitstroom/shared';
import {
  agendaItemFieldsBySeat,
  caseDecisionFieldsBySeat,
  decisionFieldsBySeat,
  letterFieldsBySeat,
  tableFieldsBySeat,
  toAgendaItemView,
  toCaseDecisionView,
  toDecisionView,
  toLetterFacts,
  toTableView,
  voteFieldsBySeat,
} from '../../server/src/tables/tables.projection';
import type { LetterFacts } from '../../server/src/tables/decision-letter';

type Mark = 'R' | '-';
const row = (
  chair: Mark,
  casemanager: Mark,
  municipality: Mark,
  corporation: Mark,
  provider: Mark,
  regionAdmin: Mark,
): Record<Seat, Mark> => ({ chair, casemanager, municipality, corporation, provider, regionAdmin });

/** Every seat that reaches a table (the region admin reaches none). */
const allButAdmin = row('R', 'R', 'R', 'R', 'R', '-');
/** Free text about a resident: the seats that read a case's exceptions, and only with them. */
const freeText = row('R', 'R', 'R', '-', '-', '-');

/**
 * Every seat × every field, written out by hand, so that a change to the projection tables shows
 * up here as a decision, not by accident. R = the seat reads it (for free text: where its own
 * projection of the case holds the exceptions).
 */
const expectedTable: Record<keyof TableView, Record<Seat, Mark>> = {
  id: allButAdmin,
  version: allButAdmin,
  state: allButAdmin,
  title: allButAdmin,
  startsAt: allButAdmin,
  location: allButAdmin,
  videoUrl: allButAdmin,
  municipalityCode: allButAdmin,
  chair: allButAdmin,
  invited: allButAdmin,
  publishedAt: allButAdmin,
  publishBy: allButAdmin,
  plannedAt: allButAdmin,
  closedAt: allButAdmin,
  cancelledAt: allButAdmin,
  cancelReason: allButAdmin,
  agenda: allButAdmin,
};

const expectedItem: Record<keyof AgendaItem, Record<Seat, Mark>> = {
  id: allButAdmin,
  position: allButAdmin,
  status: allButAdmin,
  caseId: allButAdmin,
  pseudonym: allButAdmin,
  case: allButAdmin,
  isDestinationProvisional: allButAdmin,
  decision: allButAdmin,
  note: freeText,
  hasNote: allButAdmin,
  kind: allButAdmin,
};

const expectedDecision: Record<keyof TableDecisionView, Record<Seat, Mark>> = {
  rule: allButAdmin,
  destination: allButAdmin,
  proposedDestination: allButAdmin,
  departsFromProposal: allButAdmin,
  ruleSetVersion: allButAdmin,
  followUpProvider: allButAdmin,
  isDisputed: allButAdmin,
  decidedAt: allButAdmin,
  decidedBy: allButAdmin,
  present: allButAdmin,
  votes: allButAdmin,
  preconditions: allButAdmin,
  motivation: freeText,
  referralSummary: freeText,
  binding: freeText,
};

const expectedVote: Record<keyof TableDecisionView['votes'][number], Record<Seat, Mark>> = {
  organisationId: allButAdmin,
  seat: allButAdmin,
  position: allButAdmin,
  reason: freeText,
};

const expectedCaseDecision: Record<keyof CaseDecision, Record<Seat, Mark>> = {
  rule: allButAdmin,
  destination: allButAdmin,
  departsFromProposal: allButAdmin,
  isDisputed: allButAdmin,
  decidedAt: allButAdmin,
  followUpProvider: allButAdmin,
  table: allButAdmin,
  preconditions: allButAdmin,
  motivation: freeText,
};

/** The letter to the resident: only the owning case manager fetches it (case:letter). */
const caseManagerOnly = row('-', 'R', '-', '-', '-', '-');
const expectedLetter: Record<keyof LetterFacts, Record<Seat, Mark>> = {
  firstName: caseManagerOnly,
  addressBlock: caseManagerOnly,
  objectionProcedure: caseManagerOnly,
  rule: caseManagerOnly,
  destinationName: caseManagerOnly,
  originName: caseManagerOnly,
  motivation: caseManagerOnly,
  decisionDate: caseManagerOnly,
  ownerName: caseManagerOnly,
  ownerOrganisation: caseManagerOnly,
  preconditions: caseManagerOnly,
  followUpProvider: caseManagerOnly,
  outcome: caseManagerOnly,
};

const uuid = (n: number) =>
  `${String(n).repeat(8)}-${String(n).repeat(4)}-4${String(n).repeat(3)}-8${String(n).repeat(3)}-${String(n).repeat(12)}`;
const org = uuid(2);

const decision: TableDecisionView = {
  rule: 'A',
  destination: 'GM0344',
  proposedDestination: 'GM0344',
  departsFromProposal: false,
  ruleSetVersion: 1,
  followUpProvider: 'Kwintes',
  isDisputed: true,
  decidedAt: '2026-03-12T10:00:00.000Z',
  decidedBy: 'Voorzitter',
  present: [{ organisationId: org, organisationName: 'Gemeente Utrecht', seat: 'municipality' }],
  votes: [
    {
      organisationId: org,
      seat: 'municipality',
      position: 'object',
      reason: 'Dreiging ex-partner',
    },
  ],
  preconditions: [],
  motivation: 'Onveilig netwerk in de herkomstgemeente.',
  referralSummary: 'Traumabehandeling loopt.',
  binding: { municipality: 'GM0344', daysBound: 546, daysRequired: 730, holds: false },
};

const item: AgendaItem = {
  id: uuid(3),
  position: 1,
  status: 'deferred',
  caseId: uuid(4),
  pseudonym: 'R-ABCDEFGH',
  case: { pseudonym: 'R-ABCDEFGH' },
  isDestinationProvisional: false,
  decision,
  note: 'Uitgesteld: opname in de kliniek',
  hasNote: true,
  kind: 'placement',
};

const table = (state: TableView['state']): TableView => ({
  id: uuid(5),
  version: 2,
  state,
  title: 'Uitstroomtafel maart',
  startsAt: '2026-03-12T09:00:00.000Z',
  location: 'Stadskantoor',
  videoUrl: null,
  municipalityCode: null,
  chair: { userId: uuid(6), displayName: 'Voorzitter' },
  invited: [{ id: org, name: 'Gemeente Utrecht', kind: 'municipality' }],
  publishedAt: null,
  publishBy: '2026-03-07',
  plannedAt: '2026-02-01T00:00:00.000Z',
  closedAt: null,
  cancelledAt: null,
  cancelReason: null,
  agenda: [item],
});

const caseDecision: CaseDecision = {
  rule: 'A',
  destination: 'GM0344',
  departsFromProposal: false,
  isDisputed: false,
  decidedAt: '2026-03-12T10:00:00.000Z',
  followUpProvider: null,
  table: { id: uuid(5), title: 'Uitstroomtafel maart', startsAt: '2026-03-12T09:00:00.000Z' },
  preconditions: [],
  motivation: 'Onveilig netwerk in de herkomstgemeente.',
};

const letter: LetterFacts = {
  firstName: 'Noor',
  addressBlock: ['Noor de Jong', 'p/a De Schakel', 'Lelystad'],
  objectionProcedure: 'Bent u het niet eens met dit besluit? Maak binnen zes weken bezwaar.',
  rule: 'A',
  destinationName: 'Utrecht',
  originName: 'Lelystad',
  motivation: 'Onveilig netwerk',
  decisionDate: '2026-03-12',
  ownerName: 'Sanne Willems',
  ownerOrganisation: 'Kwintes',
  preconditions: [],
  followUpProvider: null,
  outcome: null,
};

/** The reader's projection of the case holds the exceptions (its seat reads them, with consent). */
const withExceptions = ['id', 'exceptions'];
/** It does not (no consent, or a seat that never reads them). */
const withoutExceptions = ['id', 'household'];

function rowsOf<F extends string>(expected: Record<F, Record<Seat, Mark>>) {
  return seats.flatMap((seat) =>
    (Object.keys(expected) as F[]).map((field) => [seat, field, expected[field][seat]] as const),
  );
}

describe('the table projection: every seat × every field', () => {
  it('covers every field of each view', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(expectedTable)).toEqual(keys(tableViewSchema.shape));
    expect(keys(expectedItem)).toEqual(keys(agendaItemSchema.shape));
    expect(keys(expectedDecision)).toEqual(keys(tableDecisionViewSchema.shape));
    expect(keys(expectedVote)).toEqual(keys(tableDecisionViewSchema.shape.votes.element.shape));
    expect(keys(expectedCaseDecision)).toEqual(keys(caseDecisionSchema.shape));
  });

  it.each(rowsOf(expectedTable))('%s reads table.%s (a shared table): %s', (seat, field, mark) => {
    expect((tableFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    expect(field in toTableView(table('published'), seat)).toBe(mark === 'R');
  });

  it.each([
    ['chair', true],
    ['casemanager', true],
    ['municipality', false],
    ['corporation', false],
    ['provider', false],
    ['regionAdmin', false],
  ] as const)('before the agenda is shared, %s reads it: %s', (seat, reads) => {
    expect('agenda' in toTableView(table('planned'), seat)).toBe(reads);
  });

  it.each([
    ['chair', true],
    ['casemanager', true],
    ['municipality', false],
    ['corporation', false],
    ['provider', false],
    ['regionAdmin', false],
  ] as const)(
    'a cancelled table keeps its agenda for its makers only: %s reads it: %s',
    (seat, reads) => {
      expect('agenda' in toTableView(table('cancelled'), seat)).toBe(reads);
    },
  );

  it.each(rowsOf(expectedItem))('%s reads agendaItem.%s: %s', (seat, field, mark) => {
    expect((agendaItemFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    expect(field in toAgendaItemView(item, seat, withExceptions)).toBe(mark === 'R');
  });

  it.each(rowsOf(expectedDecision))('%s reads decision.%s: %s', (seat, field, mark) => {
    expect((decisionFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    expect(field in toDecisionView(decision, seat, withExceptions)).toBe(mark === 'R');
  });

  it.each(rowsOf(expectedVote))('%s reads vote.%s: %s', (seat, field, mark) => {
    expect((voteFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    const votes = toDecisionView(decision, seat, withExceptions).votes ?? [];
    expect(votes.some((v) => field in v)).toBe(mark === 'R');
  });

  it.each(rowsOf(expectedCaseDecision))('%s reads caseDecision.%s: %s', (seat, field, mark) => {
    expect((caseDecisionFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(
      mark === 'R',
    );
    expect(field in toCaseDecisionView(caseDecision, seat, withExceptions)).toBe(mark === 'R');
  });

  it.each(rowsOf(expectedLetter))('%s reads letter.%s: %s', (seat, field, mark) => {
    expect((letterFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    expect(field in toLetterFacts(letter, seat)).toBe(mark === 'R');
  });

  it.each(['chair', 'casemanager', 'municipality'] as const)(
    'without the exceptions in its projection of the case (no consent), %s gets no free text, only that there is some',
    (seat) => {
      const shown = toAgendaItemView(
        { ...item, decision: toDecisionView(decision, seat, withoutExceptions) },
        seat,
        withoutExceptions,
      );
      expect(shown).not.toHaveProperty('note');
      expect(shown.hasNote).toBe(true);
      expect(shown.decision).not.toHaveProperty('motivation');
      expect(shown.decision).not.toHaveProperty('referralSummary');
      expect(shown.decision?.votes[0]).not.toHaveProperty('reason');
      expect(toCaseDecisionView(caseDecision, seat, withoutExceptions)).not.toHaveProperty(
        'motivation',
      );
      expect(JSON.stringify(shown)).not.toMatch(/kliniek|Dreiging|Onveilig|Trauma/);
    },
  );

  it('the chair who recorded the decision reads its own motivation and referral back without consent; the votes’ reasons stay behind the gate', () => {
    const own = toDecisionView(decision, 'chair', withoutExceptions, { isAuthor: true });
    expect(own.motivation).toBe(decision.motivation);
    expect(own.referralSummary).toBe(decision.referralSummary);
    expect(own.votes[0]).not.toHaveProperty('reason');
    // A seat whose table never names the motivation does not get it by being the author.
    expect(
      toDecisionView(decision, 'corporation', withoutExceptions, { isAuthor: true }),
    ).not.toHaveProperty('motivation');
  });

  it('a case out of the reader’s reach (no projection at all) gives no free text', () => {
    expect(toAgendaItemView(item, 'chair', undefined)).not.toHaveProperty('note');
    expect(toDecisionView(decision, 'chair', undefined)).not.toHaveProperty('motivation');
  });

  it('a motivation not written stays null for a seat that reads it', () => {
    expect(
      toCaseDecisionView({ ...caseDecision, motivation: null }, 'chair', withExceptions).motivation,
    ).toBeNull();
  });
});

import type {
  AgendaItem,
  CaseDecision,
  Seat,
  TableDecisionView,
  TableState,
  TableView,
} from '@uitstroom/shared';
import type { LetterFacts } from './decision-letter';
import { pickFields } from '../core/projection';

type Vote = TableDecisionView['votes'][number];

/**
 * What each seat sees of a table, its agenda and its decisions; the minutes PDF is drawn from the
 * same view, so each seat's copy shows only what it may. The case on an agenda item is the case's
 * own projection (cases module). Fields not listed are absent, not null.
 */
const wholeTable = [
  'id',
  'version',
  'state',
  'title',
  'startsAt',
  'location',
  'videoUrl',
  'municipalityCode',
  'chair',
  'invited',
  'publishedAt',
  'publishBy',
  'plannedAt',
  'closedAt',
  'cancelledAt',
  'cancelReason',
  'agenda',
] as const satisfies readonly (keyof TableView)[];

/** The region admin reaches no table (its row scope is empty). */
export const tableFieldsBySeat = {
  chair: wholeTable,
  casemanager: wholeTable,
  municipality: wholeTable,
  corporation: wholeTable,
  provider: wholeTable,
  regionAdmin: [],
} as const satisfies Record<Seat, readonly (keyof TableView)[]>;

/**
 * Before the chair shares the agenda (a planned table), only the chair and the case managers who
 * put cases on it read it; an invited seat sees the table without its agenda.
 */
export const readsAgendaBeforePublication = {
  chair: true,
  casemanager: true,
  municipality: false,
  corporation: false,
  provider: false,
  regionAdmin: false,
} as const satisfies Record<Seat, boolean>;

/**
 * Free text written about a resident at the table (a deferral or removal reason, an objection's
 * reason, the decision's motivation and referral summary) can carry anything said there: a
 * diagnosis, a danger, an exception's safety reasons (domain.md §3.5). It goes only to the seats
 * that read a case's exceptions, and of those only where the reader's projection of that case
 * holds them (consent included); the others learn that a reason was recorded (`hasNote`), not
 * what it says.
 */
const itemWithNote = [
  'id',
  'position',
  'status',
  'caseId',
  'pseudonym',
  'case',
  'isDestinationProvisional',
  'decision',
  'note',
  'hasNote',
  'kind',
] as const satisfies readonly (keyof AgendaItem)[];
const itemWithoutNote = [
  'id',
  'position',
  'status',
  'caseId',
  'pseudonym',
  'case',
  'isDestinationProvisional',
  'decision',
  'hasNote',
  'kind',
] as const satisfies readonly (keyof AgendaItem)[];

export const agendaItemFieldsBySeat = {
  chair: itemWithNote,
  casemanager: itemWithNote,
  municipality: itemWithNote,
  corporation: itemWithoutNote,
  provider: itemWithoutNote,
  regionAdmin: [],
} as const satisfies Record<Seat, readonly (keyof AgendaItem)[]>;

const decisionWithFreeText = [
  'rule',
  'destination',
  'proposedDestination',
  'departsFromProposal',
  'ruleSetVersion',
  'followUpProvider',
  'isDisputed',
  'decidedAt',
  'decidedBy',
  'present',
  'votes',
  'preconditions',
  'motivation',
  'referralSummary',
  // The binding figures come from the address history, like the proposal: the same seats read them.
  'binding',
] as const satisfies readonly (keyof TableDecisionView)[];
const decisionWithoutFreeText = [
  'rule',
  'destination',
  'proposedDestination',
  'departsFromProposal',
  'ruleSetVersion',
  'followUpProvider',
  'isDisputed',
  'decidedAt',
  'decidedBy',
  'present',
  'votes',
  'preconditions',
] as const satisfies readonly (keyof TableDecisionView)[];

export const decisionFieldsBySeat = {
  chair: decisionWithFreeText,
  casemanager: decisionWithFreeText,
  municipality: decisionWithFreeText,
  corporation: decisionWithoutFreeText,
  provider: decisionWithoutFreeText,
  regionAdmin: [],
} as const satisfies Record<Seat, readonly (keyof TableDecisionView)[]>;

/** An objection's reason: the same free-text rule. */
export const voteFieldsBySeat = {
  chair: ['organisationId', 'seat', 'position', 'reason'],
  casemanager: ['organisationId', 'seat', 'position', 'reason'],
  municipality: ['organisationId', 'seat', 'position', 'reason'],
  corporation: ['organisationId', 'seat', 'position'],
  provider: ['organisationId', 'seat', 'position'],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly (keyof Vote)[]>;

/** The latest decision on the case page: the motivation by the same free-text rule. */
const caseDecisionWithMotivation = [
  'rule',
  'destination',
  'departsFromProposal',
  'isDisputed',
  'decidedAt',
  'followUpProvider',
  'table',
  'preconditions',
  'motivation',
] as const satisfies readonly (keyof CaseDecision)[];
const caseDecisionWithoutMotivation = [
  'rule',
  'destination',
  'departsFromProposal',
  'isDisputed',
  'decidedAt',
  'followUpProvider',
  'table',
  'preconditions',
] as const satisfies readonly (keyof CaseDecision)[];

export const caseDecisionFieldsBySeat = {
  chair: caseDecisionWithMotivation,
  casemanager: caseDecisionWithMotivation,
  municipality: caseDecisionWithMotivation,
  corporation: caseDecisionWithoutMotivation,
  provider: caseDecisionWithoutMotivation,
  regionAdmin: [],
} as const satisfies Record<Seat, readonly (keyof CaseDecision)[]>;

/**
 * The letter to the resident: written for the resident, so it names them and gives the whole
 * motivation. Only the owning case manager fetches it (the policy refuses every other seat).
 */
const wholeLetter = [
  'firstName',
  'addressBlock',
  'objectionProcedure',
  'rule',
  'destinationName',
  'originName',
  'motivation',
  'decisionDate',
  'ownerName',
  'ownerOrganisation',
  'preconditions',
  'followUpProvider',
  'outcome',
] as const satisfies readonly (keyof LetterFacts)[];

export const letterFieldsBySeat = {
  casemanager: wholeLetter,
  chair: [],
  municipality: [],
  corporation: [],
  provider: [],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly (keyof LetterFacts)[]>;

/**
 * Whether the reader gets the free text about this case: its seat reads free text, and its own
 * projection of the case holds the exceptions (the same gate, consent included).
 */
export function readsFreeText(seat: Seat, caseFields: readonly string[] | undefined): boolean {
  return (
    (agendaItemFieldsBySeat[seat] as readonly string[]).includes('note') &&
    !!caseFields?.includes('exceptions')
  );
}

/**
 * The table's fields for this seat in this state: the agenda only once shared, or to its makers. A
 * cancelled table keeps its agenda (every case released) for its makers only: an invitee may never
 * have seen it shared, and the cases are no longer the table's.
 */
export function tableFieldsFor(seat: Seat, state: TableState): readonly (keyof TableView)[] {
  const fields = tableFieldsBySeat[seat] as readonly (keyof TableView)[];
  return (state === 'planned' || state === 'cancelled') && !readsAgendaBeforePublication[seat]
    ? fields.filter((f) => f !== 'agenda')
    : fields;
}

/** Picks the seat's fields of the table. */
export function toTableView(full: TableView, seat: Seat): TableView {
  return pickFields(full, tableFieldsFor(seat, full.state)) as TableView;
}

/** Picks the seat's fields of an agenda item; the note only with the free text of its case. */
export function toAgendaItemView(
  full: AgendaItem,
  seat: Seat,
  caseFields: readonly string[] | undefined,
): AgendaItem {
  const fields = (agendaItemFieldsBySeat[seat] as readonly (keyof AgendaItem)[]).filter(
    (f) => f !== 'note' || readsFreeText(seat, caseFields),
  );
  return pickFields(full, fields) as AgendaItem;
}

/**
 * Picks the seat's fields of a decision at the table, and of each vote in it. The one who recorded
 * the decision reads its own motivation and referral back (issue 27.4): it wrote them, whatever the
 * resident's consent lets its organisation read of the case; the votes' reasons stay behind that gate.
 */
export function toDecisionView(
  full: TableDecisionView,
  seat: Seat,
  caseFields: readonly string[] | undefined,
  reader: { isAuthor: boolean } = { isAuthor: false },
): TableDecisionView {
  const freeText = readsFreeText(seat, caseFields);
  const fields = (decisionFieldsBySeat[seat] as readonly (keyof TableDecisionView)[]).filter(
    (f) => freeText || reader.isAuthor || (f !== 'motivation' && f !== 'referralSummary'),
  );
  const voteFields = (voteFieldsBySeat[seat] as readonly (keyof Vote)[]).filter(
    (f) => freeText || f !== 'reason',
  );
  return pickFields(
    { ...full, votes: full.votes.map((v) => pickFields(v, voteFields) as Vote) },
    fields,
  ) as TableDecisionView;
}

/** Picks the seat's fields of the latest decision shown on the case page. */
export function toCaseDecisionView(
  full: CaseDecision,
  seat: Seat,
  caseFields: readonly string[],
): CaseDecision {
  const freeText = readsFreeText(seat, caseFields);
  const fields = (caseDecisionFieldsBySeat[seat] as readonly (keyof CaseDecision)[]).filter(
    (f) => freeText || f !== 'motivation',
  );
  return pickFields(full, fields) as CaseDecision;
}

/** Picks the seat's facts for the letter; a seat without any gets none. */
export function toLetterFacts(full: LetterFacts, seat: Seat): LetterFacts {
  return pickFields(
    full,
    letterFieldsBySeat[seat] as readonly (keyof LetterFacts)[],
  ) as LetterFacts;
}

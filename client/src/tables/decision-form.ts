import type { Resolver, UseFormReturn } from 'react-hook-form';
import {
  decisionDepartsFromProposal,
  decisionInputSchema,
  decisionIssues,
  isDecisionByDistribution,
  isDecisionMotivationRequired,
  lifeDomains,
  maxPreconditionDescriptionLength,
  type DecisionRuleFacts,
  seatsByOrganisationKind,
  type DecisionInput,
  type LifeDomain,
  type OrganisationKind,
  type Seat,
} from '@uitstroom/shared';
import type { ProjectedCase } from '../cases';
import { addMessage, toFieldErrors, type FieldMessages } from '../core/form-errors';
import { sitsAtTable } from '../core/seats';
import type { AgendaEntry, Table } from './table-api';

/**
 * "Besluit vastleggen" as the chair fills it in: one row per organisation that could sit at the
 * table (present or not, and its position), the preconditions as rows. The shared decision
 * schema judges the request; the rules the server adds (a motivation when departing from the
 * proposal or for A, B and D; a follow-up provider; a referral summary) are checked here too, so
 * the chair sees them at the field before sending. The server stays the judge.
 */

export type DecisionRule = DecisionInput['rule'];

export interface AttendanceValue {
  organisationId: string;
  isPresent: boolean;
  seat: Seat;
  position: '' | 'agree' | 'object';
  reason: string;
}

export interface PreconditionValue {
  lifeDomain: '' | LifeDomain;
  description: string;
  ownerOrganisationId: string;
  dueDate: string;
}

export interface DecisionValues {
  rule: DecisionRule;
  /** Empty: the proposal's destination, or the distribution's when that decides. */
  destination: string;
  motivation: string;
  attendance: AttendanceValue[];
  preconditions: PreconditionValue[];
  followUpProviderId: string;
  isDisputed: boolean;
  referralSummary: string;
}

/** What the parts of the decision form share: the form, what is typed, and each field's id. */
export interface DecisionPartProps {
  form: UseFormReturn<DecisionValues>;
  values: DecisionValues;
  id(path: string): string;
}

/** An organisation that can be marked present: the invited ones, the chair's own, the case manager's. */
export interface Attendee {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface DecisionContext {
  tableVersion: number;
  caseVersion: number;
  proposal: ProjectedCase['proposal'];
  /** The server marks a destination by distribution as provisional: the ledger decides at the decision. */
  isDestinationProvisional: boolean;
  attendees: readonly Attendee[];
  /** The intake's support needs per life domain, where the chair's projection of the case has them. */
  supportNeeds?: Partial<Record<LifeDomain, string>>;
}

/**
 * The preconditions the form starts with: one per life domain for which the intake recorded a
 * support need, its text as the description (the chair edits, completes or removes them; who
 * arranges it and by when are the table's to fill in).
 */
export function preconditionsFromSupportNeeds(
  supportNeeds: DecisionContext['supportNeeds'],
): PreconditionValue[] {
  return lifeDomains
    .map((lifeDomain) => ({ lifeDomain, need: supportNeeds?.[lifeDomain]?.trim() ?? '' }))
    .filter(({ need }) => need !== '')
    .map(({ lifeDomain, need }) => ({
      ...emptyPrecondition,
      lifeDomain,
      description: need.slice(0, maxPreconditionDescriptionLength),
    }));
}

export const emptyPrecondition: PreconditionValue = {
  lifeDomain: '',
  description: '',
  ownerOrganisationId: '',
  dueDate: '',
};

/** The seats an organisation of a kind can take at the table (the region's administrator does not sit there). */
export function seatsAtTable(kind: OrganisationKind): Seat[] {
  return seatsByOrganisationKind[kind].filter((seat) => sitsAtTable[seat]);
}

export function initialDecisionValues(
  context: DecisionContext,
  defaults: { chairOrganisationId: string; caseOwnerOrganisationId?: string },
): DecisionValues {
  const proposal = context.proposal?.result;
  return {
    rule: proposal?.outcome ?? 'herkomst',
    destination: context.isDestinationProvisional ? '' : (proposal?.destination ?? ''),
    motivation: '',
    attendance: context.attendees.map((a) => ({
      organisationId: a.id,
      isPresent: true,
      seat:
        a.kind === 'coordination' && a.id === defaults.chairOrganisationId
          ? 'chair'
          : a.id === defaults.caseOwnerOrganisationId &&
              seatsAtTable(a.kind).includes('casemanager')
            ? 'casemanager'
            : seatsAtTable(a.kind)[0]!,
      position: '',
      reason: '',
    })),
    preconditions: preconditionsFromSupportNeeds(context.supportNeeds),
    followUpProviderId: '',
    isDisputed: false,
    referralSummary: '',
  };
}

const blank = (value: string) => (value.trim() === '' ? undefined : value);

/** The facts the shared decision rules need, from what the table page knows of the case. */
function ruleFacts(context: DecisionContext): DecisionRuleFacts {
  return {
    proposal: context.proposal?.result ?? null,
    isDestinationProvisional: context.isDestinationProvisional,
  };
}

/** Does the distribution choose the destination (C, or A that did not go to the wish), as the server decides? */
export function isByDistribution(
  values: Pick<DecisionValues, 'rule' | 'destination'>,
  context: DecisionContext,
): boolean {
  return isDecisionByDistribution(values, ruleFacts(context));
}

/** Whether the table departs from the engine's proposal (then a motivation is required). */
export function departsFromProposal(
  values: Pick<DecisionValues, 'rule' | 'destination'>,
  context: DecisionContext,
): boolean {
  return decisionDepartsFromProposal(values, ruleFacts(context));
}

export function isMotivationRequired(
  values: Pick<DecisionValues, 'rule' | 'destination'>,
  context: DecisionContext,
): boolean {
  return isDecisionMotivationRequired(values, ruleFacts(context));
}

/** The request as the API takes it (not yet validated), and which attendance row each vote came from. */
export function toDecisionBody(
  values: DecisionValues,
  context: DecisionContext,
): { body: Record<string, unknown>; voteRows: number[] } {
  const isReferral = values.rule === 'buiten_regio';
  const attendance = values.attendance ?? [];
  const voteRows: number[] = [];
  const votes: Record<string, unknown>[] = [];
  attendance.forEach((a, row) => {
    if (!a.isPresent || !a.position) return;
    voteRows.push(row);
    // A reason belongs to an objection: one typed before switching to "Akkoord" is not sent.
    const reason = a.position === 'object' ? blank(a.reason)?.trim() : undefined;
    votes.push({
      organisationId: a.organisationId,
      seat: a.seat,
      position: a.position,
      ...(reason ? { reason } : {}),
    });
  });
  const body: Record<string, unknown> = {
    version: context.tableVersion,
    caseVersion: context.caseVersion,
    rule: values.rule,
    destination: isReferral ? undefined : blank(values.destination),
    motivation: blank(values.motivation),
    present: attendance
      .filter((a) => a.isPresent)
      .map((a) => ({ organisationId: a.organisationId, seat: a.seat })),
    votes,
    preconditions: (values.preconditions ?? []).map((p) => ({
      lifeDomain: p.lifeDomain || undefined,
      description: p.description,
      ownerOrganisationId: p.ownerOrganisationId || undefined,
      dueDate: p.dueDate,
    })),
    followUpProviderId: isReferral ? undefined : blank(values.followUpProviderId),
    isDisputed: values.isDisputed,
    referralSummary: isReferral ? blank(values.referralSummary) : undefined,
  };
  return { body: JSON.parse(JSON.stringify(body)) as Record<string, unknown>, voteRows };
}

/**
 * A path of the request (`votes.1.reason`, `preconditions.0.dueDate`) → the form field that shows
 * it (`attendance.3.reason`); null for what no field shows (the versions).
 */
export function decisionFieldOf(path: string, voteRows: readonly number[]): string | null {
  const [head, index, field] = path.split('.');
  switch (head) {
    case 'rule':
    case 'destination':
    case 'motivation':
    case 'followUpProviderId':
    case 'isDisputed':
    case 'referralSummary':
      return head;
    case 'present':
      return 'attendance';
    case 'votes': {
      const row = index === undefined ? undefined : voteRows[Number(index)];
      if (row === undefined) return 'attendance';
      return `attendance.${row}.${field === 'reason' ? 'reason' : 'position'}`;
    }
    case 'preconditions':
      return index === undefined || field === undefined
        ? 'preconditions'
        : `preconditions.${index}.${field}`;
    default:
      return null;
  }
}

export function checkDecision(
  values: DecisionValues,
  context: DecisionContext,
): { messages: FieldMessages; body: DecisionInput | null } {
  const messages: FieldMessages = new Map();
  const { body, voteRows } = toDecisionBody(values, context);
  const parsed = decisionInputSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = decisionFieldOf(issue.path.join('.'), voteRows);
      if (field) addMessage(messages, field, issue.message);
    }
  }
  // The rules the server adds to the schema, from the same shared function it calls.
  for (const issue of decisionIssues(values, ruleFacts(context)))
    addMessage(messages, issue.path, issue.message);
  values.attendance.forEach((a, row) => {
    if (a.isPresent && a.position === 'object' && a.reason.trim().length < 10)
      addMessage(
        messages,
        `attendance.${row}.reason`,
        'Een bezwaar heeft een reden van minstens 10 tekens.',
      );
  });
  return { messages, body: messages.size === 0 && parsed.success ? parsed.data : null };
}

export function decisionResolver(getContext: () => DecisionContext): Resolver<DecisionValues> {
  return (values) => {
    const { messages } = checkDecision(values, getContext());
    return messages.size === 0
      ? { values, errors: {} }
      : { values: {}, errors: toFieldErrors<DecisionValues>(messages) };
  };
}

/** What the form knows of the table and the case it decides on. */
export function decisionContextOf(
  table: Pick<Table, 'version'>,
  item: Pick<AgendaEntry, 'case' | 'isDestinationProvisional'>,
  attendees: readonly Attendee[],
): DecisionContext {
  return {
    tableVersion: table.version,
    caseVersion: item.case.version ?? 0,
    proposal: item.case.proposal ?? null,
    isDestinationProvisional: item.isDestinationProvisional,
    attendees,
    supportNeeds: item.case.supportNeeds,
  };
}

/**
 * A problem as the summary says it: one of a precondition's names its number, since every
 * precondition has the same fields ("Randvoorwaarde 2: Kies wie dit regelt.").
 */
export function problemWording(path: string, message: string): string {
  const row = /^preconditions\.(\d+)\./.exec(path)?.[1];
  return row === undefined ? message : `Randvoorwaarde ${Number(row) + 1}: ${message}`;
}

/** The form's order, which the summary of problems follows. */
const fieldOrder = [
  'rule',
  'destination',
  'motivation',
  'referralSummary',
  'attendance',
  'preconditions',
  'followUpProviderId',
  'isDisputed',
];

/** The problems in the order of the fields that show them (the sort keeps rows in their order). */
export function orderProblems<P extends { path: string }>(problems: readonly P[]): P[] {
  const rank = (p: P) => fieldOrder.indexOf(p.path.split('.')[0]!);
  return [...problems].sort((a, b) => rank(a) - rank(b));
}

/** The field a problem links to: an attendance row's presence and position are one radio group. */
export function problemAnchor(path: string): string {
  return path.replace(/\.(position|isPresent)$/, '.position');
}

/**
 * The server's refusal at the fields: each issue at the field that shows it, and the messages no
 * field shows (the versions), to say above the buttons.
 */
export function placeDecisionIssues(
  issues: readonly { path: string; message: string }[],
  voteRows: readonly number[],
): { placed: { field: string; message: string }[]; unplaced: string[] } {
  const placed: { field: string; message: string }[] = [];
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = decisionFieldOf(issue.path, voteRows);
    if (field) placed.push({ field, message: issue.message });
    else unplaced.push(issue.message);
  }
  return { placed, unplaced };
}

/**
 * The note under the motivation: whether it is required and why, and where it goes (issue 27.4):
 * word for word into the resident's letter, except under A (safety).
 */
export function describeMotivationNote(
  values: Pick<DecisionValues, 'rule' | 'destination'>,
  context: DecisionContext,
): string {
  const requirement = !isMotivationRequired(values, context)
    ? 'Niet verplicht: de tafel volgt het voorstel.'
    : departsFromProposal(values, context)
      ? 'Verplicht: de tafel wijkt af van het voorstel. Minstens 10 tekens.'
      : 'Verplicht: bij uitzondering A, B en D motiveert de tafel altijd. Minstens 10 tekens.';
  const letter =
    values.rule === 'A'
      ? 'De motivering bij A blijft buiten de brief aan de bewoner (veiligheid).'
      : 'De motivering komt woordelijk in de brief aan de bewoner: schrijf haar in eenvoudige taal.';
  return `${requirement} ${letter}`;
}

/** The destination's empty choice: who decides when the chair picks no municipality. */
export function describeNoDestination(
  rule: DecisionRule,
  context: Pick<DecisionContext, 'proposal' | 'isDestinationProvisional'>,
  nameOf: (code: string) => string,
): string {
  if (rule === 'C' || (rule === 'A' && context.isDestinationProvisional))
    return 'De verdeling naar inwoneraantal bepaalt';
  const proposed = context.proposal?.result?.destination;
  return proposed ? `Zoals voorgesteld: ${nameOf(proposed)}` : 'Kies een gemeente';
}

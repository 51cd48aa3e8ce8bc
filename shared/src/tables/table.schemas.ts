import { z } from 'zod';
import { isoDate, isoDateTime, safeText, safeUrl } from '../primitives';
import '../validation';
import { caseVersionSchema } from '../cases/case.schemas';
import { lifeDomains } from '../cases/case.schemas';
import { municipalityCodeSchema, proposalBindingSchema } from '../origin-rule/origin-rule.schemas';
import { seatSchema } from '../auth/seats';

/**
 * The Uitstroomtafel: planned by the chair, its agenda shared in advance with the invited
 * organisations, walked case by case at the meeting, closed with minutes.
 */
export const tableStates = ['planned', 'published', 'closed', 'cancelled'] as const;
export const tableStateSchema = z.enum(tableStates);
export type TableState = z.infer<typeof tableStateSchema>;
export const tableStateLabel: Record<TableState, string> = {
  planned: 'Gepland',
  published: 'Agenda gedeeld',
  closed: 'Afgesloten',
  cancelled: 'Geannuleerd',
};

const text = (max: number) =>
  safeText()
    .trim()
    .max(max, { error: `Hoogstens ${max} tekens.` });
const reason = safeText()
  .trim()
  .min(10, { error: 'Geef een reden van minstens 10 tekens.' })
  .max(2000);

export const tableDetailsSchema = z.strictObject({
  title: text(200).min(3, {
    error: 'Geef de tafel een naam, bijvoorbeeld “Uitstroomtafel Flevoland maart”.',
  }),
  startsAt: isoDateTime({ offset: true, error: 'Geen geldig tijdstip.' }),
  location: text(300).optional(),
  videoUrl: safeUrl({ protocol: /^https$/, error: 'Een videolink begint met https://.' })
    .max(500)
    .optional(),
  /** A table of one municipality; absent for the region's table. */
  municipalityCode: municipalityCodeSchema.optional(),
  invitedOrganisationIds: z
    .array(z.uuid())
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Elke organisatie één keer.' }),
});
export type TableDetails = z.infer<typeof tableDetailsSchema>;

export const createTableSchema = tableDetailsSchema;
export const updateTableSchema = z.strictObject({
  version: caseVersionSchema,
  details: tableDetailsSchema,
});
export const tableIdParamsSchema = z.strictObject({
  tableId: z.uuid({ error: 'Onbekende tafel.' }),
});
export const agendaItemParamsSchema = z.strictObject({
  tableId: z.uuid({ error: 'Onbekende tafel.' }),
  itemId: z.uuid({ error: 'Onbekend agendapunt.' }),
});
export const tableVersionSchema = z.strictObject({ version: caseVersionSchema });

export const addToAgendaSchema = z.strictObject({
  version: caseVersionSchema,
  caseId: z.uuid({ error: 'Onbekende casus.' }),
  caseVersion: caseVersionSchema,
});
export const orderAgendaSchema = z.strictObject({
  version: caseVersionSchema,
  itemIds: z.array(z.uuid()).min(1).max(200),
});
export const removeFromAgendaSchema = z.strictObject({ version: caseVersionSchema, reason });
/** Cancelling a planned or shared table: its cases go back to uitstroomgereed, the invitees are told. */
export const cancelTableSchema = z.strictObject({ version: caseVersionSchema, reason });

export const decisionRules = ['herkomst', 'A', 'B', 'C', 'D', 'buiten_regio'] as const;
export const decisionRuleSchema = z.enum(decisionRules, {
  error: 'Kies de regel of uitzondering.',
});
export type DecisionRule = z.infer<typeof decisionRuleSchema>;
export const decisionRuleLabel: Record<(typeof decisionRules)[number], string> = {
  herkomst: 'Gemeente van herkomst',
  A: 'Uitzondering A: belemmeringen in de herkomstgemeente',
  B: 'Uitzondering B: betere kansen elders',
  C: 'Uitzondering C: verdeling naar inwoneraantal',
  D: 'Uitzondering D: anders niet passend',
  buiten_regio: 'Herkomst buiten de regio',
};

export const voteSchema = z
  .strictObject({
    organisationId: z.uuid(),
    seat: seatSchema,
    position: z.enum(['agree', 'object'], { error: 'Kies akkoord of bezwaar.' }),
    reason: text(1000).optional(),
  })
  .refine((v) => v.position === 'agree' || (v.reason?.length ?? 0) >= 10, {
    path: ['reason'],
    error: 'Een bezwaar heeft een reden van minstens 10 tekens.',
  });

export const maxPreconditionDescriptionLength = 500;
export const preconditionInputSchema = z.strictObject({
  lifeDomain: z.enum(lifeDomains, { error: 'Kies het leefgebied.' }),
  description: text(maxPreconditionDescriptionLength).min(3, {
    error: 'Beschrijf de randvoorwaarde.',
  }),
  ownerOrganisationId: z.uuid({ error: 'Kies wie dit regelt.' }),
  dueDate: isoDate,
});

export const decisionInputSchema = z
  .strictObject({
    version: caseVersionSchema,
    caseVersion: caseVersionSchema,
    rule: decisionRuleSchema,
    /** Absent for C (the ledger chooses) and for outside the region (referred). */
    destination: municipalityCodeSchema.optional(),
    /** Required when the destination departs from the proposal, and for A, B and D. */
    motivation: text(4000).optional(),
    present: z
      .array(z.strictObject({ organisationId: z.uuid(), seat: seatSchema }))
      .min(1, { error: 'Wie waren er aanwezig?' })
      .max(100),
    votes: z.array(voteSchema).max(100),
    preconditions: z.array(preconditionInputSchema).max(40),
    followUpProviderId: z.uuid({ error: 'Kies de aanbieder van de nazorg.' }).optional(),
    /** An objection the table could not resolve goes to the region's steering group. */
    isDisputed: z.boolean().default(false),
    /** For a case from outside the region: what the origin region needs to know. */
    referralSummary: text(4000).optional(),
  })
  .refine((d) => !d.isDisputed || d.votes.some((v) => v.position === 'object'), {
    // The steering group settles an objection the table could not resolve: without one there is nothing to settle.
    path: ['isDisputed'],
    error: 'Een geschil gaat over een bezwaar: leg eerst het bezwaar vast.',
  });
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export const deferSchema = z.strictObject({ version: caseVersionSchema, reason });

export const preconditionSchema = z.object({
  id: z.uuid(),
  lifeDomain: z.enum(lifeDomains),
  description: safeText(),
  ownerName: safeText(),
  ownerOrganisationId: z.uuid(),
  dueDate: safeText(),
  isDone: z.boolean(),
  /**
   * On the case page: whether the reader may mark it done now (the server's policy decides, so the
   * page shows "Gereed melden" without knowing the rule).
   */
  mayComplete: z.boolean().optional(),
});
export type Precondition = z.infer<typeof preconditionSchema>;

export const preconditionParamsSchema = z.strictObject({
  caseId: z.uuid({ error: 'Onbekende casus.' }),
  preconditionId: z.uuid({ error: 'Onbekende randvoorwaarde.' }),
});
/** Marking done carries nothing but the fact: who and when come from the session and the clock. */
export const completePreconditionSchema = z.strictObject({});

/**
 * A decision as the table view and the minutes show it. The motivation and the referral summary
 * may carry an exception's reasons (an A's safety reasons): they are absent, not null, for a seat
 * that does not read the case's exceptions (domain.md §3.5).
 */
export const tableDecisionViewSchema = z.object({
  rule: decisionRuleSchema,
  destination: safeText().nullable(),
  proposedDestination: safeText().nullable(),
  departsFromProposal: z.boolean(),
  ruleSetVersion: z.int(),
  followUpProvider: safeText().nullable(),
  isDisputed: z.boolean(),
  decidedAt: safeText(),
  decidedBy: safeText(),
  present: z.array(
    z.object({ organisationId: z.uuid(), organisationName: safeText(), seat: seatSchema }),
  ),
  /** An objection's reason is free text about the resident: absent for a seat that does not read the case's sensitive fields (an objection always has one). */
  votes: z.array(
    z.object({
      organisationId: z.uuid(),
      seat: seatSchema,
      position: z.enum(['agree', 'object']),
      reason: safeText().optional(),
    }),
  ),
  preconditions: z.array(preconditionSchema),
  motivation: safeText().nullable().optional(),
  referralSummary: safeText().nullable().optional(),
  /**
   * The minimum-binding figures of the proposal the decision was taken on (null: the region had
   * no test). Read from the address history: only for the seats that read the proposal.
   */
  binding: proposalBindingSchema.nullable().optional(),
});
export type TableDecisionView = z.infer<typeof tableDecisionViewSchema>;

export const agendaItemSchema = z.object({
  id: z.uuid(),
  position: z.int(),
  status: z.enum(['open', 'decided', 'deferred', 'removed']),
  caseId: z.uuid(),
  pseudonym: safeText(),
  /** The case as the reader's seat may see it (name only with consent, and so on). */
  case: z.record(safeText(), z.unknown()),
  /** A destination by distribution is provisional until the decision takes it from the ledger. */
  isDestinationProvisional: z.boolean(),
  decision: tableDecisionViewSchema.nullable(),
  /**
   * The reason the item was deferred or taken off: free text about the resident, so it follows the
   * case's sensitive fields (like the decision's motivation). Absent, not null, for a seat that does
   * not read them; `hasNote` tells every seat that a reason was recorded.
   */
  note: safeText().nullable().optional(),
  hasNote: z.boolean(),
  /** 'escalation': put on the agenda from follow-up support; discussed, never given a placement decision. */
  kind: z.enum(['placement', 'escalation']),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const tableViewSchema = z.object({
  id: z.uuid(),
  version: z.int(),
  state: tableStateSchema,
  title: safeText(),
  startsAt: safeText(),
  location: safeText().nullable(),
  videoUrl: safeText().nullable(),
  municipalityCode: safeText().nullable(),
  chair: z.object({ userId: z.uuid(), displayName: safeText() }),
  invited: z.array(z.object({ id: z.uuid(), name: safeText(), kind: safeText() })),
  publishedAt: safeText().nullable(),
  /** The region's number of days before the table that its agenda is to be shared. */
  publishBy: safeText(),
  /** When the chair planned the table: one planned after `publishBy` is planned late, not overdue. */
  plannedAt: safeText(),
  closedAt: safeText().nullable(),
  /** When and why the chair cancelled the table; null for a table that was not cancelled. */
  cancelledAt: safeText().nullable(),
  cancelReason: safeText().nullable(),
  /** Absent for an invited seat before the agenda is shared. */
  agenda: z.array(agendaItemSchema).optional(),
});
export type TableView = z.infer<typeof tableViewSchema>;

export const tableSummarySchema = z.object({
  id: z.uuid(),
  title: safeText(),
  startsAt: safeText(),
  state: tableStateSchema,
  municipalityCode: safeText().nullable(),
  agendaCount: z.int(),
  location: safeText().nullable(),
  videoUrl: safeText().nullable(),
});
export const tableListQuerySchema = z.strictObject({
  state: tableStateSchema.optional(),
  upcoming: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const decisionLetterSchema = z.object({
  /** The resident's name and address as the envelope's window shows them. */
  addressBlock: z.array(safeText()),
  /** The letter is dated on the decision's Dutch date, not the day it is printed. */
  date: isoDate,
  title: safeText(),
  paragraphs: z.array(safeText()),
});
export type DecisionLetter = z.infer<typeof decisionLetterSchema>;

export const caseDecisionSchema = z.object({
  rule: decisionRuleSchema,
  destination: safeText().nullable(),
  departsFromProposal: z.boolean(),
  isDisputed: z.boolean(),
  decidedAt: safeText(),
  followUpProvider: safeText().nullable(),
  table: z.object({ id: z.uuid(), title: safeText(), startsAt: safeText() }),
  preconditions: z.array(preconditionSchema),
  /** Only for seats that read the exceptions (it may carry an exception's reasons). */
  motivation: safeText().nullable().optional(),
});
export type CaseDecision = z.infer<typeof caseDecisionSchema>;

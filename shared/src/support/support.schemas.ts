import { z } from 'zod';
import { isoDate, safeText } from '../primitives';
import '../validation';
import {
  caseOutcomeSchema,
  caseOutcomes,
  caseVersionSchema,
  lifeDomains,
} from '../cases/case.schemas';

/**
 * Follow-up support after the move (nazorg, domain.md §4): the provider's log, signals, the
 * relapse-prevention plan, the follow-up checks, closing. What leaves the server is the seat's
 * projection of `supportViewSchema`: hidden parts are absent, not empty.
 */

const requiredText = (min: number, max: number, what: string) =>
  safeText()
    .trim()
    .min(min, { error: `${what}: minstens ${min} tekens.` })
    .max(max, { error: `Hoogstens ${max} tekens.` });

// ---- vocabularies ----
export const contactKinds = ['homeVisit', 'office', 'phone', 'video', 'other'] as const;
export const contactKindLabel: Record<(typeof contactKinds)[number], string> = {
  homeVisit: 'Huisbezoek',
  office: 'Op kantoor',
  phone: 'Telefonisch',
  video: 'Beeldbellen',
  other: 'Anders',
};
export const intensityDirections = ['start', 'up', 'down'] as const;
export const intensityDirectionLabel: Record<(typeof intensityDirections)[number], string> = {
  start: 'Start',
  up: 'Opgeschaald',
  down: 'Afgeschaald',
};
export const goalProgresses = ['notStarted', 'inProgress', 'achieved', 'stalled'] as const;
export const goalProgressLabel: Record<(typeof goalProgresses)[number], string> = {
  notStarted: 'Nog niet gestart',
  inProgress: 'Bezig',
  achieved: 'Bereikt',
  stalled: 'Stokt',
};
export const signalKinds = ['paymentArrears', 'nuisance', 'relapse', 'other'] as const;
export type SignalKind = (typeof signalKinds)[number];
export const signalKindLabel: Record<SignalKind, string> = {
  paymentArrears: 'Betalingsachterstand',
  nuisance: 'Overlast',
  relapse: 'Terugval',
  other: 'Anders',
};
export const signalSeverities = ['low', 'medium', 'high'] as const;
export const signalSeverityLabel: Record<(typeof signalSeverities)[number], string> = {
  low: 'Laag',
  medium: 'Middel',
  high: 'Hoog',
};

// ---- requests ----

/**
 * The provider starts follow-up support. The key handover and the landlord are facts of the move:
 * when the move-in is recorded (placements), the server takes them from it and refuses a differing
 * value; only without a recorded move-in must they be given here.
 */
export const startSupportSchema = z
  .strictObject({
    version: caseVersionSchema,
    keyHandoverDate: isoDate.optional(),
    startedOn: isoDate,
    landlordOrganisationId: z
      .uuid({ error: 'Kies de corporatie die de woning verhuurt.' })
      .optional(),
    hoursPerWeek: z
      .number({ error: 'Vul het aantal uren per week in.' })
      .min(0)
      .max(40, { error: 'Hoogstens 40 uur per week.' }),
  })
  .refine((s) => s.keyHandoverDate === undefined || s.startedOn >= s.keyHandoverDate, {
    path: ['startedOn'],
    error: 'De nazorg start op of na de sleuteloverdracht.',
  });
export type StartSupport = z.infer<typeof startSupportSchema>;

export const supportEntrySchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('contact'),
      date: isoDate,
      kind: z.enum(contactKinds, { error: 'Kies de soort contact.' }),
      durationMinutes: z
        .int({ error: 'Vul de duur in minuten in.' })
        .min(1, { error: 'Minstens 1 minuut.' })
        .max(600, { error: 'Hoogstens 600 minuten.' }),
      note: requiredText(1, 1000, 'Korte notitie'),
    }),
    z.strictObject({
      type: z.literal('intensity'),
      date: isoDate,
      hoursPerWeek: z
        .number({ error: 'Vul het aantal uren per week in.' })
        .min(0, { error: 'Niet minder dan 0.' })
        .max(40, { error: 'Hoogstens 40 uur per week.' }),
      reason: requiredText(10, 1000, 'Waarom'),
    }),
    z.strictObject({
      type: z.literal('goal'),
      lifeDomain: z.enum(lifeDomains, { error: 'Kies een leefgebied.' }),
      description: requiredText(3, 500, 'Doel'),
      progress: z.enum(goalProgresses).default('notStarted'),
    }),
    z.strictObject({
      type: z.literal('goalProgress'),
      goalId: z.uuid({ error: 'Onbekend doel.' }),
      progress: z.enum(goalProgresses, { error: 'Kies de voortgang.' }),
    }),
    z
      .strictObject({
        type: z.literal('respite'),
        from: isoDate,
        to: isoDate,
        place: requiredText(2, 200, 'Logeerplek'),
        reason: requiredText(10, 1000, 'Reden'),
      })
      .refine((r) => r.to >= r.from, {
        path: ['to'],
        error: 'De einddatum ligt op of na de begindatum.',
      }),
  ],
  { error: 'Onbekende soort regel.' },
);
export type SupportEntry = z.infer<typeof supportEntrySchema>;

export const raiseSignalSchema = z.strictObject({
  kind: z.enum(signalKinds, { error: 'Kies de soort signaal.' }),
  severity: z.enum(signalSeverities, { error: 'Kies de ernst.' }),
  date: isoDate,
  description: requiredText(10, 1000, 'Omschrijving'),
  /** With one action: put the case on this table's agenda as an escalation; the case stays in follow-up support. */
  escalateToTableId: z.uuid({ error: 'Kies een tafel.' }).optional(),
});
export type RaiseSignal = z.infer<typeof raiseSignalSchema>;

export const relapsePlanInputSchema = z.strictObject({
  /** The version the writer read (0 when there is none yet): a stale one answers 409. */
  basedOnVersion: z.int().min(0),
  whoTakesOver: requiredText(10, 2000, 'Wie neemt het over'),
  howToScaleUp: requiredText(10, 2000, 'Hoe schalen we op'),
  finalSay: requiredText(3, 500, 'Wie heeft het laatste woord'),
});
export type RelapsePlanInput = z.infer<typeof relapsePlanInputSchema>;

export const agreePlanSchema = z.strictObject({
  version: z.int().positive({ error: 'Onbekende versie van het plan.' }),
});

export const answerCheckSchema = z.strictObject({
  stillLivesThere: z.boolean({ error: 'Woont de bewoner er nog? Kies ja of nee.' }),
  tenancyConverted: z.boolean({ error: 'Staat het huurcontract op eigen naam? Kies ja of nee.' }),
});
export const checkParamsSchema = z.strictObject({
  caseId: z.uuid({ error: 'Onbekende casus.' }),
  checkId: z.uuid({ error: 'Onbekende nameting.' }),
});

export const closeSupportSchema = z.strictObject({
  version: caseVersionSchema,
  // An empty choice says what to choose, not "Geen geldige keuze." (issue 27.1).
  outcome: z.enum(caseOutcomes, { error: 'Kies de uitkomst waarmee de nazorg wordt afgesloten.' }),
  closedOn: isoDate,
  /**
   * Why the case closes while signals or preconditions are still open (issue 27.1): required then
   * (the service knows what is open), kept in the case's log, never in the audit log.
   */
  openItemsReason: requiredText(10, 1000, 'Reden om toch af te sluiten').optional(),
});
export type CloseSupport = z.infer<typeof closeSupportSchema>;

// ---- the view ----
export const supportViewSchema = z.object({
  caseId: z.uuid(),
  pseudonym: safeText(),
  isStarted: z.boolean(),
  isClosed: z.boolean(),
  keyHandoverDate: safeText().nullable(),
  startedOn: safeText().nullable(),
  providerName: safeText().nullable(),
  landlordName: safeText().nullable(),
  /** The move-in as recorded by the placements module (key handover, the offering corporation): what starting support takes. */
  recordedMove: z
    .object({
      keyHandoverDate: safeText(),
      landlordOrganisationId: z.uuid(),
      landlordName: safeText(),
    })
    .nullable(),
  currentHoursPerWeek: z.number().nullable(),
  intensity: z.array(
    z.object({
      id: z.uuid(),
      date: safeText(),
      hoursPerWeek: z.number(),
      direction: z.enum(intensityDirections),
      reason: safeText().nullable().optional(),
    }),
  ),
  goals: z.array(
    z.object({
      id: z.uuid(),
      lifeDomain: z.enum(lifeDomains),
      description: safeText().nullable(),
      progress: z.enum(goalProgresses),
      updatedAt: safeText(),
    }),
  ),
  contacts: z.array(
    z.object({
      id: z.uuid(),
      date: safeText(),
      kind: z.enum(contactKinds),
      durationMinutes: z.int(),
      note: safeText().nullable(),
      recordedBy: safeText(),
    }),
  ),
  respite: z.array(
    z.object({
      id: z.uuid(),
      from: safeText(),
      to: safeText(),
      place: safeText().nullable(),
      reason: safeText().nullable(),
    }),
  ),
  signals: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(signalKinds),
      severity: z.enum(signalSeverities),
      date: safeText(),
      description: safeText().nullable().optional(),
      escalatedToTable: z.object({ id: z.uuid(), title: safeText() }).nullable(),
    }),
  ),
  plan: z
    .object({
      version: z.int(),
      whoTakesOver: safeText(),
      howToScaleUp: safeText(),
      finalSay: safeText(),
      draftedAt: safeText(),
      providerAgreedAt: safeText().nullable(),
      municipalityAgreedAt: safeText().nullable(),
      isAgreed: z.boolean(),
    })
    .nullable(),
  checks: z.array(
    z.object({
      id: z.uuid(),
      months: z.union([z.literal(6), z.literal(12)]),
      dueOn: safeText(),
      isAnswered: z.boolean(),
      stillLivesThere: z.boolean().nullable(),
      tenancyConverted: z.boolean().nullable(),
      answeredAt: safeText().nullable(),
    }),
  ),
  /** The table's preconditions not done yet: closing lists them (issue 27.1). */
  openPreconditions: z.array(
    z.object({
      id: z.uuid(),
      lifeDomain: z.enum(lifeDomains),
      description: safeText(),
      ownerName: safeText(),
      dueDate: safeText(),
    }),
  ),
  /** What the seat may do here now. */
  can: z.object({
    start: z.boolean(),
    write: z.boolean(),
    agreePlan: z.boolean(),
    close: z.boolean(),
    answerChecks: z.boolean(),
  }),
});
export type SupportView = z.infer<typeof supportViewSchema>;
export type SupportViewField = keyof SupportView;

export const escalationTableSchema = z.object({
  id: z.uuid(),
  title: safeText(),
  startsAt: safeText(),
});

// ---- erasure and retention (AVG art. 17) ----

/** What the region's administrator sees of a closed case: never its content. */
export const erasureCandidateSchema = z.object({
  caseId: z.uuid(),
  pseudonym: safeText(),
  closedAt: safeText(),
  outcome: caseOutcomeSchema,
  retentionDueOn: safeText(),
  isRetentionDue: z.boolean(),
});
export type ErasureCandidate = z.infer<typeof erasureCandidateSchema>;

export const erasureGrounds = ['retentionExpired', 'residentRequest'] as const;
export const eraseCaseSchema = z.strictObject({
  ground: z.enum(erasureGrounds, {
    error: 'Kies de grond: bewaartermijn verstreken of verzoek van de bewoner.',
  }),
  /** Typed by the administrator: erasure cannot be undone. */
  confirmPseudonym: safeText()
    .trim()
    .regex(/^R-[0-9A-Z]{8}$/, { error: 'Typ het pseudoniem van de casus over (R-…).' }),
});
export type EraseCase = z.infer<typeof eraseCaseSchema>;
export const erasureResultSchema = z.object({
  caseId: z.uuid(),
  pseudonym: safeText(),
  erasedAt: safeText(),
});

import { z } from 'zod';
import { isoDateWith, safeText } from '../primitives';
import '../validation';
import { caseStateSchema } from '../cases/case.schemas';
import { municipalityCodeSchema } from '../origin-rule/origin-rule.schemas';
import { dwellingKinds, tenancyForms } from '../dwellings/dwelling.schemas';

/**
 * Offers, the destination municipality's confirmation and the move (domain.md §4, states
 * "woning zoeken" → "woning aangeboden" → "plaatsing bevestigd" → "verhuisd"). One schema per
 * request, shared by the forms, the API and its tests; the view per seat is cut by the server.
 */

const version = (what: string) =>
  z
    .int({ error: `De versie van ${what} is een geheel getal.` })
    .positive({ error: `De versie van ${what} is een geheel getal.` });
const caseVersion = version('de casus');
const offerVersion = version('het aanbod');

/** A reason the other parties read: at least ten characters, so that it says something. */
export const placementReasonSchema = safeText({ error: 'Geef een reden op.' })
  .trim()
  .min(10, { error: 'Geef een reden van minstens 10 tekens.' })
  .max(1000, { error: 'Hoogstens 1000 tekens.' });

// ---- the offer's life ----

/**
 * open: offered, waiting for the resident's answer; accepted: the resident accepted (the
 * municipality confirms next, or refuses); declined, withdrawn, refused: ended, the dwelling is free
 * again; completed: the resident moved in; cancelled: the case was closed before the move.
 */
export const offerStatuses = [
  'open',
  'accepted',
  'declined',
  'withdrawn',
  'refused',
  'completed',
  'cancelled',
] as const;
export const offerStatusSchema = z.enum(offerStatuses);
export type OfferStatus = z.infer<typeof offerStatusSchema>;
export const offerStatusLabel: Record<OfferStatus, string> = {
  open: 'Wacht op het antwoord van de bewoner',
  accepted: 'Aanvaard door de bewoner',
  declined: 'Afgewezen door de bewoner',
  withdrawn: 'Ingetrokken door de corporatie',
  refused: 'Plaatsing geweigerd door de gemeente',
  completed: 'Verhuisd',
  cancelled: 'Vervallen: de casus is afgesloten',
};
/** The statuses that hold the dwelling and the case: at most one such offer per case (a database index). */
export const liveOfferStatuses = ['open', 'accepted'] as const satisfies readonly OfferStatus[];

/** How much support the destination municipality arranges for the start (follow-up intensity). */
export const supportIntensities = ['light', 'regular', 'intensive'] as const;
export const supportIntensitySchema = z.enum(supportIntensities, {
  error: 'Kies de intensiteit van de begeleiding.',
});
export type SupportIntensity = z.infer<typeof supportIntensitySchema>;
export const supportIntensityLabel: Record<SupportIntensity, string> = {
  light: 'Licht (tot 2 uur per week)',
  regular: 'Regulier (2 tot 5 uur per week)',
  intensive: 'Intensief (meer dan 5 uur per week)',
};

// ---- requests ----

/** A corporation offers one of its dwellings to a case that searches one. */
export const makeOfferSchema = z.strictObject({
  caseVersion,
  dwellingId: z.uuid({ error: 'Kies een woning.' }),
});
export type MakeOffer = z.infer<typeof makeOfferSchema>;

export const offerAnswers = ['accepted', 'declined'] as const;
export const offerAnswerLabel: Record<(typeof offerAnswers)[number], string> = {
  accepted: 'De bewoner aanvaardt de woning',
  declined: 'De bewoner wijst de woning af',
};

/** The resident's answer, recorded by the case manager: accepted, or declined with a reason. */
export const answerOfferSchema = z
  .strictObject({
    caseVersion,
    offerVersion,
    answer: z.enum(offerAnswers, { error: 'Kies of de bewoner de woning aanvaardt of afwijst.' }),
    reason: safeText().trim().max(1000, { error: 'Hoogstens 1000 tekens.' }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.answer !== 'declined') return;
    const checked = placementReasonSchema.safeParse(value.reason ?? '');
    if (!checked.success)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: checked.error.issues[0]!.message });
  });
export type AnswerOffer = z.infer<typeof answerOfferSchema>;

/** The corporation takes its offer back, with a reason. */
export const withdrawOfferSchema = z.strictObject({
  caseVersion,
  offerVersion,
  reason: placementReasonSchema,
});
export type WithdrawOffer = z.infer<typeof withdrawOfferSchema>;

/** The destination municipality confirms the placement and records the support it arranges. */
export const confirmPlacementSchema = z.strictObject({
  caseVersion,
  offerVersion,
  supportArranged: safeText({ error: 'Beschrijf de ondersteuning die de gemeente regelt.' })
    .trim()
    .min(10, { error: 'Beschrijf de ondersteuning die de gemeente regelt (minstens 10 tekens).' })
    .max(2000, { error: 'Hoogstens 2000 tekens.' }),
  supportIntensity: supportIntensitySchema,
});
export type ConfirmPlacement = z.infer<typeof confirmPlacementSchema>;

/** The destination municipality refuses the placement: back to the table, with a reason. */
export const refusePlacementSchema = z.strictObject({
  caseVersion,
  offerVersion,
  reason: placementReasonSchema,
});
export type RefusePlacement = z.infer<typeof refusePlacementSchema>;

/** A phone number as people write them: digits, spaces, dashes, brackets, a leading +. */
const phoneSchema = (missing: string) =>
  safeText({ error: missing })
    .trim()
    .min(1, { error: missing })
    .regex(/^\+?[0-9][0-9 ()-]{5,28}$/, {
      error: 'Een telefoonnummer, bijvoorbeeld 0320 123 456 of +31 320 123 456.',
    });

/** Whom the corporation calls about the tenant: the provider's contact, and a number that answers day and night. */
export const providerContactSchema = z.strictObject({
  name: safeText({ error: 'Vul de naam van de contactpersoon in.' })
    .trim()
    .min(2, { error: 'Vul de naam van de contactpersoon in.' })
    .max(200, { error: 'Hoogstens 200 tekens.' }),
  phone: phoneSchema('Vul het telefoonnummer van de contactpersoon in.'),
  emergencyPhone: phoneSchema('Vul het nummer in dat dag en nacht bereikbaar is (24/7).'),
});
export type ProviderContact = z.infer<typeof providerContactSchema>;

/**
 * The provider organisation's own settings (issue 27.2), kept by its provider seat: the contact
 * the corporation sees at the move.
 */
export const providerSettingsSchema = z.strictObject({ providerContact: providerContactSchema });
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;
export const providerContactViewSchema = z.object({
  name: safeText(),
  phone: safeText(),
  emergencyPhone: safeText(),
});
export const providerSettingsViewSchema = z.object({
  organisationName: safeText(),
  providerContact: providerContactViewSchema.nullable(),
});
export type ProviderSettingsView = z.infer<typeof providerSettingsViewSchema>;

/**
 * The move: the key handover, the tenancy form (the dwelling's, unless changed), the three-party
 * agreement between tenant, corporation and provider (its conditions, and optionally the signed
 * document among the case's documents). The provider's contact comes from the provider's own
 * settings, not from this request (issue 27.2).
 */
export const moveInSchema = z.strictObject({
  caseVersion,
  offerVersion,
  keyHandoverDate: isoDateWith({
    error: (issue) =>
      issue.input === undefined || issue.input === ''
        ? 'Vul de datum van de sleuteloverdracht in.'
        : 'Geen geldige datum (jjjj-mm-dd).',
  }),
  tenancyForm: z.enum(tenancyForms, { error: 'Kies de huurvorm.' }).optional(),
  agreementConditions: safeText({
    error: 'Beschrijf de afspraken van de driepartijenovereenkomst.',
  })
    .trim()
    .min(10, {
      error: 'Beschrijf de afspraken van de driepartijenovereenkomst (minstens 10 tekens).',
    })
    .max(4000, { error: 'Hoogstens 4000 tekens.' }),
  agreementDocumentId: z.uuid({ error: 'Kies een document van deze casus.' }).optional(),
  /** The keys come before the dwelling's available-from date, and the actor confirmed that (issue 27.3). */
  confirmed: z.boolean().optional(),
});
export type MoveIn = z.infer<typeof moveInSchema>;

// ---- views ----

/** The neighbourhood's load beside an offer: moves in the last twelve months, against the region's threshold. */
export const neighbourhoodLoadLevels = ['below', 'reachesThreshold', 'atOrOverThreshold'] as const;
export type NeighbourhoodLoadLevel = (typeof neighbourhoodLoadLevels)[number];
export const neighbourhoodLoadSchema = z.object({
  municipalityCode: safeText(),
  neighbourhood: safeText(),
  /** Moves into the neighbourhood in the last twelve months, this offer's own not counted. */
  placements: z.int(),
  threshold: z.int(),
  level: z.enum(neighbourhoodLoadLevels),
  /** The warning or note in Dutch; null when the neighbourhood is well below the threshold. */
  message: safeText().nullable(),
});
export type NeighbourhoodLoad = z.infer<typeof neighbourhoodLoadSchema>;

/** The dwelling as an offer shows it. The street address only for the three who may know it (domain.md §3.5). */
export const offeredDwellingSchema = z.object({
  municipalityCode: safeText(),
  neighbourhood: safeText(),
  kind: z.enum(dwellingKinds),
  rooms: z.int(),
  rent: z.number(),
  floor: z.int(),
  hasLift: z.boolean(),
  isWheelchairAccessible: z.boolean(),
  availableFrom: safeText(),
  tenancyForm: z.enum(tenancyForms),
  conversionDate: safeText().nullable(),
  conversionConditions: safeText().nullable(),
  address: z
    .object({ street: safeText(), houseNumber: safeText(), postcode: safeText() })
    .optional(),
});
export type OfferedDwelling = z.infer<typeof offeredDwellingSchema>;

export const offerViewSchema = z.object({
  id: z.uuid(),
  version: z.int(),
  status: offerStatusSchema,
  corporation: z.object({ id: z.uuid(), name: safeText() }),
  /** The reader's own organisation made the offer. */
  isOwnOffer: z.boolean(),
  dwelling: offeredDwellingSchema,
  offeredAt: safeText(),
  /** The day the resident's answer is due (the region's number of days after the offer). */
  answerDueOn: safeText(),
  /** Open and past its due day: flagged to the case manager and the corporation. */
  isAnswerOverdue: z.boolean(),
  /** Days from "uitstroomgereed" to this offer. */
  waitedDays: z.int().nullable(),
  answeredAt: safeText().nullable(),
  declineReason: safeText().optional(),
  withdrawnAt: safeText().nullable(),
  withdrawalReason: safeText().optional(),
  /** When the destination municipality confirmed or refused. */
  decidedAt: safeText().nullable(),
  supportArranged: safeText().optional(),
  supportIntensity: supportIntensitySchema.optional(),
  refusalReason: safeText().optional(),
  completedAt: safeText().nullable(),
  neighbourhoodLoad: neighbourhoodLoadSchema.optional(),
});
export type OfferView = z.infer<typeof offerViewSchema>;

export const moveInViewSchema = z.object({
  keyHandoverDate: safeText(),
  tenancyForm: z.enum(tenancyForms),
  agreementConditions: safeText(),
  agreementDocumentId: z.uuid().nullable(),
  providerContact: z.object({ name: safeText(), phone: safeText(), emergencyPhone: safeText() }),
  /** Days from "uitstroomgereed" to the first offer and to the keys (the indicators of domain.md §6). */
  waitedDaysToOffer: z.int().nullable(),
  waitedDaysToKeys: z.int().nullable(),
  recordedAt: safeText(),
  recordedBy: safeText(),
});
export type MoveInView = z.infer<typeof moveInViewSchema>;

/** Everything about a case's dwelling, as the reader's seat may see it. */
export const placementViewSchema = z.object({
  caseId: z.uuid(),
  caseVersion: z.int(),
  state: caseStateSchema,
  /** The offer that holds the case now (open or accepted), or the one the resident moved into. */
  current: offerViewSchema.nullable(),
  /** Earlier offers that ended, newest first (a corporation sees only its own). */
  history: z.array(offerViewSchema),
  moveIn: moveInViewSchema.nullable(),
  /** The follow-up provider the table chose (the third party of the agreement), if any. */
  followUpProvider: safeText().nullable(),
  /** Whom the corporation calls at the follow-up provider, from the provider's own settings (null: not set yet). */
  followUpProviderContact: providerContactViewSchema.nullable(),
  /** The steps this reader may take now (the server checks each again when it is taken). */
  can: z.object({
    offer: z.boolean(),
    answer: z.boolean(),
    withdraw: z.boolean(),
    confirm: z.boolean(),
    refuse: z.boolean(),
    moveIn: z.boolean(),
  }),
});
export type PlacementView = z.infer<typeof placementViewSchema>;

/** An offer as the corporation sees it on its dwelling's page. */
export const dwellingOfferSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  pseudonym: safeText(),
  status: offerStatusSchema,
  offeredAt: safeText(),
  answerDueOn: safeText(),
  isAnswerOverdue: z.boolean(),
  /** The case is still in the corporation's reach (a link to it works). */
  isCaseReachable: z.boolean(),
});
export type DwellingOffer = z.infer<typeof dwellingOfferSchema>;

export const neighbourhoodLoadQuerySchema = z.strictObject({
  municipality: municipalityCodeSchema,
});
export const neighbourhoodLoadListSchema = z.object({
  municipalityCode: safeText(),
  threshold: z.int(),
  /** From this day on (inclusive) moves count: the last twelve months. */
  since: safeText(),
  items: z.array(neighbourhoodLoadSchema),
});
export type NeighbourhoodLoadList = z.infer<typeof neighbourhoodLoadListSchema>;

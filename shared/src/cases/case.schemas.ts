import { z } from 'zod';
import { addMonths, dutchToday } from '../calendar/calendar';
import { isoDate, safeText } from '../primitives';
import '../validation';
import {
  addressKinds,
  exceptionSchema,
  municipalityCodeSchema,
  proposalSchema,
} from '../origin-rule/origin-rule.schemas';
import { targetGroupSchema } from '../regions/rule-set.schemas';
import { seatSchema } from '../auth/seats';
import { neighbourhoodWishKey } from '../regions/neighbourhoods';

/**
 * The case file (casus). It is kept in sections: each section is one field of the case view, and
 * the projection (which seat reads and writes what) works per section. During intake a section may
 * be incomplete (the form saves as the manager types); the step to "uitstroomgereed" checks that
 * what the table needs is there (case-readiness rules).
 */

const text = (max: number) =>
  safeText()
    .trim()
    .max(max, { error: `Hoogstens ${max} tekens.` });

// ---- states and outcomes (domain.md §4) ----
export const caseStates = [
  'intake',
  'ready',
  'scheduled',
  'decided',
  'searching',
  'offered',
  'confirmed',
  'moved',
  'aftercare',
  'closed',
] as const;
export const caseStateSchema = z.enum(caseStates);
export type CaseState = z.infer<typeof caseStateSchema>;
export const caseStateLabel: Record<CaseState, string> = {
  intake: 'Aangemeld',
  ready: 'Uitstroomgereed',
  scheduled: 'Geagendeerd',
  decided: 'Besloten',
  searching: 'Woning zoeken',
  offered: 'Woning aangeboden',
  confirmed: 'Plaatsing bevestigd',
  moved: 'Verhuisd',
  aftercare: 'Nazorg',
  closed: 'Afgesloten',
};

export const caseOutcomes = [
  'independentLiving',
  'housingFirst',
  'intermediateFacility',
  'wlz',
  'backToProtectedHousing',
  'droppedOut',
  'withdrawn',
  'referredToOriginRegion',
] as const;
export const caseOutcomeSchema = z.enum(caseOutcomes);
export type CaseOutcome = z.infer<typeof caseOutcomeSchema>;
export const caseOutcomeLabel: Record<CaseOutcome, string> = {
  independentLiving: 'Zelfstandig wonen',
  housingFirst: 'Housing First',
  intermediateFacility: 'Tussenvoorziening',
  wlz: 'Wlz',
  backToProtectedHousing: 'Terug naar beschermd wonen',
  droppedOut: 'Uitgevallen',
  withdrawn: 'Teruggetrokken',
  referredToOriginRegion: 'Verwezen naar herkomstregio',
};

// ---- BSN: nine digits passing the 11-test (elfproef) ----
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  const digits = [...bsn].map(Number);
  const sum =
    digits.slice(0, 8).reduce((total, digit, i) => total + digit * (9 - i), 0) - digits[8]!;
  return sum % 11 === 0 && bsn !== '000000000';
}
export const bsnSchema = safeText()
  .trim()
  .refine(isValidBsn, { error: 'Geen geldig BSN: negen cijfers die de elfproef doorstaan.' });

/**
 * A birth date a person can have: not after today's Dutch date, and not more than 120 years back
 * (a typo such as 2031 or 1026 is refused at its field, domain.md §4). Only what is written is
 * checked: a stored date is shown as it is.
 */
export const plausibleBirthDate = isoDate
  .refine((date) => date <= dutchToday(), { error: 'De geboortedatum ligt in de toekomst.' })
  .refine((date) => date >= addMonths(dutchToday(), -120 * 12), {
    error: 'De geboortedatum ligt meer dan 120 jaar terug.',
  });

// ---- the sections ----
export const identitySchema = z.strictObject({
  firstName: text(100).min(1, { error: 'Vul de voornaam in.' }),
  lastName: text(100).min(1, { error: 'Vul de achternaam in.' }),
  birthDate: plausibleBirthDate.optional(),
  bsn: bsnSchema.optional(),
});
export type Identity = z.infer<typeof identitySchema>;

export const contactSchema = z.strictObject({
  phone: text(30)
    .regex(/^[+0-9 ()-]*$/, { error: 'Alleen cijfers, spaties, +, - en haakjes.' })
    .optional(),
  email: z.email({ error: 'Geen geldig e-mailadres.' }).max(254).optional(),
  note: text(500).optional(),
});
export type Contact = z.infer<typeof contactSchema>;

export const householdSchema = z.strictObject({
  adults: z
    .int({ error: 'Een geheel getal.' })
    .min(1, { error: 'Minstens 1 volwassene.' })
    .max(10)
    .optional(),
  children: z.int({ error: 'Een geheel getal.' }).min(0).max(15).optional(),
  description: text(1000).optional(),
});
export type Household = z.infer<typeof householdSchema>;

export const staySchema = z.strictObject({
  targetGroup: targetGroupSchema,
  facility: text(200).optional(),
  admissionDate: isoDate.optional(),
});
export type Stay = z.infer<typeof staySchema>;

export const addressSources = ['brp', 'resident', 'providerFile'] as const;
export const addressSourceLabel: Record<(typeof addressSources)[number], string> = {
  brp: 'BRP-uittreksel',
  resident: 'Verklaring bewoner',
  providerFile: 'Dossier aanbieder',
};
export const caseAddressSchema = z
  .strictObject({
    municipality: municipalityCodeSchema,
    kind: z.enum(addressKinds, { error: 'Kies woonadres, instelling of briefadres.' }),
    from: isoDate,
    to: isoDate.optional(),
    source: z.enum(addressSources, { error: 'Kies de bron: BRP, bewoner of dossier.' }),
    /** Street and number: shown only where the projection allows (never for vrouwenopvang beyond the case manager). */
    street: text(200).optional(),
  })
  .refine((a) => !a.to || a.to >= a.from, {
    path: ['to'],
    error: 'De einddatum ligt vóór de begindatum.',
  });
export type CaseAddress = z.infer<typeof caseAddressSchema>;
export const addressesSchema = z
  .array(caseAddressSchema)
  .max(50, { error: 'Hoogstens 50 adressen.' });

export const dwellingTypes = [
  'studio',
  'apartment',
  'groundFloorHome',
  'house',
  'room',
  'any',
] as const;
export const dwellingTypeLabel: Record<(typeof dwellingTypes)[number], string> = {
  studio: 'Studio',
  apartment: 'Appartement',
  groundFloorHome: 'Benedenwoning',
  house: 'Eengezinswoning',
  room: 'Kamer',
  any: 'Geen voorkeur',
};
export const wishesSchema = z.strictObject({
  /** In order of preference; the first is the wish the rule engine weighs. */
  municipalities: z
    .array(municipalityCodeSchema)
    .max(5, { error: 'Hoogstens 5 gemeenten.' })
    .optional(),
  /**
   * What was said about wijken in free text before they became lists (issue 26), or a remark
   * beside the lists: kept with the wishes, which a corporation does not read.
   */
  neighbourhoodNote: text(300).optional(),
  dwellingType: z.enum(dwellingTypes, { error: 'Kies een woningtype.' }).optional(),
  /** The resident's own words, always shown beside the proposal. */
  ownWords: text(2000).optional(),
});
export type Wishes = z.infer<typeof wishesSchema>;

const neighbourhoodName = text(100).min(1, { error: 'Kies een wijk.' });
const neighbourhoodList = z
  .array(neighbourhoodName)
  .max(30, { error: 'Hoogstens 30 wijken.' })
  .refine((names) => new Set(names.map(neighbourhoodWishKey)).size === names.length, {
    error: 'Elke wijk één keer.',
  });

export const housingNeedsSchema = z
  .strictObject({
    rooms: z.int({ error: 'Een geheel getal.' }).min(0).max(8).optional(),
    groundFloorOrLift: z.boolean().optional(),
    /** A wheelchair user needs a wheelchair-accessible dwelling (the fit of dwellings reads it). */
    usesWheelchair: z.boolean().optional(),
    accessibility: text(500).optional(),
    pets: text(200).optional(),
    /** Highest monthly rent the resident can pay, in euros. */
    maxRent: z.number({ error: 'Een bedrag in euro’s.' }).min(0).max(5000).optional(),
    /** From when the resident wishes to move (a dwelling that comes free later fits less). */
    wishedMoveDate: isoDate.optional(),
    /**
     * The wijken the resident wishes for and those to avoid: names from the region's list, part of
     * the housing profile (the corporation reads them, the dwelling fit weighs them).
     */
    wishedNeighbourhoods: neighbourhoodList.optional(),
    avoidedNeighbourhoods: neighbourhoodList.optional(),
  })
  .superRefine((needs, ctx) => {
    const avoided = new Set((needs.avoidedNeighbourhoods ?? []).map(neighbourhoodWishKey));
    (needs.wishedNeighbourhoods ?? []).forEach((name, index) => {
      if (avoided.has(neighbourhoodWishKey(name)))
        ctx.addIssue({
          code: 'custom',
          path: ['wishedNeighbourhoods', index],
          message: `${name} staat ook bij de wijken om te vermijden.`,
        });
    });
  });
export type HousingNeeds = z.infer<typeof housingNeedsSchema>;

/** The four life domains of the AEF report. */
export const lifeDomains = [
  'incomeAndDebts',
  'housing',
  'supportAndCare',
  'participation',
] as const;
export type LifeDomain = (typeof lifeDomains)[number];
export const lifeDomainLabel: Record<LifeDomain, string> = {
  incomeAndDebts: 'Inkomen en schulden',
  housing: 'Wonen',
  supportAndCare: 'Ondersteuning en zorg',
  participation: 'Participatie',
};
export const supportNeedsSchema = z.strictObject(
  Object.fromEntries(lifeDomains.map((d) => [d, text(2000).optional()])) as Record<
    LifeDomain,
    z.ZodOptional<ReturnType<typeof text>>
  >,
);
export type SupportNeeds = z.infer<typeof supportNeedsSchema>;

export const sensitiveSchema = z.strictObject({
  diagnoses: text(2000).optional(),
  addiction: text(2000).optional(),
  risks: text(2000).optional(),
  /** Safety and domestic-violence notes: the most restricted field of the file. */
  safety: text(2000).optional(),
});
export type Sensitive = z.infer<typeof sensitiveSchema>;

export const exceptionsSchema = z.array(exceptionSchema).max(3);
export const excludedSchema = z.array(municipalityCodeSchema).max(50);

/** Every section a write may change; each replaces the section whole. */
export const caseSectionsSchema = z.strictObject({
  identity: identitySchema,
  contact: contactSchema,
  household: householdSchema,
  stay: staySchema,
  addresses: addressesSchema,
  /** The origin could not be traced (a roaming life): exception C follows. */
  isOriginUntraceable: z.boolean(),
  wishes: wishesSchema,
  housingNeeds: housingNeedsSchema,
  supportNeeds: supportNeedsSchema,
  sensitive: sensitiveSchema,
  exceptions: exceptionsSchema,
  excluded: excludedSchema,
});
export type CaseSections = z.infer<typeof caseSectionsSchema>;
export type CaseSectionName = keyof CaseSections;
export const caseSectionNames = Object.keys(caseSectionsSchema.shape) as CaseSectionName[];

// ---- requests ----
export const createCaseSchema = z.strictObject({
  identity: identitySchema,
  stay: staySchema,
});
export type CreateCase = z.infer<typeof createCaseSchema>;

export const caseVersionSchema = z.int({ error: 'De versie is een geheel getal.' }).positive();

export const updateCaseSchema = z.strictObject({
  version: caseVersionSchema,
  changes: caseSectionsSchema
    .partial()
    .refine((c) => Object.keys(c).length > 0, { error: 'Er is niets om op te slaan.' }),
});
export type UpdateCase = z.infer<typeof updateCaseSchema>;

export const caseIdParamsSchema = z.strictObject({ caseId: z.uuid({ error: 'Onbekende casus.' }) });

export const handoverSchema = z.strictObject({
  version: caseVersionSchema,
  toUserId: z.uuid({ error: 'Kies een collega.' }),
});

// ---- the view: what leaves the server, per seat a subset of these fields ----
export const waitingUntilSchema = z.enum(['keys', 'closing', 'today']);

export const caseViewSchema = z.object({
  id: z.uuid(),
  pseudonym: safeText(),
  version: z.int(),
  state: caseStateSchema,
  owner: z.object({
    userId: z.uuid(),
    displayName: safeText(),
    organisationId: z.uuid(),
    organisationName: safeText(),
  }),
  identity: identitySchema.extend({ birthDate: isoDate.optional() }).partial(),
  contact: contactSchema,
  household: householdSchema,
  stay: staySchema.partial(),
  addresses: z.array(caseAddressSchema),
  isOriginUntraceable: z.boolean(),
  /** The origin municipality the addresses give (code), or null. */
  origin: safeText().nullable(),
  wishes: wishesSchema,
  housingNeeds: housingNeedsSchema,
  supportNeeds: supportNeedsSchema,
  sensitive: sensitiveSchema,
  exceptions: z.array(exceptionSchema),
  excluded: z.array(safeText()),
  /** The engine's proposal for the file as it stands, with the rule-set version it used. */
  proposal: z.object({ ruleSetVersion: z.int(), result: proposalSchema }).nullable(),
  /** What is still missing before the case can be marked ready. */
  missingForReady: z.array(z.object({ path: safeText(), message: safeText() })),
  readyAt: safeText().nullable(),
  /** Dutch calendar days from uitstroomgereed to the keys, to a closing before the keys, or to today (domain.md §6). */
  waitingDays: z.int().nullable(),
  /** Where the waiting clock stands: stopped at the keys, stopped at a closing, or running until today. */
  waitingUntil: waitingUntilSchema.nullable(),
  isStalled: z.boolean(),
  outcome: caseOutcomeSchema.nullable(),
  closedAt: safeText().nullable(),
  createdAt: safeText(),
  updatedAt: safeText(),
  lastActivityAt: safeText(),
  /** The transitions this seat may take now. */
  allowedTransitions: z.array(safeText()),
  /**
   * The last step as this reader may correct it now (herstel, domain.md §4), or null: read with
   * one case, absent from lists.
   */
  correction: z
    .object({ transition: safeText(), label: safeText(), needsReason: z.boolean() })
    .nullable()
    .optional(),
  /** Consents that expire within 30 days (for the case manager). */
  consentWarnings: z.array(z.object({ organisationName: safeText(), expiresOn: safeText() })),
});
export type CaseView = z.infer<typeof caseViewSchema>;
export type CaseViewField = keyof CaseView;

/** What the case list is filtered and sorted by: the list's page and the export of all it finds alike. */
export const caseListFilterSchema = z.strictObject({
  state: caseStateSchema.optional(),
  municipality: municipalityCodeSchema.optional(),
  targetGroup: targetGroupSchema.optional(),
  minWaitingDays: z.coerce.number().int().min(0).max(3650).optional(),
  q: safeText().trim().max(100).optional(),
  isStalled: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(['name', 'waitingDays', 'updatedAt', 'state']).default('updatedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
});
export type CaseListFilter = z.infer<typeof caseListFilterSchema>;

export const caseListQuerySchema = caseListFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(10000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;

export const caseListItemSchema = z.object({
  id: z.uuid(),
  pseudonym: safeText(),
  /** Absent where the seat may not see the name (or the resident gave no consent). */
  name: safeText().optional(),
  state: caseStateSchema,
  targetGroup: targetGroupSchema.optional(),
  origin: safeText().nullable(),
  destination: safeText().nullable(),
  ownerName: safeText(),
  waitingDays: z.int().nullable(),
  waitingUntil: waitingUntilSchema.nullable(),
  isStalled: z.boolean(),
  updatedAt: safeText(),
});
export type CaseListItem = z.infer<typeof caseListItemSchema>;
export const caseListSchema = z.object({
  items: z.array(caseListItemSchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type CaseList = z.infer<typeof caseListSchema>;

export const colleagueSchema = z.object({
  userId: z.uuid(),
  displayName: safeText(),
  seat: seatSchema,
});

/**
 * Transitions that need no more than a reason or an outcome go through one endpoint; the others
 * (a table's decision, an offer, a placement) come with their own request in their own module.
 */
export const simpleTransitions = ['markReady', 'withdraw'] as const;
export const caseTransitionRequestSchema = z.discriminatedUnion(
  'transition',
  [
    z.strictObject({ transition: z.literal('markReady'), version: caseVersionSchema }),
    z.strictObject({
      transition: z.literal('withdraw'),
      version: caseVersionSchema,
      outcome: z.enum(['withdrawn', 'droppedOut'], {
        error: 'Kies teruggetrokken of uitgevallen.',
      }),
      reason: safeText()
        .trim()
        .min(10, { error: 'Geef een reden van minstens 10 tekens.' })
        .max(2000),
    }),
  ],
  { error: 'Onbekende stap.' },
);
export type CaseTransitionRequest = z.infer<typeof caseTransitionRequestSchema>;

/** Herstel of the case's last step (domain.md §4): the chair gives a reason, the one who took it that day need not. */
export const correctStepSchema = z.strictObject({
  version: caseVersionSchema,
  reason: safeText()
    .trim()
    .min(10, { error: 'Geef een reden van minstens 10 tekens.' })
    .max(1000, { error: 'Hoogstens 1000 tekens.' })
    .optional(),
});
export type CorrectStep = z.infer<typeof correctStepSchema>;

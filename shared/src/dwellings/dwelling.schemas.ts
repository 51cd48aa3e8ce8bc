import { z } from 'zod';
import { isoDate, safeText } from '../primitives';
import '../validation';
import { municipalityCodeSchema } from '../origin-rule/origin-rule.schemas';
import {
  caseStateSchema,
  householdSchema,
  housingNeedsSchema,
  type dwellingTypes,
} from '../cases/case.schemas';

/**
 * A dwelling (woning) a corporation brings to the table (domain.md §4): where it is, what it is,
 * what it costs, how accessible it is, from when, and under which tenancy form. One schema for the
 * form, the API and every row of a CSV import, so the three can never judge a dwelling differently.
 */

const text = (max: number) =>
  safeText()
    .trim()
    .max(max, { error: `Hoogstens ${max} tekens.` });

/** The kinds of dwelling; the same words as the resident's wish (without “geen voorkeur”). */
export const dwellingKinds = [
  'studio',
  'apartment',
  'groundFloorHome',
  'house',
  'room',
] as const satisfies readonly Exclude<(typeof dwellingTypes)[number], 'any'>[];
export type DwellingKind = (typeof dwellingKinds)[number];
export const dwellingKindLabel: Record<DwellingKind, string> = {
  studio: 'Studio',
  apartment: 'Appartement',
  groundFloorHome: 'Benedenwoning',
  house: 'Eengezinswoning',
  room: 'Kamer',
};

/** The tenancy forms of the domain; all but the regular one can convert to the resident's own name later. */
export const tenancyForms = [
  'regular',
  'viaProvider',
  'viaMunicipality',
  'housingFirst',
  'temporary',
  'clustered',
  'unconventional',
] as const;
export type TenancyForm = (typeof tenancyForms)[number];
export const tenancyFormLabel: Record<TenancyForm, string> = {
  regular: 'Regulier (op naam van de bewoner)',
  viaProvider: 'Via de zorgaanbieder',
  viaMunicipality: 'Via de gemeente',
  housingFirst: 'Housing First',
  temporary: 'Tijdelijk',
  clustered: 'Geclusterd',
  unconventional: 'Onconventioneel',
};

export const dwellingStatuses = ['available', 'withdrawn'] as const;
/**
 * Whether an available dwelling is still free, held by an offer (open or accepted), or let to a
 * resident who moved in: the offers decide it, the dwelling's own status is only the corporation's
 * availability.
 */
export const dwellingOccupancies = ['free', 'offered', 'let'] as const;
export type DwellingOccupancy = (typeof dwellingOccupancies)[number];
export type DwellingStatus = (typeof dwellingStatuses)[number];
/**
 * The corporation's own status, not whether the dwelling is free: a let dwelling is still "niet
 * ingetrokken" (its occupancy, free, offered or let, says the rest).
 */
export const dwellingStatusLabel: Record<DwellingStatus, string> = {
  available: 'Niet ingetrokken',
  withdrawn: 'Ingetrokken',
};

/** `1234ab`, `1234 AB` → `1234 AB`: one spelling, so that a duplicate address is found whatever was typed. */
export const postcodeSchema = safeText()
  .trim()
  .regex(/^[1-9]\d{3} ?[a-zA-Z]{2}$/, {
    error: 'Een postcode is vier cijfers en twee letters, bijvoorbeeld 1315 AB.',
  })
  .transform((value) => `${value.slice(0, 4)} ${value.slice(-2).toUpperCase()}`);

export const houseNumberSchema = safeText()
  .trim()
  .regex(/^[1-9]\d{0,4}(?:[ -]?[a-zA-Z0-9]{1,6})?$/, {
    error: 'Een huisnummer, eventueel met toevoeging: 12, 12A of 12-2.',
  });

export const rentSchema = z
  .number({ error: 'Een bedrag in euro’s.' })
  .min(0, { error: 'De huur kan niet negatief zijn.' })
  .max(5000, { error: 'Hoogstens € 5.000 per maand.' })
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
    error: 'Hoogstens twee cijfers achter de komma.',
  });

/** The fields of a dwelling, without the rules between them (the API's view reuses them). */
export const dwellingFieldsSchema = z.strictObject({
  street: text(200).min(1, { error: 'Vul de straat in.' }),
  houseNumber: houseNumberSchema,
  postcode: postcodeSchema,
  municipalityCode: municipalityCodeSchema,
  /** The neighbourhood (wijk): placements per wijk are watched for load. */
  neighbourhood: text(100).min(1, { error: 'Vul de wijk in.' }),
  kind: z.enum(dwellingKinds, { error: 'Kies het type woning.' }),
  /** Living room and bedrooms together; 0 for a studio (as the case's housing needs count them). */
  rooms: z
    .int({ error: 'Een geheel getal.' })
    .min(0, { error: 'Niet minder dan 0 kamers.' })
    .max(10, { error: 'Hoogstens 10 kamers.' }),
  /** Monthly rent in euros, service costs included. */
  rent: rentSchema,
  /** 0 is the ground floor; -1 a basement or souterrain. */
  floor: z
    .int({ error: 'Een geheel getal.' })
    .min(-1, { error: 'Niet lager dan -1 (souterrain).' })
    .max(60, { error: 'Hoogstens de 60e verdieping.' }),
  hasLift: z.boolean({ error: 'Kies ja of nee.' }),
  isWheelchairAccessible: z.boolean({ error: 'Kies ja of nee.' }),
  accessibilityNotes: text(500).optional(),
  availableFrom: isoDate,
  tenancyForm: z.enum(tenancyForms, { error: 'Kies de huurvorm.' }),
  /** When the tenancy is to pass to the resident's own name (omklappen), and on which conditions. */
  conversionDate: isoDate.optional(),
  conversionConditions: text(1000).optional(),
});

/**
 * Rooms as every page counts them: living room and bedrooms together, so a studio (one space with
 * its own kitchen and bathroom) has 0, as the intake asks it; a room (kamer) in a shared home is
 * 1 (domain.md §4: rooms mean the same in the intake, the dwelling and the fit). A page says
 * `geen aparte kamers` for a studio, `1 kamer`, `3 kamers`.
 */
export function roomsLabel(rooms: number): string {
  return rooms === 0 ? 'geen aparte kamers' : rooms === 1 ? '1 kamer' : `${rooms} kamers`;
}

function checkDwelling(value: z.output<typeof dwellingFieldsSchema>, ctx: z.RefinementCtx): void {
  if (value.kind === 'studio' && value.rooms !== 0)
    ctx.addIssue({
      code: 'custom',
      path: ['rooms'],
      message: 'Een studio is één ruimte: vul 0 kamers in (woonkamer en slaapkamers samen).',
    });
  const hasConversion =
    value.conversionDate !== undefined || (value.conversionConditions ?? '') !== '';
  if (value.tenancyForm === 'regular' && hasConversion) {
    ctx.addIssue({
      code: 'custom',
      path: [value.conversionDate !== undefined ? 'conversionDate' : 'conversionConditions'],
      message: 'Een reguliere huur staat al op naam van de bewoner: er valt niets om te zetten.',
    });
  }
  if (value.conversionDate !== undefined && value.conversionDate < value.availableFrom) {
    ctx.addIssue({
      code: 'custom',
      path: ['conversionDate'],
      message: 'De omzetting naar eigen naam ligt vóór de datum waarop de woning vrijkomt.',
    });
  }
}

/** A dwelling as a corporation registers or edits it: the form, the API and each CSV row. */
export const dwellingInputSchema = dwellingFieldsSchema.superRefine(checkDwelling);
export type DwellingInput = z.infer<typeof dwellingInputSchema>;
export type DwellingField = keyof DwellingInput;

export const dwellingVersionSchema = z.int({ error: 'De versie is een geheel getal.' }).positive();

export const updateDwellingSchema = z.strictObject({
  version: dwellingVersionSchema,
  dwelling: dwellingInputSchema,
});
export type UpdateDwelling = z.infer<typeof updateDwellingSchema>;

export const withdrawDwellingSchema = z.strictObject({
  version: dwellingVersionSchema,
  reason: safeText()
    .trim()
    .min(10, { error: 'Geef een reden van minstens 10 tekens.' })
    .max(1000, { error: 'Hoogstens 1000 tekens.' }),
});
export type WithdrawDwelling = z.infer<typeof withdrawDwellingSchema>;

export const dwellingIdParamsSchema = z.strictObject({
  dwellingId: z.uuid({ error: 'Onbekende woning.' }),
});

export const dwellingListQuerySchema = z.strictObject({
  status: z
    .enum([...dwellingStatuses, 'all'], { error: 'Kies beschikbaar, ingetrokken of alle.' })
    .default('available'),
  municipality: municipalityCodeSchema.optional(),
  /** Street, postcode or neighbourhood. */
  q: safeText().trim().max(100).optional(),
});
export type DwellingListQuery = z.infer<typeof dwellingListQuerySchema>;

export const dwellingSchema = z.object({
  ...dwellingFieldsSchema.shape,
  id: z.uuid(),
  version: z.int(),
  status: z.enum(dwellingStatuses),
  occupancy: z.enum(dwellingOccupancies),
  organisationId: z.uuid(),
  organisationName: safeText(),
  withdrawnAt: safeText().nullable(),
  withdrawalReason: safeText().nullable(),
  createdAt: safeText(),
  updatedAt: safeText(),
});
export type Dwelling = z.infer<typeof dwellingSchema>;

/** What a page calls the dwelling's state: withdrawn first, then let, offered, or available. */
export function dwellingStateLabel(d: Pick<Dwelling, 'status' | 'occupancy'>): string {
  if (d.status === 'withdrawn') return dwellingStatusLabel.withdrawn;
  return { free: dwellingStatusLabel.available, offered: 'Aangeboden', let: 'Verhuurd' }[
    d.occupancy
  ];
}

/** Only a free, available dwelling is proposed to cases ("Passende casussen"). */
export function isDwellingFree(d: Pick<Dwelling, 'status' | 'occupancy'>): boolean {
  return d.status === 'available' && d.occupancy === 'free';
}

// ---- CSV import ----

export const maxDwellingImportBytes = 2 * 1024 * 1024;
export const maxDwellingImportRows = 5000;
// Not text/plain: a form on a page elsewhere can send that type (enctype="text/plain") without the
// browser asking first; text/csv it cannot. The client always sends text/csv, whatever the file says.
export const dwellingImportContentTypes = [
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
] as const;

/** One problem of an import: the row as a spreadsheet numbers it (the header is row 1), the column, what is wrong. */
export const dwellingImportIssueSchema = z.object({
  row: z.int(),
  column: safeText(),
  message: safeText(),
});
export type DwellingImportIssue = z.infer<typeof dwellingImportIssueSchema>;

/** The `details` of a refused import: every problem found (up to a limit) and how many there were. */
export const dwellingImportReportSchema = z.object({
  rowCount: z.int(),
  problemCount: z.int(),
  problems: z.array(dwellingImportIssueSchema),
  missingColumns: z.array(safeText()),
  unknownColumns: z.array(safeText()),
});
export type DwellingImportReport = z.infer<typeof dwellingImportReportSchema>;

export const dwellingImportResultSchema = z.object({
  imported: z.int(),
  encoding: z.enum(['utf-8', 'windows-1252']),
  delimiter: z.enum([';', ',']),
});
export type DwellingImportResult = z.infer<typeof dwellingImportResultSchema>;

// ---- fit: dwellings for a case, cases for a dwelling ----

export const fitCriteria = [
  'destination',
  'neighbourhood',
  'rooms',
  'accessibility',
  'rent',
  'availability',
] as const;
export type FitCriterion = (typeof fitCriteria)[number];
export const fitCriterionLabel: Record<FitCriterion, string> = {
  destination: 'Gemeente',
  neighbourhood: 'Wijk',
  rooms: 'Kamers',
  accessibility: 'Toegankelijkheid',
  rent: 'Huur',
  availability: 'Beschikbaar',
};
export const fitVerdicts = ['fits', 'doesNotFit', 'unknown'] as const;
export type FitVerdict = (typeof fitVerdicts)[number];
export const fitVerdictLabel: Record<FitVerdict, string> = {
  fits: 'Past',
  doesNotFit: 'Past niet',
  unknown: 'Onbekend',
};

export const fitReasonSchema = z.object({
  criterion: z.enum(fitCriteria),
  verdict: z.enum(fitVerdicts),
  text: safeText(),
});
export type FitReason = z.infer<typeof fitReasonSchema>;
export const fitResultSchema = z.object({
  /** 0–100: the share of the weighed criteria that fit (unknown counts half). */
  score: z.int(),
  /** In the destination municipality and no criterion that does not fit. */
  isFit: z.boolean(),
  reasons: z.array(fitReasonSchema),
});
export type FitResult = z.infer<typeof fitResultSchema>;

export const caseDwellingFitsSchema = z.object({
  caseId: z.uuid(),
  destination: safeText().nullable(),
  items: z.array(z.object({ dwelling: dwellingSchema, fit: fitResultSchema })),
});
export type CaseDwellingFits = z.infer<typeof caseDwellingFitsSchema>;

/** A case as a corporation sees it beside a dwelling: its housing profile only (the projection decides which of these are there). */
export const fitCaseSchema = z.object({
  id: z.uuid(),
  pseudonym: safeText(),
  state: caseStateSchema,
  destination: safeText().nullable(),
  waitingDays: z.int().nullable().optional(),
  household: householdSchema.optional(),
  housingNeeds: housingNeedsSchema.optional(),
});
export type FitCase = z.infer<typeof fitCaseSchema>;
export const dwellingCaseFitsSchema = z.object({
  dwellingId: z.uuid(),
  items: z.array(z.object({ case: fitCaseSchema, fit: fitResultSchema })),
});
export type DwellingCaseFits = z.infer<typeof dwellingCaseFitsSchema>;

import { z } from 'zod';
// Installs the Dutch error map, so that generic messages of these schemas are Dutch too.
import '../validation';

/**
 * The input and output of the Weer Thuis rule engine, as fixed by `rule-engine-contract.md`.
 * Every object is strict: a field the contract does not name makes the input invalid.
 */

const requiredMessage = 'Dit veld is verplicht.';

const municipalityCodePattern = /^GM\d{4}$/;

function municipalityCode(missingMessage: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? missingMessage : 'Verwacht een CBS-gemeentecode als tekst.') })
    .regex(municipalityCodePattern, { error: 'Geen geldige CBS-gemeentecode (GM gevolgd door vier cijfers).' });
}

/** A CBS municipality code: `GM` and four digits. */
export const municipalityCodeSchema = municipalityCode(requiredMessage);

const isoDateSchema = z.iso.date();

export const regionMunicipalitySchema = z.strictObject({
  code: municipalityCodeSchema,
  name: z.string().regex(/\S/, { error: 'Een naam is verplicht.' }),
  population: z.int({
    error: (issue) => (issue.input === undefined ? requiredMessage : 'Het inwoneraantal is een positief geheel getal.'),
  }).positive({ error: 'Het inwoneraantal is een positief geheel getal.' }),
});
export type RegionMunicipality = z.infer<typeof regionMunicipalitySchema>;

export const regionSchema = z.strictObject({
  municipalities: z.array(regionMunicipalitySchema),
});
export type Region = z.infer<typeof regionSchema>;

export const addressKinds = ['woonadres', 'instelling', 'briefadres'] as const;
export type AddressKind = (typeof addressKinds)[number];

export const addressSchema = z.strictObject({
  municipality: municipalityCodeSchema,
  kind: z.enum(addressKinds, {
    error: (issue) => (issue.input === undefined ? requiredMessage : 'Kies woonadres, instelling of briefadres.'),
  }),
  from: isoDateSchema,
  to: isoDateSchema.optional(),
});
export type Address = z.infer<typeof addressSchema>;

export const residentSchema = z.strictObject({
  admissionDate: isoDateSchema,
  addresses: z.array(addressSchema),
  wish: municipalityCodeSchema.optional(),
  excluded: z.array(municipalityCodeSchema).optional(),
});
export type Resident = z.infer<typeof residentSchema>;

export const minimumMotivationLength = 10;

// The Akkoord allows A, B and D only with a written motivation; blanks do not count.
const motivationSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'Een motivering is verplicht.' : 'Een motivering is tekst.') })
  .superRefine((motivation, ctx) => {
    const trimmed = motivation.trim();
    if (trimmed.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'Een motivering is verplicht.' });
    } else if (countCharacters(trimmed) < minimumMotivationLength) {
      ctx.addIssue({ code: 'custom', message: `Een motivering heeft minstens ${minimumMotivationLength} tekens.` });
    }
  });

/** Characters as a reader counts them (code points), so that "é" or an emoji is one. */
function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

export const exceptionASchema = z.strictObject({
  kind: z.literal('A'),
  motivation: motivationSchema,
});

export const supportGrounds = ['netwerk', 'daginvulling'] as const;
export type SupportGround = (typeof supportGrounds)[number];

export const exceptionBSchema = z.strictObject({
  kind: z.literal('B'),
  municipality: municipalityCode('Bij uitzondering B is de gemeente verplicht.'),
  ground: z.enum(supportGrounds, {
    error: (issue) => (issue.input === undefined ? 'Bij uitzondering B is de grond verplicht: netwerk of daginvulling.' : 'Kies netwerk of daginvulling.'),
  }),
  canTravelFromOrigin: z.boolean({
    error: (issue) =>
      issue.input === undefined
        ? 'Bij uitzondering B is verplicht of de bewoner dit vanuit de herkomst kan bereizen.'
        : 'Verwacht waar of onwaar.',
  }),
  motivation: motivationSchema,
});

export const exceptionDSchema = z.strictObject({
  kind: z.literal('D'),
  municipality: municipalityCode('Bij uitzondering D is de gemeente verplicht.'),
  motivation: motivationSchema,
});

export const exceptionKinds = ['A', 'B', 'D'] as const;
export type ExceptionKind = (typeof exceptionKinds)[number];

export const exceptionSchema = z.discriminatedUnion('kind', [exceptionASchema, exceptionBSchema, exceptionDSchema], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const kind = isRecord(issue.input) ? issue.input['kind'] : undefined;
    if (kind === undefined) return 'De soort uitzondering is verplicht: A, B of D.';
    // C is not entered: it follows from an origin that cannot be traced.
    if (kind === 'C') return 'Uitzondering C wordt niet ingevoerd: die volgt uit een herkomst die niet te achterhalen is.';
    return 'Geen geldige soort uitzondering: kies A, B of D.';
  },
});
export type OriginException = z.infer<typeof exceptionSchema>;
export type ExceptionA = z.infer<typeof exceptionASchema>;
export type ExceptionB = z.infer<typeof exceptionBSchema>;
export type ExceptionD = z.infer<typeof exceptionDSchema>;

export const distributionSchema = z.strictObject({
  placements: z.record(
    municipalityCodeSchema,
    z.int({ error: 'Het aantal plaatsingen is een geheel getal van 0 of meer.' }).nonnegative({
      error: 'Het aantal plaatsingen is een geheel getal van 0 of meer.',
    }),
  ),
});
export type Distribution = z.infer<typeof distributionSchema>;

export const proposalInputSchema = z
  .strictObject({
    referenceDate: isoDateSchema,
    region: regionSchema,
    resident: residentSchema,
    exceptions: z.array(exceptionSchema).optional(),
    distribution: distributionSchema.optional(),
  })
  .superRefine(checkCrossFieldRules, {
    // Run even when a field elsewhere is invalid, so that a form shows every problem at once.
    // The check therefore reads the (possibly partial) value defensively.
    when: () => true,
  });
export type ProposalInput = z.infer<typeof proposalInputSchema>;

function checkCrossFieldRules(value: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(value)) return;
  const region = isRecord(value['region']) ? value['region'] : undefined;
  const resident = isRecord(value['resident']) ? value['resident'] : undefined;
  const municipalities = Array.isArray(region?.['municipalities']) ? region['municipalities'] : undefined;

  let regionCodes: Set<string> | undefined = new Set();
  municipalities?.forEach((municipality: unknown, index) => {
    const code = isRecord(municipality) ? municipality['code'] : undefined;
    if (typeof code !== 'string') {
      regionCodes = undefined;
      return;
    }
    if (regionCodes?.has(code)) {
      ctx.addIssue({ code: 'custom', path: ['region', 'municipalities', index, 'code'], message: `Gemeente ${code} staat al eerder in de regio.` });
    }
    regionCodes?.add(code);
  });
  if (!municipalities) regionCodes = undefined;

  const addresses = Array.isArray(resident?.['addresses']) ? resident['addresses'] : [];
  const woonadresStarts = new Set<string>();
  addresses.forEach((address: unknown, index) => {
    if (!isRecord(address) || address['kind'] !== 'woonadres' || typeof address['from'] !== 'string') return;
    if (woonadresStarts.has(address['from'])) {
      ctx.addIssue({ code: 'custom', path: ['resident', 'addresses', index, 'from'], message: 'Er is al een woonadres met deze begindatum.' });
    }
    woonadresStarts.add(address['from']);
  });

  const excluded = new Set(Array.isArray(resident?.['excluded']) ? resident['excluded'].filter((c) => typeof c === 'string') : []);
  const exceptions = Array.isArray(value['exceptions']) ? value['exceptions'] : [];
  const kindsSeen = new Set<unknown>();
  exceptions.forEach((exception: unknown, index) => {
    if (!isRecord(exception)) return;
    const kind = exception['kind'];
    if (kind === 'A' || kind === 'B' || kind === 'D') {
      if (kindsSeen.has(kind)) {
        ctx.addIssue({ code: 'custom', path: ['exceptions', index, 'kind'], message: `Uitzondering ${kind} staat er al; geef elke uitzondering één keer.` });
      }
      kindsSeen.add(kind);
    }
    const municipality = exception['municipality'];
    if ((kind !== 'B' && kind !== 'D') || typeof municipality !== 'string' || !municipalityCodePattern.test(municipality)) return;
    const path = ['exceptions', index, 'municipality'];
    // Without a well-formed region the question "is it in the region" has no answer yet.
    if (regionCodes && !regionCodes.has(municipality)) {
      ctx.addIssue({ code: 'custom', path, message: `Bij uitzondering ${kind} moet de gemeente in de regio liggen.` });
    } else if (excluded.has(municipality)) {
      ctx.addIssue({ code: 'custom', path, message: `Bij uitzondering ${kind} mag de gemeente niet bij de uitgesloten gemeenten staan.` });
    }
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const proposalOutcomes = ['herkomst', 'A', 'B', 'C', 'D', 'buiten_regio'] as const;
export type ProposalOutcome = (typeof proposalOutcomes)[number];

export const proposalSchema = z.strictObject({
  outcome: z.enum(proposalOutcomes),
  origin: municipalityCodeSchema.nullable(),
  destination: municipalityCodeSchema.nullable(),
  reasons: z.array(z.string().min(1)).min(1),
});
export type Proposal = z.infer<typeof proposalSchema>;

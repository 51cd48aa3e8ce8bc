import { z } from 'zod';
import { isoDateWith, safeText } from '../primitives';
// Installs the Dutch error map, so that generic messages of these schemas are Dutch too.
import '../validation';

/**
 * The input and output of the Weer Thuis rule engine, as fixed by `rule-engine-contract.md`.
 * Every object is strict: a field the contract does not name makes the input invalid.
 */

const requiredMessage = 'Dit veld is verplicht.';

export const municipalityCodePattern = /^GM\d{4}$/;

function municipalityCode(missingMessage: string) {
  return safeText({
    error: (issue) =>
      issue.input === undefined ? missingMessage : 'Verwacht een CBS-gemeentecode als tekst.',
  }).regex(municipalityCodePattern, {
    error: 'Geen geldige CBS-gemeentecode (GM gevolgd door vier cijfers).',
  });
}

/** A CBS municipality code: `GM` and four digits. */
export const municipalityCodeSchema = municipalityCode(requiredMessage);

const isoDateSchema = isoDateWith();

export const regionMunicipalitySchema = z.strictObject({
  code: municipalityCodeSchema,
  name: safeText().regex(/\S/, { error: 'Een naam is verplicht.' }),
  population: z
    .int({
      error: (issue) =>
        issue.input === undefined
          ? requiredMessage
          : 'Het inwoneraantal is een positief geheel getal.',
    })
    .positive({ error: 'Het inwoneraantal is een positief geheel getal.' }),
});
export type RegionMunicipality = z.infer<typeof regionMunicipalitySchema>;

/** A region may require at most this many years of binding, within at most this many years. */
export const maximumBindingYears = 20;

const bindingYears = (notWholeMessage: string) =>
  z.int({
    error: (issue) => (issue.input === undefined ? requiredMessage : notWholeMessage),
  });

/** M of the minimum-binding test: the years the resident must have lived in the origin. */
export const bindingMinYearsSchema = bindingYears(
  'Het minimum aantal jaren is een geheel getal.',
).min(1, { error: 'Het minimum aantal jaren is minstens 1.' });

/** W of the minimum-binding test: the years before the admission in which M must lie. */
export const bindingWithinYearsSchema = bindingYears(
  'Het aantal jaren vóór de opname is een geheel getal.',
).max(maximumBindingYears, {
  error: `Het aantal jaren vóór de opname is hoogstens ${maximumBindingYears}.`,
});

export const bindingMinAboveWithinMessage =
  'Het minimum aantal jaren is niet groter dan het aantal jaren vóór de opname waarin het moet liggen.';

/**
 * The region's minimum-binding test ("lived in the origin at least M of the last W years before
 * admission"). M above W is reported at `minYears` by the cross-field check, which also runs when
 * another field is invalid.
 */
export const bindingTestSchema = z.strictObject(
  { minYears: bindingMinYearsSchema, withinYears: bindingWithinYearsSchema },
  {
    error: (issue) => {
      if (issue.code !== 'invalid_type') return undefined;
      return issue.input === undefined
        ? requiredMessage
        : 'De bindingstoets is een object met minYears en withinYears.';
    },
  },
);
export type BindingTest = z.infer<typeof bindingTestSchema>;

export const regionSchema = z.strictObject({
  municipalities: z.array(regionMunicipalitySchema),
  bindingTest: bindingTestSchema.optional(),
});
export type Region = z.infer<typeof regionSchema>;

export const addressKinds = ['woonadres', 'instelling', 'briefadres'] as const;
export type AddressKind = (typeof addressKinds)[number];

export const addressSchema = z.strictObject({
  municipality: municipalityCodeSchema,
  kind: z.enum(addressKinds, {
    error: (issue) =>
      issue.input === undefined ? requiredMessage : 'Kies woonadres, instelling of briefadres.',
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
const motivationSchema = safeText({
  error: (issue) =>
    issue.input === undefined ? 'Een motivering is verplicht.' : 'Een motivering is tekst.',
}).superRefine((motivation, ctx) => {
  const problem = findMotivationProblem(motivation);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** Null when the motivation is long enough; else the Dutch message. */
export function findMotivationProblem(motivation: string): string | null {
  const trimmed = motivation.trim();
  if (trimmed.length === 0) return 'Een motivering is verplicht.';
  // Characters as a reader counts them (code points), so that an emoji is one, not two.
  if (trimmed.length < minimumMotivationLength * 2) {
    let count = 0;
    for (const _ of trimmed) count += 1;
    if (count < minimumMotivationLength)
      return `Een motivering heeft minstens ${minimumMotivationLength} tekens.`;
  }
  return null;
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
    error: (issue) =>
      issue.input === undefined
        ? 'Bij uitzondering B is de grond verplicht: netwerk of daginvulling.'
        : 'Kies netwerk of daginvulling.',
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

export const exceptionSchema = z.discriminatedUnion(
  'kind',
  [exceptionASchema, exceptionBSchema, exceptionDSchema],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const kind = isRecord(issue.input) ? issue.input['kind'] : undefined;
      if (kind === undefined) return 'De soort uitzondering is verplicht: A, B of D.';
      // C is not entered: it follows from an origin that cannot be traced.
      if (kind === 'C')
        return 'Uitzondering C wordt niet ingevoerd: die volgt uit een herkomst die niet te achterhalen is.';
      return 'Geen geldige soort uitzondering: kies A, B of D.';
    },
  },
);
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
    {
      error: (issue) =>
        issue.code === 'invalid_key'
          ? 'Plaatsingen staan onder een CBS-gemeentecode (GM gevolgd door vier cijfers).'
          : undefined,
    },
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
  .superRefine((value, ctx) => void findCrossFieldIssues(value, ctx), {
    // Run even when a field elsewhere is invalid, so that a form shows every problem at once.
    // The check therefore reads the (possibly partial) value defensively.
    when: () => true,
  });
export type ProposalInput = z.infer<typeof proposalInputSchema>;

/**
 * The rules that span fields: duplicates, and the municipality of B or D against the region and
 * the excluded. Reports each issue to `ctx`; without a ctx it stops at the first and only answers
 * whether there is one (the precompiled parser uses it that way).
 */
export function findCrossFieldIssues(value: unknown, ctx?: z.RefinementCtx): boolean {
  if (!isRecord(value)) return false;
  let found = false;
  const region = isRecord(value['region']) ? value['region'] : undefined;
  const resident = isRecord(value['resident']) ? value['resident'] : undefined;

  const bindingTest = region?.['bindingTest'];
  if (isRecord(bindingTest) && isBindingAboveWithin(bindingTest)) {
    found = true;
    if (!ctx) return true;
    ctx.addIssue({
      code: 'custom',
      path: ['region', 'bindingTest', 'minYears'],
      message: bindingMinAboveWithinMessage,
    });
  }

  // Without a well-formed region the question "is it in the region" has no answer yet.
  let regionCodes: Set<string> | undefined;
  const municipalities = region?.['municipalities'];
  if (Array.isArray(municipalities)) {
    regionCodes = new Set();
    for (let index = 0; index < municipalities.length; index += 1) {
      const municipality: unknown = municipalities[index];
      const code = isRecord(municipality) ? municipality['code'] : undefined;
      if (typeof code !== 'string') {
        regionCodes = undefined;
        break;
      }
      if (regionCodes.has(code)) {
        found = true;
        if (!ctx) return true;
        ctx.addIssue({
          code: 'custom',
          path: ['region', 'municipalities', index, 'code'],
          message: `Gemeente ${code} staat al eerder in de regio.`,
        });
      }
      regionCodes.add(code);
    }
  }

  const addresses = resident?.['addresses'];
  if (Array.isArray(addresses)) {
    const woonadresStarts = new Set<string>();
    for (let index = 0; index < addresses.length; index += 1) {
      const address: unknown = addresses[index];
      if (
        !isRecord(address) ||
        address['kind'] !== 'woonadres' ||
        typeof address['from'] !== 'string'
      )
        continue;
      if (woonadresStarts.has(address['from'])) {
        found = true;
        if (!ctx) return true;
        ctx.addIssue({
          code: 'custom',
          path: ['resident', 'addresses', index, 'from'],
          message: 'Er is al een woonadres met deze begindatum.',
        });
      }
      woonadresStarts.add(address['from']);
    }
  }

  const exceptions = value['exceptions'];
  if (!Array.isArray(exceptions)) return found;
  const excludedList = resident?.['excluded'];
  const excluded: readonly unknown[] = Array.isArray(excludedList) ? excludedList : [];
  const kindsSeen = new Set<unknown>();
  for (let index = 0; index < exceptions.length; index += 1) {
    const exception: unknown = exceptions[index];
    if (!isRecord(exception)) continue;
    const kind = exception['kind'];
    if (kind === 'A' || kind === 'B' || kind === 'D') {
      if (kindsSeen.has(kind)) {
        found = true;
        if (!ctx) return true;
        ctx.addIssue({
          code: 'custom',
          path: ['exceptions', index, 'kind'],
          message: `Uitzondering ${kind} staat er al; geef elke uitzondering één keer.`,
        });
      }
      kindsSeen.add(kind);
    }
    const municipality = exception['municipality'];
    if (
      (kind !== 'B' && kind !== 'D') ||
      typeof municipality !== 'string' ||
      !municipalityCodePattern.test(municipality)
    )
      continue;
    let message: string | undefined;
    if (regionCodes && !regionCodes.has(municipality)) {
      message = `Bij uitzondering ${kind} moet de gemeente in de regio liggen.`;
    } else if (excluded.includes(municipality)) {
      message = `Bij uitzondering ${kind} mag de gemeente niet bij de uitgesloten gemeenten staan.`;
    }
    if (message !== undefined) {
      found = true;
      if (!ctx) return true;
      ctx.addIssue({ code: 'custom', path: ['exceptions', index, 'municipality'], message });
    }
  }
  return found;
}

/**
 * M above W, both whole numbers. An M below 1 has its own message at the same path already, so
 * it is not reported twice.
 */
export function isBindingAboveWithin(test: Record<string, unknown>): boolean {
  const { minYears, withinYears } = test;
  return (
    Number.isSafeInteger(minYears) &&
    Number.isSafeInteger(withinYears) &&
    (minYears as number) >= 1 &&
    (minYears as number) > (withinYears as number)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const proposalOutcomes = ['herkomst', 'A', 'B', 'C', 'D', 'buiten_regio'] as const;
export type ProposalOutcome = (typeof proposalOutcomes)[number];

/** The figures of the minimum-binding test, in a proposal of a region that has one. */
export const proposalBindingSchema = z.strictObject({
  /** The origin found in step 1 (the last woonadres before the admission); null without one. */
  municipality: municipalityCodeSchema.nullable(),
  daysBound: z.int().nonnegative(),
  daysRequired: z.int().positive(),
  holds: z.boolean(),
});
export type ProposalBinding = z.infer<typeof proposalBindingSchema>;

export const proposalSchema = z.strictObject({
  outcome: z.enum(proposalOutcomes),
  origin: municipalityCodeSchema.nullable(),
  destination: municipalityCodeSchema.nullable(),
  /** Only with a region's `bindingTest`. */
  binding: proposalBindingSchema.optional(),
  reasons: z.array(safeText().min(1)).min(1),
});
export type Proposal = z.infer<typeof proposalSchema>;

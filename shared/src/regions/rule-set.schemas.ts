import { z } from 'zod';
import { isoDate as anyIsoDate, isoDateTime, isoDateWith, safeText } from '../primitives';
// Installs the Dutch error map, so that generic messages of these schemas are Dutch too.
import '../validation';
import {
  bindingMinAboveWithinMessage,
  bindingMinYearsSchema,
  bindingWithinYearsSchema,
  isBindingAboveWithin,
  municipalityCodeSchema,
  type BindingTest,
} from '../origin-rule/origin-rule.schemas';

/**
 * A region's configuration: what the rule engine, the tables and the retention job read. It is
 * stored as versioned rule sets (`rule_set`); every change makes a new version, and a decision
 * records the version it used (domain.md §3.6). Every object is strict: an unknown field is refused.
 */

const requiredMessage = 'Dit veld is verplicht.';

/** A whole number in a range, with one Dutch message for every way of missing it. */
function wholeNumber(
  min: number,
  max: number,
  message = `Vul een geheel getal van ${min} tot en met ${max} in.`,
) {
  return z
    .int({ error: (issue) => (issue.input === undefined ? requiredMessage : message) })
    .min(min, { error: message })
    .max(max, { error: message });
}

function isoDate(missingMessage = requiredMessage) {
  return isoDateWith({
    error: (issue) =>
      issue.input === undefined ? missingMessage : 'Geen geldige datum (jjjj-mm-dd).',
  });
}

/** The target groups of the Akkoord (domain.md §2). English identifiers, Dutch labels for the UI. */
export const targetGroups = ['protectedHousing', 'shelter', 'womensShelter', 'youthCare'] as const;
export const targetGroupSchema = z.enum(targetGroups, {
  error: (issue) => (issue.input === undefined ? requiredMessage : 'Geen bekende doelgroep.'),
});
export type TargetGroup = z.infer<typeof targetGroupSchema>;

export const targetGroupLabel: Record<TargetGroup, string> = {
  protectedHousing: 'Beschermd wonen',
  shelter: 'Maatschappelijke opvang',
  womensShelter: 'Vrouwenopvang',
  youthCare: 'Jongeren uit verlengde jeugdzorg',
};

export const maximumMunicipalityNameLength = 100;
/** The Netherlands has about 340 municipalities; no region comes near this. */
export const maximumMunicipalitiesPerRegion = 400;

export const ruleSetMunicipalitySchema = z.strictObject({
  code: municipalityCodeSchema,
  name: safeText({
    error: (issue) => (issue.input === undefined ? requiredMessage : 'Een naam is tekst.'),
  })
    .trim()
    .min(1, { error: 'Een naam is verplicht.' })
    .max(maximumMunicipalityNameLength, {
      error: `Een naam heeft hoogstens ${maximumMunicipalityNameLength} tekens.`,
    }),
  population: wholeNumber(1, 100_000_000, 'Het inwoneraantal is een positief geheel getal.'),
  /** The CBS reference year of the population figure (CBS publishes per 1 January). */
  populationYear: wholeNumber(1900, 2200, 'Het peiljaar is een jaartal van 1900 tot en met 2200.'),
  /**
   * How to object to a decision that names this municipality as the destination, in the resident's
   * letter (plain Dutch). Without it the letter says the general procedure (`defaultObjectionProcedure`).
   */
  objectionProcedure: safeText({ error: 'De bezwaarprocedure is tekst.' })
    .trim()
    .min(20, {
      error: 'Beschrijf de bezwaarprocedure in minstens 20 tekens, of laat het veld leeg.',
    })
    .max(1000, { error: 'De bezwaarprocedure heeft hoogstens 1.000 tekens.' })
    .optional(),
});
export type RuleSetMunicipality = z.infer<typeof ruleSetMunicipalitySchema>;

/** The objection procedure a letter gives when the municipality set none of its own (Awb: six weeks). */
export function defaultObjectionProcedure(municipalityName: string): string {
  return `Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken bij de gemeente ${municipalityName}. Schrijf in een brief aan het college van burgemeester en wethouders van ${municipalityName} uw naam, de datum van dit besluit en waarom u het er niet mee eens bent. Uw casemanager helpt u daarbij.`;
}

/**
 * Young adults leaving extended youth care: from the `from`th birthday until the `until`th
 * (exclusive), so Flevoland's "18 tot 23 jaar" is `{ from: 18, until: 23 }`.
 */
export const youthAgeBandSchema = z.strictObject({
  from: wholeNumber(12, 30, 'Vul een leeftijd van 12 tot en met 30 jaar in.'),
  until: wholeNumber(12, 30, 'Vul een leeftijd van 12 tot en met 30 jaar in.'),
});
export type YouthAgeBand = z.infer<typeof youthAgeBandSchema>;

/**
 * The agreement's term: a first period (both dates inclusive), then extensions of
 * `extensionYears` each (the Akkoord ran to 31-12-2022 "en kan telkens met 2 jaar verlengd worden").
 */
export const agreementSchema = z.strictObject({
  firstPeriodStart: isoDate(),
  firstPeriodEnd: isoDate(),
  extensionYears: wholeNumber(1, 10, 'Vul een aantal jaren van 1 tot en met 10 in.'),
});
export type Agreement = z.infer<typeof agreementSchema>;

/**
 * The region's minimum-binding test (domain.md §3.1, rule-engine-contract.md "Minimum binding"):
 * switched on, the engine requires M of the last W years before the admission in the origin.
 * M and W are kept while it is off, so that switching it on again restores them.
 */
export const bindingTestSettingSchema = z.strictObject({
  isEnabled: z.boolean({
    error: (issue) => (issue.input === undefined ? requiredMessage : 'Verwacht waar of onwaar.'),
  }),
  minYears: bindingMinYearsSchema,
  withinYears: bindingWithinYearsSchema.min(1, {
    error: 'Het aantal jaren vóór de opname is minstens 1.',
  }),
});
export type BindingTestSetting = z.infer<typeof bindingTestSettingSchema>;

/** The engine's `region.bindingTest` for a region's setting: absent while the switch is off. */
export function engineBindingTest(
  setting: BindingTestSetting | null | undefined,
): BindingTest | undefined {
  return setting?.isEnabled
    ? { minYears: setting.minYears, withinYears: setting.withinYears }
    : undefined;
}

export const ruleSetConfigSchema = z
  .strictObject({
    municipalities: z
      .array(ruleSetMunicipalitySchema, {
        error: (issue) =>
          issue.input === undefined ? requiredMessage : 'Verwacht een lijst van gemeenten.',
      })
      .min(2, { error: 'Een regio heeft minstens twee gemeenten.' })
      .max(maximumMunicipalitiesPerRegion, {
        error: `Een regio heeft hoogstens ${maximumMunicipalitiesPerRegion} gemeenten.`,
      }),
    targetGroups: z
      .array(targetGroupSchema, {
        error: (issue) =>
          issue.input === undefined ? requiredMessage : 'Verwacht een lijst van doelgroepen.',
      })
      .min(1, { error: 'Kies minstens één doelgroep.' })
      .max(targetGroups.length, { error: 'Geef elke doelgroep één keer.' }),
    youthAgeBand: youthAgeBandSchema,
    agreement: agreementSchema,
    /** Days before a table that its agenda is shared with the participants. */
    agendaPublicationDays: wholeNumber(0, 60, 'Vul een aantal dagen van 0 tot en met 60 in.'),
    /** A case without activity for this many days shows as stalled. */
    stalledCaseDays: wholeNumber(1, 365, 'Vul een aantal dagen van 1 tot en met 365 in.'),
    /**
     * The waiting target: days from "uitstroomgereed" to a dwelling (domain.md §6: ≤ 3 months).
     * Versions stored before this setting existed are read with the default (storedRuleSetConfigSchema).
     */
    waitingTargetDays: wholeNumber(1, 730, 'Vul een aantal dagen van 1 tot en met 730 in.'),
    /**
     * Days the resident has to answer a dwelling offer; an offer still open after them is flagged to
     * the case manager and the corporation. Versions stored before it existed read the default.
     */
    offerAnswerDays: wholeNumber(1, 90, 'Vul een aantal dagen van 1 tot en met 90 in.'),
    /** Placements per neighbourhood (wijk) per year at which a warning shows. */
    neighbourhoodLoadThreshold: wholeNumber(
      1,
      1000,
      'Vul een aantal plaatsingen van 1 tot en met 1000 in.',
    ),
    /** Years a closed case is kept before its personal data is erased. */
    retentionYears: wholeNumber(1, 30, 'Vul een aantal jaren van 1 tot en met 30 in.'),
    /** Every seat of the region signs in with a second factor (TOTP). */
    twoFactorRequired: z.boolean({
      error: (issue) => (issue.input === undefined ? requiredMessage : 'Verwacht waar of onwaar.'),
    }),
    /** The minimum-binding test of the origin rule. Versions stored before it existed read it off. */
    bindingTest: bindingTestSettingSchema,
  })
  .superRefine((value, ctx) => void findRuleSetCrossFieldIssues(value, ctx), {
    // Run even when a field elsewhere is invalid, so that a form shows every problem at once;
    // the check therefore reads the (possibly partial) value defensively.
    when: () => true,
  });
export type RuleSetConfig = z.infer<typeof ruleSetConfigSchema>;

/**
 * The product's defaults for what the seeds leave open (domain.md: "where the seeds are silent the
 * product decides"). A new region's form starts from these.
 */
export const ruleSetDefaults: Omit<RuleSetConfig, 'municipalities' | 'agreement'> & {
  agreement: Pick<Agreement, 'extensionYears'>;
} = {
  targetGroups: [...targetGroups],
  youthAgeBand: { from: 18, until: 23 },
  agreement: { extensionYears: 2 },
  // The Flevoland evaluation praised an agenda shared in advance; a working week is enough to prepare.
  agendaPublicationDays: 5,
  stalledCaseDays: 14,
  // "Binnen maximaal 3 maanden" from the Midden-IJssel vision and Amsterdam's practice (domain.md §6).
  waitingTargetDays: 90,
  // The seeds name no term; two weeks less a weekend lets a resident visit the dwelling and think it over,
  // while a dwelling does not stand empty for long (vacancy costs the corporation rent).
  offerAnswerDays: 10,
  neighbourhoodLoadThreshold: 3,
  // No statute fixes a term for these coordination files. Seven years follows common municipal
  // practice for closed Wmo files and matches the fiscal term (AWR art. 52) that municipalities
  // already apply to what they buy in; the AVG (art. 5(1)(e)) asks for no longer than needed, so
  // the region sets its own term with its privacy officer. Youth files under the Jeugdwet carry
  // 20 years, which is why the range goes up to 30.
  retentionYears: 7,
  // On by default: special-category data (domain.md §5). Only demo regions switch it off.
  twoFactorRequired: true,
  // Off by default (domain.md §3.1). The figures a region starts from when it switches the test on
  // are the contract's example: two of the last five years.
  bindingTest: { isEnabled: false, minYears: 2, withinYears: 5 },
};

/**
 * A rule set as stored. Versions are jsonb and a saved version is never rewritten, so a version
 * saved before a setting existed is read with the product's default for it. Requests still name
 * every setting (ruleSetConfigSchema): a default applies to the past, not to what is sent now.
 */
export const storedRuleSetConfigSchema = z.preprocess(
  (value) => (isRecord(value) ? withStoredDefaults(value) : value),
  ruleSetConfigSchema,
);

/** The settings added after the first versions were stored, each with its default for the versions before it. */
const settingsAddedLater = ['waitingTargetDays', 'offerAnswerDays', 'bindingTest'] as const;

function withStoredDefaults(value: Record<string, unknown>): Record<string, unknown> {
  const missing = settingsAddedLater.filter((key) => !(key in value));
  return missing.length
    ? { ...value, ...Object.fromEntries(missing.map((key) => [key, ruleSetDefaults[key]])) }
    : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rules that span fields: duplicates, and the order of the age band and of the first period. */
function findRuleSetCrossFieldIssues(value: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(value)) return;

  const municipalities = value['municipalities'];
  if (Array.isArray(municipalities)) {
    const codes = new Set<string>();
    const names = new Set<string>();
    municipalities.forEach((municipality: unknown, index) => {
      if (!isRecord(municipality)) return;
      const code = municipality['code'];
      if (typeof code === 'string') {
        if (codes.has(code))
          ctx.addIssue({
            code: 'custom',
            path: ['municipalities', index, 'code'],
            message: `Gemeente ${code} staat al eerder in de lijst.`,
          });
        codes.add(code);
      }
      const name = municipality['name'];
      if (typeof name === 'string' && name.trim() !== '') {
        const key = name.trim().toLowerCase();
        if (names.has(key))
          ctx.addIssue({
            code: 'custom',
            path: ['municipalities', index, 'name'],
            message: `De naam ${name.trim()} staat al eerder in de lijst.`,
          });
        names.add(key);
      }
    });
  }

  const groups = value['targetGroups'];
  if (Array.isArray(groups)) {
    const seen = new Set<unknown>();
    groups.forEach((group: unknown, index) => {
      if (seen.has(group))
        ctx.addIssue({
          code: 'custom',
          path: ['targetGroups', index],
          message: 'Deze doelgroep staat er al.',
        });
      seen.add(group);
    });
  }

  // Only when both ages are themselves valid: one problem, one message.
  const band = value['youthAgeBand'];
  const isAge = (age: unknown): age is number =>
    youthAgeBandSchema.shape.from.safeParse(age).success;
  if (
    isRecord(band) &&
    isAge(band['from']) &&
    isAge(band['until']) &&
    band['until'] <= band['from']
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['youthAgeBand', 'until'],
      message: 'De bovengrens ligt boven de ondergrens.',
    });
  }

  const bindingTest = value['bindingTest'];
  if (isRecord(bindingTest) && isBindingAboveWithin(bindingTest)) {
    ctx.addIssue({
      code: 'custom',
      path: ['bindingTest', 'minYears'],
      message: bindingMinAboveWithinMessage,
    });
  }

  const agreement = value['agreement'];
  if (isRecord(agreement)) {
    const start = agreement['firstPeriodStart'];
    const end = agreement['firstPeriodEnd'];
    const isDate = (date: unknown): date is string =>
      typeof date === 'string' && anyIsoDate.safeParse(date).success;
    if (isDate(start) && isDate(end) && end < start) {
      ctx.addIssue({
        code: 'custom',
        path: ['agreement', 'firstPeriodEnd'],
        message: 'Het einde van de eerste periode ligt niet vóór het begin.',
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The API's messages.

export const ruleSetCreatorSchema = z.object({ id: z.uuid(), displayName: safeText() });

/**
 * One version of a region's rule set. `createdBy` wrote it (for a published draft: who saved the
 * draft), `publishedBy` made it the current version; both null for a version made by the system
 * (seed). A version saved in one step is created and published by the same person at once.
 */
export const ruleSetSchema = z.object({
  version: z.int().positive(),
  config: ruleSetConfigSchema,
  createdAt: isoDateTime({ offset: true }),
  createdBy: ruleSetCreatorSchema.nullable(),
  publishedAt: isoDateTime({ offset: true }),
  publishedBy: ruleSetCreatorSchema.nullable(),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

export const ruleSetVersionSummarySchema = z.object({
  version: z.int().positive(),
  createdAt: isoDateTime({ offset: true }),
  createdBy: ruleSetCreatorSchema.nullable(),
  publishedAt: isoDateTime({ offset: true }),
  publishedBy: ruleSetCreatorSchema.nullable(),
  /** What changed against the previous version, in plain Dutch. */
  changes: z.array(safeText()),
});
export type RuleSetVersionSummary = z.infer<typeof ruleSetVersionSummarySchema>;

export const ruleSetHistorySchema = z.object({
  /** Newest first. */
  versions: z.array(ruleSetVersionSummarySchema),
});
export type RuleSetHistory = z.infer<typeof ruleSetHistorySchema>;

export const updateRuleSetRequestSchema = z.strictObject({
  /** The version the change was made on; 0 for a region without a rule set yet. */
  expectedVersion: wholeNumber(
    0,
    1_000_000_000,
    'Het versienummer is een geheel getal van 0 of meer.',
  ),
  config: ruleSetConfigSchema,
});
export type UpdateRuleSetRequest = z.infer<typeof updateRuleSetRequestSchema>;

/**
 * A draft of the next version (one per region). Saving it changes nothing the region works
 * with; the regionAdmin publishes it as a separate step, which makes it the current version.
 */
export const ruleSetDraftSchema = z.object({
  /** The version the draft was made on; 0 for a region without a rule set yet. */
  basedOnVersion: z.int().nonnegative(),
  /** Counts the saves of this draft, so that two people editing it cannot overwrite each other. */
  revision: z.int().positive(),
  config: ruleSetConfigSchema,
  savedAt: isoDateTime({ offset: true }),
  savedBy: ruleSetCreatorSchema,
  /** The current version is no longer the one the draft was made on: it cannot be published as is. */
  isOutdated: z.boolean(),
  /** What publishing would change against the current version, in plain Dutch. */
  changes: z.array(safeText()),
});
export type RuleSetDraft = z.infer<typeof ruleSetDraftSchema>;

export const ruleSetDraftStateSchema = z.object({ draft: ruleSetDraftSchema.nullable() });
export type RuleSetDraftState = z.infer<typeof ruleSetDraftStateSchema>;

const revisionNumber = (min: number) =>
  wholeNumber(min, 1_000_000_000, `Het revisienummer is een geheel getal van ${min} of meer.`);

export const saveRuleSetDraftRequestSchema = z.strictObject({
  /** The current version the draft is made on; 0 for a region without a rule set yet. */
  basedOnVersion: wholeNumber(
    0,
    1_000_000_000,
    'Het versienummer is een geheel getal van 0 of meer.',
  ),
  /** The draft's revision the change was made on; 0 when there is no draft yet. */
  expectedRevision: revisionNumber(0),
  config: ruleSetConfigSchema,
});
export type SaveRuleSetDraftRequest = z.infer<typeof saveRuleSetDraftRequestSchema>;

export const publishRuleSetDraftRequestSchema = z.strictObject({
  /** The revision of the draft the regionAdmin read and publishes. */
  revision: revisionNumber(1),
});
export type PublishRuleSetDraftRequest = z.infer<typeof publishRuleSetDraftRequestSchema>;

export const ruleSetVersionParamsSchema = z.strictObject({
  version: safeText()
    .regex(/^[1-9]\d{0,8}$/, { error: 'Een versienummer is een positief geheel getal.' })
    .transform(Number),
});

/** What every seat of a region may know of its configuration: the municipalities and the rules the forms check. */
export const regionOverviewSchema = z.object({
  slug: safeText(),
  name: safeText(),
  ruleSetVersion: z.int().nullable(),
  municipalities: z.array(z.object({ code: safeText(), name: safeText(), population: z.int() })),
  targetGroups: z.array(targetGroupSchema),
  youthAgeBand: youthAgeBandSchema.nullable(),
  stalledCaseDays: z.int().nullable(),
  /** Days from "uitstroomgereed" to a dwelling before the waiting clock is flagged. */
  waitingTargetDays: z.int().nullable(),
  /** The minimum-binding test of the current version (the try-outs and forms propose with it). */
  bindingTest: bindingTestSettingSchema.nullable(),
});
export type RegionOverview = z.infer<typeof regionOverviewSchema>;

export const regionOrganisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['municipality', 'corporation', 'provider', 'coordination']),
  name: safeText(),
  municipalityCode: safeText().nullable(),
});
export type RegionOrganisation = z.infer<typeof regionOrganisationSchema>;

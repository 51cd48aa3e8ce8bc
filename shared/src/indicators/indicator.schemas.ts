import { z } from 'zod';
import { isoDate, safeText } from '../primitives';
import { caseOutcomes, caseStates } from '../cases/case.schemas';
import { municipalityCodeSchema } from '../origin-rule/origin-rule.schemas';
import { targetGroupSchema, targetGroups } from '../regions/rule-set.schemas';
import { decisionRules } from '../tables/table.schemas';

/**
 * The indicators the parties agreed to watch (domain.md §6), as one dashboard per seat.
 *
 * Aggregates only: no row names a person. A count below `smallCountThreshold` is shown as "<5" to
 * every seat but the chair and the regionAdmin, and a figure derived from so few people (a median,
 * a share) is left out with it, since the median of three waits nearly names them.
 */

export const smallCountThreshold = 5;
export const suppressedCountText = '<5';

/** A count, or "<5" where the seat may not see a small number. */
export const indicatorCountSchema = z.union([z.int().min(0), z.literal(suppressedCountText)]);
export type IndicatorCount = z.infer<typeof indicatorCountSchema>;

/**
 * The dashboard's filters. The period applies to the moment each indicator counts (the offer, the
 * keys, the decision, the allocation, the closing, the follow-up check); open cases are today's.
 * "Municipality" is the case's municipality: where it was decided to go, else where it was proposed
 * to go, else where it came from. "Corporation" is the corporation that offered or owns the dwelling.
 */
export const indicatorFilterSchema = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    municipality: municipalityCodeSchema.optional(),
    corporation: z.uuid({ error: 'Kies een corporatie uit de lijst.' }).optional(),
    targetGroup: targetGroupSchema.optional(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    path: ['to'],
    message: 'De einddatum ligt niet voor de begindatum.',
  });
export type IndicatorFilter = z.infer<typeof indicatorFilterSchema>;

/** The filters as the server applied them: the seat's own municipality or corporation is forced in. */
export const appliedIndicatorFilterSchema = z.object({
  from: safeText(),
  to: safeText(),
  municipality: z.object({ code: safeText(), name: safeText() }).nullable(),
  corporation: z.object({ id: safeText(), name: safeText() }).nullable(),
  targetGroup: z.enum(targetGroups).nullable(),
});

/** One group's waiting time, in whole days (median and 75th percentile by linear interpolation). */
export const waitingFigureSchema = z.object({
  key: safeText(),
  label: safeText(),
  count: indicatorCountSchema,
  medianDays: z.number().nullable(),
  p75Days: z.number().nullable(),
  overTarget: indicatorCountSchema,
  /** Share of the group that waited longer than the region's target (0..1). */
  overTargetShare: z.number().min(0).max(1).nullable(),
});
export type WaitingFigure = z.infer<typeof waitingFigureSchema>;

export const waitingIndicatorSchema = z.object({
  targetDays: z.int(),
  total: waitingFigureSchema,
  byMunicipality: z.array(waitingFigureSchema),
  byCorporation: z.array(waitingFigureSchema),
  byTargetGroup: z.array(waitingFigureSchema),
});
export type WaitingIndicator = z.infer<typeof waitingIndicatorSchema>;

export const labelledCountSchema = z.object({
  key: safeText(),
  label: safeText(),
  count: indicatorCountSchema,
});
export type LabelledCount = z.infer<typeof labelledCountSchema>;

export const openCasesIndicatorSchema = z.object({
  byState: z.array(labelledCountSchema.extend({ key: z.enum(caseStates) })),
  /** Open cases without any activity for the region's `stalledCaseDays`. */
  stalled: indicatorCountSchema,
  stalledDays: z.int(),
  /** Open cases ready for longer than the waiting target and still without a dwelling offer. */
  waitingOverTarget: indicatorCountSchema,
});

export const decisionsIndicatorSchema = z.array(
  labelledCountSchema.extend({ key: z.enum(decisionRules) }),
);

/** Allocations by distribution in the ledger's current agreement period, against population shares. */
export const distributionIndicatorSchema = z.object({
  periodStart: safeText(),
  periodEnd: safeText(),
  total: indicatorCountSchema,
  rows: z.array(
    z.object({
      municipalityCode: safeText(),
      name: safeText(),
      populationShare: z.number().min(0).max(1),
      allocated: indicatorCountSchema,
      /** Share × allocations in the period: what a perfectly fair distribution would have given. */
      expected: z.number(),
      /** Expected − allocated: above zero the municipality is behind (it is next in line). */
      deficit: z.number().nullable(),
    }),
  ),
});

/** Dwellings offered and accepted per corporation and municipality in the period, against the year's contingents. */
export const dwellingsIndicatorSchema = z.array(
  z.object({
    organisationId: safeText(),
    organisationName: safeText(),
    municipalityCode: safeText(),
    municipalityName: safeText(),
    /** Promised in the contingents of the years the period touches; null where nothing was agreed. */
    promised: z.int().nullable(),
    offered: indicatorCountSchema,
    accepted: indicatorCountSchema,
  }),
);

export const neighbourhoodsIndicatorSchema = z.array(
  z.object({
    municipalityCode: safeText(),
    municipalityName: safeText(),
    neighbourhood: safeText(),
    moves: indicatorCountSchema,
  }),
);

export const outcomesIndicatorSchema = z.array(
  labelledCountSchema.extend({ key: z.enum(caseOutcomes) }),
);

/** The follow-up checks at 6 and 12 months after the keys that fell due in the period. */
export const stillHousedIndicatorSchema = z.array(
  z.object({
    months: z.union([z.literal(6), z.literal(12)]),
    due: indicatorCountSchema,
    answered: indicatorCountSchema,
    stillHoused: indicatorCountSchema,
    /** Still housed of the answered checks (0..1). */
    share: z.number().min(0).max(1).nullable(),
  }),
);

export const dashboardScopes = ['region', 'municipality', 'corporation'] as const;

/**
 * One dashboard. A section is null where the seat may not see it: a corporation sees only the
 * figures of its own offers, dwellings and contingents.
 */
export const dashboardSchema = z.object({
  scope: z.object({ kind: z.enum(dashboardScopes), label: safeText() }),
  filter: appliedIndicatorFilterSchema,
  smallCountsSuppressed: z.boolean(),
  generatedAt: safeText(),
  waitingToOffer: waitingIndicatorSchema,
  waitingToKeys: waitingIndicatorSchema,
  openCases: openCasesIndicatorSchema.nullable(),
  decisions: decisionsIndicatorSchema.nullable(),
  distribution: distributionIndicatorSchema.nullable(),
  dwellings: dwellingsIndicatorSchema,
  neighbourhoods: neighbourhoodsIndicatorSchema,
  outcomes: outcomesIndicatorSchema.nullable(),
  stillHoused: stillHousedIndicatorSchema.nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** A municipality sees its own figures beside the region's (`comparison`); other seats get null there. */
export const dashboardViewSchema = z.object({
  dashboard: dashboardSchema,
  comparison: dashboardSchema.nullable(),
  /** The choices for the filters, within what the seat may filter on. */
  choices: z.object({
    municipalities: z.array(z.object({ code: safeText(), name: safeText() })),
    corporations: z.array(z.object({ id: safeText(), name: safeText() })),
  }),
});
export type DashboardView = z.infer<typeof dashboardViewSchema>;

/** Each indicator can be downloaded as CSV; the id is the file name's and the URL's. */
export const indicatorIds = [
  'waitingToOffer',
  'waitingToKeys',
  'openCases',
  'decisions',
  'distribution',
  'dwellings',
  'neighbourhoods',
  'outcomes',
  'stillHoused',
] as const;
export const indicatorIdSchema = z.enum(indicatorIds, { error: 'Onbekende indicator.' });
export type IndicatorId = z.infer<typeof indicatorIdSchema>;
export const indicatorIdParamsSchema = z.strictObject({ indicator: indicatorIdSchema });

export const indicatorTitle: Record<IndicatorId, string> = {
  waitingToOffer: 'Wachttijd van uitstroomgereed tot woningaanbod',
  waitingToKeys: 'Wachttijd van uitstroomgereed tot sleuteloverdracht',
  openCases: 'Open casussen per fase',
  decisions: 'Besluiten per regel',
  distribution: 'Verdeling naar inwonertal',
  dwellings: 'Woningen aangeboden en aanvaard tegen de contingenten',
  neighbourhoods: 'Plaatsingen per wijk',
  outcomes: 'Uitkomsten van afgesloten casussen',
  stillHoused: 'Nog gehuisvest na 6 en 12 maanden',
};

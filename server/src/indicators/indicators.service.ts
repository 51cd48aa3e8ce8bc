import type { DataSource, EntityManager } from 'typeorm';
import {
  AppError,
  addDays,
  dashboardViewSchema,
  agreementPeriodOn,
  amsterdamDate,
  caseOutcomeLabel,
  caseOutcomes,
  caseStateLabel,
  caseStates,
  decisionRuleLabel,
  decisionRules,
  describeAppliedFilter,
  describeDashboardScope,
  indicatorTitle,
  shownCount,
  suppressedCountText,
  shownFigure,
  targetGroupLabel,
  type Dashboard,
  type DashboardView,
  type ExportFormat,
  type IndicatorFilter,
  type IndicatorId,
  type RuleSetConfig,
  type TargetGroup,
  type WaitingFigure,
  type WaitingIndicator,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { getCurrentRuleSet } from '../regions';
import {
  assertCanOnIndicators,
  planIndicators,
  showsCaseSections,
  type IndicatorPlan,
  type ScopedFilter,
} from './indicators.policy';
import * as repository from './indicators.repository';
import type { IndicatorQuery, WaitingRow } from './indicators.repository';
import { toDashboardView } from './indicators.projection';
import { indicatorTable } from './indicators.export';
import { renderExport } from '../core/export-file';
import type { DownloadFile } from '../core/http/download';
import { dashboardPdf } from './indicators.pdf';

/**
 * The indicators the parties agreed to watch (issue 14, domain.md §6): one dashboard per seat,
 * computed by SQL in the database (indicators.repository.ts) within one snapshot, then cut to
 * what the seat may see: small counts as "<5" for every seat but the chair and the regionAdmin.
 *
 * Aggregates name no one, so looking at a dashboard is not audited (as lists of contingents are
 * not). Exports are: a CSV, a workbook or the PDF leaves the application for a council's report, so who took
 * which figures with which filters is logged (action `indicator.export`, purpose "verantwoording",
 * no subject: no resident is concerned).
 */

interface Base {
  regionId: string;
  regionName: string;
  config: RuleSetConfig;
  today: string;
  from: string;
  to: string;
  now: Date;
  suppress: boolean;
  corporations: { id: string; name: string }[];
  municipalityName: Map<string, string>;
}

/** Without dates: the twelve months up to today. A single date is completed the same way. */
export function periodOf(
  filter: Pick<IndicatorFilter, 'from' | 'to'>,
  today: string,
): { from: string; to: string } {
  const to = filter.to ?? (filter.from && filter.from > today ? filter.from : today);
  const from =
    filter.from ??
    addDays(`${Number(to.slice(0, 4)) - 1}${to.slice(4)}`.replace(/-02-29$/, '-02-28'), 1);
  return { from, to };
}

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', undefined, [{ path, message }]);

async function baseOf(
  tx: EntityManager,
  actor: Actor,
  plan: IndicatorPlan,
  filter: IndicatorFilter,
  now: Date,
): Promise<Base> {
  const ruleSet = await getCurrentRuleSet(tx, actor.regionId);
  if (!ruleSet) throw new AppError('NOT_FOUND', 'Deze regio heeft nog geen instellingen.');
  const config = ruleSet.config;
  const corporations = await repository.listCorporations(tx, actor.regionId);
  // A filter names something of the seat's own region, or it is refused at its field.
  if (filter.municipality && !config.municipalities.some((m) => m.code === filter.municipality)) {
    throw invalid('municipality', 'Kies een gemeente van uw regio.');
  }
  if (filter.corporation && !corporations.some((c) => c.id === filter.corporation)) {
    throw invalid('corporation', 'Kies een corporatie uit de lijst.');
  }
  const today = amsterdamDate(now);
  return {
    regionId: actor.regionId,
    regionName: (await repository.findRegionName(tx, actor.regionId)) ?? '',
    config,
    today,
    ...periodOf(filter, today),
    now,
    suppress: plan.suppress,
    corporations,
    municipalityName: new Map(config.municipalities.map((m) => [m.code, m.name])),
  };
}

/** Names for codes outside the region's rule set (a case from elsewhere), looked up once. */
async function nameUnknownMunicipalities(
  tx: EntityManager,
  base: Base,
  codes: Iterable<string | null>,
): Promise<void> {
  const unknown = [
    ...new Set(
      [...codes].filter((code): code is string => !!code && !base.municipalityName.has(code)),
    ),
  ];
  for (const [code, name] of await repository.findMunicipalityNames(tx, unknown))
    base.municipalityName.set(code, `${name} (buiten de regio)`);
}

const municipalityLabel = (base: Base, code: string) => base.municipalityName.get(code) ?? code;

// ---- the sections ----

interface Group {
  key: string;
  label: string;
}

function toWaitingIndicator(
  base: Base,
  filter: ScopedFilter,
  rows: readonly WaitingRow[],
): WaitingIndicator {
  const s = base.suppress;
  const figure = ({ key, label }: Group, row: WaitingRow | undefined): WaitingFigure => {
    const count = row?.count ?? 0;
    const over = row?.over_target ?? 0;
    return {
      key,
      label,
      count: shownCount(count, s),
      medianDays: shownFigure(row?.median ?? null, count, s),
      p75Days: shownFigure(row?.p75 ?? null, count, s),
      overTarget: shownCount(over, s),
      // A share is shown only where both its parts are: 2 of 40 must not read as 0.05 beside "<5".
      overTargetShare: shownFigure(shownFigure(count ? over / count : null, count, s), over, s),
    };
  };
  /** The listed groups first (zero where nothing happened), then any other the data holds. */
  const groups = (
    dimension: WaitingRow['dimension'],
    listed: Group[],
    labelOf: (key: string) => string,
  ): WaitingFigure[] => {
    const byKey = new Map(
      rows.filter((r) => r.dimension === dimension).map((r) => [r.key ?? 'unknown', r]),
    );
    const extra = [...byKey.keys()]
      .filter((key) => !listed.some((g) => g.key === key))
      .map((key) => ({ key, label: key === 'unknown' ? 'Onbekend' : labelOf(key) }));
    return [...listed, ...extra].map((group) => figure(group, byKey.get(group.key)));
  };
  const municipalities = base.config.municipalities
    .filter((m) => !filter.municipalityCode || m.code === filter.municipalityCode)
    .map((m) => ({ key: m.code, label: m.name }));
  const corporations = base.corporations
    .filter((c) => !filter.corporationId || c.id === filter.corporationId)
    .map((c) => ({ key: c.id, label: c.name }));
  const targetGroups = (filter.targetGroup ? [filter.targetGroup] : base.config.targetGroups).map(
    (g) => ({ key: g, label: targetGroupLabel[g] }),
  );
  return {
    targetDays: base.config.waitingTargetDays,
    total: figure(
      { key: 'total', label: 'Totaal' },
      rows.find((r) => r.dimension === 'total'),
    ),
    byMunicipality: groups('municipality', municipalities, (code) => municipalityLabel(base, code)),
    byCorporation: groups(
      'corporation',
      corporations,
      (id) => base.corporations.find((c) => c.id === id)?.name ?? 'Onbekende corporatie',
    ),
    byTargetGroup: groups(
      'targetGroup',
      targetGroups,
      (group) => targetGroupLabel[group as TargetGroup] ?? group,
    ),
  };
}

function countsOf<K extends string>(
  keys: readonly K[],
  labels: Record<K, string>,
  rows: readonly repository.KeyCountRow[],
  suppress: boolean,
) {
  const byKey = new Map(rows.map((r) => [r.key, r.count]));
  return keys.map((key) => ({
    key,
    label: labels[key],
    count: shownCount(byKey.get(key) ?? 0, suppress),
  }));
}

const round2 = (value: number) => Math.round(value * 100) / 100;

interface Rows {
  toOffer: WaitingRow[];
  toKeys: WaitingRow[];
  open: repository.OpenCasesRow[] | null;
  decisions: repository.KeyCountRow[] | null;
  closed: repository.KeyCountRow[] | null;
  distribution: NonNullable<Dashboard['distribution']> | null;
  dwellings: repository.DwellingRow[];
  neighbourhoods: repository.NeighbourhoodRow[];
  checks: repository.StillHousedRow[];
}

async function fetchRows(
  tx: EntityManager,
  base: Base,
  filter: ScopedFilter,
  own: string | null,
): Promise<Rows> {
  const q: IndicatorQuery = {
    ...filter,
    regionId: base.regionId,
    from: base.from,
    to: base.to,
    own,
  };
  const targetDays = base.config.waitingTargetDays;
  const aboutCases = showsCaseSections(filter);
  const rows: Rows = {
    toOffer: await repository.waitingToOffer(tx, q, targetDays),
    toKeys: await repository.waitingToKeys(tx, q, targetDays),
    open: aboutCases
      ? await repository.openCases(tx, q, base.today, {
          stalledDays: base.config.stalledCaseDays,
          targetDays,
        })
      : null,
    decisions: aboutCases ? await repository.decisionsByRule(tx, q) : null,
    closed: aboutCases ? await repository.outcomes(tx, q) : null,
    distribution: aboutCases ? await distributionOf(tx, base, filter) : null,
    dwellings: await repository.dwellingsAgainstContingents(tx, q),
    neighbourhoods: await repository.movesByNeighbourhood(tx, q),
    checks: await repository.stillHoused(tx, q),
  };
  await nameUnknownMunicipalities(
    tx,
    base,
    [...rows.toOffer, ...rows.toKeys]
      .filter((r) => r.dimension === 'municipality')
      .map((r) => r.key),
  );
  return rows;
}

/** The own municipality's rows out of the region's: the same figures its own queries would give. */
function ownRows(rows: Rows, own: string): Rows {
  const waiting = (list: WaitingRow[]): WaitingRow[] => {
    const mine = list.find((r) => r.dimension === 'municipality' && r.key === own);
    return [
      ...(mine ? [{ ...mine, dimension: 'total' as const, key: null }, mine] : []),
      ...list
        .filter((r) => (r.dimension as string) === 'ownCorporation')
        .map((r) => ({ ...r, dimension: 'corporation' as const })),
      ...list
        .filter((r) => (r.dimension as string) === 'ownTargetGroup')
        .map((r) => ({ ...r, dimension: 'targetGroup' as const })),
    ];
  };
  const counts = (list: repository.KeyCountRow[] | null) =>
    list && list.map((r) => ({ key: r.key, count: r.own_count ?? 0 }));
  return {
    toOffer: waiting(rows.toOffer),
    toKeys: waiting(rows.toKeys),
    open:
      rows.open &&
      rows.open.map((r) => ({
        state: r.state,
        count: r.own_count ?? 0,
        stalled: r.own_stalled ?? 0,
        waiting_over_target: r.own_waiting_over_target ?? 0,
      })),
    decisions: counts(rows.decisions),
    closed: counts(rows.closed),
    distribution: rows.distribution && {
      ...rows.distribution,
      rows: rows.distribution.rows.filter((r) => r.municipalityCode === own),
    },
    dwellings: rows.dwellings.filter((r) => r.municipality_code === own),
    neighbourhoods: rows.neighbourhoods.filter((r) => r.municipality_code === own),
    checks: rows.checks.map((r) => ({
      months: r.months,
      due: r.own_due ?? 0,
      answered: r.own_answered ?? 0,
      still_housed: r.own_still_housed ?? 0,
    })),
  };
}

function assemble(
  base: Base,
  filter: ScopedFilter,
  scope: Dashboard['scope'],
  rows: Rows,
): Dashboard {
  const s = base.suppress;
  const {
    toOffer,
    toKeys,
    open,
    decisions,
    closed,
    distribution,
    dwellings,
    neighbourhoods,
    checks,
  } = rows;
  const waitingRows = (list: WaitingRow[]) =>
    list.filter((r) =>
      ['total', 'municipality', 'corporation', 'targetGroup'].includes(r.dimension),
    );
  const municipality = filter.municipalityCode
    ? { code: filter.municipalityCode, name: municipalityLabel(base, filter.municipalityCode) }
    : null;
  const corporationName = filter.corporationId
    ? base.corporations.find((c) => c.id === filter.corporationId)?.name
    : null;
  return {
    scope,
    filter: {
      from: base.from,
      to: base.to,
      municipality,
      corporation: filter.corporationId
        ? { id: filter.corporationId, name: corporationName ?? '' }
        : null,
      targetGroup: filter.targetGroup ?? null,
    },
    smallCountsSuppressed: s,
    generatedAt: base.now.toISOString(),
    waitingToOffer: toWaitingIndicator(base, filter, waitingRows(toOffer)),
    waitingToKeys: toWaitingIndicator(base, filter, waitingRows(toKeys)),
    openCases: open && {
      byState: caseStates
        .filter((state) => state !== 'closed')
        .map((state) => ({
          key: state,
          label: caseStateLabel[state],
          count: shownCount(open.find((r) => r.state === state)?.count ?? 0, s),
        })),
      stalled: shownCount(
        open.reduce((sum, r) => sum + r.stalled, 0),
        s,
      ),
      stalledDays: base.config.stalledCaseDays,
      waitingOverTarget: shownCount(
        open.reduce((sum, r) => sum + r.waiting_over_target, 0),
        s,
      ),
    },
    decisions: decisions && countsOf(decisionRules, decisionRuleLabel, decisions, s),
    distribution,
    dwellings: dwellings.map((r) => ({
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
      municipalityCode: r.municipality_code,
      municipalityName: municipalityLabel(base, r.municipality_code),
      promised: r.promised,
      offered: shownCount(r.offered, s),
      accepted: shownCount(r.accepted, s),
    })),
    neighbourhoods: neighbourhoods.map((r) => ({
      municipalityCode: r.municipality_code,
      municipalityName: municipalityLabel(base, r.municipality_code),
      neighbourhood: r.neighbourhood,
      moves: shownCount(r.moves, s),
    })),
    outcomes: closed && countsOf(caseOutcomes, caseOutcomeLabel, closed, s),
    stillHoused: ([6, 12] as const).map((months) => {
      const row = checks.find((r) => r.months === months);
      const answered = row?.answered ?? 0;
      const housed = row?.still_housed ?? 0;
      return {
        months,
        due: shownCount(row?.due ?? 0, s),
        answered: shownCount(answered, s),
        stillHoused: shownCount(housed, s),
        share: shownFigure(
          shownFigure(answered ? housed / answered : null, answered, s),
          housed,
          s,
        ),
      };
    }),
  };
}

/**
 * The fairness chart: the allocations by population in the ledger period that holds the period's
 * end, per municipality of the current rule set, against its share of the population. It is the
 * ledger as the table uses it, so only the period's end picks it: the target group does not
 * narrow it (the ledger counts every group together) and a municipality's dashboard shows its
 * own row against the region's total. Expected = share × the region's allocations; deficit =
 * expected − allocated (above zero: behind, next in line), hidden where the allocation is "<5".
 */
async function distributionOf(
  tx: EntityManager,
  base: Base,
  filter: ScopedFilter,
): Promise<NonNullable<Dashboard['distribution']>> {
  const s = base.suppress;
  const fallback = agreementPeriodOn(base.config, base.to);
  const rows = await repository.distribution(tx, base.regionId, base.to, fallback);
  const allocatedTo = new Map(
    rows.filter((r) => r.municipality_code).map((r) => [r.municipality_code!, r.allocated]),
  );
  const population = base.config.municipalities.reduce((sum, m) => sum + m.population, 0);
  // As the rule counts: allocations to municipalities no longer in the region are left out.
  const total = base.config.municipalities.reduce(
    (sum, m) => sum + (allocatedTo.get(m.code) ?? 0),
    0,
  );
  return {
    periodStart: rows[0]?.period_start ?? fallback.start,
    periodEnd: rows[0]?.period_end ?? fallback.end,
    total: shownCount(total, s),
    rows: base.config.municipalities
      .filter((m) => !filter.municipalityCode || m.code === filter.municipalityCode)
      .map((m) => {
        const share = population ? m.population / population : 0;
        const allocated = allocatedTo.get(m.code) ?? 0;
        const expected = round2(share * total);
        return {
          municipalityCode: m.code,
          name: m.name,
          populationShare: share,
          allocated: shownCount(allocated, s),
          expected,
          deficit: shownFigure(round2(expected - allocated), allocated, s),
        };
      }),
  };
}

// ---- the use cases ----

async function buildView(
  tx: EntityManager,
  actor: Actor,
  filter: IndicatorFilter,
  now: Date,
): Promise<DashboardView> {
  const plan = planIndicators(actor, filter);
  const base = await baseOf(tx, actor, plan, filter, now);
  const regionScope = { kind: 'region' as const, label: `Regio ${base.regionName}` };
  const scope = plan.scope;
  let label = regionScope.label;
  if (scope.kind === 'municipality')
    label = `Gemeente ${municipalityLabel(base, scope.municipalityCode)}`;
  if (scope.kind === 'corporation') {
    // A corporation seat in an organisation that is no corporation of the region: fail closed.
    assertCanOnIndicators(actor, 'read', { corporationIds: base.corporations.map((c) => c.id) });
    label = base.corporations.find((c) => c.id === scope.corporationId)!.name;
  }
  let dashboard: Dashboard;
  let comparison: Dashboard | null = null;
  if (plan.comparison && scope.kind === 'municipality') {
    // One pass for both: the region's queries count the municipality's own figures beside (FILTER, GROUPING SETS).
    const regionRows = await fetchRows(tx, base, plan.comparison, scope.municipalityCode);
    comparison = assemble(base, plan.comparison, regionScope, regionRows);
    dashboard = assemble(
      base,
      plan.dashboard,
      { kind: scope.kind, label },
      ownRows(regionRows, scope.municipalityCode),
    );
  } else {
    dashboard = assemble(
      base,
      plan.dashboard,
      { kind: scope.kind, label },
      await fetchRows(tx, base, plan.dashboard, null),
    );
  }
  const allMunicipalities = base.config.municipalities.map((m) => ({ code: m.code, name: m.name }));
  // What leaves is the seat's projection as the contract says, checked here rather than trusted.
  const full: DashboardView = {
    dashboard,
    comparison,
    choices: {
      municipalities:
        scope.kind === 'municipality'
          ? allMunicipalities.filter((m) => m.code === scope.municipalityCode)
          : allMunicipalities,
      corporations:
        scope.kind === 'corporation'
          ? base.corporations.filter((c) => c.id === scope.corporationId)
          : base.corporations,
    },
  };
  return dashboardViewSchema.parse(toDashboardView(full, actor.seat));
}

/**
 * One snapshot for the whole dashboard: every section counts the same moment.
 *
 * Two planner settings, for this transaction only. Each query reads at most a few thousand rows
 * of one region, so a parallel worker costs more to start than it saves (measured: a 6 ms
 * aggregate took 18 ms behind a Gather). And without parallel workers the default cost of a
 * random page (4, for spinning disks) made the planner read all 235,000 dwellings of the country
 * rather than look up the region's 1,000 offered ones (300 ms instead of 6); 1.1 is the usual
 * value for data in memory or on SSD, where these rows are.
 */
async function inSnapshot<T>(db: DataSource, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  return db.transaction('REPEATABLE READ', async (tx) => {
    await tx.query(
      'SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL random_page_cost = 1.1',
    );
    return work(tx);
  });
}

export async function readDashboard(
  db: DataSource,
  actor: Actor,
  filter: IndicatorFilter,
  now = new Date(),
): Promise<DashboardView> {
  return inSnapshot(db, (tx) => buildView(tx, actor, filter, now));
}

async function auditExport(
  tx: EntityManager,
  context: RequestContext,
  objectId: IndicatorId | 'report',
  view: DashboardView,
  format: ExportFormat | 'pdf',
): Promise<void> {
  const applied = view.dashboard.filter;
  await writeAudit(tx, context, {
    action: 'indicator.export',
    objectType: 'indicator',
    objectId,
    purpose: 'accountability',
    outcome: 'success',
    details: {
      format,
      from: applied.from,
      to: applied.to,
      municipality: applied.municipality?.code ?? null,
      corporation: applied.corporation?.id ?? null,
      targetGroup: applied.targetGroup,
    },
  });
}

/** The period as a file name reads it. */
const periodName = (view: DashboardView) =>
  `${view.dashboard.filter.from}-tot-${view.dashboard.filter.to}`;

/** One indicator as a CSV or a workbook, with the dashboard's filters and scope; audited as an export. */
export async function exportIndicator(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  indicator: IndicatorId,
  filter: IndicatorFilter,
  format: ExportFormat,
  now = new Date(),
): Promise<DownloadFile> {
  return inSnapshot(db, async (tx) => {
    const view = await buildView(tx, actor, filter, now);
    const file = indicatorTable(view, indicator);
    if (!file) {
      throw new AppError(
        'NOT_FOUND',
        'Deze indicator gaat over casussen, niet over de woningen van één corporatie; bij een corporatie is hij er niet.',
      );
    }
    await auditExport(tx, context, indicator, view, format);
    const applied = view.dashboard.filter;
    return renderExport(format, `${file.name}-${periodName(view)}`, {
      sheetName: indicatorTitle[indicator],
      title: {
        subject: `${indicatorTitle[indicator]}: ${describeDashboardScope(view)}`,
        period: { from: applied.from, to: applied.to },
        filters: [
          ...describeAppliedFilter(applied),
          ...(view.dashboard.smallCountsSuppressed
            ? [`aantallen van 1 tot en met 4 als "${suppressedCountText}"`]
            : []),
        ],
        madeAt: now,
      },
      table: file.table,
    });
  });
}

export async function exportReportPdf(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  filter: IndicatorFilter,
  now = new Date(),
): Promise<{ filename: string; pdf: Buffer }> {
  const view = await inSnapshot(db, async (tx) => {
    const built = await buildView(tx, actor, filter, now);
    await auditExport(tx, context, 'report', built, 'pdf');
    return built;
  });
  return { filename: `indicatoren-${periodName(view)}.pdf`, pdf: await dashboardPdf(view, now) };
}

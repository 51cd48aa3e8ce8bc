import {
  formatDutchDate,
  indicatorTitle,
  type Dashboard,
  type DashboardView,
  type IndicatorCount,
  type IndicatorId,
  type WaitingFigure,
  type WaitingIndicator,
} from '@uitstroom/shared';
import { countText, countWithShare, daysText, decimalText, shareText } from './indicator-format';

/**
 * Each indicator of a dashboard as data for the page: the figures of its table(s), already written
 * in Dutch, and the series of its chart. The page draws a chart and the tables from this; the
 * printable page draws only the tables, so paper and screen can never show different figures.
 *
 * A municipality gets its own figures and the region's (`comparison`): the tables put them in
 * column groups side by side, the charts in paired series. Where the two are the very same they
 * show once; and where the rows belong to one municipality each (the distribution ledger, the
 * dwellings, the neighbourhoods) the municipality's rows are the region's rows for it, so the
 * region's rows show once with the reader's own marked.
 */

export interface TableRowSpec {
  key: string;
  label: string;
  /** The cells of the own dashboard, one per column; null where it has no such row. */
  own: string[] | null;
  /** The region's cells beside them; absent without a comparison. */
  region?: string[] | null;
  isTotal?: boolean;
  /** A word beside the label, e.g. "uw gemeente" for the reader's own rows among the region's. */
  mark?: string;
}

export interface TableSpec {
  caption: string;
  rowHeader: string;
  columns: string[];
  groups: { title?: string; rows: TableRowSpec[] }[];
}

/** A chart's value: a number, null (nothing to draw) or "<5" (drawn as a hatched bar up to 4, the most it can be). */
export type ChartValue = number | null | '<5';

export interface ChartSeries {
  key: string;
  name: string;
  tone: 'own' | 'region';
  /** Position in the palette: the same figure has the same colour for own and region, darker for own. */
  hue: number;
  /** A promise to measure against (a contingent): drawn light, behind the figures that count. */
  isTarget?: boolean;
}

export interface ChartSpec {
  /** What the chart shows, for its accessible name; the table after it has the figures. */
  summary: string;
  unit: 'count' | 'days';
  rows: { label: string; values: Record<string, ChartValue> }[];
  series: ChartSeries[];
  reference?: { value: number; label: string };
}

export interface SectionSpec {
  id: IndicatorId;
  title: string;
  description: string;
  isEmpty: boolean;
  emptyText: string;
  /** Alternative charts of one section (waiting time per municipality, corporation or target group). */
  charts: { label: string; chart: ChartSpec }[];
  tables: TableSpec[];
}

interface Sides<T> {
  own: T;
  region: T | null;
  ownLabel: string;
  regionLabel: string;
}

type View = Pick<DashboardView, 'dashboard' | 'comparison'>;

const sameFigures = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Rows of both sides by key, in the region's order (it has every row), the own-only rows after. */
function pairRows<T>(
  own: readonly T[],
  region: readonly T[] | null,
  keyOf: (row: T) => string,
): { key: string; own: T | null; region: T | null }[] {
  if (!region) return own.map((row) => ({ key: keyOf(row), own: row, region: null }));
  const ownByKey = new Map(own.map((row) => [keyOf(row), row]));
  const paired = region.map((row) => ({
    key: keyOf(row),
    own: ownByKey.get(keyOf(row)) ?? null,
    region: row,
  }));
  const seen = new Set(paired.map((row) => row.key));
  return [
    ...paired,
    ...own
      .filter((row) => !seen.has(keyOf(row)))
      .map((row) => ({ key: keyOf(row), own: row, region: null })),
  ];
}

function tableRows<T>(
  sides: Sides<readonly T[]>,
  keyOf: (row: T) => string,
  labelOf: (row: T) => string,
  cells: (row: T) => string[],
): TableRowSpec[] {
  return pairRows(sides.own, sides.region, keyOf).map((pair) => ({
    key: pair.key,
    label: labelOf((pair.own ?? pair.region)!),
    own: pair.own ? cells(pair.own) : null,
    ...(sides.region ? { region: pair.region ? cells(pair.region) : null } : {}),
  }));
}

/** Chart rows from paired rows: each series reads its value from its side's row. */
function chartRows<T>(
  sides: Sides<readonly T[]>,
  keyOf: (row: T) => string,
  labelOf: (row: T) => string,
  figures: Record<string, (row: T) => ChartValue>,
): ChartSpec['rows'] {
  return pairRows(sides.own, sides.region, keyOf).map((pair) => {
    const values: Record<string, ChartValue> = {};
    for (const [name, figure] of Object.entries(figures)) {
      values[`own:${name}`] = pair.own ? figure(pair.own) : null;
      if (sides.region) values[`region:${name}`] = pair.region ? figure(pair.region) : null;
    }
    return { label: labelOf((pair.own ?? pair.region)!), values };
  });
}

/** The series of a chart: each figure for the own side, and beside it the region's. */
function chartSeries(
  sides: Sides<unknown>,
  figures: readonly string[],
  targets: readonly string[] = [],
): ChartSeries[] {
  const multiple = !!sides.region;
  const name = (side: string, figure: string) =>
    multiple ? `${side}: ${figure.toLowerCase()}` : figure;
  return figures.flatMap((figure, hue) => {
    const isTarget = targets.includes(figure);
    return [
      {
        key: `own:${figure}`,
        name: name(sides.ownLabel, figure),
        tone: 'own' as const,
        hue,
        isTarget,
      },
      ...(multiple
        ? [
            {
              key: `region:${figure}`,
              name: name(sides.regionLabel, figure),
              tone: 'region' as const,
              hue,
              isTarget,
            },
          ]
        : []),
    ];
  });
}

/**
 * Rows that belong to one municipality (a dwelling's, a neighbourhood's) are the same in a
 * municipality's own dashboard as in the region's. Side by side they would only repeat each
 * other: the table then shows the region's rows once, with the reader's own marked.
 */
function collapseRepeated<T>(
  sides: Sides<readonly T[]>,
  keyOf: (row: T) => string,
): { sides: Sides<readonly T[]>; ownKeys: Set<string> | null } {
  if (!sides.region) return { sides, ownKeys: null };
  const regionByKey = new Map(sides.region.map((row) => [keyOf(row), row]));
  const repeats = sides.own.every(
    (row) => !regionByKey.has(keyOf(row)) || sameFigures(row, regionByKey.get(keyOf(row))),
  );
  if (!repeats) return { sides, ownKeys: null };
  const ownKeys = new Set(sides.own.map(keyOf));
  const merged = [...sides.region, ...sides.own.filter((row) => !regionByKey.has(keyOf(row)))];
  return { sides: { ...sides, own: merged, region: null, ownLabel: sides.regionLabel }, ownKeys };
}

const ownMark = 'uw gemeente';
const markOwn = (rows: TableRowSpec[], ownKeys: Set<string> | null) =>
  ownKeys ? rows.map((row) => (ownKeys.has(row.key) ? { ...row, mark: ownMark } : row)) : rows;

const isZero = (count: IndicatorCount) => count === 0;
const chartCount = (count: IndicatorCount): ChartValue => count;

/** A section's figures on both sides; `collapseSame`: where the region's are the very same as the own, show them once. */
function sidesOf<K extends keyof Dashboard>(
  view: View,
  key: K,
  collapseSame = true,
): Sides<NonNullable<Dashboard[K]>> | null {
  const own = view.dashboard[key];
  if (own === null) return null;
  const region = view.comparison?.[key] ?? null;
  return {
    own: own as NonNullable<Dashboard[K]>,
    region:
      region !== null && !(collapseSame && sameFigures(own, region))
        ? (region as NonNullable<Dashboard[K]>)
        : null,
    ownLabel: view.dashboard.scope.label,
    regionLabel: view.comparison?.scope.label ?? '',
  };
}

const map = <T, U>(sides: Sides<T>, pick: (side: T) => U): Sides<U> => ({
  ...sides,
  own: pick(sides.own),
  region: sides.region === null ? null : pick(sides.region),
});

function waitingSection(
  id: 'waitingToOffer' | 'waitingToKeys',
  sides: Sides<WaitingIndicator>,
): SectionSpec {
  const target = sides.own.targetDays;
  const cells = (f: WaitingFigure) => [
    countText(f.count),
    daysText(f.medianDays),
    daysText(f.p75Days),
    countWithShare(f.overTarget, f.overTargetShare),
  ];
  const keyOf = (f: WaitingFigure) => f.key;
  const labelOf = (f: WaitingFigure) => f.label;
  const breakdowns = [
    { title: 'Per gemeente', pick: (w: WaitingIndicator) => w.byMunicipality },
    { title: 'Per corporatie', pick: (w: WaitingIndicator) => w.byCorporation },
    { title: 'Per doelgroep', pick: (w: WaitingIndicator) => w.byTargetGroup },
  ]
    .map((b) => ({ title: b.title, sides: map(sides, b.pick) }))
    .filter((b) => b.sides.own.length > 0 || (b.sides.region?.length ?? 0) > 0);
  const total = tableRows(
    map(sides, (w) => [w.total]),
    () => 'total',
    () => 'Totaal',
    cells,
  ).map((row) => ({ ...row, isTotal: true }));
  const goal = id === 'waitingToOffer' ? 'het eerste woningaanbod' : 'de sleuteloverdracht';
  return {
    id,
    title: indicatorTitle[id],
    description: `Dagen van uitstroomgereed tot ${goal}, voor ieder ${id === 'waitingToOffer' ? 'aanbod' : 'sleuteloverdracht'} in de periode: de mediaan, het 75e percentiel en hoeveel langer wachtten dan de norm van ${target} dagen.`,
    isEmpty:
      isZero(sides.own.total.count) && (sides.region === null || isZero(sides.region.total.count)),
    emptyText: 'Geen gegevens in deze periode.',
    charts: breakdowns.map((b) => ({
      label: b.title,
      chart: {
        summary: `Staafdiagram: mediaan en 75e percentiel van de wachttijd in dagen, ${b.title.toLowerCase()}, met de norm van ${target} dagen.`,
        unit: 'days',
        rows: chartRows(b.sides, keyOf, labelOf, {
          Mediaan: (f) => f.medianDays,
          '75e percentiel': (f) => f.p75Days,
        }),
        series: chartSeries(sides, ['Mediaan', '75e percentiel']),
        reference: { value: target, label: `Norm ${target} dagen` },
      },
    })),
    tables: [
      {
        caption: `${indicatorTitle[id]} (dagen)`,
        rowHeader: 'Groep',
        columns: ['Aantal', 'Mediaan', '75e percentiel', `Langer dan ${target} dagen`],
        groups: [
          { rows: total },
          ...breakdowns.map((b) => ({
            title: b.title,
            rows: tableRows(b.sides, keyOf, labelOf, cells),
          })),
        ],
      },
    ],
  };
}

type Labelled = { key: string; label: string; count: IndicatorCount };

/** One count per category (decisions by rule, outcomes): a table with one column and a bar per category. */
function countSection(
  id: IndicatorId,
  sides: Sides<readonly Labelled[]>,
  text: { description: string; emptyText: string; what: string; rowHeader: string },
): SectionSpec {
  const { description, emptyText, what, rowHeader } = text;
  const keyOf = (row: Labelled) => row.key;
  const labelOf = (row: Labelled) => row.label;
  return {
    id,
    title: indicatorTitle[id],
    description,
    isEmpty:
      sides.own.every((row) => isZero(row.count)) &&
      (sides.region?.every((row) => isZero(row.count)) ?? true),
    emptyText,
    charts: [
      {
        label: '',
        chart: {
          summary: `Staafdiagram: ${what}.`,
          unit: 'count',
          rows: chartRows(sides, keyOf, labelOf, { Aantal: (row) => chartCount(row.count) }),
          series: chartSeries(sides, ['Aantal']),
        },
      },
    ],
    tables: [
      {
        caption: indicatorTitle[id],
        rowHeader,
        columns: ['Aantal'],
        groups: [{ rows: tableRows(sides, keyOf, labelOf, (row) => [countText(row.count)]) }],
      },
    ],
  };
}

/** Every section the seat may see, in the order of domain.md §6; a section the seat may not see is left out. */
export function buildSections(view: View): SectionSpec[] {
  const waitingToOffer = sidesOf(view, 'waitingToOffer');
  const waitingToKeys = sidesOf(view, 'waitingToKeys');
  const open = sidesOf(view, 'openCases');
  const decisions = sidesOf(view, 'decisions');
  const distribution = sidesOf(view, 'distribution', false);
  const dwellings = sidesOf(view, 'dwellings', false);
  const neighbourhoods = sidesOf(view, 'neighbourhoods', false);
  const outcomes = sidesOf(view, 'outcomes');
  const stillHoused = sidesOf(view, 'stillHoused');
  return [
    waitingToOffer && waitingSection('waitingToOffer', waitingToOffer),
    waitingToKeys && waitingSection('waitingToKeys', waitingToKeys),
    open && openCasesSection(open),
    decisions &&
      countSection('decisions', decisions, {
        description:
          'De besluiten van de tafels in de periode, naar de regel waarop de bestemming rust: de gemeente van herkomst of een uitzondering.',
        emptyText: 'Geen besluiten in deze periode.',
        what: 'besluiten per regel',
        rowHeader: 'Regel',
      }),
    distribution && distributionSection(distribution),
    dwellings && dwellingsSection(dwellings),
    neighbourhoods && neighbourhoodsSection(neighbourhoods),
    outcomes &&
      countSection('outcomes', outcomes, {
        description: 'De casussen die in de periode zijn afgesloten, naar uitkomst.',
        emptyText: 'Geen afgesloten casussen in deze periode.',
        what: 'afgesloten casussen per uitkomst',
        rowHeader: 'Uitkomst',
      }),
    stillHoused && stillHousedSection(stillHoused),
  ].filter((section): section is SectionSpec => !!section);
}

type OpenCases = NonNullable<Dashboard['openCases']>;

/** The cases open today per phase, and of them the stalled ones and those waiting too long. */
function openCasesSection(open: Sides<OpenCases>): SectionSpec {
  const byState = map(open, (o) => o.byState as readonly Labelled[]);
  const extra = (o: OpenCases): Labelled[] => [
    {
      key: 'stalled',
      label: `Vastgelopen: ${o.stalledDays} dagen of langer geen activiteit`,
      count: o.stalled,
    },
    {
      key: 'waitingOverTarget',
      label: 'Langer dan de norm uitstroomgereed, nog zonder woningaanbod',
      count: o.waitingOverTarget,
    },
  ];
  const keyOf = (r: Labelled) => r.key;
  const labelOf = (r: Labelled) => r.label;
  const countCells = (row: Labelled) => [countText(row.count)];
  return {
    id: 'openCases',
    title: indicatorTitle.openCases,
    description:
      'De casussen die vandaag open zijn, per fase (de periode telt hier niet mee), en hoeveel daarvan vastgelopen zijn of te lang wachten.',
    isEmpty: [open.own, open.region].every(
      (o) => !o || (o.byState.every((row) => isZero(row.count)) && isZero(o.stalled)),
    ),
    emptyText: 'Er zijn vandaag geen open casussen.',
    charts: [
      {
        label: '',
        chart: {
          summary: 'Staafdiagram: open casussen per fase.',
          unit: 'count',
          rows: chartRows(byState, keyOf, labelOf, { Aantal: (r) => chartCount(r.count) }),
          series: chartSeries(open, ['Aantal']),
        },
      },
    ],
    tables: [
      {
        caption: indicatorTitle.openCases,
        rowHeader: 'Fase',
        columns: ['Aantal'],
        groups: [
          { rows: tableRows(byState, keyOf, labelOf, countCells) },
          { title: 'Waarvan', rows: tableRows(map(open, extra), keyOf, labelOf, countCells) },
        ],
      },
    ],
  };
}

type Distribution = NonNullable<Dashboard['distribution']>;
type DistributionRow = Distribution['rows'][number];

/** Allocations by population share in the Akkoord's period, against each municipality's share. */
function distributionSection(distributionSides: Sides<Distribution>): SectionSpec {
  const keyOf = (row: DistributionRow) => row.municipalityCode;
  const labelOf = (row: DistributionRow) => row.name;
  // One ledger for the region: a municipality's own row is the region's row, and the total is the region's.
  const { sides: rows, ownKeys } = collapseRepeated(
    map(distributionSides, (d) => d.rows),
    keyOf,
  );
  const distribution = distributionSides.own;
  return {
    id: 'distribution',
    title: indicatorTitle.distribution,
    description: `Toewijzingen met uitzondering C (verdeling naar inwoneraantal) in de akkoordperiode ${formatDutchDate(distribution.periodStart)} t/m ${formatDutchDate(distribution.periodEnd)}, tegen het aandeel van elke gemeente in de bevolking. Verwacht is wat een precies eerlijke verdeling had gegeven; een tekort boven nul betekent dat de gemeente aan de beurt is.`,
    isEmpty:
      isZero(distribution.total) &&
      (distributionSides.region === null || isZero(distributionSides.region.total)),
    emptyText: 'Nog geen toewijzingen naar inwoneraantal in deze akkoordperiode.',
    charts: [
      {
        label: '',
        chart: {
          summary:
            'Staafdiagram: per gemeente het aantal toegewezen bewoners naast het verwachte aantal en het tekort.',
          unit: 'count',
          rows: chartRows(rows, keyOf, labelOf, {
            Toegewezen: (r) => chartCount(r.allocated),
            Verwacht: (r) => r.expected,
            Tekort: (r) => r.deficit,
          }),
          series: chartSeries(rows, ['Toegewezen', 'Verwacht', 'Tekort']),
        },
      },
    ],
    tables: [
      {
        caption: ownKeys
          ? `${indicatorTitle.distribution} (${distributionSides.regionLabel})`
          : indicatorTitle.distribution,
        rowHeader: 'Gemeente',
        columns: ['Aandeel inwoners', 'Toegewezen', 'Verwacht', 'Tekort'],
        groups: [
          {
            rows: markOwn(
              tableRows(rows, keyOf, labelOf, (r) => [
                shareText(r.populationShare),
                countText(r.allocated),
                decimalText(r.expected),
                decimalText(r.deficit),
              ]),
              ownKeys,
            ),
          },
          { rows: distributionTotal(distributionSides, !!ownKeys) },
        ],
      },
    ],
  };
}

/** The ledger's total row; where the rows show the region's ledger once, the region's total. */
function distributionTotal(sides: Sides<Distribution>, isRegionsLedger: boolean): TableRowSpec[] {
  const totals = isRegionsLedger
    ? { ...sides, own: sides.region ?? sides.own, region: null }
    : sides;
  return tableRows(
    map(totals, (d) => [d]),
    () => 'total',
    () => 'Totaal',
    (d) => [shareText(1), countText(d.total), '', ''],
  ).map((row) => ({ ...row, isTotal: true }));
}

type DwellingRow = Dashboard['dwellings'][number];

/** Per corporation and municipality: the dwellings offered and accepted, beside the contingent's promise. */
function dwellingsSection(dwellingSides: Sides<Dashboard['dwellings']>): SectionSpec {
  const keyOf = (row: DwellingRow) => `${row.organisationId}:${row.municipalityCode}`;
  const labelOf = (row: DwellingRow) => `${row.organisationName} · ${row.municipalityName}`;
  const { sides: dwellings, ownKeys } = collapseRepeated(dwellingSides, keyOf);
  return {
    id: 'dwellings',
    title: indicatorTitle.dwellings,
    description:
      'Per corporatie en gemeente: de woningen die in de periode aan een casus zijn aangeboden en door de bewoner aanvaard, naast wat het contingent van die jaren toezegt.',
    isEmpty: dwellings.own.length === 0 && (dwellings.region?.length ?? 0) === 0,
    emptyText: 'Geen gegevens in deze periode: geen aanbiedingen en geen contingenten.',
    charts: [
      {
        label: '',
        chart: {
          summary:
            'Staafdiagram: per corporatie en gemeente de aangeboden en aanvaarde woningen naast het toegezegde aantal.',
          unit: 'count',
          rows: chartRows(dwellings, keyOf, labelOf, {
            Aangeboden: (r) => chartCount(r.offered),
            Aanvaard: (r) => chartCount(r.accepted),
            Toegezegd: (r) => r.promised,
          }),
          series: chartSeries(dwellings, ['Aangeboden', 'Aanvaard', 'Toegezegd'], ['Toegezegd']),
        },
      },
    ],
    tables: [
      {
        caption: ownKeys
          ? `${indicatorTitle.dwellings} (${dwellingSides.regionLabel})`
          : indicatorTitle.dwellings,
        rowHeader: 'Corporatie · gemeente',
        columns: ['Aangeboden', 'Aanvaard', 'Toegezegd'],
        groups: [
          {
            rows: markOwn(
              tableRows(dwellings, keyOf, labelOf, (r) => [
                countText(r.offered),
                countText(r.accepted),
                r.promised === null ? 'geen afspraak' : countText(r.promised),
              ]),
              ownKeys,
            ),
          },
        ],
      },
    ],
  };
}

type NeighbourhoodRow = Dashboard['neighbourhoods'][number];

/** The moves (key handovers) in the period, per neighbourhood of the dwelling. */
function neighbourhoodsSection(
  neighbourhoodSides: Sides<Dashboard['neighbourhoods']>,
): SectionSpec {
  const keyOf = (row: NeighbourhoodRow) => `${row.municipalityCode}:${row.neighbourhood}`;
  const labelOf = (row: NeighbourhoodRow) => `${row.municipalityName} · ${row.neighbourhood}`;
  const { sides: neighbourhoods, ownKeys } = collapseRepeated(neighbourhoodSides, keyOf);
  return {
    id: 'neighbourhoods',
    title: indicatorTitle.neighbourhoods,
    description: 'Verhuizingen (sleuteloverdrachten) in de periode, per wijk van de woning.',
    isEmpty: neighbourhoods.own.length === 0 && (neighbourhoods.region?.length ?? 0) === 0,
    emptyText: 'Geen verhuizingen in deze periode.',
    charts: [
      {
        label: '',
        chart: {
          summary: 'Staafdiagram: verhuizingen per wijk.',
          unit: 'count',
          rows: chartRows(neighbourhoods, keyOf, labelOf, {
            Verhuizingen: (r) => chartCount(r.moves),
          }),
          series: chartSeries(neighbourhoods, ['Verhuizingen']),
        },
      },
    ],
    tables: [
      {
        caption: ownKeys
          ? `${indicatorTitle.neighbourhoods} (${neighbourhoodSides.regionLabel})`
          : indicatorTitle.neighbourhoods,
        rowHeader: 'Gemeente · wijk',
        columns: ['Verhuizingen'],
        groups: [
          {
            rows: markOwn(
              tableRows(neighbourhoods, keyOf, labelOf, (r) => [countText(r.moves)]),
              ownKeys,
            ),
          },
        ],
      },
    ],
  };
}

type StillHoused = NonNullable<Dashboard['stillHoused']>;
type StillHousedRow = StillHoused[number];

/** The follow-up checks 6 and 12 months after the keys: answered, and is the resident still housed? */
function stillHousedSection(stillHoused: Sides<StillHoused>): SectionSpec {
  const keyOf = (row: StillHousedRow) => String(row.months);
  const labelOf = (row: StillHousedRow) => `Na ${row.months} maanden`;
  return {
    id: 'stillHoused',
    title: indicatorTitle.stillHoused,
    description:
      'De nazorgcontroles 6 en 12 maanden na de sleuteloverdracht die in de periode vielen: hoeveel zijn er beantwoord, en woont de bewoner nog in de woning?',
    isEmpty:
      stillHoused.own.every((r) => isZero(r.due)) &&
      (stillHoused.region?.every((r) => isZero(r.due)) ?? true),
    emptyText: 'Geen nazorgcontroles in deze periode.',
    charts: [
      {
        label: '',
        chart: {
          summary:
            'Staafdiagram: beantwoorde controles en bewoners die nog gehuisvest zijn, na 6 en na 12 maanden.',
          unit: 'count',
          rows: chartRows(stillHoused, keyOf, labelOf, {
            Beantwoord: (r) => chartCount(r.answered),
            'Nog gehuisvest': (r) => chartCount(r.stillHoused),
          }),
          series: chartSeries(stillHoused, ['Beantwoord', 'Nog gehuisvest']),
        },
      },
    ],
    tables: [
      {
        caption: indicatorTitle.stillHoused,
        rowHeader: 'Controle',
        columns: ['Te doen', 'Beantwoord', 'Nog gehuisvest', 'Aandeel nog gehuisvest'],
        groups: [
          {
            rows: tableRows(stillHoused, keyOf, labelOf, (r) => [
              countText(r.due),
              countText(r.answered),
              countText(r.stillHoused),
              shareText(r.share),
            ]),
          },
        ],
      },
    ],
  };
}

/** Whether any figure on the dashboard is "<5" or left out, so the page explains it once. */
export function showsSuppressed(view: View): boolean {
  return view.dashboard.smallCountsSuppressed || (view.comparison?.smallCountsSuppressed ?? false);
}

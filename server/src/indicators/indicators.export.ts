import type {
  Dashboard,
  DashboardView,
  ExportCell,
  ExportColumn,
  ExportTable,
  IndicatorId,
  WaitingIndicator,
} from '@uitstroom/shared';

/**
 * Each indicator as a table, for its CSV and its workbook, written from the dashboard the seat
 * already received (so "<5" stays "<5", and a section the seat may not see has no file), through
 * the one pair of safe writers: formula-like text neutralised (an organisation or neighbourhood
 * named `=HYPERLINK(…)` arrives as text). Dutch headers; the CSV with `;` and a decimal comma as
 * Dutch Excel reads it, the workbook with real numbers, dates and percentages.
 *
 * The first column names the area the row is about. A municipality gets its own rows and the
 * region's rows in one file (the same filters, its own first), so its council report can set them
 * side by side; every other seat gets one area, in the same layout.
 */

/** The part of the file name before the period. */
const fileName: Record<IndicatorId, string> = {
  waitingToOffer: 'wachttijd-tot-aanbod',
  waitingToKeys: 'wachttijd-tot-sleutels',
  openCases: 'open-casussen',
  decisions: 'besluiten-per-regel',
  distribution: 'verdeling-naar-inwonertal',
  dwellings: 'woningen-en-contingenten',
  neighbourhoods: 'plaatsingen-per-wijk',
  outcomes: 'uitkomsten',
  stillHoused: 'nog-gehuisvest',
};

type Rows = ExportCell[][];
type Section = { columns: ExportColumn[]; rows: (dashboard: Dashboard) => Rows | null };

const text = (header: string): ExportColumn => ({ header, type: 'text' });
const count = (header: string): ExportColumn => ({ header, type: 'count' });

function waitingRows(indicator: WaitingIndicator): Rows {
  const groups: [string, WaitingIndicator['byMunicipality']][] = [
    ['Totaal', [indicator.total]],
    ['Gemeente', indicator.byMunicipality],
    ['Corporatie', indicator.byCorporation],
    ['Doelgroep', indicator.byTargetGroup],
  ];
  return groups.flatMap(([kind, figures]) =>
    figures.map((f) => [
      kind,
      f.label,
      f.count,
      f.medianDays,
      f.p75Days,
      indicator.targetDays,
      f.overTarget,
      f.overTargetShare,
    ]),
  );
}

const waitingColumns: ExportColumn[] = [
  text('indeling'),
  text('groep'),
  count('aantal'),
  { header: 'mediaan (dagen)', type: 'decimal' },
  { header: '75e percentiel (dagen)', type: 'decimal' },
  { header: 'norm (dagen)', type: 'integer' },
  count('boven de norm'),
  { header: 'boven de norm (%)', type: 'percentage' },
];

const sections: Record<IndicatorId, Section> = {
  waitingToOffer: { columns: waitingColumns, rows: (d) => waitingRows(d.waitingToOffer) },
  waitingToKeys: { columns: waitingColumns, rows: (d) => waitingRows(d.waitingToKeys) },
  openCases: {
    columns: [text('onderdeel'), count('aantal')],
    rows: (d) =>
      d.openCases && [
        ...d.openCases.byState.map((s) => [`Fase: ${s.label}`, s.count]),
        [`Zonder activiteit sinds ${d.openCases.stalledDays} dagen`, d.openCases.stalled],
        [`Langer dan de norm uitstroomgereed, zonder woningaanbod`, d.openCases.waitingOverTarget],
      ],
  },
  decisions: {
    columns: [text('regel'), count('aantal besluiten')],
    rows: (d) => d.decisions && d.decisions.map((r) => [r.label, r.count]),
  },
  distribution: {
    columns: [
      { header: 'periode van', type: 'date' },
      { header: 'periode tot en met', type: 'date' },
      text('gemeente'),
      { header: 'aandeel inwoners (%)', type: 'percentage' },
      count('toegewezen'),
      { header: 'verwacht naar inwonertal', type: 'decimal' },
      { header: 'achterstand', type: 'decimal' },
    ],
    rows: (d) =>
      d.distribution && [
        ...d.distribution.rows.map((r) => [
          d.distribution!.periodStart,
          d.distribution!.periodEnd,
          r.name,
          r.populationShare,
          r.allocated,
          r.expected,
          r.deficit,
        ]),
        [
          d.distribution.periodStart,
          d.distribution.periodEnd,
          'Totaal',
          1,
          d.distribution.total,
          null,
          null,
        ],
      ],
  },
  dwellings: {
    columns: [
      text('corporatie'),
      text('gemeente'),
      count('toegezegd in contingent'),
      count('aangeboden'),
      count('aanvaard'),
    ],
    rows: (d) =>
      d.dwellings.map((r) => [
        r.organisationName,
        r.municipalityName,
        r.promised,
        r.offered,
        r.accepted,
      ]),
  },
  neighbourhoods: {
    columns: [text('gemeente'), text('wijk'), count('verhuizingen')],
    rows: (d) => d.neighbourhoods.map((r) => [r.municipalityName, r.neighbourhood, r.moves]),
  },
  outcomes: {
    columns: [text('uitkomst'), count('aantal')],
    rows: (d) => d.outcomes && d.outcomes.map((r) => [r.label, r.count]),
  },
  stillHoused: {
    columns: [
      { header: 'meting na (maanden)', type: 'integer' },
      count('metingen'),
      count('beantwoord'),
      count('nog gehuisvest'),
      { header: 'nog gehuisvest (%)', type: 'percentage' },
    ],
    rows: (d) =>
      d.stillHoused &&
      d.stillHoused.map((r) => [r.months, r.due, r.answered, r.stillHoused, r.share]),
  },
};

/** The table of one indicator, or null where the seat's dashboard has no such section. */
export function indicatorTable(
  view: DashboardView,
  indicator: IndicatorId,
): { name: string; table: ExportTable } | null {
  const section = sections[indicator];
  const areas = [view.dashboard, ...(view.comparison ? [view.comparison] : [])];
  const rows: Rows = [];
  for (const dashboard of areas) {
    const own = section.rows(dashboard);
    if (!own) return null;
    rows.push(...own.map((row) => [dashboard.scope.label, ...row]));
  }
  return {
    name: fileName[indicator],
    table: { columns: [text('gebied'), ...section.columns], rows },
  };
}

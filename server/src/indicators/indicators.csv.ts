import {
  toCsv,
  type CsvCell,
  type Dashboard,
  type DashboardView,
  type IndicatorId,
  type WaitingIndicator,
} from '@uitstroom/shared';

/**
 * Each indicator as a CSV, written from the dashboard the seat already received (so "<5" stays
 * "<5", and a section the seat may not see has no file), through the one safe writer: every text
 * quoted and formula cells neutralised (an organisation or neighbourhood named `=HYPERLINK(…)`
 * arrives as text). Dutch headers, `;` and a decimal comma, as Dutch Excel reads them.
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

/** A share 0..1 as a percentage with one decimal; empty where it is not shown. */
export const percentage = (share: number | null) =>
  share === null ? null : Math.round(share * 1000) / 10;

type Rows = CsvCell[][];
type Section = { header: string[]; rows: (dashboard: Dashboard) => Rows | null };

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
      percentage(f.overTargetShare),
    ]),
  );
}

const waitingHeader = [
  'indeling',
  'groep',
  'aantal',
  'mediaan (dagen)',
  '75e percentiel (dagen)',
  'norm (dagen)',
  'boven de norm',
  'boven de norm (%)',
];

const sections: Record<IndicatorId, Section> = {
  waitingToOffer: { header: waitingHeader, rows: (d) => waitingRows(d.waitingToOffer) },
  waitingToKeys: { header: waitingHeader, rows: (d) => waitingRows(d.waitingToKeys) },
  openCases: {
    header: ['onderdeel', 'aantal'],
    rows: (d) =>
      d.openCases && [
        ...d.openCases.byState.map((s) => [`Fase: ${s.label}`, s.count]),
        [`Zonder activiteit sinds ${d.openCases.stalledDays} dagen`, d.openCases.stalled],
        [`Langer dan de norm uitstroomgereed, zonder woningaanbod`, d.openCases.waitingOverTarget],
      ],
  },
  decisions: {
    header: ['regel', 'aantal besluiten'],
    rows: (d) => d.decisions && d.decisions.map((r) => [r.label, r.count]),
  },
  distribution: {
    header: [
      'periode van',
      'periode tot en met',
      'gemeente',
      'aandeel inwoners (%)',
      'toegewezen',
      'verwacht naar inwonertal',
      'achterstand',
    ],
    rows: (d) =>
      d.distribution && [
        ...d.distribution.rows.map((r) => [
          d.distribution!.periodStart,
          d.distribution!.periodEnd,
          r.name,
          percentage(r.populationShare),
          r.allocated,
          r.expected,
          r.deficit,
        ]),
        [
          d.distribution.periodStart,
          d.distribution.periodEnd,
          'Totaal',
          100,
          d.distribution.total,
          null,
          null,
        ],
      ],
  },
  dwellings: {
    header: ['corporatie', 'gemeente', 'toegezegd in contingent', 'aangeboden', 'aanvaard'],
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
    header: ['gemeente', 'wijk', 'verhuizingen'],
    rows: (d) => d.neighbourhoods.map((r) => [r.municipalityName, r.neighbourhood, r.moves]),
  },
  outcomes: {
    header: ['uitkomst', 'aantal'],
    rows: (d) => d.outcomes && d.outcomes.map((r) => [r.label, r.count]),
  },
  stillHoused: {
    header: [
      'meting na (maanden)',
      'metingen',
      'beantwoord',
      'nog gehuisvest',
      'nog gehuisvest (%)',
    ],
    rows: (d) =>
      d.stillHoused &&
      d.stillHoused.map((r) => [r.months, r.due, r.answered, r.stillHoused, percentage(r.share)]),
  },
};

/** The file of one indicator, or null where the seat's dashboard has no such section. */
export function indicatorCsv(
  view: DashboardView,
  indicator: IndicatorId,
): { name: string; csv: string } | null {
  const section = sections[indicator];
  const areas = [view.dashboard, ...(view.comparison ? [view.comparison] : [])];
  const rows: Rows = [];
  for (const dashboard of areas) {
    const own = section.rows(dashboard);
    if (!own) return null;
    rows.push(...own.map((row) => [dashboard.scope.label, ...row]));
  }
  return { name: fileName[indicator], csv: toCsv(['gebied', ...section.header], rows) };
}

import type { Dashboard, DashboardView, WaitingFigure } from '@uitstroom/shared';
import { checkFilter, quickPeriods } from '../../client/src/indicators/indicator-filters';
import { buildSections } from '../../client/src/indicators/indicator-sections';

// The dashboard page's pure parts: the quick choices of the period, and how a municipality's own
// figures and the region's become one table. The browser test (tests/browser/indicators.test.ts)
// covers the page itself.

describe('the quick choices of the period', () => {
  it.each([
    [
      '2026-11-25',
      {
        thisQuarter: '2026-10-01…2026-11-25',
        lastQuarter: '2026-07-01…2026-09-30',
        thisYear: '2026-01-01…2026-11-25',
        last12Months: '2025-11-26…2026-11-25',
      },
    ],
    [
      '2026-02-14',
      {
        thisQuarter: '2026-01-01…2026-02-14',
        lastQuarter: '2025-10-01…2025-12-31',
        thisYear: '2026-01-01…2026-02-14',
        last12Months: '2025-02-15…2026-02-14',
      },
    ],
    [
      '2028-02-29',
      {
        thisQuarter: '2028-01-01…2028-02-29',
        lastQuarter: '2027-10-01…2027-12-31',
        thisYear: '2028-01-01…2028-02-29',
        last12Months: '2027-03-01…2028-02-29',
      },
    ],
    [
      '2026-03-31',
      {
        thisQuarter: '2026-01-01…2026-03-31',
        lastQuarter: '2025-10-01…2025-12-31',
        thisYear: '2026-01-01…2026-03-31',
        last12Months: '2025-04-01…2026-03-31',
      },
    ],
  ])('on %s', (today, expected) => {
    expect(
      Object.fromEntries(quickPeriods(today).map((p) => [p.key, `${p.from}…${p.to}`])),
    ).toEqual(expected);
  });

  it("checks the form with the API's schema: the same message at the same field", () => {
    expect(
      checkFilter({
        from: '2026-06-01',
        to: '2026-01-01',
        municipality: '',
        corporation: '',
        targetGroup: '',
      }),
    ).toEqual({
      ok: false,
      issues: [{ path: 'to', message: 'De einddatum ligt niet voor de begindatum.' }],
    });
  });
});

const figure = (
  key: string,
  label: string,
  count: WaitingFigure['count'],
  medianDays: number | null = null,
): WaitingFigure => ({
  key,
  label,
  count,
  medianDays,
  p75Days: medianDays,
  overTarget: 0,
  overTargetShare: count === 0 ? null : 0,
});

function dashboard(
  kind: Dashboard['scope']['kind'],
  label: string,
  waiting: { total: WaitingFigure; byMunicipality: WaitingFigure[] },
  neighbourhoods: Dashboard['neighbourhoods'],
): Dashboard {
  const wait = { targetDays: 90, ...waiting, byCorporation: [], byTargetGroup: [] };
  return {
    scope: { kind, label },
    filter: {
      from: '2026-01-01',
      to: '2026-11-25',
      municipality: null,
      corporation: null,
      targetGroup: null,
    },
    smallCountsSuppressed: true,
    generatedAt: '2026-11-25T10:00:00.000Z',
    waitingToOffer: wait,
    waitingToKeys: wait,
    openCases: null,
    decisions: null,
    distribution: null,
    dwellings: [],
    neighbourhoods,
    outcomes: null,
    stillHoused: null,
  };
}

describe("a municipality's own figures beside the region's", () => {
  const wijk = (
    municipalityCode: string,
    municipalityName: string,
    neighbourhood: string,
    moves: number | '<5',
  ) => ({ municipalityCode, municipalityName, neighbourhood, moves });
  const view: Pick<DashboardView, 'dashboard' | 'comparison'> = {
    dashboard: dashboard(
      'municipality',
      'Gemeente Lelystad',
      {
        total: figure('total', 'Totaal', 6, 40),
        byMunicipality: [figure('GM0995', 'Lelystad', 6, 40)],
      },
      [wijk('GM0995', 'Lelystad', 'Boswijk', '<5')],
    ),
    comparison: dashboard(
      'region',
      'Regio Flevoland',
      {
        total: figure('total', 'Totaal', 18, 96.5),
        byMunicipality: [figure('GM0034', 'Almere', '<5'), figure('GM0995', 'Lelystad', 6, 40)],
      },
      [wijk('GM0034', 'Almere', 'Centrum', 7), wijk('GM0995', 'Lelystad', 'Boswijk', '<5')],
    ),
  };
  const sections = buildSections(view);

  it('stand side by side where they differ; a row only the region has stays blank on the own side', () => {
    const [table] = sections.find((s) => s.id === 'waitingToOffer')!.tables;
    const [total, perMunicipality] = table!.groups;
    expect(total!.rows).toEqual([
      {
        key: 'total',
        label: 'Totaal',
        own: ['6', '40', '40', '0 (0%)'],
        region: ['18', '96,5', '96,5', '0 (0%)'],
        isTotal: true,
      },
    ]);
    expect(perMunicipality!.rows.map((r) => [r.label, r.own?.[0] ?? null, r.region?.[0]])).toEqual([
      ['Almere', null, '<5'],
      ['Lelystad', '6', '6'],
    ]);
  });

  it("show once where the rows are the region's own rows, with the municipality's marked", () => {
    const neighbourhoods = sections.find((s) => s.id === 'neighbourhoods')!;
    expect(neighbourhoods.tables[0]!.groups[0]!.rows).toEqual([
      { key: 'GM0034:Centrum', label: 'Almere · Centrum', own: ['7'] },
      { key: 'GM0995:Boswijk', label: 'Lelystad · Boswijk', own: ['<5'], mark: 'uw gemeente' },
    ]);
    // One series in the chart, "<5" kept for the hatched bar.
    expect(neighbourhoods.charts[0]!.chart.series.map((s) => s.name)).toEqual(['Verhuizingen']);
    expect(neighbourhoods.charts[0]!.chart.rows.map((r) => r.values['own:Verhuizingen'])).toEqual([
      7,
      '<5',
    ]);
  });

  it('leave out the sections the seat does not get', () => {
    expect(sections.map((s) => s.id)).toEqual([
      'waitingToOffer',
      'waitingToKeys',
      'dwellings',
      'neighbourhoods',
    ]);
  });
});

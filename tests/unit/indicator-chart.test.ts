import type { ChartSpec } from '../../client/src/indicators/indicator-sections';
import {
  chartAxis,
  chartSize,
  hasSuppressedBar,
  niceCeiling,
  seriesFill,
  toChartData,
} from '../../client/src/indicators/indicator-chart';

// The dashboard chart's arithmetic (client/src/indicators/indicator-chart.ts): round axis ends and
// ticks, a "<5" as a hatched bar up to 4, waiting times drawn only where there is one, and the size.

const spec = (changes: Partial<ChartSpec>): ChartSpec => ({
  summary: 'Plaatsingen per gemeente.',
  unit: 'count',
  rows: [],
  series: [
    { key: 'own', name: 'Almere', tone: 'own', hue: 0 },
    { key: 'target', name: 'Afspraak', tone: 'region', hue: 1, isTarget: true },
  ],
  ...changes,
});

describe('niceCeiling', () => {
  it.each([
    [0, 1],
    [-3, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [22, 25],
    [250, 250],
    [251, 500],
  ])('%d → %d', (value, ceiling) => {
    expect(niceCeiling(value)).toBe(ceiling);
  });
});

describe('toChartData', () => {
  it('draws a number as its bar and a "<5" as a hatched bar up to 4', () => {
    const data = toChartData(
      spec({ rows: [{ label: 'Almere', values: { own: '<5', target: 12 } }] }),
    );
    expect(data).toEqual([{ label: 'Almere', s0: null, s0low: 4, s1: 12, s1low: null }]);
    expect(hasSuppressedBar(spec({}), data)).toBe(true);
  });

  it('draws a waiting time only for the groups that have one', () => {
    const data = toChartData(
      spec({
        unit: 'days',
        rows: [
          { label: 'Almere', values: { own: 40 } },
          { label: 'Lelystad', values: { own: null } },
        ],
      }),
    );
    expect(data.map((d) => d.label)).toEqual(['Almere']);
    expect(hasSuppressedBar(spec({}), data)).toBe(false);
  });
});

describe('chartAxis', () => {
  it.each<[string, Partial<ChartSpec>, { top: number; bottom: number; ticks: number[] }]>([
    [
      'a count runs to 5 at least',
      { rows: [{ label: 'A', values: { own: 2 } }] },
      { top: 5, bottom: 0, ticks: [0, 1, 2, 3, 4, 5] },
    ],
    [
      'room for the target line’s label',
      { rows: [{ label: 'A', values: { own: 12 } }], reference: { value: 20, label: 'Doel' } },
      { top: 25, bottom: 0, ticks: [0, 5, 10, 15, 20, 25] },
    ],
    [
      'below zero for a negative figure',
      {
        unit: 'days',
        rows: [
          { label: 'A', values: { own: -7 } },
          { label: 'B', values: { own: 18 } },
        ],
      },
      { top: 20, bottom: -10, ticks: [-10, 0, 10, 20] },
    ],
  ])('%s', (_, changes, axis) => {
    const chart = spec(changes);
    expect(chartAxis(chart, toChartData(chart))).toEqual(axis);
  });
});

describe('the chart’s size and colours', () => {
  it('grows with its rows and series, and leaves room for the legend', () => {
    const chart = spec({ rows: [{ label: 'Noordoostpolder', values: { own: 3 } }] });
    expect(chartSize(chart, toChartData(chart))).toEqual({
      labelWidth: 24 + 'Noordoostpolder'.length * 7,
      legendHeight: 28,
      height: 60 + 28 + 1 * (2 * 12 + 14),
    });
  });

  it('draws a target pale', () => {
    expect(seriesFill(spec({}), 0)).toBe('#154273');
    expect(seriesFill(spec({}), 1)).toBe('#d5dbe3');
  });
});

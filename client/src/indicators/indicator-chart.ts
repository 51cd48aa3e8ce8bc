import { smallCountThreshold, suppressedCountText } from '@uitstroom/shared';
import { countText, daysText, decimalText } from './indicator-format';
import type { ChartSpec, ChartValue } from './indicator-sections';

// The chart's arithmetic, apart from its drawing (IndicatorChart.tsx): which rows it draws, the
// axis, its size and its colours.

// Own figures dark, the region's the same hue lighter; each at least 3:1 against white (WCAG 1.4.11).
const palette = {
  own: ['#154273', '#9c4a00', '#2c6614'],
  region: ['#5a82b8', '#c9741d', '#5f9a3d'],
};
const targetFill = '#d5dbe3';
const suppressedBarValue = smallCountThreshold - 1;
export const barSize = 12;

/** The axis's end: a round number above the largest figure (1, 2, 2.5 or 5 times a power of ten), so the ticks are round too. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => value <= factor * power + 1e-9)!;
  return step * power;
}

/** Whether a row has anything to draw: a waiting time left out for every series draws an empty line. */
export const hasFigure = (row: ChartSpec['rows'][number]) =>
  Object.values(row.values).some(
    (value) => value === suppressedCountText || (typeof value === 'number' && value !== 0),
  );

/**
 * One bar group per row: series `i` as `s{i}` (its number), and `s{i}low` for a count shown as
 * "<5", which has no number to draw: a hatched bar up to 4, the most it can be.
 */
export interface Datum {
  label: string;
  [key: string]: string | number | null;
}

export function toChartData(spec: ChartSpec): Datum[] {
  // A waiting time per group draws only the groups that have one; the table lists every group.
  const rows = spec.unit === 'days' ? spec.rows.filter(hasFigure) : spec.rows;
  return rows.map((row) => {
    const datum: Datum = { label: row.label };
    spec.series.forEach((series, index) => {
      const value: ChartValue = row.values[series.key] ?? null;
      datum[`s${index}`] = typeof value === 'number' ? value : null;
      datum[`s${index}low`] = value === suppressedCountText ? suppressedBarValue : null;
    });
    return datum;
  });
}

/** Whether any bar is a hatched "<5" one (the chart then says what hatching means). */
export function hasSuppressedBar(spec: ChartSpec, data: readonly Datum[]): boolean {
  return data.some((datum) => spec.series.some((_, index) => datum[`s${index}low`] !== null));
}

/** The chart's label column, legend and whole height, in pixels, from its rows and series. */
export function chartSize(spec: ChartSpec, data: readonly Datum[]) {
  const longestLabel = Math.max(...data.map((datum) => String(datum.label).length), 4);
  const legendHeight = spec.series.length > 1 ? 22 * Math.ceil(spec.series.length / 3) + 6 : 0;
  return {
    labelWidth: Math.min(260, 24 + longestLabel * 7),
    legendHeight,
    height: 60 + legendHeight + data.length * (spec.series.length * barSize + 14),
  };
}

/** The value axis: from `bottom` (0, or below it for a negative figure) to `top`, with round ticks. */
export function chartAxis(spec: ChartSpec, data: readonly Datum[]) {
  const numbers = data
    .flatMap((datum) =>
      spec.series.flatMap((_, index) => [datum[`s${index}`], datum[`s${index}low`]]),
    )
    .filter((value): value is number => typeof value === 'number');
  // Room beyond the target line for its label; a count axis runs to 5 at least, so "<5" reads as small.
  const top = niceCeiling(
    Math.max(
      ...numbers,
      (spec.reference?.value ?? 0) * 1.12,
      spec.unit === 'count' ? smallCountThreshold : 1,
    ),
  );
  const bottom = Math.min(0, ...numbers) < 0 ? -niceCeiling(-Math.min(...numbers)) : 0;
  // Round ticks from zero both ways, about five along the axis.
  const step = niceCeiling((top - bottom) / 5);
  const ticks = [
    ...Array.from({ length: Math.floor(-bottom / step) }, (_, i) => -(i + 1) * step).reverse(),
    ...Array.from({ length: Math.floor(top / step + 1e-9) + 1 }, (_, i) => i * step),
  ];
  return { top, bottom, ticks };
}

/** A figure as the tooltip says it: days, a whole count, or a decimal. */
export function chartValueText(spec: ChartSpec, value: number): string {
  return spec.unit === 'days'
    ? daysText(value)
    : Number.isInteger(value)
      ? countText(value)
      : decimalText(value);
}

/** The colour of series `index`: its tone (own or region) in its hue. */
export function seriesColour(spec: ChartSpec, index: number): string {
  const series = spec.series[index]!;
  return palette[series.tone][series.hue % 3]!;
}

/** A target is drawn as a pale bar, so the figures stand out against it. */
export function seriesFill(spec: ChartSpec, index: number): string {
  return spec.series[index]!.isTarget ? targetFill : seriesColour(spec, index);
}

import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDutchInteger, smallCountThreshold, suppressedCountText } from '@uitstroom/shared';
import { countText, daysText, decimalText } from './indicator-format';
import type { ChartSpec, ChartValue } from './indicator-sections';

/**
 * One indicator as horizontal bars (long Dutch labels stay readable on the axis). The chart is a
 * picture for sighted readers only: it is one image with a short summary for a screen reader, and
 * the table after it carries every figure. Recharts' own keyboard layer is off for that reason: it
 * would put a focus stop inside an image that has nothing to say beyond its table.
 *
 * A count shown as "<5" has no number to draw: it is a hatched bar up to 4 (the most it can be),
 * and the tooltip says "<5". A figure left out (a median of too few people) draws nothing.
 */

// Own figures dark, the region's the same hue lighter; each at least 3:1 against white (WCAG 1.4.11).
const palette = {
  own: ['#154273', '#9c4a00', '#2c6614'],
  region: ['#5a82b8', '#c9741d', '#5f9a3d'],
};
const targetFill = '#d5dbe3';
const suppressedBarValue = smallCountThreshold - 1;
const barSize = 12;

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

interface Datum {
  label: string;
  [key: string]: string | number | null;
}

function toData(spec: ChartSpec): Datum[] {
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

export function IndicatorChart({ spec }: { spec: ChartSpec }) {
  const patternPrefix = `arcering-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const data = toData(spec);
  const hasSuppressed = data.some((datum) =>
    spec.series.some((_, index) => datum[`s${index}low`] !== null),
  );
  const longestLabel = Math.max(...data.map((datum) => String(datum.label).length), 4);
  const labelWidth = Math.min(260, 24 + longestLabel * 7);
  const legendHeight = spec.series.length > 1 ? 22 * Math.ceil(spec.series.length / 3) + 6 : 0;
  const height = 60 + legendHeight + data.length * (spec.series.length * barSize + 14);
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
  const format = (value: number) =>
    spec.unit === 'days'
      ? daysText(value)
      : Number.isInteger(value)
        ? countText(value)
        : decimalText(value);
  const colour = (index: number) => palette[spec.series[index]!.tone][spec.series[index]!.hue % 3]!;
  const fill = (index: number) => (spec.series[index]!.isTarget ? targetFill : colour(index));
  if (data.length === 0)
    return (
      <p className="indicator-chart__note">
        Geen grafiek: elke groep is te klein om een wachttijd te tonen (zie de tabel).
      </p>
    );
  return (
    <div
      className="indicator-chart"
      role="img"
      aria-label={`${spec.summary} De cijfers staan in de tabel hieronder.`}
    >
      <div aria-hidden="true">
        <BarChart
          layout="vertical"
          data={data}
          responsive
          accessibilityLayer={false}
          barGap={1}
          barCategoryGap={7}
          style={{ width: '100%', height, maxHeight: height }}
          margin={{ top: spec.reference ? 20 : 8, right: 24, bottom: 8, left: 8 }}
        >
          <defs>
            {spec.series.map((series, index) => (
              <pattern
                key={series.key}
                id={`${patternPrefix}-${index}`}
                patternUnits="userSpaceOnUse"
                width="6"
                height="6"
                patternTransform="rotate(45)"
              >
                <rect width="6" height="6" fill="#fff" />
                <line x1="0" y1="0" x2="0" y2="6" stroke={colour(index)} strokeWidth="2.5" />
              </pattern>
            ))}
          </defs>
          <CartesianGrid horizontal={false} stroke="#dde3ea" />
          <XAxis
            type="number"
            allowDecimals={spec.unit !== 'count'}
            tickFormatter={(value: number) =>
              Number.isInteger(value) ? formatDutchInteger(value) : decimalText(value)
            }
            domain={[bottom, top]}
            ticks={ticks}
            interval={0}
            allowDataOverflow
            label={
              spec.unit === 'days'
                ? { value: 'dagen', position: 'insideBottomRight', offset: -4, fontSize: 12 }
                : undefined
            }
          />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            tick={{ fontSize: 13 }}
            interval={0}
          />
          <Tooltip
            cursor={{ fill: '#eef2f6' }}
            formatter={(value, name, item) => [
              String(item.dataKey).endsWith('low')
                ? suppressedCountText
                : typeof value === 'number'
                  ? format(value)
                  : String(value),
              name,
            ]}
          />
          {spec.series.length > 1 && (
            <Legend
              verticalAlign="bottom"
              height={legendHeight}
              iconType="square"
              itemSorter={null}
            />
          )}
          {spec.series.flatMap((series, index) => [
            <Bar
              key={series.key}
              dataKey={`s${index}`}
              name={series.name}
              stackId={`s${index}`}
              fill={fill(index)}
              stroke={series.isTarget ? '#5b6b7f' : undefined}
              barSize={barSize}
              isAnimationActive={false}
            />,
            <Bar
              key={`${series.key}-low`}
              dataKey={`s${index}low`}
              name={series.name}
              stackId={`s${index}`}
              fill={`url(#${patternPrefix}-${index})`}
              stroke={colour(index)}
              barSize={barSize}
              isAnimationActive={false}
              legendType="none"
            />,
          ])}
          {spec.reference && (
            <ReferenceLine
              x={spec.reference.value}
              stroke="#b3261e"
              strokeWidth={2}
              strokeDasharray="6 4"
              ifOverflow="extendDomain"
              label={{
                value: spec.reference.label,
                position: 'top',
                fill: '#b3261e',
                fontSize: 12,
              }}
            />
          )}
        </BarChart>
        {hasSuppressed && (
          <p className="indicator-chart__note">Gearceerde balk: minder dan 5 (&lt;5).</p>
        )}
      </div>
    </div>
  );
}

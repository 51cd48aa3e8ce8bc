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
import { formatDutchInteger, suppressedCountText } from '@uitstroom/shared';
import { decimalText } from './indicator-format';
import type { ChartSpec } from './indicator-sections';
import {
  barSize,
  chartAxis,
  chartSize,
  chartValueText,
  hasSuppressedBar,
  seriesColour,
  seriesFill,
  toChartData,
  type Datum,
} from './indicator-chart';

/**
 * One indicator as horizontal bars (long Dutch labels stay readable on the axis). The chart is a
 * picture for sighted readers only: it is one image with a short summary for a screen reader, and
 * the table after it carries every figure. Recharts' own keyboard layer is off for that reason: it
 * would put a focus stop inside an image that has nothing to say beyond its table.
 *
 * A count shown as "<5" has no number to draw: it is a hatched bar up to 4 (the most it can be),
 * and the tooltip says "<5". A figure left out (a median of too few people) draws nothing.
 */

export { hasFigure, niceCeiling } from './indicator-chart';

export function IndicatorChart({ spec }: { spec: ChartSpec }) {
  const patternPrefix = `arcering-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const data = toChartData(spec);
  if (data.length === 0)
    return (
      <p className="indicator-chart__note">
        Geen grafiek: elke groep is te klein om een wachttijd te tonen (zie de tabel).
      </p>
    );
  const { labelWidth, legendHeight, height } = chartSize(spec, data);
  // Recharts reads its parts from its direct children: they are made by functions, not components.
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
          <defs>{hatchPatterns(spec, patternPrefix)}</defs>
          <CartesianGrid horizontal={false} stroke="#dde3ea" />
          {valueAxis(spec, data)}
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
                  ? chartValueText(spec, value)
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
          {seriesBars(spec, patternPrefix)}
          {spec.reference && referenceLine(spec.reference)}
        </BarChart>
        {hasSuppressedBar(spec, data) && (
          <p className="indicator-chart__note">Gearceerde balk: minder dan 5 (&lt;5).</p>
        )}
      </div>
    </div>
  );
}

/** Per series the hatching of its "<5" bars, in the series' colour. */
function hatchPatterns(spec: ChartSpec, patternPrefix: string) {
  return spec.series.map((series, index) => (
    <pattern
      key={series.key}
      id={`${patternPrefix}-${index}`}
      patternUnits="userSpaceOnUse"
      width="6"
      height="6"
      patternTransform="rotate(45)"
    >
      <rect width="6" height="6" fill="#fff" />
      <line x1="0" y1="0" x2="0" y2="6" stroke={seriesColour(spec, index)} strokeWidth="2.5" />
    </pattern>
  ));
}

function valueAxis(spec: ChartSpec, data: Datum[]) {
  const { bottom, top, ticks } = chartAxis(spec, data);
  return (
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
  );
}

/** Per series its bar and, stacked on it, its hatched "<5" bar (one of the two is empty). */
function seriesBars(spec: ChartSpec, patternPrefix: string) {
  return spec.series.flatMap((series, index) => [
    <Bar
      key={series.key}
      dataKey={`s${index}`}
      name={series.name}
      stackId={`s${index}`}
      fill={seriesFill(spec, index)}
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
      stroke={seriesColour(spec, index)}
      barSize={barSize}
      isAnimationActive={false}
      legendType="none"
    />,
  ]);
}

/** The target, as a dashed red line with its label above. */
function referenceLine(reference: NonNullable<ChartSpec['reference']>) {
  return (
    <ReferenceLine
      x={reference.value}
      stroke="#b3261e"
      strokeWidth={2}
      strokeDasharray="6 4"
      ifOverflow="extendDomain"
      label={{ value: reference.label, position: 'top', fill: '#b3261e', fontSize: 12 }}
    />
  );
}

import type { Seat } from '../auth/seats';
import { targetGroupLabel } from '../regions/rule-set.schemas';
import {
  smallCountThreshold,
  suppressedCountText,
  type DashboardView,
  type IndicatorCount,
} from './indicator.schemas';

/** The chair and the regionAdmin run the region and see every count; every other seat sees small counts as "<5". */
export function seesSmallCounts(seat: Seat): boolean {
  return seat === 'chair' || seat === 'regionAdmin';
}

/** A count as the seat may see it. Zero stays zero: "nobody" names no one. */
export function shownCount(count: number, suppress: boolean): IndicatorCount {
  return suppress && count > 0 && count < smallCountThreshold ? suppressedCountText : count;
}

/** A figure derived from a group (a median, a share) is shown only where the group's count is. */
export function shownFigure<T>(figure: T | null, count: number, suppress: boolean): T | null {
  return suppress && count > 0 && count < smallCountThreshold ? null : figure;
}

/** "<5" for the reader, a number as it is; for tables, CSV and PDF alike. */
export function countText(count: IndicatorCount): string {
  return typeof count === 'number' ? String(count) : count;
}

/** The filters a dashboard was computed with, worded for a report's front matter or a workbook's title row. */
export function describeAppliedFilter(applied: DashboardView['dashboard']['filter']): string[] {
  return [
    applied.municipality ? `gemeente ${applied.municipality.name}` : null,
    applied.corporation ? `corporatie ${applied.corporation.name}` : null,
    applied.targetGroup ? `doelgroep ${targetGroupLabel[applied.targetGroup]}` : null,
  ].filter((part): part is string => part !== null);
}

/** Whose figures a dashboard holds: "Gemeente Noordstad, naast Regio Testregio". */
export function describeDashboardScope(view: DashboardView): string {
  return view.comparison
    ? `${view.dashboard.scope.label}, naast ${view.comparison.scope.label}`
    : view.dashboard.scope.label;
}

import type { Seat } from '../auth/seats';
import { smallCountThreshold, suppressedCountText, type IndicatorCount } from './indicator.schemas';

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

import { formatDutchTimestamp, formatTime } from '../core/format';
import {
  formatDutchDate,
  formatDutchDecimal,
  formatDutchInteger,
  formatDutchPercentage,
  type IndicatorCount,
} from '@uitstroom/shared';

/** What a table shows where a figure is left out (a median of fewer than 5 people) or missing. */
export const noFigure = '–';

/** A count as the seat may see it: `1.204`, `0`, or `<5`. */
export function countText(count: IndicatorCount): string {
  return typeof count === 'number' ? formatDutchInteger(count) : count;
}

/** Days as the API computed them (a median of an even group ends in ,5). */
export function daysText(days: number | null): string {
  if (days === null) return noFigure;
  return Number.isInteger(days) ? formatDutchInteger(days) : formatDutchDecimal(days, 1);
}

/** A share (0..1) in whole percents; a share below 1% but above zero is not rounded away. */
export function shareText(share: number | null): string {
  if (share === null) return noFigure;
  return share > 0 && share < 0.01 ? '<1%' : formatDutchPercentage(share, 0);
}

/** The count and its share in one cell: `3 (25%)`. */
export function countWithShare(count: IndicatorCount, share: number | null): string {
  return share === null ? countText(count) : `${countText(count)} (${shareText(share)})`;
}

export function decimalText(value: number | null, decimals = 1): string {
  return value === null ? noFigure : formatDutchDecimal(value, decimals);
}

/** `2025-01-01`…`2025-03-31` → `1 januari 2025 t/m 31 maart 2025`. */
export function periodText(from: string, to: string): string {
  return `${formatDutchDate(from)} t/m ${formatDutchDate(to)}`;
}

/** An ISO timestamp as the reader's date and time: `2 juni 2025, 14:05`. */
export function generatedText(isoTimestamp: string): string {
  const at = new Date(isoTimestamp);
  return Number.isNaN(at.getTime())
    ? isoTimestamp
    : `${formatDutchTimestamp(isoTimestamp)}, ${formatTime(at)}`;
}

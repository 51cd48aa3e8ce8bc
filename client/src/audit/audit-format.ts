import { formatDutchDate, formatDutchTime } from '@uitstroom/shared';

/** `2026-03-12T08:05:00Z` → `12 maart 2026, 09:05`, Dutch time (the one calendar's wording). */
export { formatDutchDateTime } from '@uitstroom/shared';

/** `2026-03-12T08:05:07Z` → `09:05:07`, Dutch time. */
export function formatTimeOfDay(iso: string): string {
  return formatDutchTime(iso, { withSeconds: true });
}

/** A timestamp or calendar date as a Dutch date: `12 maart 2026`. */
export function formatDutchDay(isoDateOrTimestamp: string): string {
  return formatDutchDate(isoDateOrTimestamp);
}

/** `48213` → `47 kB`; documents are at most 10 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

import { formatDutchDate } from '@uitstroom/shared';

function localIsoDate(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** `2026-03-12T08:05:00Z` → `12 maart 2026, 09:05` in the browser's time zone. */
export function formatDutchDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDutchDate(localIsoDate(date))}, ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** `2026-03-12T08:05:07Z` → `09:05:07` in the browser's time zone. */
export function formatTimeOfDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** A timestamp or calendar date as a Dutch date: `12 maart 2026`. */
export function formatDutchDay(isoDateOrTimestamp: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(isoDateOrTimestamp)) return formatDutchDate(isoDateOrTimestamp);
  const date = new Date(isoDateOrTimestamp);
  return Number.isNaN(date.getTime()) ? isoDateOrTimestamp : formatDutchDate(localIsoDate(date));
}

/** `48213` → `47 kB`; documents are at most 10 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

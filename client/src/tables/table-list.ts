import { amsterdamDate } from '@uitstroom/shared';

/**
 * The list of tables as the page lays it out: upcoming ones (today's among them) soonest first, the
 * past ones latest first and by page. No clock: `today` is the Dutch date.
 */
export function splitByDate<T extends { startsAt: string }>(
  tables: readonly T[],
  today: string,
): { upcoming: T[]; past: T[] } {
  const isPast = (t: T) => amsterdamDate(new Date(t.startsAt)) < today;
  return {
    upcoming: tables.filter((t) => !isPast(t)),
    past: tables.filter(isPast).reverse(),
  };
}

/** One page of a list (the page asked for, or the last there is); without a page size, all of it. */
export function pageOf<T>(
  all: readonly T[],
  page: number,
  pageSize: number | undefined,
): { items: readonly T[]; page: number; pages: number } {
  if (!pageSize) return { items: all, page: 1, pages: 1 };
  const pages = Math.max(1, Math.ceil(all.length / pageSize));
  const shown = Math.min(page, pages);
  return { items: all.slice((shown - 1) * pageSize, shown * pageSize), page: shown, pages };
}

/** `1 casus`, `3 casussen`. */
export function describeCaseCount(count: number): string {
  return count === 1 ? '1 casus' : `${count} casussen`;
}

/** The list's filters in the URL, in Dutch, so that a filtered list survives a reload. */
export interface DwellingFilters {
  status: 'available' | 'withdrawn' | 'all';
  municipality: string;
  q: string;
}

const statusParam = { available: 'beschikbaar', withdrawn: 'ingetrokken', all: 'alle' } as const;

/** The filters in the address bar; anything unknown or malformed is left out. */
export function readFilters(search: URLSearchParams): DwellingFilters {
  const status =
    (Object.keys(statusParam) as DwellingFilters['status'][]).find(
      (k) => statusParam[k] === search.get('status'),
    ) ?? 'available';
  const municipality = search.get('gemeente') ?? '';
  return {
    status,
    municipality: /^GM\d{4}$/.test(municipality) ? municipality : '',
    q: (search.get('zoek') ?? '').slice(0, 100),
  };
}

/** The filters for the address bar: only what differs from the unfiltered list. */
export function writeFilters(filters: DwellingFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.status !== 'available') search.set('status', statusParam[filters.status]);
  if (filters.municipality) search.set('gemeente', filters.municipality);
  if (filters.q.trim()) search.set('zoek', filters.q.trim());
  return search;
}

/** The filters as the query of `GET /api/dwellings` (and of its export). */
export function toApiQuery(filters: DwellingFilters): URLSearchParams {
  const query = new URLSearchParams({ status: filters.status });
  if (filters.municipality) query.set('municipality', filters.municipality);
  if (filters.q.trim()) query.set('q', filters.q.trim());
  return query;
}

export function isFiltered(filters: DwellingFilters): boolean {
  return filters.status !== 'available' || !!filters.municipality || !!filters.q.trim();
}

/** The address of a page of the filtered list (the first page has no number). */
export function pageLinkOf(filters: DwellingFilters, page: number): string {
  const search = writeFilters(filters);
  if (page > 1) search.set('pagina', String(page));
  return `?${search.toString()}`;
}

/** The page asked for in the address, within the pages there are (1 when it asks none or nonsense). */
export function pageOf(search: URLSearchParams, pages: number): number {
  const requested = Number(search.get('pagina'));
  return Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pages) : 1;
}

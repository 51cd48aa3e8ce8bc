import { dashboardViewSchema, type DashboardView, type IndicatorId } from '@uitstroom/shared';
import { api } from '../core/api';

/** `query` is the API's query string (`from=…&municipality=…`), the same for the page, its CSVs and its PDF. */
export function fetchIndicators(query: string, signal?: AbortSignal): Promise<DashboardView> {
  return api('GET', `/api/indicators${query ? `?${query}` : ''}`, {
    schema: dashboardViewSchema,
    signal,
  });
}

export function indicatorCsvUrl(indicator: IndicatorId, query: string): string {
  return `/api/indicators/${encodeURIComponent(indicator)}/csv${query ? `?${query}` : ''}`;
}

export function indicatorsPdfUrl(query: string): string {
  return `/api/indicators/report/pdf${query ? `?${query}` : ''}`;
}

import {
  dashboardViewSchema,
  type DashboardView,
  type ExportFormat,
  type IndicatorId,
} from '@uitstroom/shared';
import { apiClient, apiUrl, queryOf, request } from '../core/api';

/** `query` is the API's query string (`from=…&municipality=…`), the same for the page, its CSVs and its PDF. */
export function fetchIndicators(query: string, signal?: AbortSignal): Promise<DashboardView> {
  return request(
    apiClient.GET('/api/indicators', {
      params: { query: queryOf(new URLSearchParams(query)) },
      signal,
    }),
    { schema: dashboardViewSchema },
  );
}

export function indicatorExportUrl(
  indicator: IndicatorId,
  query: string,
  format: ExportFormat,
): string {
  return apiUrl(`/api/indicators/{indicator}/${format}`, { indicator }, new URLSearchParams(query));
}

export function indicatorsPdfUrl(query: string): string {
  return apiUrl('/api/indicators/report/pdf', {}, new URLSearchParams(query));
}

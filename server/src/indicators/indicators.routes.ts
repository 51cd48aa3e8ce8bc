import type { DataSource } from 'typeorm';
import {
  dashboardViewSchema,
  indicatorFilterSchema,
  indicatorIdParamsSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import * as indicators from './indicators.service';

/** A download: never sniffed into something else, not kept by a shared computer's cache. */
function fileHeaders(contentType: string, filename: string) {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${filename}"`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

export function indicatorsRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/indicators',
      tag: 'indicators',
      summary:
        'Het dashboard van uw rol: regio (voorzitter, regio-beheerder), eigen gemeente naast de regio, of de eigen woningen van een corporatie; aantallen onder 5 als "<5" behalve voor voorzitter en regio-beheerder',
      access: { permission: 'indicator:read' },
      query: indicatorFilterSchema,
      response: dashboardViewSchema,
      handler: ({ query, actor }) => indicators.readDashboard(db, actor, query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/indicators/report/pdf',
      tag: 'indicators',
      summary:
        'Het hele dashboard als PDF voor de kwartaalrapportage aan de raden (dezelfde filters en hetzelfde bereik als het dashboard)',
      access: { permission: 'indicator:read' },
      query: indicatorFilterSchema,
      file: { contentTypes: ['application/pdf'] },
      handler: async ({ query, context, actor, res }) => {
        const { filename, pdf } = await indicators.exportReportPdf(db, context, actor, query);
        res.set(fileHeaders('application/pdf', filename)).send(pdf);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/indicators/:indicator/csv',
      tag: 'indicators',
      summary:
        'Eén indicator als CSV (; en decimale komma), met dezelfde filters en hetzelfde bereik als het dashboard',
      access: { permission: 'indicator:read' },
      params: indicatorIdParamsSchema,
      query: indicatorFilterSchema,
      file: { contentTypes: ['text/csv'] },
      handler: async ({ params, query, context, actor, res }) => {
        const { filename, csv } = await indicators.exportIndicatorCsv(
          db,
          context,
          actor,
          params.indicator,
          query,
        );
        res.set(fileHeaders('text/csv; charset=utf-8', filename)).send(csv);
        return undefined;
      },
    }),
  ];
}

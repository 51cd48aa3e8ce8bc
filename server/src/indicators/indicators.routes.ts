import type { DataSource } from 'typeorm';
import {
  dashboardViewSchema,
  exportFormats,
  indicatorFilterSchema,
  indicatorIdParamsSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import { sendDownload } from '../core/http/download';
import { exportContentType, exportFormatName } from '../core/export-file';
import * as indicators from './indicators.service';

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
        return sendDownload(res, { filename, contentType: 'application/pdf', body: pdf });
      },
    }),
    ...exportFormats.map((format) =>
      defineRoute({
        method: 'get',
        path: `/api/indicators/:indicator/${format}`,
        tag: 'indicators',
        summary: `Eén indicator als ${exportFormatName[format]}, met dezelfde filters en hetzelfde bereik als het dashboard`,
        access: { permission: 'indicator:read' },
        params: indicatorIdParamsSchema,
        query: indicatorFilterSchema,
        file: { contentTypes: [exportContentType[format]] },
        handler: async ({ params, query, context, actor, res }) =>
          sendDownload(
            res,
            await indicators.exportIndicator(db, context, actor, params.indicator, query, format),
          ),
      }),
    ),
  ];
}

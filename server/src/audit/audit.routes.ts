import type { DataSource } from 'typeorm';
import {
  auditSearchFilterSchema,
  auditSearchQuerySchema,
  auditSearchResultSchema,
  caseAccessLogSchema,
  caseExportSchema,
  caseIdParamsSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import { sendDownload } from '../core/http/download';
import { exportContentType, exportFormatName } from '../core/export-file';
import * as audit from './audit.service';

export function auditRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/access-log',
      tag: 'audit',
      summary: 'Wie las of wijzigde wat van deze casus, wanneer en waarvoor',
      access: { permission: 'case:accessLog' },
      params: caseIdParamsSchema,
      response: caseAccessLogSchema,
      handler: ({ params, context, actor }) =>
        audit.getCaseAccessLog(db, context, actor, params.caseId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/access-log.xlsx',
      tag: 'audit',
      summary: `Het logboek van deze casus als ${exportFormatName.xlsx}`,
      access: { permission: 'case:accessLog' },
      params: caseIdParamsSchema,
      file: { contentTypes: [exportContentType.xlsx] },
      handler: async ({ params, context, actor, res }) =>
        sendDownload(res, await audit.exportCaseAccessLog(db, context, actor, params.caseId)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/export',
      tag: 'audit',
      summary:
        'Inzage voor de bewoner (AVG art. 15): dossier, toestemmingen, documenten en logboek',
      access: { permission: 'case:export' },
      params: caseIdParamsSchema,
      response: caseExportSchema,
      handler: ({ params, context, actor }) => audit.exportCase(db, context, actor, params.caseId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit',
      tag: 'audit',
      summary: 'De auditlog van de regio doorzoeken, zonder inhoud van casussen',
      access: { permission: 'audit:search' },
      query: auditSearchQuerySchema,
      response: auditSearchResultSchema,
      handler: ({ query, context, actor }) => audit.searchAuditLog(db, context, actor, query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/audit.xlsx',
      tag: 'audit',
      summary: `Alle regels die de zoekopdracht vindt (niet alleen de pagina), nieuwste eerst, als ${exportFormatName.xlsx}`,
      access: { permission: 'audit:search' },
      query: auditSearchFilterSchema,
      file: { contentTypes: [exportContentType.xlsx] },
      handler: async ({ query, context, actor, res }) =>
        sendDownload(res, await audit.exportAuditSearch(db, context, actor, query)),
    }),
  ];
}

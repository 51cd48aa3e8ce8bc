import type { DataSource } from 'typeorm';
import {
  auditSearchQuerySchema,
  auditSearchResultSchema,
  caseAccessLogSchema,
  caseExportSchema,
  caseIdParamsSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
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
  ];
}

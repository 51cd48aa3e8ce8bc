import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  caseIdParamsSchema,
  caseDecisionSchema,
  completePreconditionSchema,
  preconditionParamsSchema,
  decisionLetterSchema,
  addToAgendaSchema,
  agendaItemParamsSchema,
  createTableSchema,
  decisionInputSchema,
  deferSchema,
  orderAgendaSchema,
  removeFromAgendaSchema,
  tableIdParamsSchema,
  tableListQuerySchema,
  tableSummarySchema,
  tableVersionSchema,
  tableViewSchema,
  cancelTableSchema,
  updateTableSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import * as tables from './tables.service';

export function tablesRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/tables',
      tag: 'tables',
      summary: 'Tafels binnen uw bereik',
      access: { permission: 'table:read' },
      query: tableListQuerySchema,
      response: z.array(tableSummarySchema),
      handler: ({ query, actor }) => tables.listTables(db, actor, query),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tables',
      tag: 'tables',
      summary: 'Een tafel plannen',
      status: 201,
      access: { permission: 'table:manage' },
      body: createTableSchema,
      response: tableViewSchema,
      handler: ({ body, context, actor }) => tables.createTable(db, context, actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/tables/:tableId',
      tag: 'tables',
      summary: 'Een tafel met agenda, per casus wat uw rol mag zien',
      access: { permission: 'table:read' },
      params: tableIdParamsSchema,
      response: tableViewSchema,
      handler: ({ params, context, actor }) => tables.getTable(db, context, actor, params.tableId),
    }),
    defineRoute({
      method: 'put',
      path: '/api/tables/:tableId',
      tag: 'tables',
      summary: 'Gegevens en genodigden van een tafel wijzigen',
      access: { permission: 'table:manage' },
      params: tableIdParamsSchema,
      body: updateTableSchema,
      response: tableViewSchema,
      handler: ({ params, body, context, actor }) =>
        tables.updateTable(db, context, actor, params.tableId, body.version, body.details),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tables/:tableId/agenda',
      tag: 'tables',
      summary: 'Een uitstroomgerede casus agenderen',
      access: { permission: 'table:agenda' },
      params: tableIdParamsSchema,
      body: addToAgendaSchema,
      response: tableViewSchema,
      handler: ({ params, body, context, actor }) =>
        tables.addToAgenda(db, context, actor, params.tableId, body),
    }),
    defineRoute({
      method: 'put',
      path: '/api/tables/:tableId/agenda/order',
      tag: 'tables',
      summary: 'De volgorde van de agenda',
      access: { permission: 'table:manage' },
      params: tableIdParamsSchema,
      body: orderAgendaSchema,
      response: tableViewSchema,
      handler: ({ params, body, context, actor }) =>
        tables.orderAgenda(db, context, actor, params.tableId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tables/:tableId/agenda/:itemId/remove',
      tag: 'tables',
      summary: 'Een casus van de agenda halen, met reden',
      access: { permission: 'table:manage' },
      params: agendaItemParamsSchema,
      body: removeFromAgendaSchema,
      response: tableViewSchema,
      handler: ({ params, body, context, actor }) =>
        tables.releaseAgendaItem(
          db,
          context,
          actor,
          params.tableId,
          params.itemId,
          body,
          'removed',
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tables/:tableId/agenda/:itemId/defer',
      tag: 'tables',
      summary: 'Een casus aan tafel uitstellen, met reden',
      access: { permission: 'table:decide' },
      params: agendaItemParamsSchema,
      body: deferSchema,
      response: tableViewSchema,
      handler: ({ params, body, context, actor }) =>
        tables.releaseAgendaItem(
          db,
          context,
          actor,
          params.tableId,
          params.itemId,
          body,
          'deferred',
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tables/:tableId/agenda/:itemId/decision',
      tag: 'tables',
      summary: 'Het besluit van de tafel over een casus',
      access: { permission: 'table:decide' },
      params: agendaItemParamsSchema,
      body: decisionInputSchema,
      response: tableViewSchema,
      handler: ({ params, body, context, actor }) =>
        tables.decideCase(db, context, actor, params.tableId, params.itemId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tables/:tableId/publish',
      tag: 'tables',
      summary: 'De agenda delen met de genodigden',
      access: { permission: 'table:manage' },
      params: tableIdParamsSchema,
      body: tableVersionSchema,
      response: tableViewSchema,
      handler: ({ params, body, context, actor }) =>
        tables.publishTable(db, context, actor, params.tableId, body.version),
    }),
    defineRoute({
      method: 'get',
      path: '/api/tables/:tableId/minutes.pdf',
      tag: 'tables',
      summary: 'De notulen als PDF; ieders exemplaar toont alleen wat de eigen rol mag zien',
      access: { permission: 'table:read' },
      params: tableIdParamsSchema,
      file: { contentTypes: ['application/pdf'] },
      handler: async ({ params, context, actor, res }) => {
        const { pdf, filename } = await tables.getMinutesPdf(db, context, actor, params.tableId);
        res
          .set({
            'Content-Type': 'application/pdf',
            'Content-Disposition': `attachment; filename="${filename}"`,
            'Cache-Control': 'no-store',
          })
          .send(pdf);
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/decision',
      tag: 'tables',
      summary: 'Het laatste besluit van de tafel over een casus, met de randvoorwaarden',
      access: { permission: 'case:read' },
      params: caseIdParamsSchema,
      response: caseDecisionSchema,
      handler: ({ params, context, actor }) =>
        tables.getCaseDecision(db, context, actor, params.caseId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/preconditions/:preconditionId/done',
      tag: 'tables',
      summary:
        'Een randvoorwaarde gereed melden (de organisatie die haar regelt, of de tafelvoorzitter); 409 als zij al gereed is',
      access: { permission: 'precondition:complete' },
      params: preconditionParamsSchema,
      body: completePreconditionSchema,
      response: caseDecisionSchema,
      handler: ({ params, context, actor }) =>
        tables.completePrecondition(db, context, actor, params.caseId, params.preconditionId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/decision-letter',
      tag: 'tables',
      summary: 'De brief aan de bewoner over het besluit, in eenvoudig Nederlands',
      access: { permission: 'case:letter' },
      params: caseIdParamsSchema,
      response: decisionLetterSchema,
      handler: ({ params, context, actor }) =>
        tables.getDecisionLetter(db, context, actor, params.caseId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tables/:tableId/cancel',
      tag: 'tables',
      summary:
        'Een geplande of gedeelde tafel annuleren, met reden; de casussen gaan terug naar uitstroomgereed en de genodigden horen het',
      access: { permission: 'table:manage' },
      params: tableIdParamsSchema,
      body: cancelTableSchema,
      response: tableViewSchema,
      handler: ({ params, body, context, actor }) =>
        tables.cancelTable(db, context, actor, params.tableId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/tables/:tableId/close',
      tag: 'tables',
      summary: 'De tafel afsluiten; niet behandelde casussen gaan terug',
      access: { permission: 'table:decide' },
      params: tableIdParamsSchema,
      body: tableVersionSchema,
      response: tableViewSchema,
      handler: ({ params, body, context, actor }) =>
        tables.closeTable(db, context, actor, params.tableId, body.version),
    }),
  ];
}

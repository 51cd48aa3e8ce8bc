import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  consentParamsSchema,
  consentSchema,
  recordConsentSchema,
  caseIdParamsSchema,
  caseListFilterSchema,
  caseListQuerySchema,
  caseListSchema,
  caseTransitionRequestSchema,
  correctStepSchema,
  caseViewSchema,
  colleagueSchema,
  createCaseSchema,
  emptyBodySchema,
  handoverSchema,
  updateCaseSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import { sendDownload } from '../core/http/download';
import { exportContentType, exportFormatName } from '../core/export-file';
import * as cases from './cases.service';
import * as corrections from './case-corrections.service';

// The response is the seat's projection of the view: every field optional here, exact per seat.
const projectedCaseSchema = caseViewSchema.partial();

export function casesRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/cases',
      tag: 'cases',
      summary: 'Casussen binnen uw bereik, met filters, zoeken, sorteren en pagina’s',
      access: { permission: 'case:list' },
      query: caseListQuerySchema,
      response: caseListSchema,
      handler: ({ query, context, actor }) => cases.listCases(db, context, actor, query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases.xlsx',
      tag: 'cases',
      summary: `Alle casussen die de filters van de lijst vinden (niet alleen de pagina), in de volgorde van de lijst, als ${exportFormatName.xlsx}; alleen de kolommen die uw rol mag zien`,
      access: { permission: 'case:list' },
      query: caseListFilterSchema,
      file: { contentTypes: [exportContentType.xlsx] },
      handler: async ({ query, context, actor, res }) =>
        sendDownload(res, await cases.exportCaseList(db, context, actor, query)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases',
      tag: 'cases',
      summary: 'Bewoner aanmelden: een nieuwe casus in status aangemeld',
      status: 201,
      access: { permission: 'case:create' },
      body: createCaseSchema,
      response: projectedCaseSchema,
      handler: ({ body, context, actor }) => cases.createCase(db, context, actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId',
      tag: 'cases',
      summary: 'Een casus, zoals uw rol die mag zien',
      access: { permission: 'case:read' },
      params: caseIdParamsSchema,
      response: projectedCaseSchema,
      handler: ({ params, context, actor }) => cases.getCase(db, context, actor, params.caseId),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/cases/:caseId',
      tag: 'cases',
      summary: 'Onderdelen van de casus vervangen; 409 bij een verouderde versie',
      access: { permission: 'case:update' },
      params: caseIdParamsSchema,
      body: updateCaseSchema,
      response: projectedCaseSchema,
      handler: ({ params, body, context, actor }) =>
        cases.updateCase(db, context, actor, params.caseId, body.version, body.changes),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/transitions',
      tag: 'cases',
      summary: 'Een stap in het proces (uitstroomgereed, terugtrekken)',
      access: { permission: 'case:transition' },
      params: caseIdParamsSchema,
      body: caseTransitionRequestSchema,
      response: projectedCaseSchema,
      handler: ({ params, body, context, actor }) =>
        cases.transitionCase(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/correction',
      tag: 'cases',
      summary:
        'De laatste stap herstellen: wie hem zette dezelfde dag, de voorzitter met een reden (domain.md §4)',
      access: { permission: 'case:correct' },
      params: caseIdParamsSchema,
      body: correctStepSchema,
      response: projectedCaseSchema,
      handler: ({ params, body, context, actor }) =>
        corrections.correctStep(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/handover',
      tag: 'cases',
      summary: 'De casus overdragen aan een collega-casemanager',
      access: { permission: 'case:handover' },
      params: caseIdParamsSchema,
      body: handoverSchema,
      response: projectedCaseSchema,
      handler: ({ params, body, context, actor }) =>
        cases.handOverCase(db, context, actor, params.caseId, body.version, body.toUserId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/consents',
      tag: 'consent',
      summary: 'Toestemmingen van de bewoner, per ontvangende organisatie',
      access: { permission: 'case:consent' },
      params: caseIdParamsSchema,
      response: z.array(consentSchema),
      handler: ({ params, context, actor }) =>
        cases.listConsents(db, context, actor, params.caseId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/consents',
      tag: 'consent',
      summary: 'Toestemming vastleggen (of een weigering: geen categorieën)',
      status: 201,
      access: { permission: 'case:consent' },
      params: caseIdParamsSchema,
      body: recordConsentSchema,
      response: consentSchema,
      handler: ({ params, body, context, actor }) =>
        cases.recordConsent(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/consents/:consentId/withdraw',
      tag: 'consent',
      summary: 'Toestemming intrekken; geldt vanaf de volgende aanvraag',
      access: { permission: 'case:consent' },
      params: consentParamsSchema,
      body: emptyBodySchema,
      response: consentSchema,
      handler: ({ params, context, actor }) =>
        cases.withdrawConsent(db, context, actor, params.caseId, params.consentId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/cases-colleagues',
      tag: 'cases',
      summary: 'Casemanagers van uw organisatie (voor overdracht)',
      access: { permission: 'case:handover' },
      response: z.array(colleagueSchema),
      handler: ({ actor }) => cases.listColleagues(db, actor),
    }),
  ];
}

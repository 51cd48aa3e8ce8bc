import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  agreePlanSchema,
  answerCheckSchema,
  caseIdParamsSchema,
  checkParamsSchema,
  closeSupportSchema,
  escalationTableSchema,
  raiseSignalSchema,
  relapsePlanInputSchema,
  startSupportSchema,
  supportEntrySchema,
  supportViewSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import * as support from './support.service';

// The seat's projection of the view: every part optional here, exact per seat.
const projectedSupportSchema = supportViewSchema.partial();

export function supportRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/support',
      tag: 'support',
      summary: 'Het nazorglogboek, zoals uw rol het mag zien',
      access: { permission: 'support:read' },
      params: caseIdParamsSchema,
      response: projectedSupportSchema,
      handler: ({ params, context, actor }) =>
        support.getSupport(db, context, actor, params.caseId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/support/start',
      tag: 'support',
      summary: 'Nazorg starten na de verhuizing (nazorgaanbieder)',
      access: { permission: 'support:write' },
      params: caseIdParamsSchema,
      body: startSupportSchema,
      response: projectedSupportSchema,
      handler: ({ params, body, context, actor }) =>
        support.startSupport(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/support/entries',
      tag: 'support',
      summary: 'Contact, intensiteit, doel, voortgang of logeerplek vastleggen',
      status: 201,
      access: { permission: 'support:write' },
      params: caseIdParamsSchema,
      body: supportEntrySchema,
      response: projectedSupportSchema,
      handler: ({ params, body, context, actor }) =>
        support.addEntry(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/support/signals',
      tag: 'support',
      summary: 'Een signaal melden, zo nodig met escalatie naar een tafel',
      status: 201,
      access: { permission: 'support:write' },
      params: caseIdParamsSchema,
      body: raiseSignalSchema,
      response: projectedSupportSchema,
      handler: ({ params, body, context, actor }) =>
        support.raiseSignal(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/support/plan',
      tag: 'support',
      summary: 'Een nieuwe versie van het terugvalpreventieplan',
      status: 201,
      access: { permission: 'support:write' },
      params: caseIdParamsSchema,
      body: relapsePlanInputSchema,
      response: projectedSupportSchema,
      handler: ({ params, body, context, actor }) =>
        support.saveRelapsePlan(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/support/plan/agree',
      tag: 'support',
      summary: 'Instemmen met een versie van het plan (aanbieder of gemeente)',
      access: { permission: 'support:agree' },
      params: caseIdParamsSchema,
      body: agreePlanSchema,
      response: projectedSupportSchema,
      handler: ({ params, body, context, actor }) =>
        support.agreeRelapsePlan(db, context, actor, params.caseId, body.version),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/support/checks/:checkId',
      tag: 'support',
      summary: 'Een nameting (6 of 12 maanden) beantwoorden',
      access: { permission: 'support:write' },
      params: checkParamsSchema,
      body: answerCheckSchema,
      response: projectedSupportSchema,
      handler: ({ params, body, context, actor }) =>
        support.answerCheck(db, context, actor, params.caseId, params.checkId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/support/close',
      tag: 'support',
      summary: 'De nazorg afsluiten met een uitkomst en een datum',
      access: { permission: 'support:close' },
      params: caseIdParamsSchema,
      body: closeSupportSchema,
      response: projectedSupportSchema,
      handler: ({ params, body, context, actor }) =>
        support.closeSupport(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/support/escalation-tables',
      tag: 'support',
      summary: 'Tafels van uw regio die nog komen (titel en datum), om naar te escaleren',
      access: { permission: 'support:write' },
      response: z.array(escalationTableSchema),
      handler: ({ actor }) => support.listEscalationTables(db, actor),
    }),
  ];
}

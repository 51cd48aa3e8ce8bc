import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  publishRuleSetDraftRequestSchema,
  regionOrganisationSchema,
  regionOverviewSchema,
  ruleSetDraftStateSchema,
  ruleSetHistorySchema,
  ruleSetSchema,
  ruleSetVersionParamsSchema,
  saveRuleSetDraftRequestSchema,
  updateRuleSetRequestSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import {
  discardRuleSetDraft,
  listRegionOrganisations,
  publishRuleSetDraft,
  readCurrentRuleSet,
  readRegionOverview,
  readRuleSetDraft,
  readRuleSetHistory,
  readRuleSetVersion,
  saveRuleSetDraft,
  updateRuleSet,
} from './rule-set.service';

/** The region's configuration, for its regionAdmin. The region is always the actor's own. */
export function regionRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/region',
      tag: 'regions',
      summary:
        'Uw regio: gemeenten met inwoneraantal, doelgroepen en leeftijdsgrenzen (voor elke rol)',
      access: { permission: 'region:read' },
      response: regionOverviewSchema,
      handler: ({ actor }) => readRegionOverview(db, actor),
    }),
    defineRoute({
      method: 'get',
      path: '/api/region/organisations',
      tag: 'regions',
      summary:
        'De organisaties van uw regio (om uit te nodigen, toestemming te geven, randvoorwaarden te beleggen)',
      access: { permission: 'region:read' },
      response: z.array(regionOrganisationSchema),
      handler: ({ actor }) => listRegionOrganisations(db, actor),
    }),
    defineRoute({
      method: 'get',
      path: '/api/region/rule-set',
      tag: 'regions',
      summary: 'De geldende regio-instellingen (nieuwste versie)',
      access: { permission: 'ruleSet:read' },
      response: ruleSetSchema,
      handler: ({ context, actor }) => readCurrentRuleSet(db, context, actor),
    }),
    defineRoute({
      method: 'get',
      path: '/api/region/rule-set/versions',
      tag: 'regions',
      summary: 'Alle versies van de regio-instellingen, nieuwste eerst, met wat er veranderde',
      access: { permission: 'ruleSet:read' },
      response: ruleSetHistorySchema,
      handler: ({ context, actor }) => readRuleSetHistory(db, context, actor),
    }),
    defineRoute({
      method: 'get',
      path: '/api/region/rule-set/versions/:version',
      tag: 'regions',
      summary: 'Eén eerdere versie van de regio-instellingen',
      access: { permission: 'ruleSet:read' },
      params: ruleSetVersionParamsSchema,
      response: ruleSetSchema,
      handler: ({ params, context, actor }) =>
        readRuleSetVersion(db, context, actor, params.version),
    }),
    defineRoute({
      method: 'put',
      path: '/api/region/rule-set',
      tag: 'regions',
      summary:
        'Regio-instellingen wijzigen: maakt een nieuwe versie (409 als er intussen een nieuwere is)',
      access: { permission: 'ruleSet:update' },
      body: updateRuleSetRequestSchema,
      response: ruleSetSchema,
      handler: ({ body, context, actor }) => updateRuleSet(db, context, actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/region/rule-set/draft',
      tag: 'regions',
      summary: 'Het concept van de volgende versie, met wat publiceren zou veranderen (of geen)',
      access: { permission: 'ruleSet:read' },
      response: ruleSetDraftStateSchema,
      handler: ({ context, actor }) => readRuleSetDraft(db, context, actor),
    }),
    defineRoute({
      method: 'put',
      path: '/api/region/rule-set/draft',
      tag: 'regions',
      summary:
        'Regio-instellingen als concept opslaan: verandert niets tot het concept is gepubliceerd',
      access: { permission: 'ruleSet:update' },
      body: saveRuleSetDraftRequestSchema,
      response: ruleSetDraftStateSchema,
      handler: ({ body, context, actor }) => saveRuleSetDraft(db, context, actor, body),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/region/rule-set/draft',
      tag: 'regions',
      summary: 'Het concept weggooien; de geldende versie blijft',
      access: { permission: 'ruleSet:update' },
      response: ruleSetDraftStateSchema,
      handler: ({ context, actor }) => discardRuleSetDraft(db, context, actor),
    }),
    defineRoute({
      method: 'post',
      path: '/api/region/rule-set/draft/publish',
      tag: 'regions',
      summary:
        'Het concept publiceren: het wordt de nieuwe geldende versie, met wie en wanneer (409 als het verouderd is)',
      access: { permission: 'ruleSet:publish' },
      body: publishRuleSetDraftRequestSchema,
      response: ruleSetSchema,
      handler: ({ body, context, actor }) => publishRuleSetDraft(db, context, actor, body),
    }),
  ];
}

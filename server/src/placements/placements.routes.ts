import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  answerOfferSchema,
  caseIdParamsSchema,
  confirmPlacementSchema,
  dwellingIdParamsSchema,
  dwellingOfferSchema,
  makeOfferSchema,
  moveInSchema,
  neighbourhoodLoadListSchema,
  neighbourhoodLoadQuerySchema,
  placementViewSchema,
  refusePlacementSchema,
  withdrawOfferSchema,
} from '@uitstroom/shared';
import { defineRoute } from '../core/http/route';
import * as placements from './placements.service';

export function placementsRoutes(db: DataSource) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/cases/:caseId/placement',
      tag: 'placements',
      summary: 'Woningaanbod, plaatsing en verhuizing van een casus, zoals uw rol die mag zien',
      access: { permission: 'case:read' },
      params: caseIdParamsSchema,
      response: placementViewSchema,
      handler: ({ params, context, actor }) =>
        placements.getPlacement(db, context, actor, params.caseId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/offers',
      tag: 'placements',
      status: 201,
      summary:
        'Een woning van uw corporatie aanbieden aan een casus die een woning zoekt; 409 als de woning of de casus zojuist al is vergeven',
      access: { permission: 'offer:create' },
      params: caseIdParamsSchema,
      body: makeOfferSchema,
      response: placementViewSchema,
      handler: ({ params, body, context, actor }) =>
        placements.makeOffer(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/offer/answer',
      tag: 'placements',
      summary: 'Het antwoord van de bewoner vastleggen: aanvaard, of afgewezen met een reden',
      access: { permission: 'offer:answer' },
      params: caseIdParamsSchema,
      body: answerOfferSchema,
      response: placementViewSchema,
      handler: ({ params, body, context, actor }) =>
        placements.answerOffer(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/offer/withdraw',
      tag: 'placements',
      summary: 'Het aanbod intrekken, met een reden (de corporatie die aanbood)',
      access: { permission: 'offer:withdraw' },
      params: caseIdParamsSchema,
      body: withdrawOfferSchema,
      response: placementViewSchema,
      handler: ({ params, body, context, actor }) =>
        placements.withdrawOffer(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/placement/confirm',
      tag: 'placements',
      summary: 'De plaatsing bevestigen en de ondersteuning vastleggen (gemeente van bestemming)',
      access: { permission: 'placement:decide' },
      params: caseIdParamsSchema,
      body: confirmPlacementSchema,
      response: placementViewSchema,
      handler: ({ params, body, context, actor }) =>
        placements.confirmPlacement(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/placement/refuse',
      tag: 'placements',
      summary:
        'De plaatsing weigeren, met een reden: terug naar de tafel (gemeente van bestemming)',
      access: { permission: 'placement:decide' },
      params: caseIdParamsSchema,
      body: refusePlacementSchema,
      response: placementViewSchema,
      handler: ({ params, body, context, actor }) =>
        placements.refusePlacement(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/cases/:caseId/move-in',
      tag: 'placements',
      summary:
        'De verhuizing vastleggen: sleuteloverdracht, huurvorm, driepartijenovereenkomst en contact van de zorgaanbieder',
      access: { permission: 'placement:moveIn' },
      params: caseIdParamsSchema,
      body: moveInSchema,
      response: placementViewSchema,
      handler: ({ params, body, context, actor }) =>
        placements.recordMoveIn(db, context, actor, params.caseId, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/dwellings/:dwellingId/offers',
      tag: 'placements',
      summary: 'De aanbiedingen van een woning van uw corporatie, met de termijn van het antwoord',
      access: { permission: 'dwelling:read' },
      params: dwellingIdParamsSchema,
      response: z.array(dwellingOfferSchema),
      handler: ({ params, actor }) => placements.listDwellingOffers(db, actor, params.dwellingId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/neighbourhood-load',
      tag: 'placements',
      summary:
        'Verhuizingen per wijk van een gemeente in de afgelopen 12 maanden, tegen de drempel van de regio',
      access: { permission: 'neighbourhoodLoad:read' },
      query: neighbourhoodLoadQuerySchema,
      response: neighbourhoodLoadListSchema,
      handler: ({ query, actor }) => placements.neighbourhoodLoadOf(db, actor, query.municipality),
    }),
  ];
}

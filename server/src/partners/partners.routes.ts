import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  apiTokenSchema,
  createSubscriptionSchema,
  createdSubscriptionSchema,
  deliveryListQuerySchema,
  deliverySchema,
  issueTokenSchema,
  issuedTokenSchema,
  subscriptionIdParamsSchema,
  subscriptionSchema,
  tokenIdParamsSchema,
} from '@uitstroom/shared';
import type { AppConfig } from '../core/config';
import { defineRoute } from '../core/http/route';
import * as tokens from './api-tokens.service';
import * as webhooks from './webhooks.service';

/** The regio-beheerder's tokens, and a token holder's subscriptions and their delivery log. */
export function partnersRoutes(db: DataSource, config: AppConfig) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/region/tokens',
      tag: 'partners',
      summary: 'API-tokens van de regio (zonder geheimen)',
      access: { permission: 'apiToken:manage' },
      response: z.array(apiTokenSchema),
      handler: ({ context, actor }) => tokens.listTokens(db, context, actor),
    }),
    defineRoute({
      method: 'post',
      path: '/api/region/tokens',
      tag: 'partners',
      summary:
        'API-token uitgeven aan een zetel van een organisatie (het token komt alleen nu mee)',
      status: 201,
      access: { permission: 'apiToken:manage' },
      body: issueTokenSchema,
      response: issuedTokenSchema,
      handler: ({ body, context, actor }) => tokens.issueToken(db, context, actor, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/region/tokens/:tokenId/revoke',
      tag: 'partners',
      summary: 'API-token intrekken (werkt vanaf de volgende aanvraag niet meer)',
      access: { permission: 'apiToken:manage' },
      params: tokenIdParamsSchema,
      response: apiTokenSchema,
      handler: ({ params, context, actor }) =>
        tokens.revokeToken(db, context, actor, params.tokenId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/region/tokens/:tokenId/subscriptions',
      tag: 'partners',
      summary: 'Abonnementen van een API-token op gebeurtenissen',
      access: { permission: 'apiToken:manage' },
      params: tokenIdParamsSchema,
      response: z.array(subscriptionSchema),
      handler: ({ params, context, actor }) =>
        webhooks.listTokenSubscriptions(db, context, actor, params.tokenId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partner/subscriptions',
      tag: 'partners',
      summary: 'Eigen abonnementen op gebeurtenissen',
      access: { permission: 'webhook:manage' },
      response: z.array(subscriptionSchema),
      handler: ({ context }) => webhooks.listOwnSubscriptions(db, context),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partner/subscriptions',
      tag: 'partners',
      summary: 'Een adres abonneren op gebeurtenissen (het ondertekengeheim komt alleen nu mee)',
      status: 201,
      access: { permission: 'webhook:manage' },
      body: createSubscriptionSchema,
      response: createdSubscriptionSchema,
      handler: ({ body, context }) =>
        webhooks.subscribe(db, context, body, { requireHttps: config.isProduction }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/partner/subscriptions/:subscriptionId',
      tag: 'partners',
      summary: 'Abonnement beëindigen',
      access: { permission: 'webhook:manage' },
      params: subscriptionIdParamsSchema,
      noContent: true,
      handler: ({ params, context }) =>
        webhooks.endSubscription(db, context, params.subscriptionId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partner/subscriptions/:subscriptionId/deliveries',
      tag: 'partners',
      summary: 'Bezorglog van een abonnement: elke gebeurtenis met haar pogingen',
      access: { permission: 'webhook:manage' },
      params: subscriptionIdParamsSchema,
      query: deliveryListQuerySchema,
      response: z.array(deliverySchema),
      handler: ({ params, query, context }) =>
        webhooks.listDeliveries(db, context, params.subscriptionId, query.state),
    }),
  ];
}

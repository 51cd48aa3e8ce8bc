import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  createOrganisationSchema,
  createUserSchema,
  emptyBodySchema,
  messageResponseSchema,
  organisationIdParamsSchema,
  organisationSchema,
  outboxMailSchema,
  saveIdentityProviderSchema,
  userIdParamsSchema,
  userListQuerySchema,
  userSummarySchema,
  providerSettingsSchema,
  providerSettingsViewSchema,
} from '@uitstroom/shared';
import type { AppConfig } from '../core/config';
import { defineRoute } from '../core/http/route';
import type { Mailer } from '../core/mailer';
import { linkBase } from '../auth';
import * as users from './users.service';
import * as settings from './organisation-settings.service';

export function usersRoutes(db: DataSource, config: AppConfig, mailer: Mailer) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/organisation/settings',
      tag: 'admin',
      summary: 'Contactpersoon en 24/7-nummer van de eigen organisatie (nazorgaanbieder)',
      access: { permission: 'organisation:settings' },
      response: providerSettingsViewSchema,
      handler: ({ actor }) => settings.getProviderSettings(db, actor),
    }),
    defineRoute({
      method: 'put',
      path: '/api/organisation/settings',
      tag: 'admin',
      summary: 'Contactpersoon en 24/7-nummer van de eigen organisatie vastleggen',
      access: { permission: 'organisation:settings' },
      body: providerSettingsSchema,
      response: providerSettingsViewSchema,
      handler: ({ body, context, actor }) =>
        settings.updateProviderSettings(db, context, actor, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/organisations',
      tag: 'admin',
      summary: 'Organisaties van de regio',
      access: { permission: 'organisation:read' },
      response: z.array(organisationSchema),
      handler: ({ actor }) => users.listOrganisations(db, actor),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/organisations',
      tag: 'admin',
      summary: 'Organisatie toevoegen',
      status: 201,
      access: { permission: 'organisation:create' },
      body: createOrganisationSchema,
      response: organisationSchema,
      handler: ({ body, context, actor }) => users.createOrganisation(db, context, actor, body),
    }),
    defineRoute({
      method: 'put',
      path: '/api/admin/organisations/:organisationId/identity-provider',
      tag: 'admin',
      summary:
        'Inlogdienst van de organisatie (OpenID Connect) instellen: issuer, client, e-maildomeinen, wachtwoord toegestaan',
      access: { permission: 'organisation:update' },
      params: organisationIdParamsSchema,
      body: saveIdentityProviderSchema,
      response: organisationSchema,
      handler: ({ params, body, context, actor }) =>
        users.saveOrganisationIdentityProvider(
          db,
          config,
          context,
          actor,
          params.organisationId,
          body,
        ),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/admin/organisations/:organisationId/identity-provider',
      tag: 'admin',
      summary:
        'Inlogdienst van de organisatie verwijderen: iedereen logt weer in met een wachtwoord',
      access: { permission: 'organisation:update' },
      params: organisationIdParamsSchema,
      response: organisationSchema,
      handler: ({ params, context, actor }) =>
        users.removeOrganisationIdentityProvider(db, context, actor, params.organisationId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/users',
      tag: 'admin',
      summary: 'Gebruikers van de regio',
      access: { permission: 'user:read' },
      query: userListQuerySchema,
      response: z.array(userSummarySchema),
      handler: ({ query, context, actor }) =>
        users.listUsers(db, context, actor, query.organisationId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users',
      tag: 'admin',
      summary: 'Gebruiker toevoegen en uitnodigen per e-mail',
      status: 201,
      access: { permission: 'user:create' },
      body: createUserSchema,
      response: userSummarySchema,
      handler: ({ body, context, actor }) =>
        users.createUser(db, config, mailer, context, actor, body, linkBase(config)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:userId/invitation',
      tag: 'admin',
      summary: 'Uitnodiging opnieuw sturen',
      status: 202,
      access: { permission: 'user:update' },
      params: userIdParamsSchema,
      body: emptyBodySchema,
      response: messageResponseSchema,
      handler: async ({ params, context, actor }) => {
        await users.resendInvitation(
          db,
          config,
          mailer,
          context,
          actor,
          params.userId,
          linkBase(config),
        );
        return { message: 'De uitnodiging is verstuurd.' };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:userId/password-reset',
      tag: 'admin',
      summary: 'Herstellink voor het wachtwoord sturen',
      status: 202,
      access: { permission: 'user:update' },
      params: userIdParamsSchema,
      body: emptyBodySchema,
      response: messageResponseSchema,
      handler: async ({ params, context, actor }) => {
        await users.sendPasswordReset(
          db,
          config,
          mailer,
          context,
          actor,
          params.userId,
          linkBase(config),
        );
        return { message: 'De herstellink is verstuurd.' };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:userId/deactivate',
      tag: 'admin',
      summary: 'Gebruiker deactiveren; alle sessies eindigen meteen',
      access: { permission: 'user:update' },
      params: userIdParamsSchema,
      body: emptyBodySchema,
      response: userSummarySchema,
      handler: ({ params, context, actor }) =>
        users.setActive(db, context, actor, params.userId, false),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:userId/activate',
      tag: 'admin',
      summary: 'Gebruiker weer activeren',
      access: { permission: 'user:update' },
      params: userIdParamsSchema,
      body: emptyBodySchema,
      response: userSummarySchema,
      handler: ({ params, context, actor }) =>
        users.setActive(db, context, actor, params.userId, true),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:userId/two-factor-reset',
      tag: 'admin',
      summary: 'Tweestapsverificatie herstellen (telefoon kwijt)',
      access: { permission: 'user:update' },
      params: userIdParamsSchema,
      body: emptyBodySchema,
      response: userSummarySchema,
      handler: ({ params, context, actor }) =>
        users.resetTwoFactor(db, context, actor, params.userId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:userId/unlock',
      tag: 'admin',
      summary: 'Blokkade na te veel mislukte pogingen meteen opheffen',
      access: { permission: 'user:update' },
      params: userIdParamsSchema,
      body: emptyBodySchema,
      response: userSummarySchema,
      handler: ({ params, context, actor }) => users.liftLock(db, context, actor, params.userId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/outbox',
      tag: 'admin',
      summary: 'Demo-postvak: verstuurde e-mail zonder SMTP',
      access: { permission: 'outbox:read' },
      response: z.array(outboxMailSchema),
      handler: ({ actor }) => users.listOutbox(db, mailer, actor),
    }),
  ];
}

import { emptyBodySchema, loginRequestSchema, meSchema } from '@uitstroom/shared';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config';
import { defineRoute } from '../core/http/route';
import { destroySession, regenerateSession, saveSession, sessionCookieName } from '../core/session';
import { getMe, logIn, logOut } from './auth.service';

export function authRoutes(db: DataSource, config: AppConfig) {
  return [
    defineRoute({
      method: 'post', path: '/api/auth/login', tag: 'auth', summary: 'Inloggen met e-mailadres en wachtwoord',
      access: { public: true }, body: loginRequestSchema, response: meSchema,
      handler: async ({ body, context, req }) => {
        const { me, actor } = await logIn(db, config, context, body);
        // A new session id at every sign-in: a planted session id is worth nothing.
        await regenerateSession(req);
        req.session.userId = actor.userId;
        req.session.authenticatedAt = Date.now();
        await saveSession(req);
        return me;
      },
    }),
    defineRoute({
      method: 'post', path: '/api/auth/logout', tag: 'auth', summary: 'Uitloggen: beëindigt de sessie op de server',
      access: { permission: 'session:read' }, body: emptyBodySchema,
      handler: async ({ context, req, res }) => {
        await logOut(db, context);
        await destroySession(req);
        res.clearCookie(sessionCookieName, { path: '/' });
        return undefined;
      },
    }),
    defineRoute({
      method: 'get', path: '/api/auth/me', tag: 'auth', summary: 'Wie is ingelogd: gebruiker, zetel, organisatie en regio',
      access: { permission: 'session:read' }, response: meSchema,
      handler: ({ actor }) => getMe(db, actor),
    }),
  ];
}

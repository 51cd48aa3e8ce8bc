import type { DataSource } from 'typeorm';
import {
  accountSchema,
  changePasswordSchema,
  completePasswordSchema,
  confirmTotpSchema,
  emptyBodySchema,
  messageResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  meSchema,
  passwordResetRequestSchema,
  providerCallbackQuerySchema,
  signInMethodRequestSchema,
  signInMethodSchema,
  recoveryCodesSchema,
  tokenInfoRequestSchema,
  tokenInfoSchema,
  totpEnrollmentSchema,
  verifySecondFactorSchema,
} from '@uitstroom/shared';
import { publicOriginOf, type AppConfig } from '../core/config';
import { defineRoute } from '../core/http/route';
import type { Mailer } from '../core/mailer';
import { destroySession, saveSession, sessionCookieName } from '../core/session';
import { getMe, logIn, logOut, verifySecondFactor } from './auth.service';
import {
  changePassword,
  confirmTotpEnrollment,
  describeToken,
  getAccount,
  requestPasswordReset,
  sealPendingTotpSecret,
  setPasswordWithToken,
  startTotpEnrollment,
} from './account.service';
import { toMe } from './auth.repository';
import {
  chooseSignInMethod,
  completeProviderSignIn,
  providerCallbackPath,
} from './provider-sign-in.service';
import {
  completeSignIn,
  pendingSignInOf,
  requirePendingSignIn,
  startPendingSignIn,
} from './sign-in-session';

/** Links in mails point at the configured public origin, never at the request's Host header. */
export function linkBase(config: AppConfig): string {
  return publicOriginOf(config);
}

export function authRoutes(db: DataSource, config: AppConfig, mailer: Mailer) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      tag: 'auth',
      summary: 'Inloggen; 202 als nog een tweede stap (TOTP) nodig is',
      access: { public: true },
      body: loginRequestSchema,
      response: loginResponseSchema,
      handler: async ({ body, context, req, res }) => {
        const step = await logIn(db, { config, mailer }, context, body);
        if (step.kind === 'signedIn') {
          await completeSignIn(req, step.actor.userId);
          return step.me;
        }
        await startPendingSignIn(req, step.userId, step.step);
        res.status(202);
        return { secondFactor: step.step };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/sign-in-method',
      tag: 'auth',
      summary:
        'Eerste stap van het inloggen: het e-mailadres. Het domein beslist: de inlogdienst van de organisatie of het wachtwoord',
      access: { public: true },
      body: signInMethodRequestSchema,
      response: signInMethodSchema,
      handler: async ({ body, context, req }) => {
        const { answer, pending } = await chooseSignInMethod(db, config, context, body.email);
        if (pending) {
          req.session.pendingProviderSignIn = pending;
          await saveSession(req);
        }
        return answer;
      },
    }),
    defineRoute({
      method: 'get',
      path: providerCallbackPath,
      tag: 'auth',
      summary:
        'Terugkomst van de inlogdienst van de organisatie (OpenID Connect): ingelogd naar de app, anders naar het inlogscherm met de reden',
      access: { public: true },
      query: providerCallbackQuerySchema,
      redirect: { description: 'Naar / (ingelogd) of naar /inloggen?inlogdienst=<reden>' },
      handler: async ({ context, req, res }) => {
        // The checks of one authorisation request are used once, whatever the outcome.
        const pending = req.session.pendingProviderSignIn;
        delete req.session.pendingProviderSignIn;
        const callbackUrl = new URL(req.originalUrl, 'http://callback.invalid');
        const outcome = await completeProviderSignIn(db, config, context, pending, callbackUrl);
        if (outcome.kind === 'signedIn') {
          await completeSignIn(req, outcome.actor.userId);
          res.redirect(303, '/');
        } else {
          if (pending) await saveSession(req);
          res.redirect(303, `/inloggen?inlogdienst=${outcome.failure}`);
        }
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/second-factor',
      tag: 'auth',
      summary: 'Tweede stap van het inloggen: TOTP-code of herstelcode',
      access: { public: true },
      body: verifySecondFactorSchema,
      response: meSchema,
      handler: async ({ body, context, req }) => {
        const pending = requirePendingSignIn(req, 'totp');
        const { me, actor } = await verifySecondFactor(
          db,
          { config, mailer },
          context,
          pending.userId,
          body,
        );
        await completeSignIn(req, actor.userId);
        return me;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/totp/enrollment',
      tag: 'auth',
      summary: 'Tweestapsverificatie instellen: een nieuw geheim met QR-code',
      access: { public: true },
      body: emptyBodySchema,
      response: totpEnrollmentSchema,
      handler: async ({ context, req }) => {
        // Either halfway through a sign-in that requires it, or signed in and choosing it.
        const userId = context.actor?.userId ?? requirePendingSignIn(req, 'enroll').userId;
        const enrollment = await startTotpEnrollment(db, userId);
        req.session.pendingTotpSecret = sealPendingTotpSecret(
          config.encryptionKeys,
          userId,
          enrollment.secret,
        );
        await saveSession(req);
        return enrollment;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/totp/enrollment/confirm',
      tag: 'auth',
      summary: 'Tweestapsverificatie bevestigen met een code; geeft de herstelcodes',
      access: { public: true },
      body: confirmTotpSchema,
      response: recoveryCodesSchema,
      handler: async ({ body, context, req }) => {
        const pending = context.actor ? null : requirePendingSignIn(req, 'enroll');
        const userId = context.actor?.userId ?? pending!.userId;
        const { recoveryCodes, user } = await confirmTotpEnrollment(
          db,
          config.encryptionKeys,
          context,
          userId,
          req.session.pendingTotpSecret,
          body.code,
        );
        if (pending) await completeSignIn(req, userId);
        else {
          delete req.session.pendingTotpSecret;
          await saveSession(req);
        }
        return { recoveryCodes, me: toMe(user) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/sign-in-step',
      tag: 'auth',
      summary: 'Welke stap van het inloggen open staat (na een herladen pagina)',
      access: { public: true },
      response: loginResponseSchema.optional(),
      handler: async ({ req, res }) => {
        const pending = pendingSignInOf(req);
        if (!pending) {
          res.status(204);
          return undefined;
        }
        return { secondFactor: pending.step };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      tag: 'auth',
      summary: 'Uitloggen: beëindigt de sessie op de server',
      access: { permission: 'session:read' },
      body: emptyBodySchema,
      noContent: true,
      handler: async ({ context, req, res }) => {
        await logOut(db, context, req.sessionID);
        await destroySession(req);
        res.clearCookie(sessionCookieName, { path: '/' });
        return undefined;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/auth/me',
      tag: 'auth',
      summary: 'Wie is ingelogd: gebruiker, zetel, organisatie en regio',
      access: { permission: 'session:read' },
      response: meSchema,
      handler: ({ actor }) => getMe(db, actor),
    }),
    defineRoute({
      method: 'get',
      path: '/api/account',
      tag: 'account',
      summary: 'Mijn account: tweestapsverificatie en herstelcodes',
      access: { permission: 'account:update' },
      response: accountSchema,
      handler: ({ actor }) => getAccount(db, actor),
    }),
    defineRoute({
      method: 'post',
      path: '/api/account/password',
      tag: 'account',
      summary: 'Eigen wachtwoord wijzigen; andere sessies eindigen',
      access: { permission: 'account:update' },
      body: changePasswordSchema,
      noContent: true,
      handler: async ({ body, context, actor, req }) => {
        await changePassword(db, { config, mailer }, context, actor, body, req.sessionID);
        return undefined;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password-reset',
      tag: 'auth',
      summary: 'Wachtwoord vergeten: stuurt een link als het adres bekend is',
      access: { public: true },
      body: passwordResetRequestSchema,
      status: 202,
      response: messageResponseSchema,
      handler: async ({ body, context }) => {
        await requestPasswordReset(db, config, mailer, context, body.email, linkBase(config));
        return {
          message:
            'Als dit adres bij ons bekend is, ontvangt u binnen enkele minuten een e-mail met een link.',
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/token',
      tag: 'auth',
      summary:
        'Wat een uitnodigings- of herstellink is (voor de pagina die het wachtwoord laat kiezen)',
      access: { public: true },
      body: tokenInfoRequestSchema,
      response: tokenInfoSchema,
      handler: ({ body }) => describeToken(db, body.token),
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/password',
      tag: 'auth',
      summary: 'Wachtwoord kiezen met een uitnodigings- of herstellink',
      access: { public: true },
      body: completePasswordSchema,
      noContent: true,
      handler: async ({ body, context }) => {
        await setPasswordWithToken(db, context, body.token, body.newPassword);
        return undefined;
      },
    }),
  ];
}

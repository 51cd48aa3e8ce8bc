import type { DataSource, EntityManager } from 'typeorm';
import { AppError, type LoginRequest, type Me, verifySecondFactorSchema } from '@uitstroom/shared';
import type { z } from 'zod';
import type { AppConfig } from '../core/config';
import { sendAfterCommit, type Mail, type Mailer } from '../core/mailer';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { publishAfterCommit } from '../core/live-events';
import { isTwoFactorRequired } from '../regions';
import { verifyPassword } from './passwords';
import { hashSecret } from './one-time-secrets';
import { acceptedTotpStep } from './totp';
import { openSecret, sealedFor } from '../core/secret-box';
import { accountLockedMail } from './account.mails';
import { isPasswordRefusedFor } from './identity-provider.repository';
import {
  acceptTotpStep,
  countAccountFailures,
  countRecentFailures,
  findActiveUserById,
  findUserByEmail,
  lockAccount,
  lockLoginAttempts,
  recordLoginAttempt,
  toActor,
  toMe,
  useRecoveryCode,
  type UserRow,
} from './auth.repository';

/** After the password: signed in, or one more step (a TOTP code, or enrolling one first). */
export type SignInStep =
  | { kind: 'signedIn'; me: Me; actor: Actor }
  | { kind: 'secondFactor'; userId: string; step: 'totp' | 'enroll' };

type Attempt<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'invalid'; lockMail: Mail | null }
  | {
      kind: 'refused';
      scope: 'address' | 'accountDelay' | 'accountLock';
      retryAfterSeconds: number;
    };

/** What the limits need besides the database: the settings, and the mailer for the owner's warning. */
export interface AttemptLimits {
  config: AppConfig;
  mailer: Mailer;
}

/** Each further try after the account's delay threshold waits twice as long, at most the lock period. */
export function requiredDelaySeconds(config: AppConfig, failures: number): number {
  if (failures < config.accountDelayAfterFailures) return 0;
  return Math.min(
    config.accountDelaySeconds * 2 ** (failures - config.accountDelayAfterFailures),
    config.accountLockSeconds,
  );
}

/**
 * Runs one attempt at a secret of an account (a password, a TOTP or recovery code, the current
 * password on the change form) under the account's lock, with two limits counted in PostgreSQL so
 * they hold across nodes: per account and address (LOGIN_MAX_FAILURES in LOGIN_WINDOW_SECONDS) and
 * per account from any address, which first makes each further try wait longer and then locks the
 * account for a period and mails its owner. A refused try is not evaluated, the right secret
 * neither, so that guessing stops; it is not counted either, so waiting is enough. The outcome is
 * decided and audited inside the transaction; the error is thrown after commit, so the audit entry
 * of a failure stays.
 */
export async function attemptWithLimits<T>(
  db: DataSource,
  { config, mailer }: AttemptLimits,
  context: RequestContext,
  email: string,
  check: (tx: EntityManager, user: UserRow | null) => Promise<T | null>,
): Promise<T> {
  const outcome = await db.transaction(async (tx): Promise<Attempt<T>> => {
    await lockLoginAttempts(tx, email);
    const user = await findUserByEmail(tx, email);
    const refuse = async (
      scope: 'address' | 'accountDelay' | 'accountLock',
      retryAfterSeconds: number,
      details: Record<string, unknown>,
    ): Promise<Attempt<T>> => {
      // A throttled try (waiting for the delay) is not audited each time: the lockout and every evaluated failure are.
      if (scope !== 'accountDelay') {
        await writeAudit(tx, context, {
          action: 'auth.lockout',
          objectType: 'user',
          objectId: user?.id,
          purpose: 'authentication',
          outcome: 'denied',
          details: { scope, ...details },
        });
      }
      return {
        kind: 'refused',
        scope,
        retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
      };
    };
    const failures = await countRecentFailures(
      tx,
      email,
      context.clientAddress,
      config.loginWindowSeconds,
    );
    if (failures >= config.loginMaxFailures)
      return refuse('address', config.loginWindowSeconds, { failures });
    const account = await countAccountFailures(tx, email, config.accountWindowSeconds);
    if (account.lockedForSeconds !== null)
      return refuse('accountLock', account.lockedForSeconds, { failures: account.count });
    const delay = requiredDelaySeconds(config, account.count);
    if (delay > 0 && account.secondsSinceLast !== null && account.secondsSinceLast < delay)
      return refuse('accountDelay', delay - account.secondsSinceLast, {});

    const value = await check(tx, user);
    await recordLoginAttempt(tx, email, context.clientAddress, value !== null);
    if (value !== null) return { kind: 'ok', value };
    if (account.count + 1 < config.accountLockAfterFailures)
      return { kind: 'invalid', lockMail: null };
    const until = await lockAccount(tx, email, config.accountLockSeconds);
    await writeAudit(tx, context, {
      action: 'auth.lockout',
      objectType: 'user',
      objectId: user?.id,
      purpose: 'authentication',
      outcome: 'denied',
      details: { scope: 'accountLocked', failures: account.count + 1, until: until.toISOString() },
    });
    return {
      kind: 'invalid',
      lockMail: user?.is_active
        ? accountLockedMail({
            to: user.email,
            displayName: user.display_name,
            regionId: user.region_id,
            until,
          })
        : null,
    };
  });
  if (outcome.kind === 'refused') {
    const message =
      outcome.scope === 'accountLock'
        ? 'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen. Probeer het later opnieuw, of vraag de regio-beheerder de blokkade op te heffen.'
        : `Te veel mislukte pogingen. Probeer het over ${outcome.retryAfterSeconds === 1 ? '1 seconde' : outcome.retryAfterSeconds < 120 ? `${outcome.retryAfterSeconds} seconden` : `${Math.ceil(outcome.retryAfterSeconds / 60)} minuten`} opnieuw.`;
    throw new AppError('TOO_MANY_ATTEMPTS', message, [], {
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  }
  if (outcome.kind === 'invalid') {
    if (outcome.lockMail) await sendAfterCommit(mailer, outcome.lockMail);
    throw new AppError('INVALID_CREDENTIALS');
  }
  return outcome.value;
}

export async function logIn(
  db: DataSource,
  limits: AttemptLimits,
  context: RequestContext,
  request: LoginRequest,
): Promise<SignInStep> {
  const email = request.email.trim().toLowerCase();
  return attemptWithLimits(db, limits, context, email, async (tx, user) => {
    const audit = {
      action: 'auth.login' as const,
      objectType: 'user',
      objectId: user?.id ?? null,
      purpose: 'authentication' as const,
    };
    const isValid =
      (await verifyPassword(user?.password_hash ?? null, request.password)) && !!user?.is_active;
    // An organisation that signs in through its own provider may have switched passwords off: then
    // a right password opens nothing either (and the answer says no more than for a wrong one).
    const isRefusedHere =
      !!user && isValid && (await isPasswordRefusedFor(tx, user.organisation_id));
    if (!user || !isValid || isRefusedHere) {
      await writeAudit(tx, context, {
        ...audit,
        outcome: 'failure',
        ...(isRefusedHere ? { details: { reason: 'passwordNotAllowed' } } : {}),
      });
      return null;
    }
    const actor = toActor(user);
    const secondFactor = user.totp_enabled_at
      ? 'totp'
      : (await isTwoFactorRequired(tx, user.region_id))
        ? 'enroll'
        : null;
    await writeAudit(
      tx,
      { ...context, actor },
      { ...audit, outcome: 'success', details: secondFactor ? { secondFactor } : {} },
    );
    return secondFactor
      ? { kind: 'secondFactor' as const, userId: user.id, step: secondFactor }
      : { kind: 'signedIn' as const, me: toMe(user), actor };
  });
}

/** The second step: a code from the authenticator app, or one of the recovery codes (each once). */
export async function verifySecondFactor(
  db: DataSource,
  limits: AttemptLimits,
  context: RequestContext,
  userId: string,
  input: z.output<typeof verifySecondFactorSchema>,
  now = Date.now(),
): Promise<{ me: Me; actor: Actor }> {
  const pending = await findActiveUserById(db.manager, userId);
  if (!pending?.totp_secret || !pending.totp_enabled_at)
    throw new AppError('UNAUTHENTICATED', 'Log eerst in met uw wachtwoord.');
  return attemptWithLimits(db, limits, context, pending.email, async (tx, user) => {
    if (!user?.totp_secret || !user.is_active) return null;
    const actor = toActor(user);
    if ('code' in input) {
      const secret = openSecret(
        limits.config.encryptionKeys,
        user.totp_secret,
        sealedFor.totpSecret(user.id),
      );
      const step = acceptedTotpStep(secret, input.code, now);
      const isAccepted = step !== null && (await acceptTotpStep(tx, user.id, step));
      await writeAudit(
        tx,
        { ...context, actor },
        {
          action: 'auth.totp.verify',
          objectType: 'user',
          objectId: user.id,
          purpose: 'authentication',
          outcome: isAccepted ? 'success' : 'failure',
        },
      );
      return isAccepted ? { me: toMe(user), actor } : null;
    }
    const isAccepted = await useRecoveryCode(tx, user.id, hashSecret(input.recoveryCode));
    await writeAudit(
      tx,
      { ...context, actor },
      {
        action: 'auth.recoveryCode.use',
        objectType: 'user',
        objectId: user.id,
        purpose: 'authentication',
        outcome: isAccepted ? 'success' : 'failure',
      },
    );
    return isAccepted ? { me: toMe(user), actor } : null;
  });
}

/** Signing out ends the session's live connections too, on every node. */
export async function logOut(
  db: DataSource,
  context: RequestContext,
  sessionId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await writeAudit(tx, context, {
      action: 'auth.logout',
      objectType: 'user',
      objectId: context.actor?.userId,
      purpose: 'authentication',
      outcome: 'success',
    });
    publishAfterCommit(tx, { kind: 'sessionEnded', sessionId });
  });
}

export async function getMe(db: DataSource, actor: Actor): Promise<Me> {
  const user = await findActiveUserById(db.manager, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return toMe(user);
}

export async function loadActor(db: DataSource, userId: string): Promise<Actor | null> {
  const user = await findActiveUserById(db.manager, userId);
  return user ? toActor(user) : null;
}

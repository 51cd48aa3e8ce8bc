import type { DataSource, EntityManager } from 'typeorm';
import { AppError, type LoginRequest, type Me, verifySecondFactorSchema } from '@uitstroom/shared';
import type { z } from 'zod';
import type { AppConfig } from '../core/config';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../audit/audit.writer';
import { publishAfterCommit } from '../live/live-events';
import { isTwoFactorRequired } from '../regions/rule-set.service';
import { verifyPassword } from './passwords';
import { hashSecret } from './one-time-secrets';
import { acceptedTotpStep } from './totp';
import {
  acceptTotpStep, countRecentFailures, findActiveUserById, findUserByEmail,
  lockLoginAttempts, recordLoginAttempt, toActor, toMe, useRecoveryCode, type UserRow,
} from './auth.repository';

/** After the password: signed in, or one more step (a TOTP code, or enrolling one first). */
export type SignInStep = { kind: 'signedIn'; me: Me; actor: Actor } | { kind: 'secondFactor'; userId: string; step: 'totp' | 'enroll' };

type Attempt<T> = { kind: 'ok'; value: T } | { kind: 'invalid' } | { kind: 'locked' };

/**
 * Runs one sign-in attempt (password or second factor) under the account's lock. Failed attempts
 * are counted per account and client address in PostgreSQL; past the limit every attempt in the
 * window is refused, the right one too, so that guessing stops. The outcome is decided and audited
 * inside the transaction; the error is thrown after commit, so the audit entry of a failure stays.
 */
async function attemptSignIn<T>(
  db: DataSource, config: AppConfig, context: RequestContext, email: string,
  check: (tx: EntityManager, user: UserRow | null) => Promise<T | null>,
): Promise<T> {
  const outcome = await db.transaction(async (tx): Promise<Attempt<T>> => {
    await lockLoginAttempts(tx, email, context.clientAddress);
    const failures = await countRecentFailures(tx, email, context.clientAddress, config.loginWindowSeconds);
    const user = await findUserByEmail(tx, email);
    if (failures >= config.loginMaxFailures) {
      await writeAudit(tx, context, { action: 'auth.lockout', objectType: 'user', objectId: user?.id, purpose: 'authentication', outcome: 'denied', details: { failures } });
      return { kind: 'locked' };
    }
    const value = await check(tx, user);
    await recordLoginAttempt(tx, email, context.clientAddress, value !== null);
    return value === null ? { kind: 'invalid' } : { kind: 'ok', value };
  });
  if (outcome.kind === 'locked') throw new AppError('TOO_MANY_ATTEMPTS', 'Te veel mislukte pogingen. Probeer het over een minuut opnieuw.');
  if (outcome.kind === 'invalid') throw new AppError('INVALID_CREDENTIALS');
  return outcome.value;
}

export async function logIn(db: DataSource, config: AppConfig, context: RequestContext, request: LoginRequest): Promise<SignInStep> {
  const email = request.email.trim().toLowerCase();
  return attemptSignIn(db, config, context, email, async (tx, user) => {
    const audit = { action: 'auth.login' as const, objectType: 'user', objectId: user?.id ?? null, purpose: 'authentication' as const };
    const isValid = (await verifyPassword(user?.password_hash ?? null, request.password)) && !!user?.is_active;
    if (!user || !isValid) {
      await writeAudit(tx, context, { ...audit, outcome: 'failure' });
      return null;
    }
    const actor = toActor(user);
    const secondFactor = user.totp_enabled_at ? 'totp' : (await isTwoFactorRequired(tx, user.region_id)) ? 'enroll' : null;
    await writeAudit(tx, { ...context, actor }, { ...audit, outcome: 'success', details: secondFactor ? { secondFactor } : {} });
    return secondFactor
      ? { kind: 'secondFactor' as const, userId: user.id, step: secondFactor }
      : { kind: 'signedIn' as const, me: toMe(user), actor };
  });
}

/** The second step: a code from the authenticator app, or one of the recovery codes (each once). */
export async function verifySecondFactor(
  db: DataSource, config: AppConfig, context: RequestContext, userId: string, input: z.output<typeof verifySecondFactorSchema>, now = Date.now(),
): Promise<{ me: Me; actor: Actor }> {
  const pending = await findActiveUserById(db.manager, userId);
  if (!pending?.totp_secret || !pending.totp_enabled_at) throw new AppError('UNAUTHENTICATED', 'Log eerst in met uw wachtwoord.');
  return attemptSignIn(db, config, context, pending.email, async (tx, user) => {
    if (!user?.totp_secret || !user.is_active) return null;
    const actor = toActor(user);
    if ('code' in input) {
      const step = acceptedTotpStep(user.totp_secret, input.code, now);
      const isAccepted = step !== null && (await acceptTotpStep(tx, user.id, step));
      await writeAudit(tx, { ...context, actor }, { action: 'auth.totp.verify', objectType: 'user', objectId: user.id, purpose: 'authentication', outcome: isAccepted ? 'success' : 'failure' });
      return isAccepted ? { me: toMe(user), actor } : null;
    }
    const isAccepted = await useRecoveryCode(tx, user.id, hashSecret(input.recoveryCode));
    await writeAudit(tx, { ...context, actor }, { action: 'auth.recoveryCode.use', objectType: 'user', objectId: user.id, purpose: 'authentication', outcome: isAccepted ? 'success' : 'failure' });
    return isAccepted ? { me: toMe(user), actor } : null;
  });
}


/** Signing out ends the session's live connections too, on every node. */
export async function logOut(db: DataSource, context: RequestContext, sessionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await writeAudit(tx, context, { action: 'auth.logout', objectType: 'user', objectId: context.actor?.userId, purpose: 'authentication', outcome: 'success' });
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

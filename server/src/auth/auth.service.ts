import type { DataSource } from 'typeorm';
import { AppError, type LoginRequest, type Me } from '@uitstroom/shared';
import type { AppConfig } from '../core/config';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../audit/audit.writer';
import { verifyPassword } from './passwords';
import {
  countRecentFailures, findActiveUserById, findUserByEmail, lockLoginAttempts, recordLoginAttempt, toActor, toMe,
} from './auth.repository';

type LoginOutcome = { kind: 'success'; me: Me; actor: Actor } | { kind: 'invalid' } | { kind: 'locked' };

/**
 * Sign-in. Failed attempts are counted per account and client address in PostgreSQL; past the
 * limit every attempt in the window is refused, the right password too, so that guessing stops.
 * The outcome is decided and audited inside one transaction; the error is thrown after commit so
 * the audit entry of a failure is kept.
 */
export async function logIn(db: DataSource, config: AppConfig, context: RequestContext, request: LoginRequest): Promise<{ me: Me; actor: Actor }> {
  const email = request.email.trim().toLowerCase();
  const outcome = await db.transaction(async (tx): Promise<LoginOutcome> => {
    await lockLoginAttempts(tx, email, context.clientAddress);
    const failures = await countRecentFailures(tx, email, context.clientAddress, config.loginWindowSeconds);
    const user = await findUserByEmail(tx, email);
    const audit = { objectType: 'user', objectId: user?.id ?? null, purpose: 'authentication' as const };
    if (failures >= config.loginMaxFailures) {
      await writeAudit(tx, context, { ...audit, action: 'auth.lockout', outcome: 'denied', details: { failures } });
      return { kind: 'locked' };
    }
    const isValid = (await verifyPassword(user?.password_hash ?? null, request.password)) && !!user?.is_active;
    await recordLoginAttempt(tx, email, context.clientAddress, isValid);
    if (!user || !isValid) {
      await writeAudit(tx, context, { ...audit, action: 'auth.login', outcome: 'failure' });
      return { kind: 'invalid' };
    }
    const actor = toActor(user);
    await writeAudit(tx, { ...context, actor }, { ...audit, action: 'auth.login', outcome: 'success' });
    return { kind: 'success', me: toMe(user), actor };
  });
  if (outcome.kind === 'locked') throw new AppError('TOO_MANY_ATTEMPTS', 'Te veel mislukte pogingen. Probeer het over een minuut opnieuw.');
  if (outcome.kind === 'invalid') throw new AppError('INVALID_CREDENTIALS');
  return outcome;
}

export async function logOut(db: DataSource, context: RequestContext): Promise<void> {
  await db.transaction((tx) =>
    writeAudit(tx, context, { action: 'auth.logout', objectType: 'user', objectId: context.actor?.userId, purpose: 'authentication', outcome: 'success' }),
  );
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

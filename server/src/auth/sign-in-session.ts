import type { Request } from 'express';
import { AppError } from '@uitstroom/shared';
import { regenerateSession, saveSession } from '../core/session';

/** How long a half-finished sign-in (password given, second factor not yet) stays usable. */
const pendingSignInSeconds = 5 * 60;

/** Signs the user in on a fresh session id: a session id planted before sign-in is worth nothing. */
export async function completeSignIn(req: Request, userId: string): Promise<void> {
  await regenerateSession(req);
  req.session.userId = userId;
  req.session.authenticatedAt = Date.now();
  await saveSession(req);
}

export async function startPendingSignIn(
  req: Request,
  userId: string,
  step: 'totp' | 'enroll',
): Promise<void> {
  await regenerateSession(req);
  req.session.pendingSignIn = { userId, step, since: Date.now() };
  await saveSession(req);
}

export function pendingSignInOf(
  req: Request,
  step?: 'totp' | 'enroll',
): { userId: string; step: 'totp' | 'enroll' } | null {
  const pending = req.session?.pendingSignIn;
  if (!pending || Date.now() - pending.since > pendingSignInSeconds * 1000) return null;
  if (step && pending.step !== step) return null;
  return pending;
}

export function requirePendingSignIn(
  req: Request,
  step?: 'totp' | 'enroll',
): { userId: string; step: 'totp' | 'enroll' } {
  const pending = pendingSignInOf(req, step);
  if (!pending)
    throw new AppError('UNAUTHENTICATED', 'Log opnieuw in met uw e-mailadres en wachtwoord.');
  return pending;
}

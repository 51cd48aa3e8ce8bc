import type { DataSource, EntityManager } from 'typeorm';
import { AppError, type Account, type TokenInfo } from '@uitstroom/shared';
import type { AppConfig } from '../core/config';
import { sendAfterCommit, type Mailer } from '../core/mailer';
import { attemptWithLimits, type AttemptLimits } from './auth.service';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { isTwoFactorRequired } from '../regions';
import { passwordResetMail } from './account.mails';
import {
  countUnusedRecoveryCodes,
  enableTotp,
  endSessionsOfUser,
  findActiveUserById,
  findUserByEmail,
  setPassword,
  toMe,
  type UserRow,
} from './auth.repository';
import { hashSecret, newLinkToken, newRecoveryCodes } from './one-time-secrets';
import { isPasswordRefusedFor } from './identity-provider.repository';
import { assertAcceptablePassword } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { acceptedTotpStep, describeEnrollment, newTotpSecret } from './totp';
import { openSecret, sealSecret, sealedFor, type EncryptionKeys } from '../core/secret-box';

const auditBase = { objectType: 'user', purpose: 'authentication' as const };

export async function getAccount(db: DataSource, actor: Actor): Promise<Account> {
  const user = await requireActiveUser(db.manager, actor.userId);
  return {
    me: toMe(user),
    twoFactor: {
      isEnabled: !!user.totp_enabled_at,
      isRequired: await isTwoFactorRequired(db.manager, user.region_id),
      recoveryCodesLeft: await countUnusedRecoveryCodes(db.manager, user.id),
    },
  };
}

/** A new secret to show as a QR code; it takes effect only when confirmed with a code from it. */
export async function startTotpEnrollment(db: DataSource, userId: string) {
  const user = await requireActiveUser(db.manager, userId);
  if (user.totp_enabled_at)
    throw new AppError(
      'TOTP_ALREADY_ENABLED',
      'Tweestapsverificatie staat al aan. Vraag de regio-beheerder om die te herstellen als u uw telefoon kwijt bent.',
    );
  return describeEnrollment(newTotpSecret(), user.email);
}

/**
 * The secret shown but not yet confirmed waits in the session (a row in PostgreSQL): sealed there
 * too, and bound to the user it was made for.
 */
export function sealPendingTotpSecret(keys: EncryptionKeys, userId: string, secret: string) {
  return sealSecret(keys, secret, `session.pendingTotpSecret:${userId}`);
}

export async function confirmTotpEnrollment(
  db: DataSource,
  keys: EncryptionKeys,
  context: RequestContext,
  userId: string,
  sealedPendingSecret: string | undefined,
  code: string,
  now = Date.now(),
): Promise<{ recoveryCodes: string[]; user: UserRow }> {
  if (!sealedPendingSecret)
    throw new AppError(
      'TOTP_ENROLLMENT_NOT_STARTED',
      'Start het instellen van tweestapsverificatie opnieuw.',
    );
  const secret = openSecret(keys, sealedPendingSecret, `session.pendingTotpSecret:${userId}`);
  const step = acceptedTotpStep(secret, code, now);
  if (step === null)
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: 'code',
        message:
          'Deze code klopt niet. Controleer de tijd op uw telefoon en probeer de nieuwe code.',
      },
    ]);
  const { codes, hashes } = newRecoveryCodes();
  const user = await db.transaction(async (tx) => {
    const row = await requireActiveUser(tx, userId);
    if (row.totp_enabled_at)
      throw new AppError('TOTP_ALREADY_ENABLED', 'Tweestapsverificatie staat al aan.');
    await enableTotp(
      tx,
      userId,
      sealSecret(keys, secret, sealedFor.totpSecret(userId)),
      step,
      hashes,
    );
    await writeAudit(
      tx,
      { ...context, actor: context.actor ?? null },
      { ...auditBase, action: 'auth.totp.enroll', objectId: userId, outcome: 'success' },
    );
    return row;
  });
  return { recoveryCodes: codes, user };
}

export async function changePassword(
  db: DataSource,
  limits: AttemptLimits,
  context: RequestContext,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  currentSessionId: string,
): Promise<void> {
  const user = await requireActiveUser(db.manager, actor.userId);
  // The current password is a guess like any other (a session left open is enough to try): the same limits per account and address.
  await attemptWithLimits(db, limits, context, user.email, async (tx) => {
    if (await verifyPassword(user.password_hash, input.currentPassword)) return true;
    await writeAudit(tx, context, {
      ...auditBase,
      action: 'auth.password.change',
      objectId: user.id,
      outcome: 'failure',
    });
    return null;
  }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'currentPassword', message: 'Uw huidige wachtwoord klopt niet.' },
      ]);
    }
    throw error;
  });
  assertAcceptablePassword(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash);
    // Someone who knew the old password may be signed in elsewhere: those sessions end now.
    await endSessionsOfUser(tx, user.id, currentSessionId);
    await writeAudit(tx, context, {
      ...auditBase,
      action: 'auth.password.change',
      objectId: user.id,
      outcome: 'success',
    });
  });
}

/**
 * "Wachtwoord vergeten". Always the same answer, whether the address is known or not, so the
 * form tells nobody who has an account; at most three links an hour per account.
 */
export async function requestPasswordReset(
  db: DataSource,
  config: AppConfig,
  mailer: Mailer,
  context: RequestContext,
  email: string,
  baseUrl: string,
): Promise<void> {
  const normalised = email.trim().toLowerCase();
  const mail = await db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, normalised);
    const isEligible =
      !!user?.is_active &&
      !!user.password_hash &&
      !(await isPasswordRefusedFor(tx, user.organisation_id));
    const [{ recent }] = isEligible
      ? await tx.query(
          `SELECT count(*)::int AS recent FROM user_token WHERE user_id = $1 AND kind = 'password_reset' AND created_at > now() - interval '1 hour'`,
          [user!.id],
        )
      : [{ recent: 0 }];
    const willSend = isEligible && recent < 3;
    await writeAudit(tx, context, {
      ...auditBase,
      action: 'auth.password.resetRequest',
      objectId: user?.id ?? null,
      outcome: willSend ? 'success' : 'denied',
    });
    if (!willSend || !user) return null;
    const { token, expiresAt } = await createLinkToken(
      tx,
      user.id,
      'password_reset',
      config.passwordResetMinutes * 60,
      null,
    );
    return passwordResetMail({
      to: user.email,
      displayName: user.display_name,
      regionId: user.region_id,
      link: setPasswordLink(baseUrl, token),
      expiresAt,
    });
  });
  if (mail) await sendAfterCommit(mailer, mail);
}

export async function createLinkToken(
  tx: EntityManager,
  userId: string,
  kind: 'invitation' | 'password_reset',
  lifetimeSeconds: number,
  createdBy: string | null,
) {
  const { token, hash } = newLinkToken();
  const [{ expires_at: expiresAt }] = await tx.query(
    `INSERT INTO user_token (user_id, kind, token_hash, expires_at, created_by) VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5) RETURNING expires_at`,
    [userId, kind, hash, lifetimeSeconds, createdBy],
  );
  return { token, expiresAt: expiresAt as Date };
}

export function setPasswordLink(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/wachtwoord-instellen?token=${token}`;
}

interface TokenRow {
  id: string;
  kind: 'invitation' | 'password_reset';
  user_id: string;
  expires_at: Date;
  email: string;
  display_name: string;
}

async function findUsableToken(db: EntityManager, token: string, lock = false): Promise<TokenRow> {
  const rows: TokenRow[] = await db.query(
    `SELECT t.id, t.kind, t.user_id, t.expires_at, u.email, u.display_name
       FROM user_token t JOIN app_user u ON u.id = t.user_id
      WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.is_active ${lock ? 'FOR UPDATE OF t' : ''}`,
    [hashSecret(token)],
  );
  const row = rows[0];
  if (!row)
    throw new AppError('VALIDATION_FAILED', 'Deze link is verlopen of al gebruikt.', [
      { path: 'token', message: 'Deze link is verlopen of al gebruikt. Vraag een nieuwe aan.' },
    ]);
  return row;
}

export async function describeToken(db: DataSource, token: string): Promise<TokenInfo> {
  const row = await findUsableToken(db.manager, token);
  return {
    kind: row.kind,
    email: row.email,
    displayName: row.display_name,
    expiresAt: row.expires_at.toISOString(),
  };
}

/** Sets the password from an invitation or reset link; the link then stops working, as do all others of that user. */
export async function setPasswordWithToken(
  db: DataSource,
  context: RequestContext,
  token: string,
  newPassword: string,
): Promise<void> {
  const preview = await findUsableToken(db.manager, token);
  assertAcceptablePassword(newPassword, preview.email);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const row = await findUsableToken(tx, token, true);
    await setPassword(tx, row.user_id, passwordHash);
    await tx.query('UPDATE user_token SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [
      row.user_id,
    ]);
    await endSessionsOfUser(tx, row.user_id);
    await writeAudit(tx, context, {
      ...auditBase,
      action: 'auth.password.set',
      objectId: row.user_id,
      outcome: 'success',
      details: { via: row.kind },
    });
  });
}

async function requireActiveUser(db: EntityManager, userId: string): Promise<UserRow> {
  const user = await findActiveUserById(db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return user;
}

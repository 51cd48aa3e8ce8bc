import { randomBytes } from 'node:crypto';
import { encryptionKeysFrom, type EncryptionKeys } from './secret-box';

/** Everything the server reads from its environment, read once. The README lists each variable. */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  isProduction: boolean;
  /** First secret signs new cookies; the others are still accepted, for rotation. */
  sessionSecrets: string[];
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  /** Failed sign-ins per account and address within the window before a lockout. */
  loginMaxFailures: number;
  loginWindowSeconds: number;
  /** Failed attempts per account, from any address, within the account window before each further try waits (1 s, 2 s, 4 s, …). */
  accountDelayAfterFailures: number;
  accountDelaySeconds: number;
  /** Failed attempts per account within the window that lock it for a period (its owner gets a mail). */
  accountLockAfterFailures: number;
  accountWindowSeconds: number;
  accountLockSeconds: number;
  /** Number of reverse proxies in front of the app (for the client address and Secure cookies). */
  trustProxy: number;
  /** Allowed origins for the browser (sockets, CORS-free same-origin by default). */
  publicUrl: string | null;
  clientDistDir: string | null;
  logLevel: string;
  /** SMTP server for mail, e.g. smtp://user:pass@mail.example.nl:587; unset outside production: the demo outbox. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Lifetime of an invitation link and of a password-reset link. */
  invitationHours: number;
  passwordResetMinutes: number;
  /** APP_ENCRYPTION_KEY: seals TOTP secrets and identity providers' client secrets (secret-box.ts). */
  encryptionKeys: EncryptionKeys;
  /** How long a call to an organisation's identity provider may take before it counts as unreachable. */
  identityProviderTimeoutSeconds: number;
  /** Requests per API token and minute, counted across all nodes; past it a 429. */
  apiTokenRequestsPerMinute: number;
}

export function readConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const isProduction = env.NODE_ENV === 'production';
  const secrets = (env.SESSION_SECRET ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (isProduction && secrets.length === 0)
    throw new Error('SESSION_SECRET is required in production');
  // Links in mails must not be built from a request's Host header, which a caller controls.
  if (isProduction && !env.PUBLIC_URL) throw new Error('PUBLIC_URL is required in production');
  if (!env.DATABASE_URL && !overrides.databaseUrl) throw new Error('DATABASE_URL is not set');
  return {
    port: intFrom(env.PORT, 3000),
    databaseUrl: env.DATABASE_URL ?? '',
    isProduction,
    // Outside production a random secret is fine: sessions then end when the process restarts.
    sessionSecrets: secrets.length ? secrets : [randomBytes(32).toString('hex')],
    sessionIdleSeconds: intFrom(env.SESSION_IDLE_MINUTES, 30) * 60,
    sessionAbsoluteSeconds: intFrom(env.SESSION_ABSOLUTE_HOURS, 12) * 3600,
    loginMaxFailures: intFrom(env.LOGIN_MAX_FAILURES, 10),
    loginWindowSeconds: intFrom(env.LOGIN_WINDOW_SECONDS, 60),
    accountDelayAfterFailures: intFrom(env.ACCOUNT_DELAY_AFTER_FAILURES, 5),
    accountDelaySeconds: intFrom(env.ACCOUNT_DELAY_SECONDS, 1),
    accountLockAfterFailures: intFrom(env.ACCOUNT_LOCK_AFTER_FAILURES, 20),
    accountWindowSeconds: intFrom(env.ACCOUNT_WINDOW_MINUTES, 60) * 60,
    accountLockSeconds: intFrom(env.ACCOUNT_LOCK_MINUTES, 15) * 60,
    trustProxy: intFrom(env.TRUST_PROXY, 0),
    publicUrl: env.PUBLIC_URL || null,
    clientDistDir: env.CLIENT_DIST_DIR ?? null,
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? 'Uitstroomtafel <noreply@uitstroomtafel.local>',
    invitationHours: intFrom(env.INVITATION_HOURS, 72),
    passwordResetMinutes: intFrom(env.PASSWORD_RESET_MINUTES, 60),
    encryptionKeys: encryptionKeysFrom(env),
    identityProviderTimeoutSeconds: intFrom(env.IDENTITY_PROVIDER_TIMEOUT_SECONDS, 10),
    apiTokenRequestsPerMinute: intFrom(env.API_TOKEN_REQUESTS_PER_MINUTE, 300),
    ...overrides,
  };
}

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`Not a whole number: ${value}`);
  return parsed;
}

/**
 * Where links in mails (invitations, password resets, notifications) point: PUBLIC_URL, or outside
 * production the address `npm start` prints. Never a request's Host header, which the caller
 * chooses: a reset link built from it would carry the token to the caller's host.
 */
export function publicOriginOf(config: Pick<AppConfig, 'publicUrl' | 'port'>): string {
  return (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/$/, '');
}

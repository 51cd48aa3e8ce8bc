import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets the app must be able to read back (a TOTP secret, an identity provider's client secret)
 * are stored sealed with AES-256-GCM under the application key, `APP_ENCRYPTION_KEY`: a database
 * dump or backup alone then gives no second factor and no client secret.
 *
 * Rotation: `APP_ENCRYPTION_KEY` is a comma-separated list; the first key seals, every key listed
 * opens. A sealed value names the key it was sealed with (a fingerprint), so opening never has to
 * guess; `npm run secrets:reseal` seals everything again with the first key, after which the old
 * one can be left out.
 *
 * A sealed value: `v1:<key id>:<base64url of 12-byte IV ‖ ciphertext ‖ 16-byte tag>`. The caller
 * passes what the secret belongs to (`app_user.totp_secret:<user id>`) as associated data, so a
 * sealed value copied onto another row does not open there.
 */
export interface EncryptionKeys {
  /** The first seals; all open. */
  keys: readonly Buffer[];
  /** No APP_ENCRYPTION_KEY outside production: the publicly known development key (never for real data). */
  isDevelopmentKey: boolean;
}

const sealedPrefix = 'v1:';
const ivBytes = 12;
const tagBytes = 16;

/**
 * Outside production without a key: a fixed key derived from this sentence, the same for every
 * development machine and test run (the embedded database and the tests' template then need no
 * key of their own). Everybody can derive it, so it protects nothing; production refuses to start
 * without APP_ENCRYPTION_KEY.
 */
const developmentKey = createHash('sha256')
  .update('uitstroomtafel development key: not for real data')
  .digest();

/** The keys from the environment (`APP_ENCRYPTION_KEY`, each 32 bytes in base64). */
export function encryptionKeysFrom(env: NodeJS.ProcessEnv): EncryptionKeys {
  const listed = (env.APP_ENCRYPTION_KEY ?? '')
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  if (listed.length === 0) {
    if (env.NODE_ENV === 'production')
      throw new Error(
        'APP_ENCRYPTION_KEY is required in production (32 random bytes in base64: openssl rand -base64 32)',
      );
    return { keys: [developmentKey], isDevelopmentKey: true };
  }
  const keys = listed.map((text, index) => {
    const key = Buffer.from(text, 'base64');
    if (key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text))
      throw new Error(
        `APP_ENCRYPTION_KEY: key ${index + 1} is not 32 bytes in base64 (openssl rand -base64 32)`,
      );
    return key;
  });
  return { keys, isDevelopmentKey: false };
}

/** One line for the start and the migrations, so nobody runs on the development key unawares. */
export const developmentKeyNotice =
  'APP_ENCRYPTION_KEY is niet gezet: geheimen (TOTP, client secrets) worden versleuteld met de openbare ontwikkelsleutel. Alleen voor ontwikkeling en tests, nooit voor echte gegevens.';

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 8);
}

export function isSealed(value: string): boolean {
  return value.startsWith(sealedPrefix);
}

export function sealSecret(keys: EncryptionKeys, plaintext: string, belongsTo: string): string {
  const key = keys.keys[0]!;
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(belongsTo, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
  return `${sealedPrefix}${keyIdOf(key)}:${sealed}`;
}

/** Opens a sealed value; throws when no listed key sealed it or it was altered or moved. */
export function openSecret(keys: EncryptionKeys, sealed: string, belongsTo: string): string {
  const [version, keyId, payload] = sealed.split(':');
  if (`${version}:` !== sealedPrefix || !keyId || !payload) throw new Error('Not a sealed secret');
  const key = keys.keys.find((candidate) => keyIdOf(candidate) === keyId);
  if (!key)
    throw new Error(
      `This secret was sealed with a key that APP_ENCRYPTION_KEY does not list (key id ${keyId})`,
    );
  const bytes = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, ivBytes));
  decipher.setAAD(Buffer.from(belongsTo, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - tagBytes));
  return Buffer.concat([
    decipher.update(bytes.subarray(ivBytes, bytes.length - tagBytes)),
    decipher.final(),
  ]).toString('utf8');
}

/** Whether a sealed value was sealed with the key that seals now (else `secrets:reseal` renews it). */
export function isSealedWithCurrentKey(keys: EncryptionKeys, sealed: string): boolean {
  return sealed.split(':')[1] === keyIdOf(keys.keys[0]!);
}

/** What a secret belongs to: the associated data that binds a sealed value to its row. */
export const sealedFor = {
  totpSecret: (userId: string) => `app_user.totp_secret:${userId}`,
  clientSecret: (organisationId: string) => `identity_provider.client_secret:${organisationId}`,
};

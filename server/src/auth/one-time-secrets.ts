import { createHash, randomBytes } from 'node:crypto';

/** A link token: 32 random bytes, URL-safe. Only its hash is stored. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

/** Ten recovery codes like `k3j9d-x82mq`; only their hashes are stored. */
export function newRecoveryCodes(count = 10): { codes: string[]; hashes: string[] } {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const codes = Array.from({ length: count }, () => {
    const chars = [...randomBytes(10)].map((byte) => alphabet[byte % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, hashes: codes.map((code) => hashSecret(code.replace('-', ''))) };
}

// SHA-256 suffices: these are long random values, not passwords a person chose.
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

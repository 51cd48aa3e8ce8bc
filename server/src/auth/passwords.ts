import argon2 from 'argon2';

// argon2id with the library's defaults (64 MiB, 3 passes): OWASP's recommended floor. The test
// suite alone signs in well over a thousand times on two cores, at about a quarter second of
// processor each: there each hash costs 4 MiB and 2 passes, the same argon2id on the same path. The
// cost is fixed when the server starts, from NODE_ENV, and a hash carries its own parameters, so a
// hash made in a test run still verifies anywhere (and a production hash never gets cheaper).
const hashOptions = {
  type: argon2.argon2id,
  ...(process.env.NODE_ENV === 'test' ? { memoryCost: 4096, timeCost: 2 } : {}),
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, hashOptions);
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // A user without a password (invited, not yet set) still costs one hash, so timing tells nothing.
  if (!hash) {
    await argon2.hash(password, hashOptions);
    return false;
  }
  return argon2.verify(hash, password);
}

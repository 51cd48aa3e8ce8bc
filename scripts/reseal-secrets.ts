/**
 * `npm run secrets:reseal`: after a new key was put first in APP_ENCRYPTION_KEY (the old one
 * listed after it), seals every stored secret (TOTP secrets, identity providers' client secrets)
 * again with the new key. Afterwards the old key can be left out. Runs as the app role
 * (DATABASE_URL), in one transaction: all secrets or none.
 */
import { createDataSource } from '../server/src/core/db';
import {
  encryptionKeysFrom,
  isSealedWithCurrentKey,
  openSecret,
  sealSecret,
  sealedFor,
} from '../server/src/core/secret-box';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Zet DATABASE_URL naar de database van de app.');
  const keys = encryptionKeysFrom(process.env);
  const db = createDataSource(url, { poolSize: 1 });
  await db.initialize();
  try {
    const counts = await db.transaction(async (tx) => {
      const users: { id: string; totp_secret: string }[] = await tx.query(
        'SELECT id, totp_secret FROM app_user WHERE totp_secret IS NOT NULL FOR UPDATE',
      );
      let totp = 0;
      for (const user of users.filter((u) => !isSealedWithCurrentKey(keys, u.totp_secret))) {
        const belongsTo = sealedFor.totpSecret(user.id);
        const plain = openSecret(keys, user.totp_secret, belongsTo);
        await tx.query('UPDATE app_user SET totp_secret = $2 WHERE id = $1', [
          user.id,
          sealSecret(keys, plain, belongsTo),
        ]);
        totp += 1;
      }
      const providers: { organisation_id: string; client_secret_sealed: string }[] = await tx.query(
        'SELECT organisation_id, client_secret_sealed FROM identity_provider FOR UPDATE',
      );
      let clients = 0;
      for (const provider of providers.filter(
        (p) => !isSealedWithCurrentKey(keys, p.client_secret_sealed),
      )) {
        const belongsTo = sealedFor.clientSecret(provider.organisation_id);
        const plain = openSecret(keys, provider.client_secret_sealed, belongsTo);
        await tx.query(
          'UPDATE identity_provider SET client_secret_sealed = $2 WHERE organisation_id = $1',
          [provider.organisation_id, sealSecret(keys, plain, belongsTo)],
        );
        clients += 1;
      }
      return { totp, clients };
    });
    console.log(
      `Opnieuw versleuteld met de eerste sleutel: ${counts.totp} TOTP-geheimen, ${counts.clients} client secrets.`,
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

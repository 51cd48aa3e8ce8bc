/** `npm run migrate`: run pending migrations as the owner role (DATABASE_OWNER_URL, else DATABASE_URL). */
import { runMigrations } from '../server/src/core/db';
import { developmentKeyNotice, encryptionKeysFrom } from '../server/src/core/secret-box';

const url = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL;
if (!url) {
  console.error('Zet DATABASE_OWNER_URL (of DATABASE_URL) om te migreren.');
  process.exit(2);
}
// Migrations seal secrets too (issue 30): with APP_ENCRYPTION_KEY, the same key(s) the app gets.
if (encryptionKeysFrom(process.env).isDevelopmentKey) console.log(developmentKeyNotice);
runMigrations(url).then(
  (ran) => console.log(ran.length ? `Uitgevoerd: ${ran.join(', ')}` : 'Het schema is bij.'),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

/**
 * `npm run audit:verify`: checks every chain of the audit log (DATABASE_URL; the app role may read
 * it) and reports the first broken link of each. Exit code 0: intact; 1: broken; 2: no database.
 */
import { Client } from 'pg';
import { verifyAuditLog } from '../server/src/audit/audit-verify';

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL ?? process.env.DATABASE_OWNER_URL;
  if (!url) {
    console.error('Zet DATABASE_URL om het auditlog te controleren.');
    return 2;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { chains, rows, broken } = await verifyAuditLog(client);
    if (broken.length === 0) {
      console.log(`Auditlog intact: ${rows} regels in ${chains} ketens.`);
      return 0;
    }
    console.error(`Auditlog GESCHONDEN: ${broken.length} van ${chains} ketens gebroken.`);
    for (const link of broken)
      console.error(
        `  keten ${link.chain}: eerste gebroken schakel bij regel ${link.id} (${link.problem})`,
      );
    return 1;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);

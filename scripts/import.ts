/**
 * `npm run import -- --region flevoland [--dry-run] [--as beheer@regio.nl] <bestand> [...]`
 *
 * Brings a region in from the workbook of `GET /api/import/template.xlsx` (or CSV files named after
 * their sheets), exactly as the page "Gegevens inlezen" does: the same checks, one transaction, the
 * same report. Exits 0 with the report, 2 when the file is refused (every problem at its
 * `<blad>.<rij>.<kolom>` on standard error; nothing saved), 1 on any other failure.
 *
 * The database: DATABASE_URL when set; otherwise the embedded PostgreSQL of `npm start` in `.data/`,
 * the one that runs now (the app may keep running) or, when none runs, started for this command
 * and stopped after it. The import acts as a regio-beheerder of the region: `--as`, or the first.
 */
import { parseArgs } from 'node:util';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppError, type ImportReport } from '@uitstroom/shared';
import { publicOriginOf, readConfig } from '../server/src/core/config';
import { createDataSource, runMigrations } from '../server/src/core/db';
import {
  chooseDataDir,
  runningEmbeddedDatabase,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '../server/src/core/embedded-database';
import { createMailer } from '../server/src/core/mailer';
import type { Actor } from '../server/src/core/request-context';
import { importFile } from '../server/src/import';

const refusedExitCode = 2;
const root = resolve(__dirname, '..');

class Refused extends Error {}

async function connect(): Promise<{ url: string; embedded: EmbeddedDatabase | null }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null };
  const { dataDir } = chooseDataDir(join(root, '.data'));
  const running = runningEmbeddedDatabase(dataDir, 'uitstroomtafel');
  if (running) return { url: running.appUrl, embedded: null };
  const embedded = await startEmbeddedDatabase({ dataDir, databaseName: 'uitstroomtafel' });
  await runMigrations(embedded.ownerUrl);
  return { url: embedded.appUrl, embedded };
}

/** The files named: a workbook, CSV files, or a folder of CSV files. */
function readFiles(paths: readonly string[]) {
  // npm runs scripts from the repository root; INIT_CWD is the folder the user called npm in.
  const base = process.env.INIT_CWD ?? process.cwd();
  return paths.flatMap((path) => {
    const full = resolve(base, path);
    let isFolder: boolean;
    try {
      isFolder = statSync(full).isDirectory();
    } catch {
      throw new Refused(`Het bestand ${full} bestaat niet.`);
    }
    const files = isFolder
      ? readdirSync(full)
          .filter((name) => name.toLowerCase().endsWith('.csv'))
          .map((name) => join(full, name))
      : [full];
    return files.map((file) => ({ name: basename(file), content: readFileSync(file) }));
  });
}

async function actorFor(db: DataSource, region: string, email: string | undefined): Promise<Actor> {
  const [user] = await db.query(
    `SELECT u.id, u.organisation_id, o.region_id FROM app_user u
       JOIN organisation o ON o.id = u.organisation_id JOIN region r ON r.id = o.region_id
      WHERE r.slug = $1 AND u.seat = 'regionAdmin' AND u.is_active AND ($2::text IS NULL OR u.email = $2)
      ORDER BY u.created_at, u.email LIMIT 1`,
    [region, email?.toLowerCase() ?? null],
  );
  if (!user) {
    const [known] = await db.query('SELECT 1 FROM region WHERE slug = $1', [region]);
    throw new Refused(
      !known
        ? `Onbekende regio “${region}”. Start de app eerst één keer (npm start maakt de demoregio’s), of maak de regio met npm run create-admin.`
        : email
          ? `${email} is geen actieve regio-beheerder van ${region}.`
          : `Regio ${region} heeft geen actieve regio-beheerder; maak er een met npm run create-admin.`,
    );
  }
  return {
    userId: user.id,
    organisationId: user.organisation_id,
    regionId: user.region_id,
    seat: 'regionAdmin',
    municipalityCode: null,
  };
}

function printReport(report: ImportReport): void {
  console.log(
    report.isDryRun
      ? `Proef met ${report.fileName}: er is niets opgeslagen.`
      : `Ingelezen: ${report.fileName}.`,
  );
  for (const s of report.sheets)
    console.log(
      `  ${s.sheet}: ${s.created} nieuw, ${s.updated} gewijzigd, ${s.unchanged} ongewijzigd`,
    );
  console.log(
    `  ${report.invitations} ${report.invitations === 1 ? 'uitnodiging' : 'uitnodigingen'} ${report.isDryRun ? 'zou(den) worden verstuurd' : 'verstuurd'}`,
  );
  console.log(`  SHA-256: ${report.sha256}`);
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      region: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      as: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (!values.region || positionals.length === 0)
    throw new Refused(
      'Gebruik: npm run import -- --region <regio> [--dry-run] [--as <e-mail>] <bestand>',
    );
  const files = readFiles(positionals);
  const { url, embedded } = await connect();
  const db = createDataSource(url, { poolSize: 2 });
  await db.initialize();
  try {
    const config = readConfig({ ...process.env, LOG_LEVEL: 'silent' }, { databaseUrl: url });
    const mailer = createMailer({
      smtpUrl: config.smtpUrl,
      mailFrom: config.mailFrom,
      isProduction: config.isProduction,
      db,
    });
    const actor = await actorFor(db, values.region, values.as);
    const report = await importFile(
      db,
      { config, mailer, baseUrl: publicOriginOf(config) },
      {
        actor,
        requestId: `cli-${randomUUID()}`,
        clientAddress: 'opdrachtregel',
        hadExpiredSession: false,
      },
      actor,
      files,
      { isDryRun: values['dry-run'] },
    );
    printReport(report);
    return 0;
  } finally {
    await db.destroy();
    if (embedded) await embedded.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof Refused) {
      console.error(error.message);
      process.exit(refusedExitCode);
    }
    if (error instanceof AppError && error.status < 500) {
      console.error(`${error.message} Er is niets opgeslagen.`);
      for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
      process.exit(refusedExitCode);
    }
    console.error(
      `Het inlezen is mislukt: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);

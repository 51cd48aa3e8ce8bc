/**
 * `npm run bench:import`: issue 28's figure. A workbook filled from the template with 1,000 cases
 * (ten new case managers) and 3,000 addresses, read into Flevoland in a temporary embedded
 * PostgreSQL with the demo data: the dry run, the import, and the same file again, each timed
 * from the bytes to the report (reading the workbook included), as the page and the command line
 * run it. Fails above 60 s. `BENCH_CASES` for another number of cases (three addresses each).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { startEmbeddedDatabase } from '../../server/src/core/embedded-database';
import { createDataSource, runMigrations } from '../../server/src/core/db';
import { readConfig } from '../../server/src/core/config';
import { createMailer } from '../../server/src/core/mailer';
import { seedDemoData } from '../../server/src/demo/demo-seed';
import { downloadTemplate, importFile } from '../../server/src/import';
import type { Actor } from '../../server/src/core/request-context';

const budgetSeconds = 60;
const caseCount = Number(process.env.BENCH_CASES ?? 1000);
const municipalities = ['GM0034', 'GM0303', 'GM0995', 'GM0171', 'GM0184', 'GM0050'];

function fill(workbook: ExcelJS.Workbook, name: string, rows: Record<string, unknown>[]) {
  const sheet = workbook.getWorksheet(name)!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  for (const row of rows) sheet.addRow(header.map((column) => row[column] ?? null));
}

async function regionWorkbook(template: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const managers = Array.from({ length: 10 }, (_, i) => `casemanager${i}@bench.test`);
  fill(workbook, 'Organisaties', [{ Naam: 'Bench Zorg', Soort: 'Zorgaanbieder' }]);
  fill(
    workbook,
    'Gebruikers',
    managers.map((email, i) => ({
      'E-mail': email,
      Naam: `Casemanager ${i}`,
      Organisatie: 'Bench Zorg',
      Rol: 'Casemanager / regisseur',
    })),
  );
  const refs = Array.from({ length: caseCount }, (_, i) => `B-${String(i).padStart(5, '0')}`);
  fill(
    workbook,
    'Casussen',
    refs.map((ref, i) => ({
      'Extern kenmerk': ref,
      Voornaam: `Bewoner${i}`,
      Achternaam: 'Bench',
      Geboortedatum: new Date(Date.UTC(1970 + (i % 35), i % 12, 1 + (i % 28))),
      Doelgroep: i % 4 ? 'Beschermd wonen' : 'Maatschappelijke opvang',
      Opnamedatum: new Date(Date.UTC(2022, i % 12, 1)),
      'Casemanager (e-mail)': managers[i % managers.length],
      'Uitstroomgereed op': i % 3 ? null : '01-09-2025',
      'Wens gemeente (CBS-code)': i % 5 ? municipalities[i % 6] : null,
    })),
  );
  fill(
    workbook,
    'Adressen',
    refs.flatMap((ref, i) => [
      {
        'Extern kenmerk': ref,
        'Gemeente (CBS-code)': municipalities[(i + 1) % 6],
        Soort: 'woonadres',
        Van: '01-01-2005',
        Tot: '01-01-2015',
        Bron: 'BRP-uittreksel',
      },
      {
        'Extern kenmerk': ref,
        'Gemeente (CBS-code)': municipalities[i % 6],
        Soort: 'woonadres',
        Van: '01-01-2015',
        Tot: '01-12-2021',
        Bron: 'BRP-uittreksel',
      },
      {
        'Extern kenmerk': ref,
        'Gemeente (CBS-code)': 'GM0034',
        Soort: 'instelling',
        Van: '01-12-2021',
        Bron: 'Dossier aanbieder',
      },
    ]),
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'uitstroom-bench-import-'));
  chmodSync(dataDir, 0o755);
  const database = await startEmbeddedDatabase({ dataDir, databaseName: 'uitstroom_bench' });
  const db = createDataSource(database.appUrl, { poolSize: 4 });
  let exitCode = 0;
  try {
    await runMigrations(database.ownerUrl);
    await db.initialize();
    await seedDemoData(db);
    const config = readConfig({ LOG_LEVEL: 'silent' }, { databaseUrl: database.appUrl });
    const mailer = createMailer({
      smtpUrl: null,
      mailFrom: config.mailFrom,
      isProduction: false,
      db,
    });
    const [admin] = await db.query(
      `SELECT u.id, u.organisation_id, o.region_id FROM app_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.email = 'beheer@flevoland.demo'`,
    );
    const actor: Actor = {
      userId: admin.id,
      organisationId: admin.organisation_id,
      regionId: admin.region_id,
      seat: 'regionAdmin',
      municipalityCode: null,
    };
    const context = {
      actor,
      requestId: `bench-${randomUUID()}`,
      clientAddress: 'bench',
      hadExpiredSession: false,
    };
    const file = {
      name: 'bench.xlsx',
      content: await regionWorkbook(await downloadTemplate(db, actor)),
    };
    console.log(
      `Werkmap: ${caseCount} casussen, ${caseCount * 3} adressen, ${(file.content.length / 1024).toFixed(0)} kB; ${cpus().length} kernen, belasting ${loadavg()[0]!.toFixed(1)}`,
    );
    const run = async (label: string, isDryRun: boolean) => {
      const started = performance.now();
      const report = await importFile(
        db,
        { config, mailer, baseUrl: 'http://localhost' },
        context,
        actor,
        [file],
        { isDryRun },
      );
      const seconds = (performance.now() - started) / 1000;
      const cases = report.sheets.find((s) => s.sheet === 'Casussen')!;
      console.log(
        `${label}: ${seconds.toFixed(1)} s (casussen ${cases.created} nieuw, ${cases.updated} gewijzigd, ${cases.unchanged} ongewijzigd)`,
      );
      if (seconds > budgetSeconds) exitCode = 1;
    };
    await run('Proef (dry run)', true);
    await run('Import', false);
    await run('Nogmaals dezelfde werkmap', false);
    const [{ n, proposed }] = await db.query(
      `SELECT count(*)::int AS n, count(proposal)::int AS proposed FROM case_file WHERE external_ref LIKE 'B-%'`,
    );
    console.log(`In de database: ${n} casussen, ${proposed} met een voorstel van de regelmotor.`);
    if (exitCode) console.log(`Boven de grens van ${budgetSeconds} s.`);
  } finally {
    await db.destroy().catch(() => undefined);
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { errorBodySchema, importReportSchema, startOfDutchDay } from '@uitstroom/shared';
import { completeSections, giveConsent } from '../support/case-factory';
import { startSmtpServer } from '../support/smtp';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Issue 28: a region brings in its organisations, users, cases with their addresses, dwellings and
 * contingents from the downloaded template. Dry run, import, the same file again, a changed row;
 * every kind of bad file refused at its sheet, row and column with nothing saved; CSV files; the
 * command line's exit codes. Real HTTP, PostgreSQL, SMTP and exceljs on both sides.
 */

const origin = 'http://uitstroom.test';
let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let admin: request.Agent;
let template: Buffer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ publicUrl: origin, smtpUrl: smtp.url });
  admin = await t.signIn('beheer@flevoland.demo');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

function send(files: { name: string; content: Buffer }[], dryRun?: boolean) {
  const pending = admin.post(`/api/import${dryRun ? '?dryRun=true' : ''}`).set('Origin', origin);
  for (const file of files) pending.attach('file', file.content, file.name);
  return pending;
}

async function workbookOf(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const headerOf = (sheet: ExcelJS.Worksheet) =>
  (sheet.getRow(1).values as unknown[]).slice(1).map(String);

/** Appends rows under the example row, by column name. */
function fill(workbook: ExcelJS.Workbook, sheetName: string, rows: Record<string, unknown>[]) {
  const sheet = workbook.getWorksheet(sheetName)!;
  const header = headerOf(sheet);
  for (const row of rows) sheet.addRow(header.map((name) => row[name] ?? null));
}

const caseCount = 24;
const caseRows = Array.from({ length: caseCount }, (_, i) => ({
  'Extern kenmerk': `WL-${String(i + 1).padStart(3, '0')}`,
  Voornaam: `Bewoner${i + 1}`,
  Achternaam: 'Import',
  Geboortedatum: i % 2 ? new Date(Date.UTC(1990, 3, 12)) : '12-04-1991',
  Doelgroep: i % 3 ? 'Beschermd wonen' : 'Maatschappelijke opvang',
  Opnamedatum: '01-03-2022',
  'Casemanager (e-mail)': i % 4 ? 'nieuw@zorg-import.test' : 'regisseur@kwintes.demo',
  'Uitstroomgereed op': i === 0 ? '15-01-2025' : null,
  'Wens gemeente (CBS-code)': i % 2 ? 'GM0995' : null,
}));
const addressRows = caseRows.flatMap((c, i) => [
  {
    'Extern kenmerk': c['Extern kenmerk'],
    'Gemeente (CBS-code)': i % 5 ? 'GM0034' : 'GM0150',
    Soort: 'woonadres',
    Van: '01-05-2004',
    Tot: '01-11-2021',
    Bron: 'BRP-uittreksel',
  },
  {
    'Extern kenmerk': c['Extern kenmerk'],
    'Gemeente (CBS-code)': 'GM0034',
    Soort: 'instelling',
    Van: '01-11-2021',
    Bron: 'Dossier aanbieder',
  },
]);

async function regionWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = await workbookOf(template);
  fill(workbook, 'Organisaties', [
    { Naam: 'Zorg Import', Soort: 'Zorgaanbieder' },
    { Naam: 'Wonen Import', Soort: 'Woningcorporatie' },
  ]);
  fill(workbook, 'Gebruikers', [
    {
      'E-mail': 'nieuw@zorg-import.test',
      Naam: 'Nina Nieuw',
      Organisatie: 'Zorg Import',
      Rol: 'Casemanager / regisseur',
    },
    {
      'E-mail': 'woningen@wonen-import.test',
      Naam: 'Wim Wonen',
      Organisatie: 'Wonen Import',
      Rol: 'Woningcorporatie',
    },
  ]);
  fill(workbook, 'Casussen', caseRows);
  fill(workbook, 'Adressen', addressRows);
  fill(workbook, 'Woningen', [
    {
      'Extern kenmerk': 'VHE-1',
      Corporatie: 'Wonen Import',
      Straat: 'Importstraat',
      Huisnummer: '1',
      Postcode: '1315AB',
      'Gemeente (CBS-code)': 'GM0034',
      Wijk: 'Stedenwijk',
      Type: 'Appartement',
      Kamers: 2,
      Huur: 612.5,
      'Beschikbaar vanaf': new Date(Date.UTC(2026, 2, 1)),
      Huurvorm: 'Via de zorgaanbieder',
    },
  ]);
  fill(workbook, 'Contingenten', [
    { Corporatie: 'Wonen Import', 'Gemeente (CBS-code)': 'GM0034', Jaar: 2026, Aantal: 4 },
    { Corporatie: 'Centrada', 'Gemeente (CBS-code)': 'GM0995', Jaar: 2031, Aantal: null },
  ]);
  return workbook;
}

const bufferOf = async (workbook: ExcelJS.Workbook) =>
  Buffer.from(await workbook.xlsx.writeBuffer());

async function importedCaseCount(): Promise<number> {
  const [{ n }] = await t.db.query(
    'SELECT count(*)::int AS n FROM case_file WHERE external_ref IS NOT NULL',
  );
  return n;
}

function expectRefused(response: request.Response, paths: string[]) {
  expect(response.status).toBe(400);
  const body = errorBodySchema.parse(response.body);
  expect(body.error.code).toBe('VALIDATION_FAILED');
  const found = body.error.issues.map((i) => i.path);
  for (const path of paths) expect(found).toContain(path);
  for (const issue of body.error.issues) expect(issue.message).toMatch(/[a-z]/);
  return body.error.issues;
}

const countsOf = (body: unknown) =>
  Object.fromEntries(
    importReportSchema
      .parse(body)
      .sheets.map((s) => [s.sheet, [s.created, s.updated, s.unchanged]]),
  );

describe('the template', () => {
  it('is a workbook with the sheets, columns, notes, an example row and the allowed values', async () => {
    const response = await admin.get('/api/import/template.xlsx').buffer(true).parse(binary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    template = response.body as Buffer;
    const workbook = await workbookOf(template);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Organisaties',
      'Gebruikers',
      'Casussen',
      'Adressen',
      'Woningen',
      'Contingenten',
      'Toegestane waarden',
    ]);
    const required: Record<string, string[]> = {
      Organisaties: ['Naam', 'Soort', 'Gemeente (CBS-code)'],
      Gebruikers: ['E-mail', 'Naam', 'Organisatie', 'Rol'],
      Casussen: [
        'Extern kenmerk',
        'Voornaam',
        'Achternaam',
        'Geboortedatum',
        'Doelgroep',
        'Opnamedatum',
        'Casemanager (e-mail)',
        'Uitstroomgereed op',
        'Wens gemeente (CBS-code)',
      ],
      Adressen: ['Extern kenmerk', 'Gemeente (CBS-code)', 'Soort', 'Van', 'Tot', 'Bron'],
      Woningen: [
        'Extern kenmerk',
        'Corporatie',
        'Straat',
        'Huisnummer',
        'Postcode',
        'Gemeente (CBS-code)',
        'Wijk',
        'Type',
        'Kamers',
        'Huur',
        'Beschikbaar vanaf',
        'Huurvorm',
      ],
      Contingenten: ['Corporatie', 'Gemeente (CBS-code)', 'Jaar', 'Aantal'],
    };
    for (const [name, columns] of Object.entries(required)) {
      const sheet = workbook.getWorksheet(name)!;
      expect(headerOf(sheet)).toEqual(expect.arrayContaining(columns));
      headerOf(sheet).forEach((_, i) => expect(sheet.getCell(1, i + 1).note).toBeTruthy());
      expect(sheet.getRow(2).cellCount).toBeGreaterThan(0);
    }
    const allowed = workbook.getWorksheet('Toegestane waarden')!;
    const valuesUnder = (header: string) =>
      headerOf(allowed).flatMap((h, i) =>
        h === header
          ? (allowed.getColumn(i + 1).values as unknown[]).slice(2).filter(Boolean).map(String)
          : [],
      );
    expect(valuesUnder('Soort')).toEqual(
      expect.arrayContaining([
        'Woningcorporatie',
        'Zorgaanbieder',
        'woonadres',
        'instelling',
        'briefadres',
      ]),
    );
    expect(valuesUnder('Rol')).toContain('Casemanager / regisseur');
    expect(valuesUnder('Doelgroep')).toEqual(
      expect.arrayContaining(['Beschermd wonen', 'Maatschappelijke opvang', 'Vrouwenopvang']),
    );
    expect(valuesUnder('Bron')).toEqual([
      'BRP-uittreksel',
      'Verklaring bewoner',
      'Dossier aanbieder',
    ]);
    expect(valuesUnder('Huurvorm')).toContain('Housing First');
    expect(valuesUnder('Gemeente (CBS-code)')).toEqual(
      expect.arrayContaining(['GM0034', 'GM0995']),
    );
  });

  it('is for the regio-beheerder only', async () => {
    const manager = await t.signIn('regisseur@kwintes.demo');
    expect((await manager.get('/api/import/template.xlsx')).status).toBe(403);
  });
});

describe('dry run, import, the same file again, a changed row', () => {
  let workbook: Buffer;

  it('a dry run reports what would happen and saves nothing', async () => {
    workbook = await bufferOf(await regionWorkbook());
    const response = await send([{ name: 'regio.xlsx', content: workbook }], true);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ isDryRun: true, fileName: 'regio.xlsx', invitations: 2 });
    expect(countsOf(response.body)).toEqual({
      Organisaties: [2, 0, 0],
      Gebruikers: [2, 0, 0],
      Casussen: [caseCount, 0, 0],
      Adressen: [caseCount * 2, 0, 0],
      Woningen: [1, 0, 0],
      Contingenten: [2, 0, 0],
    });
    expect(await importedCaseCount()).toBe(0);
    const [{ n }] = await t.db.query(
      "SELECT count(*)::int AS n FROM organisation WHERE name = 'Zorg Import'",
    );
    expect(n).toBe(0);
  });

  it('the import writes it all, with proposals, invitations and one audit entry per case', async () => {
    const response = await send([{ name: 'regio.xlsx', content: workbook }]);
    expect(response.status).toBe(200);
    expect(response.body.isDryRun).toBe(false);
    expect(countsOf(response.body).Casussen).toEqual([caseCount, 0, 0]);
    const cases = await t.db.query(
      `SELECT c.state, c.proposal, c.owner_organisation_id, u.organisation_id AS manager_organisation, c.sections, c.pseudonym, c.id,
              to_char(c.ready_on, 'YYYY-MM-DD') AS ready_on, c.external_ref
         FROM case_file c JOIN app_user u ON u.id = c.owner_user_id WHERE c.external_ref IS NOT NULL ORDER BY c.external_ref`,
    );
    expect(cases).toHaveLength(caseCount);
    for (const c of cases) {
      expect(c.state).toBe('intake');
      expect(c.proposal).not.toBeNull();
      expect(c.owner_organisation_id).toBe(c.manager_organisation);
      expect(c.sections.addresses).toHaveLength(2);
    }
    expect(cases[0].ready_on).toBe('2025-01-15');
    expect(cases[1].sections.wishes.municipalities).toEqual(['GM0995']);
    const audit = await t.db.query(
      "SELECT subject_pseudonym, details FROM audit_log WHERE action = 'import' AND object_type = 'case'",
    );
    expect(audit).toHaveLength(caseCount);
    expect(audit[0].details).toMatchObject({
      fileName: 'regio.xlsx',
      sha256: response.body.sha256,
    });
    expect(new Set(audit.map((a: { subject_pseudonym: string }) => a.subject_pseudonym))).toEqual(
      new Set(cases.map((c: { pseudonym: string }) => c.pseudonym)),
    );
    const [user] = await t.db.query(
      "SELECT password_hash FROM app_user WHERE email = 'nieuw@zorg-import.test'",
    );
    expect(user.password_hash).toBeNull();
    const mail = await smtp.waitForMail('nieuw@zorg-import.test');
    expect(mail.text).toContain(`${origin}/`);
    await smtp.waitForMail('woningen@wonen-import.test');
  });

  it('the same file again changes nothing and reports every row unchanged', async () => {
    const before = await t.db.query('SELECT max(id)::int AS id FROM audit_log');
    const mailsBefore = smtp.mails.length;
    const response = await send([{ name: 'regio.xlsx', content: workbook }]);
    expect(response.status).toBe(200);
    expect(countsOf(response.body)).toEqual({
      Organisaties: [0, 0, 2],
      Gebruikers: [0, 0, 2],
      Casussen: [0, 0, caseCount],
      Adressen: [0, 0, caseCount * 2],
      Woningen: [0, 0, 1],
      Contingenten: [0, 0, 2],
    });
    expect(response.body.invitations).toBe(0);
    const caseAudit = await t.db.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE id > $1 AND action = 'import' AND object_type = 'case'",
      [before[0].id],
    );
    expect(caseAudit[0].n).toBe(0);
    expect(smtp.mails.length).toBe(mailsBefore);
  });

  it('a changed row updates what the import owns, and only that row', async () => {
    const changed = await regionWorkbook();
    const cases = changed.getWorksheet('Casussen')!;
    const lastName = headerOf(cases).indexOf('Achternaam') + 1;
    cases.getCell(3, lastName).value = 'Gewijzigd';
    const contingents = changed.getWorksheet('Contingenten')!;
    contingents.getCell(3, headerOf(contingents).indexOf('Aantal') + 1).value = 6;
    const response = await send([{ name: 'regio-2.xlsx', content: await bufferOf(changed) }]);
    expect(response.status).toBe(200);
    expect(countsOf(response.body)).toMatchObject({
      Casussen: [0, 1, caseCount - 1],
      Adressen: [0, 0, caseCount * 2],
      Contingenten: [0, 1, 1],
    });
    const [c] = await t.db.query(
      "SELECT sections, version FROM case_file WHERE external_ref = 'WL-001'",
    );
    expect(c.sections.identity.lastName).toBe('Gewijzigd');
    expect(c.version).toBe(2);
    const [k] = await t.db.query(
      "SELECT c.promised FROM contingent c JOIN organisation o ON o.id = c.organisation_id WHERE o.name = 'Wonen Import'",
    );
    expect(k.promised).toBe(6);
  });

  it('marking an imported case ready starts the waiting clock on Uitstroomgereed op', async () => {
    const manager = await t.signIn('regisseur@kwintes.demo');
    const [{ id }] = await t.db.query("SELECT id FROM case_file WHERE external_ref = 'WL-001'");
    const current = (await manager.get(`/api/cases/${id}`)).body;
    const { household, stay, wishes, contact } = completeSections();
    const updated = await manager
      .patch(`/api/cases/${id}`)
      .send({ version: current.version, changes: { household, stay, wishes, contact } });
    expect(updated.status).toBe(200);
    await giveConsent(
      manager,
      t.db,
      id,
      'Regionale coördinatie Flevoland (centrumgemeente Almere)',
    );
    const ready = await manager
      .post(`/api/cases/${id}/transitions`)
      .send({ transition: 'markReady', version: updated.body.version });
    expect(ready.status).toBe(200);
    expect(ready.body.readyAt).toBe(startOfDutchDay('2025-01-15').toISOString());
  });
});

describe('bad files get a clear answer at their row and column, and nothing is saved', () => {
  let casesBefore: number;
  beforeAll(async () => {
    casesBefore = await importedCaseCount();
  });
  afterAll(async () => {
    expect(await importedCaseCount()).toBe(casesBefore);
  });

  it('a file that is no workbook', async () => {
    expectRefused(await send([{ name: 'regio.xlsx', content: Buffer.from('geen werkmap') }]), [
      'file',
    ]);
    const zipButNoWorkbook = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(64),
    ]);
    expectRefused(await send([{ name: 'regio.xlsx', content: zipButNoWorkbook }]), ['file']);
  });

  it('a file over 20 MB is a 400, not a 413 or a 500', async () => {
    const large = Buffer.alloc(21 * 1024 * 1024, 0x41);
    expectRefused(await send([{ name: 'groot.xlsx', content: large }]), ['file']);
  });

  it('over 50,000 rows', async () => {
    const lines = ['Corporatie;Gemeente (CBS-code);Jaar;Aantal'];
    for (let i = 0; i < 50_001; i += 1) lines.push(`Centrada;GM0995;2030;${i % 9}`);
    const issues = expectRefused(
      await send([{ name: 'Contingenten.csv', content: Buffer.from(lines.join('\n')) }]),
      [],
    );
    expect(issues[0]!.path).toMatch(/^Contingenten\./);
    expect(issues[0]!.message).toContain('50000');
  });

  it('formulas and merged cells', async () => {
    const workbook = await regionWorkbook();
    const cases = workbook.getWorksheet('Casussen')!;
    cases.getCell(3, headerOf(cases).indexOf('Voornaam') + 1).value = {
      formula: 'UPPER("a")',
      result: 'A',
    } as ExcelJS.CellFormulaValue;
    const addresses = workbook.getWorksheet('Adressen')!;
    addresses.mergeCells('B4:C4');
    expectRefused(await send([{ name: 'regio.xlsx', content: await bufferOf(workbook) }]), [
      'Casussen.3.Voornaam',
      'Adressen.4.Gemeente (CBS-code)',
    ]);
  });

  it('a missing sheet column', async () => {
    const workbook = await regionWorkbook();
    workbook.getWorksheet('Casussen')!.spliceColumns(5, 1);
    expectRefused(await send([{ name: 'regio.xlsx', content: await bufferOf(workbook) }]), [
      'Casussen.1.Doelgroep',
    ]);
  });

  it('a case manager or a wish of another region, an unknown coded value, a duplicate key', async () => {
    const workbook = await regionWorkbook();
    fill(workbook, 'Casussen', [
      {
        ...caseRows[0],
        'Extern kenmerk': 'WL-900',
        'Casemanager (e-mail)': 'regisseur@tactus.demo',
      },
      { ...caseRows[0], 'Extern kenmerk': 'WL-901', 'Wens gemeente (CBS-code)': 'GM0150' },
      { ...caseRows[0], 'Extern kenmerk': 'WL-902', Doelgroep: 'Dakloos' },
      { ...caseRows[0] },
    ]);
    const first = 3 + caseCount;
    const issues = expectRefused(
      await send([{ name: 'regio.xlsx', content: await bufferOf(workbook) }], true),
      [
        `Casussen.${first + 1}.Wens gemeente (CBS-code)`,
        `Casussen.${first + 2}.Doelgroep`,
        `Casussen.${first + 3}.Extern kenmerk`,
      ],
    );
    expect(issues.find((i) => i.path.endsWith('.Doelgroep'))!.message).toContain('Beschermd wonen');
    // The references are checked once every row reads well.
    const other = await regionWorkbook();
    fill(other, 'Casussen', [
      {
        ...caseRows[0],
        'Extern kenmerk': 'WL-900',
        'Casemanager (e-mail)': 'regisseur@tactus.demo',
      },
    ]);
    const refused = expectRefused(
      await send([{ name: 'regio.xlsx', content: await bufferOf(other) }]),
      [`Casussen.${first}.Casemanager (e-mail)`],
    );
    expect(refused[0]!.message).toContain('andere regio');
  });

  it('a form without an Origin is refused (a form any page could send)', async () => {
    const response = await admin.post('/api/import').attach('file', template, 'regio.xlsx');
    expect(response.status).toBe(403);
  });
});

describe('CSV files and the command line', () => {
  const casesCsv = [
    '\uFEFFExtern kenmerk;Voornaam;Achternaam;Geboortedatum;Doelgroep;Opnamedatum;Casemanager (e-mail);Uitstroomgereed op;Wens gemeente (CBS-code)',
    'CSV-1;Cas;Vijf;12-04-1990;Beschermd wonen;01-03-2022;regisseur@kwintes.demo;;GM0050',
  ].join('\r\n');
  const addressesCsv = [
    'Extern kenmerk;Gemeente (CBS-code);Soort;Van;Tot;Bron',
    'CSV-1;GM0303;woonadres;01-01-2010;01-01-2022;Verklaring bewoner',
  ].join('\n');

  it('takes one CSV per sheet, named after it, with or without a BOM', async () => {
    const response = await send([
      { name: 'Casussen.csv', content: Buffer.from(casesCsv) },
      { name: 'Adressen.csv', content: Buffer.from(addressesCsv) },
    ]);
    expect(response.status).toBe(200);
    expect(countsOf(response.body)).toMatchObject({ Casussen: [1, 0, 0], Adressen: [1, 0, 0] });
    const [c] = await t.db.query(
      "SELECT trim(origin_code) AS origin FROM case_file WHERE external_ref = 'CSV-1'",
    );
    expect(c.origin).toBe('GM0303');
  });

  it('npm run import exits 0 with the report, 2 for a refused file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'import-cli-'));
    try {
      writeFileSync(join(folder, 'Casussen.csv'), casesCsv);
      writeFileSync(join(folder, 'kapot.xlsx'), 'geen werkmap');
      const run = (args: string[]) =>
        new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
          execFile(
            process.execPath,
            ['--import', 'tsx', 'scripts/import.ts', '--region', 'flevoland', ...args],
            {
              cwd: join(__dirname, '..', '..'),
              env: { ...process.env, DATABASE_URL: t.databaseUrls.appUrl },
            },
            (error, stdout, stderr) =>
              resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
          );
        });
      const [ok, refused] = await Promise.all([
        run(['--dry-run', join(folder, 'Casussen.csv')]),
        run([join(folder, 'kapot.xlsx')]),
      ]);
      expect(ok).toMatchObject({ code: 0 });
      expect(ok.stdout).toContain('Casussen: 0 nieuw, 0 gewijzigd, 1 ongewijzigd');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('geen Excel-werkmap');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});

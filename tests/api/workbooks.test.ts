import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { neutralizeCell } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { newCase } from '../support/case-factory';
import { newDwelling } from '../support/dwelling-factory';

/**
 * Every export as an Excel workbook (issue 29), opened again with the library that wrote it:
 * the title row (what, which period and filters, when made), the frozen header row, real types
 * (dates as dates, rent in euros, shares as percentages, "<5" as text), formula-like text
 * neutralised exactly as the CSV writer does, the same rows as the CSV beside it, the case list
 * cut to the seat's projection, and each download in the audit log as an export.
 */

let t: TestApp;
const a = {} as Record<
  'casemanager' | 'chair' | 'corporation' | 'municipality' | 'admin',
  request.Agent
>;
const formulaName = '=HYPERLINK("http://kwaad.example","klik")';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  t = await startTestApp();
  a.casemanager = await t.signIn('regisseur@kwintes.demo');
  a.chair = await t.signIn('voorzitter@almere.demo');
  a.corporation = await t.signIn('corporatie@centrada.demo');
  a.municipality = await t.signIn('gemeente@lelystad.demo');
  a.admin = await t.signIn('beheer@flevoland.demo');
}, 60_000);
afterAll(async () => {
  await t.close();
});

interface Opened {
  response: request.Response;
  sheet: ExcelJS.Worksheet;
  title: string;
  headers: string[];
  /** The rows under the header, each as its cells' values (null where empty). */
  rows: ExcelJS.CellValue[][];
}

async function download(agent: request.Agent, url: string): Promise<request.Response> {
  return agent
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}

async function openWorkbook(agent: request.Agent, url: string): Promise<Opened> {
  const response = await download(agent, url);
  expect({ url, status: response.status }).toEqual({ url, status: 200 });
  expect(response.headers['content-type']).toBe(xlsxType);
  expect(response.headers['cache-control']).toBe('no-store');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.body as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const width = sheet.getRow(2).cellCount;
  const valuesOf = (row: ExcelJS.Row) =>
    Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null);
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, number) => {
    if (number > 2) rows.push(valuesOf(row));
  });
  // The title row above, the header row frozen beneath it, and columns as wide as their header.
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  const headers = valuesOf(sheet.getRow(2)) as string[];
  headers.forEach((header, i) =>
    expect(sheet.getColumn(i + 1).width).toBeGreaterThanOrEqual(Math.min(header.length, 60)),
  );
  expect(sheet.getRow(2).getCell(1).font?.bold).toBe(true);
  const title = sheet.getCell(1, 1).value as string;
  expect(title).toMatch(/ · Gemaakt op \d{1,2} \w+ \d{4} om \d{2}:\d{2}$/);
  return { response, sheet, title, headers, rows };
}

/** The header line and the rows of a CSV, split as the CSV writer wrote them. */
async function csvLines(agent: request.Agent, url: string): Promise<string[]> {
  const response = await agent.get(url);
  expect(response.status).toBe(200);
  return response.text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
}

const csvHeader = (headers: string[]) => headers.map((h) => `"${h}"`).join(';');

/** The export rows of the audit log written since `since`, oldest first. */
async function exportsSince(since: Date, action: string) {
  return t.db.query(
    `SELECT action, object_id AS "objectId", subject_pseudonym AS "subjectPseudonym", fields, purpose, details
       FROM audit_log WHERE action = $1 AND at >= $2 ORDER BY at, id`,
    [action, since],
  );
}

const utcDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

describe('dwellings and contingents: the workbook beside the CSV', () => {
  it('dwellings: the CSV’s columns and rows, with a date, a rent in euros, ja/nee and neutralised text', async () => {
    const since = new Date();
    await newDwelling(a.corporation, {
      street: '+Plusstraat',
      neighbourhood: formulaName,
      rent: 612.5,
      availableFrom: '2026-02-01',
      conversionDate: undefined,
      conversionConditions: undefined,
      tenancyForm: 'regular',
    });
    const { response, title, headers, rows, sheet } = await openWorkbook(
      a.corporation,
      '/api/dwellings.xlsx?status=all',
    );
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="woningen-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    expect(title).toMatch(/^Woningen · Filters: alle statussen · Gemaakt op /);
    const csv = await csvLines(a.corporation, '/api/dwellings.csv?status=all');
    expect(csvHeader(headers)).toBe(csv[0]);
    expect(rows).toHaveLength(csv.length - 1);

    const column = (header: string) => headers.indexOf(header);
    const row = rows.find((r) => r[column('straat')] === "'+Plusstraat")!;
    expect(row[column('wijk')]).toBe(neutralizeCell(formulaName));
    expect(row[column('wijk')]).toBe(`'${formulaName}`);
    expect(row[column('huur')]).toBe(612.5);
    expect(row[column('kamers')]).toBe(2);
    expect(row[column('lift')]).toBe('ja');
    expect(row[column('beschikbaar vanaf')]).toEqual(utcDay('2026-02-01'));
    expect(row[column('omzetdatum')]).toBeNull();
    const rowNumber = 3 + rows.indexOf(row);
    expect(sheet.getRow(rowNumber).getCell(column('huur') + 1).numFmt).toContain('€');
    expect(sheet.getRow(rowNumber).getCell(column('beschikbaar vanaf') + 1).numFmt).toBe(
      'dd-mm-yyyy',
    );

    const [logged] = await exportsSince(since, 'dwelling.export');
    expect(logged).toMatchObject({
      purpose: 'administration',
      details: { format: 'xlsx', count: rows.length, query: { status: 'all' } },
    });
  });

  it('contingents: a year of the region for the chair, numbers as numbers, an empty promise empty', async () => {
    const since = new Date();
    const { year } = (await a.chair.get('/api/contingents')).body as { year: number };
    const { response, title, headers, rows } = await openWorkbook(
      a.chair,
      `/api/contingents.xlsx?year=${year}`,
    );
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="contingenten-${year}.xlsx"`,
    );
    expect(title).toContain(
      `Contingenten ${year} met voortgang · Periode: 1 januari ${year} t/m 31 december ${year}`,
    );
    const csv = await csvLines(a.chair, `/api/contingents.csv?year=${year}`);
    expect(csvHeader(headers)).toBe(csv[0]);
    expect(rows).toHaveLength(csv.length - 1);
    expect(rows).toContainEqual([year, 'De Alliantie', 'Almere', 6, 0, 0, 0]);
    expect(rows).toContainEqual([year, 'Patrimonium', 'Urk', null, 0, 0, 0]);
    expect(await exportsSince(since, 'contingent.export')).toMatchObject([
      { details: { format: 'xlsx', year, count: rows.length } },
      { details: { format: 'csv', year, count: rows.length } },
    ]);
  });
});

describe('indicators', () => {
  it('a municipality’s open cases: its rows and the region’s, "<5" kept as text where the dashboard suppresses', async () => {
    const since = new Date();
    const dashboard = (await a.municipality.get('/api/indicators')).body;
    const { response, title, headers, rows, sheet } = await openWorkbook(
      a.municipality,
      '/api/indicators/openCases/xlsx',
    );
    const { from, to } = dashboard.dashboard.filter;
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="open-casussen-${from}-tot-${to}.xlsx"`,
    );
    expect(title).toContain(
      'Open casussen per fase: Gemeente Lelystad, naast Regio Flevoland · Periode: ',
    );
    expect(title).toContain('Filters: gemeente Lelystad, aantallen van 1 tot en met 4 als "<5"');
    expect(headers).toEqual(['gebied', 'onderdeel', 'aantal']);
    const expected = (part: any) => [
      ...part.openCases.byState.map((s: any) => [part.scope.label, `Fase: ${s.label}`, s.count]),
      [part.scope.label, expect.stringMatching(/^Zonder activiteit/), part.openCases.stalled],
      [
        part.scope.label,
        expect.stringMatching(/^Langer dan de norm/),
        part.openCases.waitingOverTarget,
      ],
    ];
    expect(rows).toEqual([...expected(dashboard.dashboard), ...expected(dashboard.comparison)]);
    // The demo's municipality has a few cases in intake: a count the dashboard shows as "<5".
    expect(JSON.stringify(dashboard.dashboard.openCases)).toContain('"<5"');
    const suppressed = rows.findIndex((row) => row[2] === '<5');
    expect(suppressed).toBeGreaterThanOrEqual(0);
    expect(sheet.getRow(3 + suppressed).getCell(3).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(3 + suppressed).getCell(3).alignment?.horizontal).toBe('right');
    expect(await exportsSince(since, 'indicator.export')).toMatchObject([
      { objectId: 'openCases', details: { format: 'xlsx', from, to, municipality: 'GM0995' } },
    ]);
  });

  it('the distribution: period dates as dates, population shares as percentages', async () => {
    const dashboard = (await a.chair.get('/api/indicators')).body.dashboard;
    const { headers, rows, sheet } = await openWorkbook(
      a.chair,
      '/api/indicators/distribution/xlsx',
    );
    expect(headers).toEqual([
      'gebied',
      'periode van',
      'periode tot en met',
      'gemeente',
      'aandeel inwoners (%)',
      'toegewezen',
      'verwacht naar inwonertal',
      'achterstand',
    ]);
    const first = dashboard.distribution.rows[0];
    expect(rows[0]!.slice(0, 6)).toEqual([
      'Regio Flevoland',
      utcDay(dashboard.distribution.periodStart),
      utcDay(dashboard.distribution.periodEnd),
      first.name,
      first.populationShare,
      first.allocated,
    ]);
    expect(sheet.getRow(3).getCell(5).numFmt).toBe('0.0%');
    expect(rows.at(-1)!.slice(3, 5)).toEqual(['Totaal', 1]);
    // The CSV of the same table writes the share as a percentage and the dates as Dutch dates.
    const csv = await csvLines(a.chair, '/api/indicators/distribution/csv');
    expect(csvHeader(headers)).toBe(csv[0]);
    expect(csv[1]).toContain(
      `"${dashboard.distribution.periodStart.split('-').reverse().join('-')}"`,
    );
  });
});

describe('the case list', () => {
  let created: Record<string, any>;
  beforeAll(async () => {
    created = await newCase(a.casemanager, {
      identity: {
        firstName: 'Exportina',
        lastName: formulaName,
        birthDate: '1991-05-03',
        bsn: '111222333',
      },
    });
  });

  it('holds every case the filters on screen find, in their order, with the case manager’s columns', async () => {
    const since = new Date();
    const filters = 'state=intake&sort=name&direction=asc';
    const list = (await a.casemanager.get(`/api/cases?${filters}&pageSize=100`)).body;
    expect(list.total).toBeLessThanOrEqual(100);
    const { response, title, headers, rows } = await openWorkbook(
      a.casemanager,
      `/api/cases.xlsx?${filters}`,
    );
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="casussen-\d{4}-\d{2}-\d{2}\.xlsx"$/,
    );
    expect(title).toContain(
      `Casussen (${list.total} casussen) · Filters: status Aangemeld, gesorteerd op naam, A tot Z`,
    );
    expect(headers).toEqual([
      'kenmerk',
      'naam',
      'status',
      'vastgelopen',
      'doelgroep',
      'herkomst',
      'bestemming',
      'wachttijd (dagen)',
      'wachttijd tot',
      'casemanager',
      'gewijzigd',
    ]);
    expect(rows.map((r) => r[0])).toEqual(list.items.map((i: any) => i.pseudonym));
    const row = rows.find((r) => r[0] === created.pseudonym)!;
    expect(row[1]).toBe(neutralizeCell(`Exportina ${formulaName}`));
    expect(row.slice(2, 5)).toEqual(['Aangemeld', 'nee', 'Beschermd wonen']);
    expect(row[10]).toBeInstanceOf(Date);
    // Not a page: a list longer than a page is exported whole.
    const all = (await a.casemanager.get('/api/cases?pageSize=1')).body.total;
    expect((await openWorkbook(a.casemanager, '/api/cases.xlsx')).rows).toHaveLength(all);
    expect(await exportsSince(since, 'case.list.export')).toMatchObject([
      {
        purpose: 'case_coordination',
        fields: [
          'pseudonym',
          'name',
          'state',
          'isStalled',
          'stay',
          'origin',
          'waitingDays',
          'waitingUntil',
          'owner',
          'updatedAt',
        ],
        details: { format: 'xlsx', count: list.total, query: { state: 'intake', sort: 'name' } },
      },
      { details: { count: all } },
    ]);
  });

  it('a search term is in the title, never in the log', async () => {
    const since = new Date();
    const { title, rows } = await openWorkbook(a.casemanager, '/api/cases.xlsx?q=exportina');
    expect(title).toContain('Filters: zoekterm “exportina”');
    expect(rows.map((r) => r[0])).toEqual([created.pseudonym]);
    const [logged] = await exportsSince(since, 'case.list.export');
    expect(logged.details.query.q).toBe('[zoekterm]');
    expect(JSON.stringify(logged)).not.toMatch(/exportina/i);
  });

  it('a corporation’s workbook has the columns of its projection only: no target group, origin or case manager', async () => {
    const list = (await a.corporation.get('/api/cases?pageSize=100')).body;
    const { headers, rows } = await openWorkbook(a.corporation, '/api/cases.xlsx');
    expect(headers).toEqual([
      'kenmerk',
      'naam',
      'status',
      'vastgelopen',
      'bestemming',
      'wachttijd (dagen)',
      'wachttijd tot',
      'gewijzigd',
    ]);
    expect(rows.map((r) => [r[0], r[1]])).toEqual(
      list.items.map((i: any) => [i.pseudonym, i.name ?? null]),
    );
  });

  it('a page parameter is no filter of the export: refused at its field', async () => {
    const response = await a.casemanager.get('/api/cases.xlsx?page=2');
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe('page');
  });
});

describe('the access log of a case and the privacy officer’s search', () => {
  it('the case manager’s access log of one case: moments as Dutch date and time, logged on the case', async () => {
    const created = await newCase(a.casemanager);
    const since = new Date();
    const log = (await a.casemanager.get(`/api/cases/${created.id}/access-log`)).body;
    const { response, title, headers, rows } = await openWorkbook(
      a.casemanager,
      `/api/cases/${created.id}/access-log.xlsx`,
    );
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(
        `^attachment; filename="logboek-${created.pseudonym}-\\d{4}-\\d{2}-\\d{2}\\.xlsx"$`,
      ),
    );
    expect(title).toMatch(new RegExp(`^Logboek van de casus ${created.pseudonym} · Filters: geen`));
    expect(headers).toEqual([
      'wanneer',
      'wie',
      'rol',
      'organisatie',
      'wat',
      'onderdelen',
      'doel',
      'uitkomst',
    ]);
    // The page's own read is in the file too, newest first, then the rows the page showed.
    expect(rows).toHaveLength(log.entries.length + 1);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual(
      log.entries.map((e: any) => [amsterdamWallClock(e.at), e.actor?.name ?? 'Het systeem']),
    );
    expect(rows[0]!.slice(1, 7)).toEqual([
      'Sanne Willems',
      'Casemanager / regisseur',
      'Kwintes',
      'Logboek van de casus bekeken',
      'Logboek',
      'verantwoording: wie zag het dossier',
    ]);
    expect(rows[0]![0]).toBeInstanceOf(Date);
    expect(await exportsSince(since, 'case.accessLog.export')).toMatchObject([
      {
        objectId: created.id,
        subjectPseudonym: created.pseudonym,
        purpose: 'accountability',
        details: { format: 'xlsx', count: rows.length },
      },
    ]);
    // Out of reach is a 404, as the page is.
    expect((await a.casemanager.get(`/api/cases/${randomUUID()}/access-log.xlsx`)).status).toBe(
      404,
    );
  });

  it('the audit search: every row the filters find, with the stored names beside the Dutch ones', async () => {
    const since = new Date();
    const search = (await a.admin.get('/api/audit?action=case.list.export&pageSize=100')).body;
    expect(search.total).toBeGreaterThanOrEqual(3);
    const { title, headers, rows } = await openWorkbook(
      a.admin,
      '/api/audit.xlsx?action=case.list.export',
    );
    expect(title).toMatch(
      /^Auditlog van regio Flevoland \(\d+ regels\) · Filters: handeling Casuslijst geëxporteerd \(Excel\) · /,
    );
    expect(headers.slice(0, 6)).toEqual([
      'tijdstip',
      'naam',
      'rol',
      'organisatie',
      'handeling',
      'handeling (code)',
    ]);
    expect(rows).toHaveLength(search.total);
    const [first] = search.items;
    expect(rows[0]!.slice(0, 6)).toEqual([
      amsterdamWallClock(first.at),
      first.actor.name,
      first.actor.seatLabel,
      first.actor.organisationName,
      'Casuslijst geëxporteerd (Excel)',
      'case.list.export',
    ]);
    expect(await exportsSince(since, 'audit.export')).toMatchObject([
      {
        purpose: 'accountability',
        details: { format: 'xlsx', total: search.total, query: { action: 'case.list.export' } },
      },
    ]);
  });
});

/** A moment as an Amsterdam wall clock read as UTC: how a spreadsheet without time zones holds it. */
function amsterdamWallClock(moment: string): Date {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(moment))
      .map((p) => [p.type, p.value]),
  );
  return new Date(
    `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`,
  );
}

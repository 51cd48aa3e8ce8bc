import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { dwellingCsvColumns, dwellingImportReportSchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { newDwelling } from '../../../tests/support/dwelling-factory';

let t: TestApp;
let centrada: request.Agent;
const count = async (organisation = 'Centrada') =>
  (
    await t.db.query(
      'SELECT count(*)::int AS n FROM dwelling WHERE organisation_id = (SELECT id FROM organisation WHERE name = $1)',
      [organisation],
    )
  )[0].n as number;

beforeAll(async () => {
  t = await startTestApp();
  centrada = await t.signIn('corporatie@centrada.demo');
});
afterAll(async () => {
  await t.close();
});

const headers = dwellingCsvColumns.map((c) => c.header);
let serial = 1000;

/** A good row as Dutch Excel writes it, with a fresh house number; change cells by column name. */
function row(changes: Record<string, string> = {}): string[] {
  serial += 1;
  const cells: Record<string, string> = {
    straat: 'Coöperatiestraat',
    huisnummer: String(serial),
    postcode: '8232 BX',
    gemeente: 'Lelystad',
    wijk: 'Stadshart',
    type: 'Appartement',
    kamers: '2',
    huur: '612,50',
    verdieping: '1',
    lift: 'ja',
    rolstoeltoegankelijk: 'nee',
    toegankelijkheid: '',
    'beschikbaar vanaf': '01-03-2026',
    huurvorm: 'Via de zorgaanbieder',
    omzetdatum: '01-03-2027',
    omzetvoorwaarden: 'Een jaar zonder huurachterstand.',
    ...changes,
  };
  return headers.map((h) => cells[h] ?? '');
}

function csv(rows: string[][], options: { delimiter?: string; header?: string[] } = {}): string {
  const delimiter = options.delimiter ?? ';';
  const line = (cells: string[]) =>
    cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(delimiter);
  return [line(options.header ?? headers), ...rows.map(line)].join('\r\n') + '\r\n';
}

const utf8WithBom = (text: string) =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
/** Windows-1252 for the Latin-1 range (what Dutch Excel writes for é, ö, ë). */
const windows1252 = (text: string) => Buffer.from(text, 'latin1');

function upload(body: Buffer, contentType = 'text/csv') {
  return centrada.post('/api/dwellings/import').set('Content-Type', contentType).send(body);
}

function reportOf(response: request.Response) {
  return dwellingImportReportSchema.parse(response.body.error.details);
}

describe('importing dwellings from a CSV', () => {
  it('imports a UTF-8 file with a BOM and ; as delimiter, every row as the form would register it', async () => {
    const before = await count();
    const response = await upload(
      utf8WithBom(
        csv([
          row(),
          row({
            type: 'studio',
            kamers: '0',
            huurvorm: 'Regulier',
            omzetdatum: '',
            omzetvoorwaarden: '',
          }),
          row(),
        ]),
      ),
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ imported: 3, encoding: 'utf-8', delimiter: ';' });
    expect(await count()).toBe(before + 3);
    const [stored] = await t.db.query(
      `SELECT street, rent::text AS rent, available_from::text AS available_from, postcode FROM dwelling WHERE house_number = $1 AND street = 'Coöperatiestraat'`,
      [String(serial - 2)],
    );
    expect(stored).toEqual({
      street: 'Coöperatiestraat',
      rent: '612.50',
      available_from: '2026-03-01',
      postcode: '8232 BX',
    });
    const [audit] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'dwelling.import' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit.details).toMatchObject({ count: 3, encoding: 'utf-8' });
  });

  it('imports a Windows-1252 file with , as delimiter (Excel elsewhere), accents intact', async () => {
    const before = await count();
    const response = await upload(
      windows1252(
        csv(
          [
            row({
              straat: 'Rue de l’Église'.replace('’', "'"),
              wijk: 'Zuiderzeewijk',
              huur: '598.00',
            }),
          ],
          { delimiter: ',' },
        ),
      ),
      'application/vnd.ms-excel',
    );
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ imported: 1, encoding: 'windows-1252', delimiter: ',' });
    expect(await count()).toBe(before + 1);
    const [stored] = await t.db.query(
      `SELECT street, rent::text AS rent FROM dwelling WHERE house_number = $1 AND street LIKE 'Rue de%'`,
      [String(serial)],
    );
    expect(stored).toEqual({ street: "Rue de l'Église", rent: '598.00' });
  });

  it('refuses a file with broken encoding (UTF-8 and Windows-1252 mixed), and writes nothing', async () => {
    const before = await count();
    const mixed = Buffer.concat([
      Buffer.from(csv([row()]), 'utf8'),
      windows1252(csv([row({ straat: 'Émile Zolastraat' })]).split('\r\n')[1]! + '\r\n'),
    ]);
    const response = await upload(mixed);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/mengt twee tekensets/);
    expect(await count()).toBe(before);
  });

  it.each<[string, Buffer, RegExp]>([
    [
      'UTF-16',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([row()]), 'utf16le')]),
      /UTF-16/,
    ],
    ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), /geen tekst/],
    ['an empty file', Buffer.alloc(0), /leeg/],
    ['a header only', Buffer.from(csv([]), 'utf8'), /alleen een kop/],
    [
      'a quote that never closes',
      Buffer.from(`${csv([])}"Agorahof;12;8224 JX\r\n`, 'utf8'),
      /aanhalingsteken wordt geopend maar niet gesloten/,
    ],
    [
      'a quote in the middle of an unquoted cell',
      Buffer.from(`${csv([])}=HYPERLINK("http://x";"klik");12\r\n`, 'utf8'),
      /aanhalingsteken staat midden in een cel \(regel 2\)/,
    ],
  ])('refuses %s with a clear message, and writes nothing', async (_label, body, message) => {
    const before = await count();
    const response = await upload(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(await count()).toBe(before);
  });

  it('refuses a file with missing columns whole, naming them, before reading any row', async () => {
    const before = await count();
    const header = headers.filter((h) => h !== 'huur' && h !== 'gemeente');
    const response = await upload(
      Buffer.from(csv([header.map(() => "=cmd|' /C calc'!A0")], { header }), 'utf8'),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/ontbrekende kolommen: gemeente, huur/);
    const report = reportOf(response);
    expect(report.missingColumns).toEqual(['gemeente', 'huur']);
    expect(report.problems).toEqual([]);
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'columns.gemeente',
      'columns.huur',
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses an unknown column rather than dropping its data unseen', async () => {
    const response = await upload(
      Buffer.from(csv([[...row(), 'ja']], { header: [...headers, 'garage'] }), 'utf8'),
    );
    expect(response.status).toBe(400);
    expect(reportOf(response).unknownColumns).toEqual(['garage']);
  });

  it('refuses formula cells (= + - @, tab) with the row, the column and the reason; a negative rent is a negative rent', async () => {
    const before = await count();
    const response = await upload(
      Buffer.from(
        csv([
          row(),
          row({ straat: "=cmd|' /C calc'!A0" }),
          row({ wijk: '+31 6 12345678' }),
          row({ omzetvoorwaarden: '-2+3' }),
          row({ toegankelijkheid: '@SUM(A1:A9)' }),
          row({ straat: '\t=1+1' }),
          row({ huur: '-5' }),
          row({ huur: '=600+12' }),
        ]),
        'utf8',
      ),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /niet ingelezen: 7 problemen in 7 rijen. Er is niets opgeslagen/,
    );
    const report = reportOf(response);
    expect(report.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'straat'],
      [4, 'wijk'],
      [5, 'omzetvoorwaarden'],
      [6, 'toegankelijkheid'],
      [7, 'straat'],
      [8, 'huur'],
      [9, 'huur'],
    ]);
    expect(report.problems.filter((p) => /formule/.test(p.message)).map((p) => p.row)).toEqual([
      3, 4, 5, 6, 7, 9,
    ]);
    expect(report.problems.find((p) => p.row === 8)!.message).toMatch(/negatief/);
    expect(response.body.error.issues[0]).toEqual({
      path: 'rows.3.straat',
      message: expect.stringMatching(/formule/),
    });
    // The report never echoes a cell's content back: it cannot carry the formula on.
    expect(JSON.stringify(response.body)).not.toContain('cmd|');
    expect(await count()).toBe(before);
  });

  it('writes nothing when one row of many is bad: all or nothing', async () => {
    const before = await count();
    const rows = Array.from({ length: 40 }, () => row());
    rows[27] = row({ kamers: 'twee' });
    const response = await upload(Buffer.from(csv(rows), 'utf8'));
    expect(response.status).toBe(400);
    expect(reportOf(response)).toMatchObject({
      rowCount: 40,
      problemCount: 1,
      problems: [{ row: 29, column: 'kamers', message: 'Geen geheel getal.' }],
    });
    expect(await count()).toBe(before);
  });

  it('refuses an address twice in the file, or one the corporation already has', async () => {
    const existing = await newDwelling(centrada, { postcode: '8232 ZZ', houseNumber: '99' });
    const before = await count();
    const twice = row({ postcode: '8232 AA', huisnummer: '5' });
    const response = await upload(
      Buffer.from(
        csv([twice, row(), [...twice], row({ postcode: existing.postcode, huisnummer: '99' })]),
        'utf8',
      ),
    );
    expect(response.status).toBe(400);
    expect(reportOf(response).problems).toEqual([
      { row: 4, column: 'huisnummer', message: 'Dit adres staat al op rij 2 van dit bestand.' },
      {
        row: 5,
        column: 'huisnummer',
        message: 'U heeft al een woning op dit adres (postcode en huisnummer).',
      },
    ]);
    expect(await count()).toBe(before);
  });

  it('refuses a row with more cells than the header', async () => {
    const response = await upload(Buffer.from(csv([[...row(), 'extra']]), 'utf8'));
    expect(response.status).toBe(400);
    expect(reportOf(response).problems).toEqual([
      {
        row: 2,
        column: 'rij',
        message: `Deze rij heeft ${headers.length + 1} cellen, de kop ${headers.length}.`,
      },
    ]);
  });

  it('imports a valid file of 1,000 rows in one go', async () => {
    const before = await count();
    const started = Date.now();
    const response = await upload(
      Buffer.from(csv(Array.from({ length: 1000 }, () => row())), 'utf8'),
    );
    expect(response.status).toBe(201);
    expect(response.body.imported).toBe(1000);
    expect(await count()).toBe(before + 1000);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('takes the file itself, not JSON or text/plain (415); refuses another type (415), an empty body (400) and a file over 2 MB (413)', async () => {
    const json = await centrada
      .post('/api/dwellings/import')
      .send({ content: 'straat;huisnummer' });
    expect(json.status).toBe(415);
    expect(json.body.error.issues[0].path).toBe('Content-Type');
    expect((await upload(Buffer.from('straat;huisnummer\n'), 'text/plain')).status).toBe(415);
    const empty = await centrada.post('/api/dwellings/import').set('Content-Type', 'text/csv');
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].message).toBe('Het bestand is leeg.');
    expect((await upload(Buffer.from('%PDF-1.4'), 'application/pdf')).status).toBe(415);
    const huge = Buffer.alloc(2 * 1024 * 1024 + 10, 'a');
    expect((await upload(huge)).status).toBe(413);
  });

  it('takes back its own export: the export’s columns, less status, import into another corporation', async () => {
    await newDwelling(centrada, {
      street: 'Exportstraat',
      postcode: '8243 AB',
      houseNumber: '1',
      municipalityCode: 'GM0034',
      kind: 'house',
      rent: 701.25,
    });
    const exported = (await centrada.get('/api/dwellings.csv')).text;
    const records = parse(exported, { delimiter: ';', bom: true }) as string[][];
    const withoutStatus = records.map((cells) => cells.slice(0, headers.length));
    const mercatus = await t.signIn('corporatie@mercatus.demo');
    const before = await count('Mercatus');
    const response = await mercatus
      .post('/api/dwellings/import')
      .set('Content-Type', 'text/csv')
      .send(Buffer.from(csv(withoutStatus.slice(1), { header: withoutStatus[0]! }), 'utf8'));
    expect(response.status).toBe(201);
    expect(await count('Mercatus')).toBe(before + records.length - 1);
    const [copy] = await t.db.query(
      `SELECT kind, rent::text AS rent, trim(municipality_code) AS municipality FROM dwelling WHERE street = 'Exportstraat' AND organisation_id = (SELECT id FROM organisation WHERE name = 'Mercatus')`,
    );
    expect(copy).toEqual({ kind: 'house', rent: '701.25', municipality: 'GM0034' });
  });
});

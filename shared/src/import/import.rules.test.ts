import {
  cellText,
  findChoice,
  planImport,
  readCell,
  readImportTables,
  sheetNamed,
  type ExistingState,
  type ImportCell,
  type ImportTable,
} from './import.rules';
import {
  importColumns,
  maxImportRows,
  targetGroupChoices,
  type ImportSheet,
} from './import.schemas';

const municipalities = [
  { code: 'GM0034', name: 'Almere' },
  { code: 'GM0995', name: 'Lelystad' },
];
const column = (sheet: ImportSheet, name: string) =>
  importColumns[sheet].find((c) => c.name === name)!;

/** A sheet with its template header and these rows (by column name), from row 2 on. */
function table(
  sheet: ImportSheet,
  rows: Record<string, ImportCell>[],
  header?: string[],
): ImportTable {
  const names = header ?? importColumns[sheet].map((c) => c.name);
  return {
    name: sheet,
    header: names,
    rows: rows.map((row, i) => ({ row: i + 2, cells: names.map((n) => row[n] ?? null) })),
  };
}

const aCase = {
  'Extern kenmerk': 'WL-1',
  Voornaam: 'Alex',
  Achternaam: 'Jansen',
  Geboortedatum: '12-04-1990',
  Doelgroep: 'Beschermd wonen',
  Opnamedatum: { date: '2022-03-01' },
  'Casemanager (e-mail)': 'CM@Zorg.test',
  'Uitstroomgereed op': null,
  'Wens gemeente (CBS-code)': 'Lelystad',
};
const anAddress = {
  'Extern kenmerk': 'WL-1',
  'Gemeente (CBS-code)': 'gm0150',
  Soort: 'woonadres',
  Van: '1-5-2004',
  Tot: '01-03-2022',
  Bron: 'BRP',
};

describe('cells', () => {
  it.each([
    [null, ''],
    ['  tekst ', 'tekst'],
    [612.5, '612.5'],
    [true, 'ja'],
    [{ date: '2026-03-01' }, '2026-03-01'],
  ] as const)('cellText(%j) = %j', (cell, text) => {
    expect(cellText(cell as ImportCell)).toBe(text);
  });

  it.each([
    ['Casussen', 'Geboortedatum', '12-04-1990', { value: '1990-04-12' }],
    ['Casussen', 'Geboortedatum', { date: '1990-04-12' }, { value: '1990-04-12' }],
    ['Casussen', 'Geboortedatum', 32975, { value: '1990-04-12' }],
    ['Casussen', 'Geboortedatum', '31-02-1990', { problem: 'Deze datum bestaat niet.' }],
    ['Casussen', 'Geboortedatum', 'gisteren', { problem: expect.stringContaining('dd-mm-jjjj') }],
    ['Casussen', 'Geboortedatum', '', { value: undefined }],
    ['Casussen', 'Doelgroep', 'beschermd wonen', { value: 'protectedHousing' }],
    ['Casussen', 'Doelgroep', 'youthCare', { value: 'youthCare' }],
    ['Casussen', 'Doelgroep', 'Dakloos', { problem: expect.stringContaining('Beschermd wonen') }],
    ['Gebruikers', 'Rol', 'Casemanager', { value: 'casemanager' }],
    ['Gebruikers', 'Rol', 'Zorgaanbieder', { value: 'provider' }],
    ['Gebruikers', 'E-mail', ' Iemand@Voorbeeld.NL ', { value: 'iemand@voorbeeld.nl' }],
    ['Gebruikers', 'E-mail', 'geen adres', { problem: 'Geen geldig e-mailadres.' }],
    ['Gebruikers', 'Naam', '=HYPERLINK("x")', { problem: expect.stringContaining('formule') }],
    ['Casussen', 'Wens gemeente (CBS-code)', 'gm0034', { value: 'GM0034' }],
    ['Casussen', 'Wens gemeente (CBS-code)', 'Lelystad', { value: 'GM0995' }],
    [
      'Casussen',
      'Wens gemeente (CBS-code)',
      'GM0150',
      { problem: expect.stringContaining('geen gemeente van uw regio') },
    ],
    [
      'Casussen',
      'Wens gemeente (CBS-code)',
      'Deventer',
      { problem: expect.stringContaining('Geen CBS-code') },
    ],
    ['Adressen', 'Gemeente (CBS-code)', 'GM0150', { value: 'GM0150' }],
    ['Adressen', 'Soort', 'Briefadres', { value: 'briefadres' }],
    ['Adressen', 'Bron', 'Verklaring bewoner', { value: 'resident' }],
    ['Contingenten', 'Jaar', 2026, { value: 2026 }],
    ['Contingenten', 'Jaar', '2026', { value: 2026 }],
    ['Contingenten', 'Aantal', '2,5', { problem: 'Geen geheel getal.' }],
  ] as const)('%s %s: %j', (sheet, name, cell, expected) => {
    expect(readCell(column(sheet, name), cell as ImportCell, municipalities)).toEqual(expected);
  });

  it.each([
    ['Maatschappelijke opvang', 'shelter'],
    ['Jongeren uit verlengde jeugdzorg', 'youthCare'],
    ['onbekend', null],
  ])('findChoice(%j)', (text, code) => {
    expect(findChoice(text, targetGroupChoices)?.code ?? null).toBe(code);
  });

  it.each([
    ['casussen', 'Casussen'],
    [' Adressen ', 'Adressen'],
    ['Blad1', null],
  ])('sheetNamed(%j) = %j', (name, sheet) => {
    expect(sheetNamed(name)).toBe(sheet);
  });
});

describe('the shape of the file', () => {
  const paths = (tables: ImportTable[]) =>
    readImportTables(tables, municipalities).issues.map((i) => i.path);

  it.each([
    [
      'a missing required column',
      [
        table(
          'Casussen',
          [aCase],
          importColumns.Casussen.map((c) => c.name).filter((n) => n !== 'Doelgroep'),
        ),
      ],
      ['Casussen.1.Doelgroep'],
    ],
    [
      'an unknown column',
      [
        table(
          'Contingenten',
          [],
          ['Corporatie', 'Gemeente (CBS-code)', 'Jaar', 'Aantal', 'Opmerking'],
        ),
      ],
      ['Contingenten.1.Opmerking'],
    ],
    [
      'a column twice',
      [table('Contingenten', [], ['Corporatie', 'Gemeente (CBS-code)', 'Jaar', 'Jaar'])],
      ['Contingenten.1.Jaar'],
    ],
    [
      'an unknown sheet with data',
      [table('Casussen', []), { name: 'Blad1', header: ['x'], rows: [] }],
      ['Blad1'],
    ],
    ['a sheet twice', [table('Casussen', []), table('Casussen', [])], ['Casussen']],
  ] as const)('%s', (_label, tables, expected) => {
    expect(paths([...tables])).toEqual(expected);
  });

  it('the allowed-values sheet and optional columns may be there or not', () => {
    expect(
      paths([
        { name: 'Toegestane waarden', header: ['Soort'], rows: [{ row: 2, cells: ['Gemeente'] }] },
        table('Contingenten', [], ['corporatie', 'GEMEENTE (CBS-CODE)', 'Jaar']),
      ]),
    ).toEqual([]);
  });

  it(`more than ${maxImportRows} rows`, () => {
    const rows = Array.from({ length: maxImportRows + 1 }, (_, i) => ({ row: i + 2, cells: [] }));
    const { issues } = readImportTables([{ ...table('Contingenten', []), rows }], municipalities);
    expect(issues).toEqual([
      {
        path: `Contingenten.${maxImportRows + 2}`,
        message: expect.stringContaining(String(maxImportRows)),
      },
    ]);
  });

  it("skips empty rows and the template's example row", () => {
    const example = Object.fromEntries(importColumns.Casussen.map((c) => [c.name, c.example]));
    const { data, issues } = readImportTables(
      [table('Casussen', [example, {}, aCase])],
      municipalities,
    );
    expect(issues).toEqual([]);
    expect(data.rowCount).toBe(1);
  });
});

describe('rows', () => {
  it('a case with its addresses, read by the column names', () => {
    const { data, issues } = readImportTables(
      [table('Casussen', [aCase]), table('Adressen', [anAddress])],
      municipalities,
    );
    expect(issues).toEqual([]);
    expect(data.cases).toEqual([
      {
        row: 2,
        externalRef: 'WL-1',
        firstName: 'Alex',
        lastName: 'Jansen',
        birthDate: '1990-04-12',
        targetGroup: 'protectedHousing',
        admissionDate: '2022-03-01',
        caseManagerEmail: 'cm@zorg.test',
        readyOn: null,
        wish: 'GM0995',
        addresses: [
          {
            row: 2,
            municipality: 'GM0150',
            kind: 'woonadres',
            from: '2004-05-01',
            to: '2022-03-01',
            source: 'brp',
          },
        ],
      },
    ]);
  });

  it.each([
    ['Casussen', { ...aCase, Voornaam: '' }, 'Casussen.2.Voornaam', 'Vul deze kolom in.'],
    [
      'Casussen',
      { ...aCase, Geboortedatum: '01-01-2999' },
      'Casussen.2.Geboortedatum',
      'De geboortedatum ligt in de toekomst.',
    ],
    [
      'Adressen',
      { ...anAddress, Tot: '01-01-2000' },
      'Adressen.2.Tot',
      'De einddatum ligt vóór de begindatum.',
    ],
    [
      'Adressen',
      { ...anAddress, 'Extern kenmerk': 'WL-2' },
      'Adressen.2.Extern kenmerk',
      expect.stringContaining('WL-2'),
    ],
    [
      'Organisaties',
      { Naam: 'Gemeente X', Soort: 'Gemeente' },
      'Organisaties.2.Gemeente (CBS-code)',
      'Kies de gemeente.',
    ],
    [
      'Organisaties',
      { Naam: 'Zorg', Soort: 'Zorgaanbieder', 'Gemeente (CBS-code)': 'GM0034' },
      'Organisaties.2.Gemeente (CBS-code)',
      'Alleen een gemeente heeft een CBS-code.',
    ],
    [
      'Gebruikers',
      { 'E-mail': 'a@b.nl', Naam: 'A', Organisatie: 'Zorg', Rol: 'Zorgaanbieder' },
      'Gebruikers.2.Naam',
      'Vul de naam in.',
    ],
    [
      'Contingenten',
      { Corporatie: 'Centrada', 'Gemeente (CBS-code)': 'GM0034', Jaar: 1999 },
      'Contingenten.2.Jaar',
      'Niet vóór 2020.',
    ],
    [
      'Woningen',
      {
        'Extern kenmerk': 'V-1',
        Corporatie: 'Centrada',
        Straat: 'Dorpsstraat',
        Huisnummer: '1',
        Postcode: '1315 AB',
        'Gemeente (CBS-code)': 'GM0034',
        Wijk: 'Centrum',
        Type: 'Studio',
        Kamers: 2,
        Huur: 500,
        'Beschikbaar vanaf': '01-03-2026',
        Huurvorm: 'Regulier',
      },
      'Woningen.2.Kamers',
      expect.stringContaining('studio'),
    ],
    [
      'Woningen',
      {
        'Extern kenmerk': 'V-1',
        Corporatie: 'Centrada',
        Straat: 'Dorpsstraat',
        Huisnummer: '1',
        Postcode: '1315',
        'Gemeente (CBS-code)': 'GM0150',
        Wijk: 'Centrum',
        Type: 'Studio',
        Kamers: 0,
        Huur: 500,
        'Beschikbaar vanaf': '01-03-2026',
        Huurvorm: 'Regulier',
      },
      'Woningen.2.Gemeente (CBS-code)',
      expect.stringContaining('regio'),
    ],
  ] as const)('%s: a bad row is refused at its column (%#)', (sheet, row, path, message) => {
    const tables = [table(sheet as ImportSheet, [row as Record<string, ImportCell>])];
    if (sheet === 'Adressen') tables.push(table('Casussen', [aCase]));
    const { issues } = readImportTables(tables, municipalities);
    expect(issues).toContainEqual({ path, message });
  });

  it.each([
    ['Casussen', [aCase, aCase], 'Casussen.3.Extern kenmerk'],
    [
      'Organisaties',
      [
        { Naam: 'Zorg', Soort: 'Zorgaanbieder' },
        { Naam: 'zorg', Soort: 'Zorgaanbieder' },
      ],
      'Organisaties.3.Naam',
    ],
    [
      'Gebruikers',
      [
        { 'E-mail': 'a@b.nl', Naam: 'Ab', Organisatie: 'Zorg', Rol: 'Zorgaanbieder' },
        { 'E-mail': 'A@B.nl', Naam: 'Ab', Organisatie: 'Zorg', Rol: 'Zorgaanbieder' },
      ],
      'Gebruikers.3.E-mail',
    ],
    [
      'Contingenten',
      [
        { Corporatie: 'C', 'Gemeente (CBS-code)': 'GM0034', Jaar: 2026 },
        { Corporatie: 'C', 'Gemeente (CBS-code)': 'Almere', Jaar: 2026, Aantal: 3 },
      ],
      'Contingenten.3.Jaar',
    ],
  ] as const)('a key twice in %s', (sheet, rows, path) => {
    const { issues } = readImportTables(
      [table(sheet, rows as unknown as Record<string, ImportCell>[])],
      municipalities,
    );
    expect(issues).toEqual([{ path, message: 'Dubbel: staat al op rij 2.' }]);
  });
});

describe('against the region', () => {
  const digestOf = (content: unknown) => JSON.stringify(content);
  const nothing: ExistingState = {
    organisations: new Map([['Centrada', { kind: 'corporation', municipalityCode: null }]]),
    users: new Map(),
    cases: new Map(),
    dwellings: new Map(),
    contingents: new Map(),
  };
  const file = () =>
    readImportTables(
      [
        table('Organisaties', [{ Naam: 'Zorg', Soort: 'Zorgaanbieder' }]),
        table('Gebruikers', [
          { 'E-mail': 'cm@zorg.test', Naam: 'Cas Man', Organisatie: 'Zorg', Rol: 'Casemanager' },
        ]),
        table('Casussen', [aCase]),
        table('Adressen', [anAddress]),
        table('Contingenten', [
          { Corporatie: 'Centrada', 'Gemeente (CBS-code)': 'GM0034', Jaar: 2026, Aantal: 3 },
        ]),
      ],
      municipalities,
    ).data;

  it('a new region: everything is created', () => {
    const planned = planImport(file(), nothing, digestOf);
    expect(
      planned.ok && planned.plan.counts.map((c) => [c.sheet, c.created, c.updated, c.unchanged]),
    ).toEqual([
      ['Organisaties', 1, 0, 0],
      ['Gebruikers', 1, 0, 0],
      ['Casussen', 1, 0, 0],
      ['Adressen', 1, 0, 0],
      ['Woningen', 0, 0, 0],
      ['Contingenten', 1, 0, 0],
    ]);
  });

  it('the same file again: everything unchanged; a changed row: updated', () => {
    const first = planImport(file(), nothing, digestOf);
    if (!first.ok) throw new Error('refused');
    const [c] = first.plan.cases;
    const after: ExistingState = {
      organisations: new Map([
        ...nothing.organisations,
        ['Zorg', { kind: 'provider', municipalityCode: null }],
      ]),
      users: new Map([
        [
          'cm@zorg.test',
          {
            displayName: 'Cas Man',
            seat: 'casemanager',
            organisationName: 'Zorg',
            isOwnRegion: true,
          },
        ],
      ]),
      cases: new Map([
        ['WL-1', { state: 'intake', digest: c!.digest, addressDigests: c!.addressDigests }],
      ]),
      dwellings: new Map(),
      contingents: new Map([['Centrada|GM0034|2026', { promised: 3 }]]),
    };
    const again = planImport(file(), after, digestOf);
    expect(again.ok && again.plan.counts.every((s) => s.created === 0 && s.updated === 0)).toBe(
      true,
    );
    const changed = file();
    changed.cases[0]!.lastName = 'Pietersen';
    changed.contingents[0]!.promised = 4;
    const updated = planImport(changed, after, digestOf);
    expect(updated.ok && updated.plan.cases[0]!.action).toBe('update');
    expect(updated.ok && updated.plan.contingents[0]!.action).toBe('update');
    const closed = planImport(
      changed,
      {
        ...after,
        cases: new Map([['WL-1', { state: 'closed', digest: c!.digest, addressDigests: [] }]]),
      },
      digestOf,
    );
    expect(closed.ok ? [] : closed.issues.map((i) => i.path)).toEqual([
      'Casussen.2.Extern kenmerk',
    ]);
  });

  it.each([
    [
      'a case manager of another region',
      {
        users: new Map([
          [
            'cm@zorg.test',
            {
              displayName: 'Cas Man',
              seat: 'casemanager' as const,
              organisationName: 'Tactus',
              isOwnRegion: false,
            },
          ],
        ]),
      },
      ['Gebruikers.2.E-mail', 'Casussen.2.Casemanager (e-mail)'],
    ],
    [
      'an organisation of another kind',
      {
        organisations: new Map([
          ...nothing.organisations,
          ['Zorg', { kind: 'corporation' as const, municipalityCode: null }],
        ]),
      },
      ['Organisaties.2.Soort', 'Gebruikers.2.Rol'],
    ],
    [
      'a user who works elsewhere',
      {
        users: new Map([
          [
            'cm@zorg.test',
            {
              displayName: 'Cas Man',
              seat: 'casemanager' as const,
              organisationName: 'Kwintes',
              isOwnRegion: true,
            },
          ],
        ]),
      },
      ['Gebruikers.2.Organisatie'],
    ],
  ])('%s is refused', (_label, change, paths) => {
    const planned = planImport(file(), { ...nothing, ...change }, digestOf);
    expect(planned.ok ? [] : planned.issues.map((i) => i.path)).toEqual(paths);
  });

  it('a corporation that is no corporation, and a case manager who is none', () => {
    const data = file();
    data.contingents[0]!.corporationName = 'Zorg';
    data.users[0]!.seat = 'provider';
    const planned = planImport(data, nothing, digestOf);
    expect(planned.ok ? [] : planned.issues.map((i) => [i.path, i.message])).toEqual([
      [
        'Casussen.2.Casemanager (e-mail)',
        'cm@zorg.test is geen casemanager maar zorgaanbieder (ambulant).',
      ],
      ['Contingenten.2.Corporatie', 'Zorg is geen woningcorporatie maar een zorgaanbieder.'],
    ]);
  });
});

import fc from 'fast-check';
import {
  decodeCsvBytes,
  decodeWindows1252,
  detectDelimiter,
  isFormulaLike,
  neutralizeCell,
  toCsv,
  toCsvField,
  type CsvCell,
  type CsvDelimiter,
} from './csv.rules';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((v) => (typeof v === 'string' ? [...Buffer.from(v, 'utf8')] : [v])),
  );

describe('isFormulaLike', () => {
  it.each([
    ['=1+1', true],
    ["=cmd|' /C calc'!A0", true],
    ['+31 6 12345678', true],
    ['-5', true],
    ['@SUM(A1:A2)', true],
    ['\tverborgen', true],
    ['\rregel', true],
    ['  =HYPERLINK("http://x")', true],
    ['\u00a0=1', true],
    ['Stationsstraat', false],
    ['12-2', false],
    ['e-mail: a@b.nl', false],
    ['', false],
    ["'=1+1", false],
    ['1=1', false],
  ])('%j → %s', (text, expected) => {
    expect(isFormulaLike(text)).toBe(expected);
  });
});

describe('the CSV writer', () => {
  it.each<[string, CsvCell, CsvDelimiter, string]>([
    ['plain text is quoted', 'Almere', ';', '"Almere"'],
    ['a quote inside is doubled', 'De "Wissel"', ';', '"De ""Wissel"""'],
    ['the delimiter inside stays inside the quotes', 'a;b', ';', '"a;b"'],
    ['a line break stays inside the quotes', 'regel 1\nregel 2', ';', '"regel 1\nregel 2"'],
    ['a formula gets an apostrophe', "=cmd|' /C calc'!A0", ';', "\"'=cmd|' /C calc'!A0\""],
    ['a plus gets an apostrophe', '+31612345678', ';', '"\'+31612345678"'],
    ['a minus in text gets an apostrophe', '-Noord', ';', '"\'-Noord"'],
    ['an at sign gets an apostrophe', '@SUM(A1)', ';', '"\'@SUM(A1)"'],
    ['a leading tab gets an apostrophe', '\t=1', ';', '"\'\t=1"'],
    ['a leading carriage return gets an apostrophe', '\r=1', ';', '"\'\r=1"'],
    [
      'a formula with a quote: apostrophe, then doubled quote',
      '=HYPERLINK("x")',
      ';',
      '"\'=HYPERLINK(""x"")"',
    ],
    ['a negative number stays a number', -5, ';', '-5'],
    ['a decimal with a comma beside ;', 612.5, ';', '612,5'],
    ['a decimal with a point beside ,', 612.5, ',', '612.5'],
    ['an integer', 3, ';', '3'],
    ['true reads ja', true, ';', 'ja'],
    ['false reads nee', false, ';', 'nee'],
    ['null is empty', null, ';', ''],
    ['undefined is empty', undefined, ';', ''],
    ['not a number is empty', Number.NaN, ';', ''],
  ])('%s', (_label, cell, delimiter, expected) => {
    expect(toCsvField(cell, delimiter)).toBe(expected);
  });

  it('writes a BOM, the header and CRLF lines', () => {
    expect(
      toCsv(
        ['naam', 'huur'],
        [
          ['Studio "Oost"', 612.5],
          ['=1+1', null],
        ],
      ),
    ).toBe('\uFEFF"naam";"huur"\r\n"Studio ""Oost""";612,5\r\n"\'=1+1";\r\n');
  });

  it('never writes a field that a spreadsheet would run: every text field starts with a quote and then no formula character', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const field = toCsvField(text);
        expect(field.startsWith('"')).toBe(true);
        expect(isFormulaLike(field.slice(1))).toBe(false);
      }),
    );
  });

  it('neutralizes idempotently in meaning: the apostrophe comes once', () => {
    expect(neutralizeCell(neutralizeCell('=1'))).toBe("'=1");
  });
});

describe('detectDelimiter', () => {
  it.each<[string, string, CsvDelimiter]>([
    ['Dutch Excel', 'straat;huisnummer;postcode\r\n', ';'],
    ['comma-separated', 'straat,huisnummer,postcode\n', ','],
    ['commas inside quotes do not count', '"straat, nr";postcode\n', ';'],
    ['only the first line counts', 'straat;postcode\na,b,c,d,e\n', ';'],
    ['a tie goes to ;', 'a;b,c\n', ';'],
    ['a single column', 'straat\n', ';'],
  ])('%s', (_label, text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('decodeCsvBytes', () => {
  it.each<[string, Uint8Array, string, 'utf-8' | 'windows-1252']>([
    ['UTF-8 without BOM', bytes('straat\nCoöperatiestraat'), 'straat\nCoöperatiestraat', 'utf-8'],
    [
      'UTF-8 with BOM (the BOM is dropped)',
      bytes(0xef, 0xbb, 0xbf, 'straat\nCoöperatiestraat'),
      'straat\nCoöperatiestraat',
      'utf-8',
    ],
    ['plain ASCII', bytes('a;b\r\n1;2'), 'a;b\r\n1;2', 'utf-8'],
    [
      'Windows-1252 from Dutch Excel (ö as F6)',
      bytes('Co', 0xf6, 'peratiestraat'),
      'Coöperatiestraat',
      'windows-1252',
    ],
    [
      'Windows-1252: the euro sign and curly quotes',
      bytes(0x80, ' 650 ', 0x93, 'x', 0x94),
      '€ 650 “x”',
      'windows-1252',
    ],
  ])('%s', (_label, input, text, encoding) => {
    expect(decodeCsvBytes(input)).toEqual({ ok: true, text, encoding });
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['an empty file', bytes(), /leeg/],
    ['UTF-16 little endian', bytes(0xff, 0xfe, 's', 0, 't', 0), /UTF-16/],
    ['UTF-16 big endian', bytes(0xfe, 0xff, 0, 's'), /UTF-16/],
    ['a BOM, then bytes that are no UTF-8', bytes(0xef, 0xbb, 0xbf, 'Co', 0xf6, 'p'), /zegt UTF-8/],
    ['UTF-8 and Windows-1252 mixed', bytes('Coöp;Co', 0xf6, 'p'), /mengt/],
    ['a byte Windows-1252 leaves undefined', bytes('a', 0xe9, 0x81), /geen van beide/],
    ['a binary file', bytes('PK', 3, 4, 20, 0, 8, 0), /regel 1 tekens die geen tekst zijn/],
    ['a NUL byte on line 2', bytes('a;b\n1', 0, ';2'), /regel 2/],
  ])('refuses %s', (_label, input, message) => {
    const decoded = decodeCsvBytes(input);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(message);
  });

  it('reads any plain ASCII text as UTF-8, unchanged', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcxyz;,"\n0123456789'.split('')) }),
        (ascii) => {
          const decoded = decodeCsvBytes(Buffer.from(ascii, 'utf8'));
          if (ascii.length === 0) expect(decoded.ok).toBe(false);
          else expect(decoded).toEqual({ ok: true, text: ascii, encoding: 'utf-8' });
        },
      ),
    );
  });

  it('decodes Windows-1252 differently from Latin-1 exactly in 0x80–0x9F', () => {
    expect(decodeWindows1252(bytes(0x80, 0x8a, 0x9f, 0xa0, 0xff))).toBe('€ŠŸ\u00a0ÿ');
    expect(decodeWindows1252(bytes(0x8d))).toBeNull();
  });
});

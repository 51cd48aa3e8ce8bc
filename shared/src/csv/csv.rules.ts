/**
 * CSV in and out, for every file the product reads or writes. Pure: no I/O, no clock.
 *
 * Out: one writer for every export, so that no export can forget the two things that make a CSV
 * safe to open in Excel: quoting, and neutralising cells that a spreadsheet would run as a formula
 * (CSV injection: `=HYPERLINK(…)`, `=cmd|' /C calc'!A0`, `+`, `-`, `@`, and a leading tab or CR).
 * In: decoding the bytes (UTF-8 with or without BOM, else Windows-1252 as Dutch Excel saves it),
 * the delimiter (`;` from Dutch Excel, `,` elsewhere), and the same formula test for cells.
 */

export type CsvDelimiter = ';' | ',';
export type CsvCell = string | number | boolean | null | undefined;
export type CsvEncoding = 'utf-8' | 'windows-1252';

/** A text a spreadsheet would evaluate: it starts with = + - @, or with a tab or carriage return. Spaces before = + - @ count too (Excel skips them). */
export function isFormulaLike(text: string): boolean {
  return /^[\t\r]/.test(text) || /^[ \u00a0]*[=+\-@]/.test(text);
}

/** A formula-like text as inert text: a leading apostrophe, which a spreadsheet shows as text and does not run. */
export function neutralizeCell(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * One field. Text is always quoted (a quote inside doubled) and neutralised. A number is written as
 * a number, with a decimal comma beside the `;` delimiter as Dutch Excel expects; a typed number is
 * never a formula, so `-5` stays `-5`. Booleans read `ja` and `nee`.
 */
export function toCsvField(cell: CsvCell, delimiter: CsvDelimiter = ';'): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'ja' : 'nee';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return '';
    const plain = String(cell);
    return delimiter === ';' ? plain.replace('.', ',') : plain;
  }
  return `"${neutralizeCell(cell).replace(/"/g, '""')}"`;
}

/**
 * A whole file: a byte-order mark (so Excel reads the accents as UTF-8), the header, one line per
 * row, CRLF line ends. The header goes through the same field writer as the rows.
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  delimiter: CsvDelimiter = ';',
): string {
  const line = (cells: readonly CsvCell[]) =>
    cells.map((cell) => toCsvField(cell, delimiter)).join(delimiter);
  return `\uFEFF${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}

/** The delimiter of a file, from its first line: whichever of `;` and `,` occurs more outside quotes (a tie goes to `;`). */
export function detectDelimiter(text: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) break;
    else if (!isQuoted && char === ';') semicolons += 1;
    else if (!isQuoted && char === ',') commas += 1;
  }
  return commas > semicolons ? ',' : ';';
}

// Windows-1252 differs from Latin-1 only in 0x80–0x9F. Written out, because Node's TextDecoder
// decodes 'windows-1252' as Latin-1 (0x80 becomes U+0080, not €). Null: a byte 1252 leaves undefined.
const windows1252High: readonly (number | null)[] = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

/** Bytes as Windows-1252 text; null when a byte has no character in that code page. */
export function decodeWindows1252(bytes: Uint8Array): string | null {
  let text = '';
  for (const byte of bytes) {
    if (byte < 0x80 || byte >= 0xa0) text += String.fromCharCode(byte);
    else {
      const code = windows1252High[byte - 0x80];
      if (code === null || code === undefined) return null;
      text += String.fromCharCode(code);
    }
  }
  return text;
}

/** Whether the bytes hold at least one well-formed multi-byte UTF-8 sequence (é as C3 A9). */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i += 1) {
    const lead = bytes[i]!;
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 0;
    if (length === 0 || i + length > bytes.length) continue;
    let isSequence = true;
    for (let k = 1; k < length; k += 1) if ((bytes[i + k]! & 0xc0) !== 0x80) isSequence = false;
    if (isSequence) return true;
  }
  return false;
}

export type DecodedCsv =
  { ok: true; text: string; encoding: CsvEncoding } | { ok: false; message: string };

const saveAsHint =
  'Sla het bestand in Excel op als “CSV UTF-8 (door komma’s gescheiden)” of als “CSV (gescheiden door lijstscheidingsteken)”.';

/**
 * The text of an uploaded CSV. UTF-8 (a BOM is dropped); bytes that are not UTF-8 are read as
 * Windows-1252, which is what Dutch Excel writes by default. Refused, with a message that says
 * what to do: an empty file, UTF-16, a file mixing both encodings (it would import garbled
 * names without anyone noticing), and bytes that are no text at all.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (bytes.length === 0) return { ok: false, message: 'Het bestand is leeg.' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      ok: false,
      message: `Het bestand is opgeslagen als UTF-16 (Unicode-tekst); dat wordt niet ingelezen. ${saveAsHint}`,
    };
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  let decoded: DecodedCsv;
  try {
    decoded = {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(body),
      encoding: 'utf-8',
    };
  } catch {
    if (hasBom)
      return {
        ok: false,
        message: `Het bestand zegt UTF-8 te zijn, maar bevat tekens die geen UTF-8 zijn. ${saveAsHint}`,
      };
    if (hasUtf8Sequence(body))
      return {
        ok: false,
        message: `Het bestand mengt twee tekensets (UTF-8 en Windows-1252); namen met accenten zouden verminkt raken. ${saveAsHint}`,
      };
    const text = decodeWindows1252(body);
    if (text === null)
      return {
        ok: false,
        message: `Het bestand bevat tekens die in geen van beide tekensets (UTF-8, Windows-1252) bestaan. ${saveAsHint}`,
      };
    decoded = { ok: true, text, encoding: 'windows-1252' };
  }
  // Control characters other than tab and line ends: a binary file, or a broken one.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.exec(decoded.text);
  if (control) {
    const line = decoded.text.slice(0, control.index).split('\n').length;
    return {
      ok: false,
      message: `Het bestand bevat op regel ${line} tekens die geen tekst zijn. Is het wel een CSV-bestand? ${saveAsHint}`,
    };
  }
  return decoded;
}

import { parse } from 'csv-parse/sync';
import { detectDelimiter, type CsvDelimiter } from '@uitstroom/shared';

/**
 * The records of a decoded CSV text, for every CSV the product reads (dwellings, the region
 * import): the delimiter found from the first line, a byte-order mark dropped, empty lines and
 * rows of only delimiters (Excel leaves them below the data) skipped, each record with the line it
 * starts on. A file that is no CSV is a Dutch message with the line where it stops making sense.
 */
export type CsvRecords =
  | { ok: true; delimiter: CsvDelimiter; records: { line: number; cells: string[] }[] }
  | { ok: false; message: string };

type CsvParseError = Error & { code?: string; lines?: number };

function describeParseError(error: CsvParseError): string {
  const where = error.lines ? ` (regel ${error.lines})` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `Een aanhalingsteken wordt geopend maar niet gesloten${where}.`;
    case 'INVALID_OPENING_QUOTE':
      return `Een aanhalingsteken staat midden in een cel${where}. Zet zo’n cel helemaal tussen aanhalingstekens, met dubbele aanhalingstekens erin.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `Na een afsluitend aanhalingsteken staat nog tekst in dezelfde cel${where}.`;
    default:
      return `Het bestand is geen geldige CSV${where}.`;
  }
}

export function readCsvRecords(text: string): CsvRecords {
  const delimiter = detectDelimiter(text);
  try {
    const parsed = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return {
      ok: true,
      delimiter,
      records: parsed
        .filter(({ record }) => record.some((cell) => cell.trim() !== ''))
        .map(({ record, info }) => ({ line: info.lines, cells: record })),
    };
  } catch (error) {
    return { ok: false, message: describeParseError(error as CsvParseError) };
  }
}

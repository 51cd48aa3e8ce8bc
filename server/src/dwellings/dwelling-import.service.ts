import type { DataSource } from 'typeorm';
import {
  AppError,
  addressKey,
  decodeCsvBytes,
  dwellingImportContentTypes,
  findRepeatedAddresses,
  matchDwellingHeader,
  maxDwellingImportRows,
  readDwellingRow,
  type DwellingImportIssue,
  type DwellingImportReport,
  type DwellingImportResult,
  type DwellingInput,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { isUniqueViolation } from '../core/db';
import { readCsvRecords } from '../core/csv-records';
import { writeAudit } from '../core/audit-writer';
import { getCurrentRuleSet } from '../regions';
import { assertCanOnDwelling } from './dwellings.policy';
import * as repository from './dwellings.repository';

/**
 * A CSV of dwellings, all or nothing. The file is decoded (UTF-8, else Windows-1252), its
 * delimiter found, its header checked whole (a missing or unknown column refuses the file before
 * any row is read), then every row is read with the form's own schema. One bad row refuses the
 * whole file with a report per row (row, column, reason) and nothing is written; a good file is
 * written in one statement inside one transaction. "Nothing half-imported": a corporation that
 * fixes row 17 and sends the file again gets no doubles of rows 1–16.
 */

/** Enough to find the pattern in a broken file; the count says how many more there are. */
const maxReportedProblems = 500;

function refuse(
  message: string,
  report: Partial<DwellingImportReport> = {},
  issues: { path: string; message: string }[] = [],
): never {
  throw new AppError(
    'VALIDATION_FAILED',
    message,
    issues.length ? issues : [{ path: 'body', message }],
    {
      rowCount: 0,
      problemCount: issues.length,
      problems: [],
      missingColumns: [],
      unknownColumns: [],
      ...report,
    } satisfies DwellingImportReport,
  );
}

export function checkImportContentType(mediaType: string | undefined): void {
  if (
    mediaType !== undefined &&
    !(dwellingImportContentTypes as readonly string[]).includes(mediaType)
  ) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Stuur een CSV-bestand (text/csv).', [
      { path: 'contentType', message: 'Alleen een CSV-bestand.' },
    ]);
  }
}

export async function importDwellings(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  mediaType: string | undefined,
  content: Buffer,
): Promise<DwellingImportResult> {
  // Every imported dwelling is the actor's organisation's own.
  assertCanOnDwelling(actor, 'write', { organisation_id: actor.organisationId });
  checkImportContentType(mediaType);
  const decoded = decodeCsvBytes(content);
  if (!decoded.ok) refuse(decoded.message);
  const parsed = readCsvRecords(decoded.text);
  if (!parsed.ok) refuse(parsed.message);
  const { delimiter } = parsed;
  const [header, ...rows] = parsed.records.map((r) => r.cells);
  if (!header) refuse('Het bestand is leeg.');
  const match = matchDwellingHeader(header);
  if (!match.ok) {
    const parts = [
      match.missing.length ? `ontbrekende kolommen: ${match.missing.join(', ')}` : '',
      match.unknown.length ? `onbekende kolommen: ${match.unknown.join(', ')}` : '',
      match.duplicate.length ? `dubbele kolommen: ${match.duplicate.join(', ')}` : '',
    ].filter(Boolean);
    refuse(
      `De kop van het bestand klopt niet (${parts.join('; ')}). Er is niets ingelezen.`,
      {
        rowCount: rows.length,
        missingColumns: match.missing,
        unknownColumns: [...match.unknown, ...match.duplicate],
      },
      [
        ...match.missing.map((column) => ({
          path: `columns.${column}`,
          message: `De kolom “${column}” ontbreekt.`,
        })),
        ...match.unknown.map((column) => ({
          path: `columns.${column}`,
          message: `De kolom “${column}” is onbekend.`,
        })),
        ...match.duplicate.map((column) => ({
          path: `columns.${column}`,
          message: `De kolom “${column}” staat er twee keer in.`,
        })),
      ],
    );
  }
  if (rows.length === 0) refuse('Het bestand bevat alleen een kop, geen woningen.');
  if (rows.length > maxDwellingImportRows)
    refuse(
      `Hoogstens ${maxDwellingImportRows} woningen per bestand; dit bestand heeft er ${rows.length}. Splits het bestand.`,
      { rowCount: rows.length },
    );

  const municipalities = (await getCurrentRuleSet(db, actor.regionId))?.config.municipalities ?? [];
  const problems: DwellingImportIssue[] = [];
  const dwellings: (DwellingInput | null)[] = rows.map((cells, index) => {
    // Rows are numbered as a spreadsheet shows them: the header is row 1.
    const row = index + 2;
    if (
      cells.length > header.length &&
      cells.slice(header.length).some((cell) => cell.trim() !== '')
    ) {
      problems.push({
        row,
        column: 'rij',
        message: `Deze rij heeft ${cells.length} cellen, de kop ${header.length}.`,
      });
      return null;
    }
    const result = readDwellingRow(cells, match.indexOf, municipalities);
    if (!result.ok) {
      for (const problem of result.problems) problems.push({ row, ...problem });
      return null;
    }
    return result.dwelling;
  });

  return db.transaction(async (tx) => {
    // One import or registration of this corporation at a time: the address check below and the
    // insert then see the same dwellings.
    await repository.lockOrganisationForDwellings(tx, actor.organisationId);
    const read = dwellings.flatMap((d, index) => (d ? [{ d, index }] : []));
    const repeated = findRepeatedAddresses(read.map((r) => r.d));
    for (const [position, first] of repeated) {
      problems.push({
        row: read[position]!.index + 2,
        column: 'huisnummer',
        message: `Dit adres staat al op rij ${read[first]!.index + 2} van dit bestand.`,
      });
    }
    const taken = await repository.findTakenAddressKeys(
      tx,
      actor.organisationId,
      read.map((r) => addressKey(r.d)),
    );
    for (const { d, index } of read) {
      if (taken.has(addressKey(d)))
        problems.push({
          row: index + 2,
          column: 'huisnummer',
          message: 'U heeft al een woning op dit adres (postcode en huisnummer).',
        });
    }
    if (problems.length) {
      problems.sort((a, b) => a.row - b.row);
      const badRows = new Set(problems.map((p) => p.row)).size;
      refuse(
        `Het bestand is niet ingelezen: ${problems.length === 1 ? '1 probleem' : `${problems.length} problemen`} in ${badRows === 1 ? '1 rij' : `${badRows} rijen`}. Er is niets opgeslagen; verbeter het bestand en lees het opnieuw in.`,
        {
          rowCount: rows.length,
          problemCount: problems.length,
          problems: problems.slice(0, maxReportedProblems),
        },
        problems
          .slice(0, maxReportedProblems)
          .map((p) => ({ path: `rows.${p.row}.${p.column}`, message: p.message })),
      );
    }
    const inserted = await repository
      .insertDwellings(
        tx,
        actor,
        read.map((r) => r.d),
      )
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'dwelling_one_address_per_corporation'))
          throw new AppError(
            'DUPLICATE_ADDRESS',
            'Een van deze adressen is intussen al als woning geregistreerd. Er is niets ingelezen; probeer het opnieuw.',
          );
        throw error;
      });
    await writeAudit(tx, context, {
      action: 'dwelling.import',
      objectType: 'dwelling',
      purpose: 'administration',
      outcome: 'success',
      details: { count: inserted, encoding: decoded.encoding, delimiter },
    });
    return { imported: inserted, encoding: decoded.encoding, delimiter };
  });
}

import type { DataSource, EntityManager } from 'typeorm';
import {
  auditObjectTypeLabel,
  auditOutcomeLabel,
  caseAccessLogSchema,
  caseExportSchema,
  describeAction,
  describeFields,
  describePurpose,
  describeStaffForResident,
  dutchToday,
  formatDutchDate,
  formatDutchInteger,
  residentRoleLabel,
  seatLabel,
  type AuditSearchFilter,
  type AuditSearchQuery,
  type AuditSearchResult,
  type AuditSearchRow,
  type CaseAccessLog,
  type CaseExport,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { ownCaseFile, requireOwnCaseRef } from '../cases';
import { writeAudit } from '../core/audit-writer';
import { renderExport } from '../core/export-file';
import type { DownloadFile } from '../core/http/download';
import * as repository from './audit.repository';
import type { AuditLogRow } from './audit.repository';

function toCaseLogEntry(row: AuditLogRow) {
  return {
    at: row.at,
    action: row.action,
    actionLabel: describeAction(row.action, row.details),
    fields: describeFields(row.fields),
    purpose: describePurpose(row),
    actor: row.actorOrganisationName
      ? {
          name: row.actorName ?? 'Onbekend',
          organisationName: row.actorOrganisationName,
          seat: row.actorSeat,
          seatLabel: row.actorSeat ? seatLabel[row.actorSeat] : '',
        }
      : null,
    outcome: row.outcome,
    outcomeLabel: auditOutcomeLabel[row.outcome],
  };
}

/** Who read or changed what of one case, when and why: for its own case manager. Reading it is logged too. */
export async function getCaseAccessLog(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
): Promise<CaseAccessLog> {
  return db.transaction(async (tx) => {
    const log = await readCaseAccessLog(tx, actor, caseId);
    await auditAccessLogRead(tx, context, log, 'case.accessLog.read');
    return log;
  });
}

/** Reading a case's log is logged on the case itself: the resident's log shows who looked at it. */
async function auditAccessLogRead(
  tx: EntityManager,
  context: RequestContext,
  log: CaseAccessLog,
  action: 'case.accessLog.read' | 'case.accessLog.export',
): Promise<void> {
  await writeAudit(tx, context, {
    action,
    objectType: 'case',
    objectId: log.caseId,
    subjectPseudonym: log.pseudonym,
    purpose: 'accountability',
    outcome: 'success',
    fields: ['accessLog'],
    details: {
      ...(action === 'case.accessLog.export' ? { format: 'xlsx' } : {}),
      count: log.entries.length,
    },
  });
}

async function readCaseAccessLog(
  tx: EntityManager,
  actor: Actor,
  caseId: string,
): Promise<CaseAccessLog> {
  const own = await requireOwnCaseRef(tx, actor, caseId, 'readAccessLog');
  const rows = await repository.findRowsOfSubject(tx, own.pseudonym);
  return caseAccessLogSchema.parse({
    caseId: own.id,
    pseudonym: own.pseudonym,
    entries: rows.map(toCaseLogEntry),
  });
}

/**
 * The access log of one case as a workbook, for its own case manager (to answer a resident, a
 * complaint): the same rows as the page, newest first. Logged on the case, as an export.
 */
export async function exportCaseAccessLog(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
): Promise<DownloadFile> {
  return db.transaction(async (tx) => {
    const log = await readCaseAccessLog(tx, actor, caseId);
    await auditAccessLogRead(tx, context, log, 'case.accessLog.export');
    return renderExport('xlsx', `logboek-${log.pseudonym}-${dutchToday()}`, {
      sheetName: `Logboek ${log.pseudonym}`,
      title: { subject: `Logboek van de casus ${log.pseudonym}`, filters: [], madeAt: new Date() },
      table: {
        columns: [
          { header: 'wanneer', type: 'moment' },
          { header: 'wie', type: 'text' },
          { header: 'rol', type: 'text' },
          { header: 'organisatie', type: 'text' },
          { header: 'wat', type: 'text' },
          { header: 'onderdelen', type: 'text' },
          { header: 'doel', type: 'text' },
          { header: 'uitkomst', type: 'text' },
        ],
        rows: log.entries.map((entry) => [
          entry.at,
          entry.actor?.name ?? 'Het systeem',
          entry.actor?.seatLabel,
          entry.actor?.organisationName,
          entry.actionLabel,
          entry.fields.join(', '),
          entry.purpose,
          entry.outcomeLabel,
        ]),
      },
    });
  });
}

/**
 * The resident's right of access (AVG art. 15): the file as the case manager sees it, the consents,
 * the documents and the access log. Staff appear by organisation and role, never by name: the
 * resident is owed the recipients, not the people who work there. The schema parse drops anything
 * the export does not list (the workflow's internals, a witness's or a recorder's name).
 */
export async function exportCase(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
): Promise<CaseExport> {
  return db.transaction(async (tx) => {
    const file = await ownCaseFile(tx, actor, caseId, 'exportFile');
    const documents = await repository.findDocumentsOfCase(tx, file.id);
    const rows = await repository.findRowsOfSubject(tx, file.pseudonym);
    await writeAudit(tx, context, {
      action: 'case.export',
      objectType: 'case',
      objectId: file.id,
      subjectPseudonym: file.pseudonym,
      purpose: 'export',
      outcome: 'success',
      fields: [...Object.keys(file.view), 'consents', 'documents', 'accessLog'],
    });
    const { owner, ...view } = file.view;
    return caseExportSchema.parse({
      generatedAt: new Date().toISOString(),
      pseudonym: file.pseudonym,
      caseFile: {
        ...view,
        ...(owner
          ? {
              owner: {
                organisationName: owner.organisationName,
                role: residentRoleLabel.casemanager,
              },
            }
          : {}),
      },
      consents: file.consents.map((c) => ({ ...c, organisationName: c.organisation.name })),
      documents,
      accessLog: rows.map((row) => ({
        at: row.at,
        actionLabel: describeAction(row.action, row.details),
        fields: describeFields(row.fields),
        purpose: describePurpose(row),
        by: describeStaffForResident(row.actorOrganisationName, row.actorSeat),
        organisationName: row.actorOrganisationName,
        role: row.actorSeat ? residentRoleLabel[row.actorSeat] : null,
        outcomeLabel: auditOutcomeLabel[row.outcome],
      })),
    } satisfies Record<keyof CaseExport, unknown>);
  });
}

/** The case a search is about, as the log names a resident: by pseudonym, only of the region. */
async function subjectOfSearch(
  tx: EntityManager,
  actor: Actor,
  query: AuditSearchFilter,
): Promise<string | null> {
  const pseudonym = query.caseId
    ? await repository.findPseudonymInRegion(tx, actor.regionId, query.caseId)
    : null;
  return (
    pseudonym ??
    (query.pseudonym && (await repository.isPseudonymInRegion(tx, actor.regionId, query.pseudonym))
      ? query.pseudonym
      : null)
  );
}

function toSearchRow(row: AuditLogRow): AuditSearchRow {
  return {
    id: row.id,
    at: row.at,
    actor: {
      userId: row.actorUserId,
      name: row.actorName,
      organisationId: row.actorOrganisationId,
      organisationName: row.actorOrganisationName,
      seat: row.actorSeat,
      seatLabel: row.actorSeat ? seatLabel[row.actorSeat] : null,
    },
    action: row.action,
    actionLabel: describeAction(row.action, row.details),
    objectType: row.objectType,
    objectId: row.objectId,
    subjectPseudonym: row.subjectPseudonym,
    fields: row.fields,
    purpose: row.purpose,
    purposeLabel: describePurpose(row),
    outcome: row.outcome,
    clientAddress: row.clientAddress,
    requestId: row.requestId,
  };
}

/**
 * The privacy officer's search of the region's audit log: who did what, to which object, when,
 * from where. Never the content of a case: the rows carry field names, not values, and of the
 * details only what describes the row. The search itself is logged; when it is about one case of
 * the region, on that case, so the resident's log shows that the privacy officer looked.
 */
export async function searchAuditLog(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  query: AuditSearchQuery,
): Promise<AuditSearchResult> {
  return db.transaction(async (tx) => {
    const { rows, total } = await repository.searchRegionLog(tx, actor, query);
    await writeAudit(tx, context, {
      action: 'audit.search',
      objectType: 'audit_log',
      subjectPseudonym: await subjectOfSearch(tx, actor, query),
      purpose: 'accountability',
      outcome: 'success',
      // What the search reads is the log itself: who acted, from where; never the case.
      fields: ['accessLog'],
      details: { query, total },
    });
    return {
      items: rows.map(toSearchRow),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

/** An export of the search holds every row it finds, newest first, up to this many. */
export const maxAuditExportRows = 10_000;

/** The search's filters, worded for the title row of its export. */
function describeSearch(
  query: AuditSearchFilter,
  names: { userName: string | null; organisationName: string | null },
): string[] {
  return [
    ...(query.caseId ? [`casus ${query.caseId}`] : []),
    ...(query.pseudonym ? [`casus ${query.pseudonym}`] : []),
    ...(query.userId ? [`gebruiker ${names.userName ?? query.userId}`] : []),
    ...(query.organisationId
      ? [`organisatie ${names.organisationName ?? query.organisationId}`]
      : []),
    ...(query.from && !query.to ? [`vanaf ${formatDutchDate(query.from)}`] : []),
    ...(query.to && !query.from ? [`tot en met ${formatDutchDate(query.to)}`] : []),
    ...(query.action ? [`handeling ${describeAction(query.action)}`] : []),
  ];
}

/**
 * The search as a workbook: every row the filters find (not only the page), with the same columns
 * as the page and the stored names beside the Dutch ones. Logged as the search is, as an export.
 */
export async function exportAuditSearch(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  query: AuditSearchFilter,
): Promise<DownloadFile> {
  return db.transaction(async (tx) => {
    const { rows, total } = await repository.searchRegionLog(tx, actor, {
      ...query,
      page: 1,
      pageSize: maxAuditExportRows,
    });
    await writeAudit(tx, context, {
      action: 'audit.export',
      objectType: 'audit_log',
      subjectPseudonym: await subjectOfSearch(tx, actor, query),
      purpose: 'accountability',
      outcome: 'success',
      fields: ['accessLog'],
      details: { format: 'xlsx', query, total, count: rows.length },
    });
    const items = rows.map(toSearchRow);
    const names = await repository.findFilterNames(tx, actor.regionId, query);
    const count =
      total > items.length
        ? `de nieuwste ${formatDutchInteger(items.length)} van ${formatDutchInteger(total)} regels`
        : total === 1
          ? '1 regel'
          : `${formatDutchInteger(total)} regels`;
    return renderExport('xlsx', `auditlog-${dutchToday()}`, {
      sheetName: 'Auditlog',
      title: {
        subject: `Auditlog van regio ${names.regionName} (${count})`,
        period: query.from && query.to ? { from: query.from, to: query.to } : null,
        filters: describeSearch(query, names),
        madeAt: new Date(),
      },
      table: {
        columns: [
          { header: 'tijdstip', type: 'moment' },
          { header: 'naam', type: 'text' },
          { header: 'rol', type: 'text' },
          { header: 'organisatie', type: 'text' },
          { header: 'handeling', type: 'text' },
          { header: 'handeling (code)', type: 'text' },
          { header: 'object', type: 'text' },
          { header: 'kenmerk', type: 'text' },
          { header: 'object-id', type: 'text' },
          { header: 'onderdelen', type: 'text' },
          { header: 'velden', type: 'text' },
          { header: 'doel', type: 'text' },
          { header: 'uitkomst', type: 'text' },
          { header: 'herkomst (IP-adres)', type: 'text' },
          { header: 'verzoek-id', type: 'text' },
        ],
        rows: items.map((row) => [
          row.at,
          row.actor.name ?? 'Niet ingelogd',
          row.actor.seatLabel,
          row.actor.organisationName,
          row.actionLabel,
          row.action,
          auditObjectTypeLabel[row.objectType] ?? row.objectType,
          row.subjectPseudonym,
          row.objectId,
          describeFields(row.fields).join(', '),
          row.fields.join(', '),
          row.purposeLabel,
          auditOutcomeLabel[row.outcome],
          row.clientAddress,
          row.requestId,
        ]),
      },
    });
  });
}

import type { DataSource } from 'typeorm';
import {
  auditOutcomeLabel,
  caseAccessLogSchema,
  caseExportSchema,
  describeAction,
  describeFields,
  describePurpose,
  describeStaffForResident,
  residentRoleLabel,
  seatLabel,
  type AuditSearchQuery,
  type AuditSearchResult,
  type CaseAccessLog,
  type CaseExport,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { ownCaseFile, requireOwnCaseRef } from '../cases';
import { writeAudit } from '../core/audit-writer';
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
    const own = await requireOwnCaseRef(tx, actor, caseId, 'readAccessLog');
    const rows = await repository.findRowsOfSubject(tx, own.pseudonym);
    await writeAudit(tx, context, {
      action: 'case.accessLog.read',
      objectType: 'case',
      objectId: own.id,
      subjectPseudonym: own.pseudonym,
      purpose: 'accountability',
      outcome: 'success',
      fields: ['accessLog'],
      details: { count: rows.length },
    });
    return caseAccessLogSchema.parse({
      caseId: own.id,
      pseudonym: own.pseudonym,
      entries: rows.map(toCaseLogEntry),
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
    const pseudonym = query.caseId
      ? await repository.findPseudonymInRegion(tx, actor.regionId, query.caseId)
      : null;
    const subject =
      pseudonym ??
      (query.pseudonym &&
      (await repository.isPseudonymInRegion(tx, actor.regionId, query.pseudonym))
        ? query.pseudonym
        : null);
    await writeAudit(tx, context, {
      action: 'audit.search',
      objectType: 'audit_log',
      subjectPseudonym: subject,
      purpose: 'accountability',
      outcome: 'success',
      // What the search reads is the log itself: who acted, from where; never the case.
      fields: ['accessLog'],
      details: { query, total },
    });
    return {
      items: rows.map((row) => ({
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
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  });
}

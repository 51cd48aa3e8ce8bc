import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  AppError,
  addressDigestContent,
  addressKey,
  maxImportBytes,
  planImport,
  readImportTables,
  type CaseAddress,
  type CaseDraft,
  type ImportIssue,
  type ImportPlan,
  type ImportReport,
  type PlannedCase,
  type RuleSet,
} from '@uitstroom/shared';
import type { AppConfig } from '../core/config';
import { sendAfterCommit, type Mail, type Mailer } from '../core/mailer';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudits, type AuditRecord } from '../core/audit-writer';
import { isUniqueViolation } from '../core/db';
import type { UploadedFile } from '../core/http/multipart';
import { getCurrentRuleSet } from '../regions';
import { writeImportedPeople } from '../users';
import {
  insertImportedCases,
  prepareCaseWrites,
  updateImportedCases,
  type ImportedCaseWrite,
} from '../cases';
import { upsertImportedContingents, writeImportedDwellings } from '../dwellings';
import { importRegionOf } from './import.policy';
import * as repository from './import.repository';
import { buildTemplate, FileRefused, readUpload } from './workbook';

/**
 * Bringing a region in (issue 28): all or nothing. The file is read and every row checked on its
 * own, then against the region (names, e-mails, references, what exists already), inside one
 * transaction under the region's import lock; only when nothing is wrong does anything get
 * written, set-based (a statement per kind of record, never one per row). A dry run stops before
 * the writes and answers the same report.
 */

export interface ImportServices {
  config: AppConfig;
  mailer: Mailer;
  /** Where the invitation links point (PUBLIC_URL, or this server). */
  baseUrl: string;
}

const digestOf = (content: unknown) =>
  createHash('sha256').update(JSON.stringify(content)).digest('hex');

async function requireRuleSet(db: EntityManager, regionId: string): Promise<RuleSet> {
  const ruleSet = await getCurrentRuleSet(db, regionId);
  if (!ruleSet)
    throw new AppError(
      'RULE_SET_MISSING',
      'Uw regio heeft nog geen regelset; stel eerst de gemeenten en regels van de regio in.',
    );
  return ruleSet;
}

export async function downloadTemplate(db: DataSource, actor: Actor): Promise<Buffer> {
  const regionId = importRegionOf(actor);
  const ruleSet = await requireRuleSet(db.manager, regionId);
  return buildTemplate(ruleSet.config.municipalities);
}

export async function importFile(
  db: DataSource,
  services: ImportServices,
  context: RequestContext,
  actor: Actor,
  files: readonly UploadedFile[],
  options: { isDryRun: boolean },
): Promise<ImportReport> {
  const regionId = importRegionOf(actor);
  const tooLarge = files.find((f) => f.content.length > maxImportBytes);
  if (tooLarge)
    throw new FileRefused([{ path: 'file', message: fileTooLargeMessage }], fileTooLargeMessage);
  const fileName = files.map((f) => f.name).join(', ');
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.content);
  const sha256 = hash.digest('hex');

  const tables = await readUpload(files);
  const ruleSet = await requireRuleSet(db.manager, regionId);
  const { data, issues } = readImportTables(tables, ruleSet.config.municipalities);
  if (issues.length) throw new FileRefused(issues);
  if (data.rowCount === 0)
    throw new FileRefused(
      [{ path: 'file', message: 'Het bestand bevat geen rijen om in te lezen.' }],
      'Het bestand bevat geen rijen om in te lezen.',
    );

  let mails: Mail[] = [];
  const report = await db.transaction(async (tx) => {
    await repository.lockRegionImport(tx, regionId);
    const existing = await repository.loadExisting(tx, regionId, data);
    const planned = planImport(data, existing, digestOf);
    if (!planned.ok) throw new FileRefused(planned.issues);
    const addressIssues = takenAddressIssues(planned.plan, existing.takenAddresses);
    if (addressIssues.length) throw new FileRefused(addressIssues);
    const counted: ImportReport = {
      isDryRun: options.isDryRun,
      fileName,
      sha256,
      sheets: planned.plan.counts,
      invitations: planned.plan.users.filter((u) => u.action === 'create').length,
    };
    if (options.isDryRun) return counted;
    mails = await writePlan(tx, services, context, actor, ruleSet, planned.plan, existing, {
      fileName,
      sha256,
    }).catch(refuseRaces);
    return counted;
  });
  // Invitations go out after commit: a refused or rolled-back import invites nobody.
  for (const mail of mails) await sendAfterCommit(services.mailer, mail);
  return report;
}

export const fileTooLargeMessage = `Het bestand is groter dan ${maxImportBytes / 1024 / 1024} MB; splits het in kleinere bestanden.`;

/** A dwelling of the file on an address its corporation already has (registered by hand or under another reference). */
function takenAddressIssues(
  plan: ImportPlan,
  taken: ReadonlyMap<string, string | null>,
): ImportIssue[] {
  return plan.dwellings.flatMap((d) => {
    if (d.action === 'unchanged') return [];
    const owner = taken.get(`${d.corporationName}|${addressKey(d.dwelling)}`);
    return owner === undefined || owner === d.externalRef
      ? []
      : [
          {
            path: `Woningen.${d.row}.Huisnummer`,
            message: `${d.corporationName} heeft al een woning op dit adres (postcode en huisnummer)${owner ? ` onder kenmerk ${owner}` : ''}.`,
          },
        ];
  });
}

/** Another import or a hand-made record took a key between the check and the write: nothing is saved. */
const importedKeys = [
  'organisation_region_id_name_key',
  'app_user_email_key',
  'case_file_external_ref_key',
  'dwelling_external_ref_key',
  'dwelling_one_address_per_corporation',
  'contingent_one_per_year',
];

function refuseRaces(error: unknown): never {
  if (importedKeys.some((key) => isUniqueViolation(error, key)))
    throw new AppError(
      'VALIDATION_FAILED',
      'Intussen is een van deze organisaties, gebruikers, casussen of woningen al vastgelegd. Er is niets opgeslagen; lees het bestand opnieuw in.',
      [{ path: 'file', message: 'Lees het bestand opnieuw in.' }],
    );
  throw error;
}

async function writePlan(
  tx: EntityManager,
  services: ImportServices,
  context: RequestContext,
  actor: Actor,
  ruleSet: RuleSet,
  plan: ImportPlan,
  existing: repository.ExistingRecords,
  file: { fileName: string; sha256: string },
): Promise<Mail[]> {
  const changed = <T extends { action: string }>(rows: readonly T[]) =>
    rows.filter((r) => r.action !== 'unchanged');
  const people = await writeImportedPeople(tx, services.config, actor, services.baseUrl, {
    organisations: changed(plan.organisations).map((o) => ({ ...o, isNew: o.action === 'create' })),
    users: changed(plan.users).map((u) => ({ ...u, isNew: u.action === 'create' })),
  });
  const cases = await writeCases(tx, actor, ruleSet, plan, existing);
  await writeImportedDwellings(
    tx,
    actor,
    changed(plan.dwellings).map((d) => ({
      id: existing.dwellingIds.get(d.externalRef) ?? null,
      organisationId: people.organisationIds.get(d.corporationName)!,
      externalRef: d.externalRef,
      digest: d.digest,
      input: d.dwelling,
    })),
  );
  await upsertImportedContingents(
    tx,
    actor,
    changed(plan.contingents).map((c) => ({
      organisationId: people.organisationIds.get(c.corporationName)!,
      municipalityCode: c.municipalityCode,
      year: c.year,
      promised: c.promised,
    })),
  );
  const details = (sheet: string, row: number, action: string) => ({
    fileName: file.fileName,
    sha256: file.sha256,
    sheet,
    row,
    change: action === 'create' ? 'created' : 'updated',
  });
  const records: AuditRecord[] = [
    ...cases.map((c) => ({
      action: 'import' as const,
      objectType: 'case',
      objectId: c.id,
      subjectPseudonym: c.pseudonym,
      fields: ['identity', 'stay', 'addresses', 'wishes'],
      purpose: 'administration' as const,
      outcome: 'success' as const,
      details: details('Casussen', c.row, c.isNew ? 'create' : 'update'),
    })),
    ...changed(plan.users).map((u) => ({
      action: 'import' as const,
      objectType: 'user',
      objectId: people.userIds.get(u.email)!,
      fields: ['email', 'displayName', 'seat'],
      purpose: 'administration' as const,
      outcome: 'success' as const,
      details: details('Gebruikers', u.row, u.action),
    })),
    {
      action: 'import',
      objectType: 'import',
      purpose: 'administration',
      outcome: 'success',
      details: { fileName: file.fileName, sha256: file.sha256, sheets: plan.counts },
    },
  ];
  await writeAudits(tx, context, records);
  return people.mails;
}

/** The sections an import gives a new case: what the file says, nothing else. */
function newSections(c: PlannedCase): CaseDraft {
  return {
    identity: {
      firstName: c.firstName,
      lastName: c.lastName,
      ...(c.birthDate ? { birthDate: c.birthDate } : {}),
    },
    stay: { targetGroup: c.targetGroup, admissionDate: c.admissionDate },
    addresses: c.addresses.map(withoutRow),
    ...(c.wish ? { wishes: { municipalities: [c.wish] } } : {}),
  };
}

const withoutRow = ({ row: _row, ...address }: CaseAddress & { row: number }): CaseAddress =>
  address;

/**
 * The sections of a case the import wrote before, with what it owns replaced: names and birth
 * date, target group and admission date, the first wish, and the addresses it brought (the ones
 * typed in since stay).
 */
function mergedSections(
  current: CaseDraft,
  c: PlannedCase,
  importedBefore: Set<string>,
): CaseDraft {
  const { birthDate: _birthDate, ...identity } = current.identity ?? {
    firstName: '',
    lastName: '',
  };
  const otherWishes = (current.wishes?.municipalities ?? []).filter((m) => m !== c.wish);
  const typedIn = (current.addresses ?? []).filter(
    (a) => !importedBefore.has(digestOf(addressDigestContent(a))),
  );
  return {
    ...current,
    identity: {
      ...identity,
      firstName: c.firstName,
      lastName: c.lastName,
      ...(c.birthDate ? { birthDate: c.birthDate } : {}),
    },
    stay: { ...current.stay, targetGroup: c.targetGroup, admissionDate: c.admissionDate },
    addresses: c.hasNewAddresses
      ? [...typedIn, ...c.addresses.map(withoutRow)].slice(0, 50)
      : current.addresses,
    ...(c.wish
      ? { wishes: { ...current.wishes, municipalities: [c.wish, ...otherWishes].slice(0, 5) } }
      : {}),
  };
}

async function writeCases(
  tx: EntityManager,
  actor: Actor,
  ruleSet: RuleSet,
  plan: ImportPlan,
  existing: repository.ExistingRecords,
): Promise<{ id: string; pseudonym: string; row: number; isNew: boolean }[]> {
  const changed = plan.cases.filter((c) => c.action !== 'unchanged' || c.hasNewAddresses);
  const managers = await repository.caseManagersByEmail(
    tx,
    actor.regionId,
    changed.map((c) => c.caseManagerEmail),
  );
  const drafts = changed.map((c) => {
    const current = existing.caseRecords.get(c.externalRef);
    const before = new Set(existing.cases.get(c.externalRef)?.addressDigests ?? []);
    return current ? mergedSections(current.sections, c, before) : newSections(c);
  });
  const writes = await prepareCaseWrites(tx, actor.regionId, drafts, ruleSet);
  const rows: ImportedCaseWrite[] = changed.map((c, index) => ({
    id: existing.caseRecords.get(c.externalRef)?.id,
    ownerUserId: managers.get(c.caseManagerEmail)!.userId,
    ownerOrganisationId: managers.get(c.caseManagerEmail)!.organisationId,
    externalRef: c.externalRef,
    readyOn: c.readyOn,
    digest: c.digest,
    addressDigests: c.addressDigests,
    write: writes[index]!,
  }));
  const inserted = await insertImportedCases(
    tx,
    actor.regionId,
    actor.userId,
    rows.filter((r) => !r.id),
  );
  await updateImportedCases(
    tx,
    rows.filter((r): r is ImportedCaseWrite & { id: string } => r.id !== undefined),
  );
  let next = 0;
  return changed.map((c) => {
    const current = existing.caseRecords.get(c.externalRef);
    const record = current ?? inserted[next++]!;
    return { id: record.id, pseudonym: record.pseudonym, row: c.row, isNew: !current };
  });
}

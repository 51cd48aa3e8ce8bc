import type { DataSource, EntityManager } from 'typeorm';
import {
  dutchToday,
  waitingOf,
  AppError,
  agreementPeriodOn,
  type CaseOutcome,
  type CaseState,
  type TransitionFacts,
  type TransitionName,
  allowedTransitions,
  checkCorrection,
  checkTransition,
  stepToCorrect,
  transitions,
  consentedCategories,
  isConsentActive,
  isExpiringSoon,
  isStalled,
  missingForReady,
  nextReadyAt,
  toProposalInput,
  validateAndPropose,
  type CaseDraft,
  type CaseList,
  type CaseListFilter,
  type CaseListItem,
  type CaseListQuery,
  type CaseSections,
  type CaseTransitionRequest,
  type CaseView,
  type Consent,
  type CreateCase,
  type RecordConsent,
  type RuleSet,
  type Seat,
  partnerEventOfTransition,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { renderExport } from '../core/export-file';
import type { DownloadFile } from '../core/http/download';
import { recordPartnerEvent } from '../core/partner-events';
import { publishAfterCommit } from '../core/live-events';
import { getCurrentRuleSet, countOpenAllocations, municipalityNamer } from '../regions';
import {
  assertCanOnCase,
  assertCanOnConsent,
  assertSectionsWritable,
  stepRefusal,
  transitionRefusal,
  type CaseAction,
  type ConsentAction,
} from './cases.policy';
import {
  readableFields,
  toCaseView,
  type ProjectedCaseView,
  type Recipient,
} from './cases.projection';
import * as consentRepository from './consent.repository';
import { caseListSheet, maxCaseListExportRows } from './cases.export';
import type { ConsentRow } from './consent.repository';
import * as repository from './cases.repository';
import type { CaseRow, CaseWrite } from './cases.repository';

const purpose = 'case_coordination' as const;

function today(): string {
  return dutchToday();
}

async function requireRuleSet(db: EntityManager, regionId: string): Promise<RuleSet> {
  const ruleSet = await getCurrentRuleSet(db, regionId);
  if (!ruleSet)
    throw new AppError(
      'RULE_SET_MISSING',
      'Uw regio heeft nog geen regelset; vraag de regio-beheerder die in te stellen.',
    );
  return ruleSet;
}

/**
 * The engine's proposal for the file as it stands, with the counts of the current agreement
 * period's ledger. A file that cannot be proposed for yet (no admission date, or input the engine
 * refuses) has no proposal; the case page says what is missing.
 */
async function placementsNow(db: EntityManager, regionId: string, ruleSet: RuleSet) {
  const date = today();
  const period = agreementPeriodOn(ruleSet.config, date);
  return { date, placements: await countOpenAllocations(db, regionId, period.start) };
}

function proposeWith(
  sections: CaseDraft,
  ruleSet: RuleSet,
  { date, placements }: { date: string; placements: Record<string, number> },
) {
  const input = toProposalInput(sections, ruleSet.config, placements, date);
  if (!input) return null;
  const result = validateAndPropose(input);
  return result.ok ? { ruleSetVersion: ruleSet.version, result: result.proposal } : null;
}

/** The columns a write stores for a file: its sections, the search name, and the engine's proposal. */
export async function prepareCaseWrite(
  db: EntityManager,
  regionId: string,
  sections: CaseDraft,
  ruleSet: RuleSet,
): Promise<CaseWrite> {
  return caseWriteOf(
    sections,
    proposeWith(sections, ruleSet, await placementsNow(db, regionId, ruleSet)),
  );
}

/**
 * The writes of many files at once (an import): the ledger's counts are read once, so a thousand
 * proposals cost one query. Each proposal reads the same counts, as they would one by one: a
 * proposal allocates nothing (only a decision does).
 */
export async function prepareCaseWrites(
  db: EntityManager,
  regionId: string,
  drafts: readonly CaseDraft[],
  ruleSet: RuleSet,
): Promise<CaseWrite[]> {
  const now = await placementsNow(db, regionId, ruleSet);
  return drafts.map((sections) => caseWriteOf(sections, proposeWith(sections, ruleSet, now)));
}

function caseWriteOf(sections: CaseDraft, proposal: ReturnType<typeof proposeWith>): CaseWrite {
  return {
    sections,
    targetGroup: sections.stay!.targetGroup,
    searchName: `${sections.identity?.firstName ?? ''} ${sections.identity?.lastName ?? ''}`
      .trim()
      .toLowerCase(),
    originCode: proposal?.result.origin ?? null,
    proposedDestinationCode: proposal?.result.destination ?? null,
    proposal,
    ruleSetVersion: proposal?.ruleSetVersion ?? null,
  };
}

/** The waiting clock of a case (domain.md §6): it stops at the keys, or at a closing before them. */
function waitingFields(row: CaseRow, date: string): Pick<CaseView, 'waitingDays' | 'waitingUntil'> {
  const waiting = waitingOf(
    {
      readyAt: row.ready_at?.toISOString() ?? null,
      keysOn: row.keys_on,
      closedAt: row.closed_at?.toISOString() ?? null,
    },
    date,
  );
  return { waitingDays: waiting?.days ?? null, waitingUntil: waiting?.until ?? null };
}

/** The whole view of a case; the projection then keeps what the seat may see. */
function fullView(
  row: CaseRow,
  actor: Actor,
  ruleSet: RuleSet | null,
  consents: readonly ConsentRow[],
  correction?: CaseView['correction'],
): CaseView {
  const s = row.sections;
  const date = today();
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    version: row.version,
    state: row.state,
    owner: {
      userId: row.owner_user_id,
      displayName: row.owner_name,
      organisationId: row.owner_organisation_id,
      organisationName: row.owner_organisation_name,
    },
    identity: s.identity ?? {},
    contact: s.contact ?? {},
    household: s.household ?? {},
    stay: s.stay ?? {},
    addresses: s.addresses ?? [],
    isOriginUntraceable: s.isOriginUntraceable ?? false,
    origin: row.origin_code,
    wishes: s.wishes ?? {},
    housingNeeds: s.housingNeeds ?? {},
    supportNeeds: s.supportNeeds ?? {},
    sensitive: s.sensitive ?? {},
    exceptions: s.exceptions ?? [],
    excluded: s.excluded ?? [],
    proposal: row.proposal as CaseView['proposal'],
    missingForReady:
      row.state === 'intake'
        ? [
            ...missingForReady(s, { youthAgeBand: ruleSet?.config.youthAgeBand, today: date }),
            ...(consents.length ? [] : [noConsentYet]),
          ]
        : [],
    readyAt: row.ready_at?.toISOString() ?? null,
    ...waitingFields(row, date),
    isStalled: isStalled(
      row.last_activity_at.toISOString(),
      date,
      ruleSet?.config.stalledCaseDays ?? 14,
      row.state === 'closed',
    ),
    outcome: row.outcome,
    closedAt: row.closed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
    allowedTransitions: allowedTransitions(row.state, actor.seat),
    ...(correction !== undefined ? { correction } : {}),
    consentWarnings: consents
      .filter((c) => isExpiringSoon(c, date))
      .map((c) => ({ organisationName: c.organisationName, expiresOn: c.expiresOn! })),
  };
}

const noConsentYet = {
  path: 'consents',
  message: 'Leg vast wat de bewoner wil delen, en met wie (ook een weigering).',
};

/**
 * The owning organisation keeps the whole file; any other receives what the resident consented
 * to, as its relation to the case (read with the row) allows.
 */
function recipientFor(actor: Actor, row: CaseRow, consents: readonly ConsentRow[]): Recipient {
  if (actor.organisationId === row.owner_organisation_id) return { isOwningOrganisation: true };
  return {
    isOwningOrganisation: false,
    consented: consentedCategories(consents, actor.organisationId, today()),
    relation: { housesResident: row.houses_resident },
  };
}

/** The actor as a recipient of this case, with consent read now. */
export async function recipientOf(
  tx: EntityManager,
  actor: Actor,
  row: CaseRow,
): Promise<Recipient> {
  if (actor.organisationId === row.owner_organisation_id) return { isOwningOrganisation: true };
  return recipientFor(actor, row, await consentRepository.findConsents(tx, [row.id]));
}

/** The seat's projection of one case, with consent read now: a withdrawal counts from the next request. */
async function projectCase(
  tx: EntityManager,
  actor: Actor,
  row: CaseRow,
  ruleSet?: RuleSet | null,
) {
  const consents = await consentRepository.findConsents(tx, [row.id]);
  const rules = ruleSet === undefined ? await getCurrentRuleSet(tx, row.region_id) : ruleSet;
  return toCaseView(
    fullView(row, actor, rules, consents, await correctionFor(tx, actor, row)),
    actor.seat,
    recipientFor(actor, row, consents),
  );
}

/** The case within the actor's row scope, or the same 404 whether it exists or not. */
export async function requireCase(
  db: EntityManager,
  actor: Actor,
  caseId: string,
  options: { lock?: boolean } = {},
): Promise<CaseRow> {
  const row = await repository.findCaseInScope(db, actor, caseId, options);
  if (!row) throw new AppError('NOT_FOUND', 'Deze casus bestaat niet of valt buiten uw bereik.');
  return row;
}

/**
 * Whether the reader may correct the case's last step now, as the case page offers it: the shared
 * rule on the case's log (what rests on the step since is checked when the correction is asked).
 */
async function correctionFor(
  tx: EntityManager,
  actor: Actor,
  row: CaseRow,
): Promise<CaseView['correction']> {
  const log = await repository.findStepLog(tx, row.id);
  const base = { log, state: row.state, actor, today: today() };
  const check = checkCorrection({ ...base, hasReason: true });
  if (!check.ok) return null;
  const step = stepToCorrect(log)!.step.transition;
  return {
    transition: step,
    label: transitions[step].label,
    needsReason: !checkCorrection({ ...base, hasReason: false }).ok,
  };
}

/** Projects the case for the actor and logs the look at personal data, in the same transaction. */
export async function viewAndAudit(
  tx: EntityManager,
  context: RequestContext,
  actor: Actor,
  row: CaseRow,
  action:
    | 'case.read'
    | 'case.create'
    | 'case.update'
    | 'case.transition'
    | 'case.handover'
    | 'case.correct',
  extra: { fields?: string[]; details?: Record<string, unknown> } = {},
): Promise<ProjectedCaseView> {
  const { view, fields } = await projectCase(tx, actor, row);
  await writeAudit(tx, context, {
    action,
    objectType: 'case',
    objectId: row.id,
    subjectPseudonym: row.pseudonym,
    purpose,
    outcome: 'success',
    fields: extra.fields ?? [...fields],
    details: extra.details,
  });
  return view;
}

async function conflict(tx: EntityManager, actor: Actor, caseId: string): Promise<never> {
  const row = await requireCase(tx, actor, caseId);
  throw new AppError('VERSION_CONFLICT', undefined, [], {
    currentVersion: row.version,
    current: (await projectCase(tx, actor, row)).view,
  });
}

export async function createCase(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  input: CreateCase,
): Promise<ProjectedCaseView> {
  return db.transaction(async (tx) => {
    const ruleSet = await requireRuleSet(tx, actor.regionId);
    const sections: CaseDraft = { identity: input.identity, stay: input.stay };
    const id = await repository.insertCase(
      tx,
      actor,
      await prepareCaseWrite(tx, actor.regionId, sections, ruleSet),
    );
    await repository.recordCaseEvent(tx, id, actor.userId, 'created', {});
    return viewAndAudit(tx, context, actor, await requireCase(tx, actor, id), 'case.create', {
      fields: ['identity', 'stay'],
    });
  });
}

export async function getCase(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
): Promise<ProjectedCaseView> {
  return db.transaction(async (tx) =>
    viewAndAudit(tx, context, actor, await requireCase(tx, actor, caseId), 'case.read'),
  );
}

/** Replaces the given sections whole, only on the version the writer read (else 409 with the current file). */
export async function updateCase(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  version: number,
  changes: Partial<CaseSections>,
): Promise<ProjectedCaseView> {
  const touched = Object.keys(changes);
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    assertSectionsWritable(actor, touched);
    if (row.state === 'closed') throw new AppError('CASE_CLOSED', 'Deze casus is afgesloten.');
    if (row.version !== version) return conflict(tx, actor, caseId);
    const ruleSet = await requireRuleSet(tx, row.region_id);
    const sections: CaseDraft = { ...row.sections, ...changes };
    if (
      !(await repository.updateCaseIfVersion(
        tx,
        caseId,
        version,
        await prepareCaseWrite(tx, row.region_id, sections, ruleSet),
      ))
    )
      return conflict(tx, actor, caseId);
    publishAfterCommit(tx, { kind: 'case', caseId, byUserId: actor.userId });
    return viewAndAudit(tx, context, actor, await requireCase(tx, actor, caseId), 'case.update', {
      fields: touched,
    });
  });
}

export async function transitionCase(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  request: CaseTransitionRequest,
): Promise<ProjectedCaseView> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const ruleSet = await getCurrentRuleSet(tx, row.region_id);
    const missing = missingForReady(row.sections, {
      youthAgeBand: ruleSet?.config.youthAgeBand,
      today: today(),
    });
    const consents = await consentRepository.findConsents(tx, [row.id]);
    if (request.transition === 'markReady' && consents.length === 0) missing.push(noConsentYet);
    const facts = {
      originEvidence: !missing.some((m) => m.path === 'addresses'),
      wishesRecorded: !missing.some((m) => m.path === 'wishes'),
      // The resident was asked what to share, with whom; a refusal recorded counts as recorded.
      consentRecorded: consents.length > 0 && missing.length === 0,
      reason: request.transition === 'withdraw' && request.reason.length > 0,
      outcome: request.transition === 'withdraw',
      outcomeWithdrawnOrDroppedOut: request.transition === 'withdraw',
    };
    const check = checkTransition({
      state: row.state,
      transition: request.transition,
      seat: actor.seat,
      facts,
    });
    if (!check.ok)
      throw transitionRefusal(
        actor,
        request.transition,
        check,
        row,
        missing.map(({ path, message }) => ({ path, message })),
      );
    if (row.version !== request.version) return conflict(tx, actor, caseId);
    const now = new Date().toISOString();
    const change =
      request.transition === 'withdraw'
        ? {
            state: check.to,
            readyAt: row.ready_at?.toISOString() ?? null,
            outcome: request.outcome,
            closedAt: now,
          }
        : {
            state: check.to,
            readyAt: nextReadyAt(
              row.ready_at?.toISOString() ?? null,
              request.transition,
              now,
              row.ready_on,
            ),
          };
    if (!(await repository.updateStateIfVersion(tx, caseId, request.version, change)))
      return conflict(tx, actor, caseId);
    // Withdrawn before the move, an open or accepted offer lapses and its dwelling is free again
    // (domain.md §4): the database does it in this transaction (migration ClosedCaseReleasesOffers).
    publishAfterCommit(tx, { kind: 'case', caseId, byUserId: actor.userId });
    await repository.recordCaseEvent(tx, caseId, actor.userId, 'transition', {
      transition: request.transition,
      from: row.state,
      to: check.to,
      ...(request.transition === 'withdraw'
        ? { reason: request.reason, outcome: request.outcome }
        : {}),
    });
    return viewAndAudit(
      tx,
      context,
      actor,
      await requireCase(tx, actor, caseId),
      'case.transition',
      { fields: ['state'], details: { transition: request.transition } },
    );
  });
}

/** Hands the case to a colleague case manager of the same organisation; recorded on the case. */
export async function handOverCase(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  version: number,
  toUserId: string,
): Promise<ProjectedCaseView> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const colleague = await repository.findCasemanagerColleague(
      tx,
      row.owner_organisation_id,
      toUserId,
    );
    if (!colleague)
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'toUserId', message: 'Kies een casemanager van uw eigen organisatie.' },
      ]);
    if (row.version !== version) return conflict(tx, actor, caseId);
    if (!(await repository.updateOwnerIfVersion(tx, caseId, version, toUserId)))
      return conflict(tx, actor, caseId);
    publishAfterCommit(tx, { kind: 'case', caseId, byUserId: actor.userId });
    await repository.recordCaseEvent(tx, caseId, actor.userId, 'handover', {
      fromUserId: row.owner_user_id,
      toUserId,
    });
    return viewAndAudit(tx, context, actor, await requireCase(tx, actor, caseId), 'case.handover', {
      fields: ['owner'],
    });
  });
}

/** The resident's name where the seat's projection shows the identity (consent applied), else undefined. */
function nameOf(view: ProjectedCaseView): string | undefined {
  const name = view.identity
    ? `${view.identity.firstName ?? ''} ${view.identity.lastName ?? ''}`.trim()
    : '';
  return name || undefined;
}

/**
 * The names of the residents of these cases that the actor may read, by case id: only cases in the
 * actor's reach, only where its seat's projection (with the resident's consent) shows the identity.
 * Tasks and notifications name a case by it, by its kenmerk otherwise. Showing a name is reading
 * personal data, so it is logged as the case list is: that names were shown, how many and where.
 */
export async function caseNamesInReach(
  tx: EntityManager,
  context: RequestContext,
  actor: Actor,
  caseIds: readonly string[],
  shownIn: 'tasks' | 'notifications',
): Promise<Map<string, { pseudonym: string; name: string }>> {
  const rows = await repository.findCasesInScope(tx, actor, [...new Set(caseIds)]);
  const names = new Map<string, { pseudonym: string; name: string }>();
  if (rows.length === 0) return names;
  const ruleSet = await getCurrentRuleSet(tx, actor.regionId);
  for (const { row, view } of await projectRows(tx, actor, ruleSet, rows)) {
    const name = nameOf(view);
    if (name) names.set(row.id, { pseudonym: row.pseudonym, name });
  }
  if (names.size > 0)
    await writeAudit(tx, context, {
      action: 'case.names.read',
      objectType: 'case',
      purpose,
      outcome: 'success',
      fields: ['name'],
      details: { count: names.size, shownIn },
    });
  return names;
}

/** Each case as the actor's seat sees it, with the resident's consents as they stand now. */
async function projectRows(
  tx: EntityManager,
  actor: Actor,
  ruleSet: RuleSet | null,
  rows: readonly CaseRow[],
): Promise<{ row: CaseRow; view: ProjectedCaseView }[]> {
  const consents = await consentRepository.findConsents(
    tx,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const own = consents.filter((c) => c.caseId === row.id);
    const { view } = toCaseView(
      fullView(row, actor, ruleSet, own),
      actor.seat,
      recipientFor(actor, row, own),
    );
    return { row, view };
  });
}

/** The cases the query finds (a page of them: the export asks for one page as long as it takes), each as the seat's list item. */
async function findListItems(
  tx: EntityManager,
  actor: Actor,
  query: CaseListQuery,
): Promise<{ items: CaseListItem[]; total: number }> {
  const ruleSet = await getCurrentRuleSet(tx, actor.regionId);
  const date = today();
  const stalledDays = ruleSet?.config.stalledCaseDays ?? 14;
  const { rows, total } = await repository.listCasesInScope(tx, actor, query, {
    today: date,
    stalledDays,
  });
  const items = (await projectRows(tx, actor, ruleSet, rows)).map(({ row, view }) => {
    const name = nameOf(view);
    return {
      id: row.id,
      pseudonym: row.pseudonym,
      ...(name ? { name } : {}),
      state: row.state,
      ...(view.stay?.targetGroup ? { targetGroup: view.stay.targetGroup } : {}),
      origin: view.origin ?? null,
      destination:
        row.decided_destination_code ?? (view.proposal ? row.proposed_destination_code : null),
      ownerName: view.owner?.displayName ?? '',
      waitingDays: view.waitingDays ?? null,
      waitingUntil: view.waitingUntil ?? null,
      isStalled: view.isStalled ?? false,
      updatedAt: row.updated_at.toISOString(),
    };
  });
  return { items, total };
}

/** The query as the log keeps it: a name typed in the search box is personal data, so only that a search was made. */
const loggedQuery = (query: CaseListFilter) => ({
  ...query,
  ...(query.q ? { q: '[zoekterm]' } : {}),
});

export async function listCases(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  query: CaseListQuery,
): Promise<CaseList> {
  return db.transaction(async (tx) => {
    const { items, total } = await findListItems(tx, actor, query);
    await writeAudit(tx, context, {
      action: 'case.list',
      objectType: 'case',
      purpose,
      outcome: 'success',
      fields: ['name', 'state'],
      details: { count: items.length, query: loggedQuery(query) },
    });
    return { items, total, page: query.page, pageSize: query.pageSize };
  });
}

/**
 * The case list as a workbook: every case the filters on screen find (not only the page), in the
 * order on screen, with exactly the columns of the seat's projection. The file leaves the
 * application with names in it, so it is logged as an export: how many, which parts, which filters.
 */
export async function exportCaseList(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  query: CaseListFilter,
): Promise<DownloadFile> {
  return db.transaction(async (tx) => {
    const { items, total } = await findListItems(tx, actor, {
      ...query,
      page: 1,
      pageSize: maxCaseListExportRows,
    });
    const nameOfMunicipality = await municipalityNamer(tx, actor.regionId);
    const sheet = caseListSheet(actor.seat, query, items, total, nameOfMunicipality, new Date());
    await writeAudit(tx, context, {
      action: 'case.list.export',
      objectType: 'case',
      purpose,
      outcome: 'success',
      fields: sheet.fields,
      details: { format: 'xlsx', count: items.length, query: loggedQuery(query) },
    });
    return renderExport('xlsx', `casussen-${today()}`, sheet);
  });
}

export async function listColleagues(db: DataSource, actor: Actor) {
  return repository.listCasemanagerColleagues(db.manager, actor.organisationId);
}

// ---- consent (recorded by the owning case manager) ----

function toConsent(row: ConsentRow): Consent {
  const date = today();
  return {
    id: row.id,
    organisation: { id: row.organisationId, name: row.organisationName },
    categories: [...row.categories],
    givenOn: row.givenOn,
    expiresOn: row.expiresOn,
    method: row.method,
    witnessName: row.witnessName,
    documentId: row.documentId,
    withdrawnAt: row.withdrawnAt,
    recordedBy: row.recordedBy,
    isActive: isConsentActive(row, date),
    isExpiringSoon: isExpiringSoon(row, date),
  };
}

/** The case whose consents the actor keeps: 404 outside the scope, 403 for any other than its case manager. */
async function requireConsentCase(
  tx: EntityManager,
  actor: Actor,
  caseId: string,
  action: ConsentAction,
): Promise<CaseRow> {
  const row = await requireCase(tx, actor, caseId);
  assertCanOnConsent(actor, action, row);
  return row;
}

// ---- for the audit module: the access log and the resident's export (AVG art. 15) ----

/** A case of the actor's own organisation: 404 outside the scope, 403 for a seat that is not its case manager. */
export async function requireOwnCaseRef(
  tx: EntityManager,
  actor: Actor,
  caseId: string,
  action: CaseAction,
): Promise<{ id: string; pseudonym: string; regionId: string }> {
  const row = await requireCase(tx, actor, caseId);
  assertCanOnCase(actor, action, row);
  return { id: row.id, pseudonym: row.pseudonym, regionId: row.region_id };
}

/** The file as its own case manager sees it (the same projection as the case page), with its consents. */
export async function ownCaseFile(
  tx: EntityManager,
  actor: Actor,
  caseId: string,
  action: CaseAction,
): Promise<{ id: string; pseudonym: string; view: ProjectedCaseView; consents: Consent[] }> {
  const row = await requireCase(tx, actor, caseId);
  assertCanOnCase(actor, action, row);
  const { view } = await projectCase(tx, actor, row);
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    view,
    consents: (await consentRepository.findConsents(tx, [row.id])).map(toConsent),
  };
}

export async function listConsents(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
): Promise<Consent[]> {
  return db.transaction(async (tx) => {
    const row = await requireConsentCase(tx, actor, caseId, 'read');
    await writeAudit(tx, context, {
      action: 'case.consent.read',
      objectType: 'case',
      objectId: row.id,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields: ['consents'],
    });
    return (await consentRepository.findConsents(tx, [row.id])).map(toConsent);
  });
}

export async function recordConsent(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: RecordConsent,
): Promise<Consent> {
  return db.transaction(async (tx) => {
    const row = await requireConsentCase(tx, actor, caseId, 'record');
    if (
      !(await consentRepository.isOrganisationInRegion(tx, input.organisationId, row.region_id)) ||
      input.organisationId === row.owner_organisation_id
    ) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'organisationId', message: 'Kies een andere organisatie uit uw regio.' },
      ]);
    }
    if (
      input.documentId &&
      !(await consentRepository.isDocumentOfCase(tx, input.documentId, row.id))
    ) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'documentId', message: 'Dit document hoort niet bij deze casus.' },
      ]);
    }
    const id = await consentRepository.insertConsent(tx, row.id, actor.userId, input);
    await tx.query('UPDATE case_file SET last_activity_at = now() WHERE id = $1', [row.id]);
    publishAfterCommit(tx, { kind: 'case', caseId: row.id, byUserId: actor.userId });
    await writeAudit(tx, context, {
      action: 'case.consent.record',
      objectType: 'case',
      objectId: row.id,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields: ['consents'],
      details: { consentId: id, categories: input.categories },
    });
    return toConsent(
      (await consentRepository.findConsents(tx, [row.id])).find((c) => c.id === id)!,
    );
  });
}

/** Withdrawal takes effect at the organisation's next request: projections read consent every time. */
export async function withdrawConsent(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  consentId: string,
): Promise<Consent> {
  return db.transaction(async (tx) => {
    const row = await requireConsentCase(tx, actor, caseId, 'withdraw');
    if (!(await consentRepository.withdrawConsent(tx, row.id, consentId, actor.userId)))
      throw new AppError('NOT_FOUND', 'Deze toestemming bestaat niet of is al ingetrokken.');
    publishAfterCommit(tx, { kind: 'case', caseId: row.id, byUserId: actor.userId });
    await writeAudit(tx, context, {
      action: 'case.consent.withdraw',
      objectType: 'case',
      objectId: row.id,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields: ['consents'],
      details: { consentId },
    });
    return toConsent(
      (await consentRepository.findConsents(tx, [row.id])).find((c) => c.id === consentId)!,
    );
  });
}

// ---- for the modules that move a case on (tables, placements): one way to change its state ----

export interface StateChange {
  transition: TransitionName;
  facts: TransitionFacts;
  outcome?: CaseOutcome;
  decidedDestinationCode?: string | null;
  /** The closing date the actor gave (closing from follow-up support); default: now. */
  closedAt?: string;
  details?: Record<string, unknown>;
  /** Recorded on the case's own log only, never in the audit log (free text, such as a reason). */
  eventDetails?: Record<string, unknown>;
}

/**
 * Takes one step of the state table for a case in the actor's reach, inside the caller's
 * transaction: the seat, the state and the facts are checked by the shared table, the version
 * guards against a concurrent change, the step is recorded on the case and in the audit log.
 */
export async function moveCase(
  tx: EntityManager,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  expectedVersion: number,
  change: StateChange,
): Promise<{ version: number; pseudonym: string }> {
  const row = await requireCase(tx, actor, caseId);
  const check = checkTransition({
    state: row.state,
    transition: change.transition,
    seat: actor.seat,
    facts: change.facts,
  });
  if (!check.ok) throw stepRefusal(check);
  if (row.version !== expectedVersion) return conflict(tx, actor, caseId);
  const now = new Date().toISOString();
  const isClosing = check.to === 'closed';
  const ok = await repository.updateStateIfVersion(tx, caseId, expectedVersion, {
    state: check.to,
    readyAt: nextReadyAt(row.ready_at?.toISOString() ?? null, change.transition, now),
    outcome: isClosing ? (change.outcome ?? null) : null,
    closedAt: isClosing ? (change.closedAt ?? now) : null,
    ...(change.decidedDestinationCode !== undefined
      ? { decidedDestinationCode: change.decidedDestinationCode }
      : {}),
  });
  if (!ok) return conflict(tx, actor, caseId);
  publishAfterCommit(tx, { kind: 'case', caseId, byUserId: actor.userId });
  await repository.recordCaseEvent(tx, caseId, actor.userId, 'transition', {
    transition: change.transition,
    from: row.state,
    to: check.to,
    ...change.details,
    ...change.eventDetails,
  });
  await writeAudit(tx, context, {
    action: 'case.transition',
    objectType: 'case',
    objectId: caseId,
    subjectPseudonym: row.pseudonym,
    purpose,
    outcome: 'success',
    fields: ['state'],
    details: { transition: change.transition, ...change.details },
  });
  // The organisations' own systems hear of the steps they follow (decided, offered, confirmed, …).
  const partnerEvent = partnerEventOfTransition[change.transition];
  if (partnerEvent) await recordPartnerEvent(tx, { kind: partnerEvent, caseId });
  return { version: expectedVersion + 1, pseudonym: row.pseudonym };
}

/**
 * Something happened on the case without a step of the state table (the resident accepted an
 * offer): it counts as activity (not stalled), and every page that shows the case hears of it.
 */
export async function markCaseActivity(
  tx: EntityManager,
  actor: Actor,
  caseId: string,
): Promise<void> {
  await tx.query('UPDATE case_file SET last_activity_at = now() WHERE id = $1', [caseId]);
  publishAfterCommit(tx, { kind: 'case', caseId, byUserId: actor.userId });
}

/** Whether the seat learns who works on a case (its owner): a seat that does not, learns no colleague's name or organisation either. */
export function seesWhoWorksOnCases(seat: Seat): boolean {
  return (readableFields[seat] as readonly string[]).includes('owner');
}

/** Which fields of this case the actor's seat may read now (consent included). */
export async function projectCaseFields(tx: EntityManager, actor: Actor, row: CaseRow) {
  return projectCase(tx, actor, row);
}

/**
 * The case as the actor's seat may see it, with the fields that view was cut to (a caller that shows
 * more of the case, such as a decision's motivation, asks the same fields), or null when it lies
 * outside the actor's reach.
 */
export async function projectCaseIfReachable(
  tx: EntityManager,
  actor: Actor,
  caseId: string,
): Promise<{ view: ProjectedCaseView; fields: readonly string[] } | null> {
  const row = await repository.findCaseInScope(tx, actor, caseId);
  return row ? projectCase(tx, actor, row) : null;
}

/** The stored facts of a case a decision needs: its state, version, proposal, exclusions and region. */
export async function caseFactsForDecision(tx: EntityManager, actor: Actor, caseId: string) {
  const row = await requireCase(tx, actor, caseId);
  return {
    state: row.state,
    version: row.version,
    regionId: row.region_id,
    pseudonym: row.pseudonym,
    originCode: row.origin_code,
    proposedDestinationCode: row.proposed_destination_code,
    proposal: row.proposal as CaseView['proposal'],
    excluded: row.sections.excluded ?? [],
    wish: row.sections.wishes?.municipalities?.[0] ?? null,
  };
}

// ---- for the dwellings module: the cases a corporation's dwellings may fit ----

/** A case as the actor's seat may see it, with the facts a dwelling's fit needs (its decided destination). */
export interface CaseForFit {
  id: string;
  pseudonym: string;
  state: CaseState;
  destination: string | null;
  view: ProjectedCaseView;
  fields: readonly string[];
}

function caseForFit(
  row: CaseRow,
  projected: { view: ProjectedCaseView; fields: readonly string[] },
): CaseForFit {
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    state: row.state,
    destination: row.decided_destination_code,
    ...projected,
  };
}

/** One case in the actor's reach (else the same 404 as everywhere), projected for its seat. */
export async function caseForFitInReach(
  tx: EntityManager,
  actor: Actor,
  caseId: string,
): Promise<CaseForFit> {
  const row = await requireCase(tx, actor, caseId);
  return caseForFit(row, await projectCase(tx, actor, row));
}

/** The cases in the actor's reach searching a dwelling in this municipality, each projected for its seat. */
export async function searchingCasesInReach(
  tx: EntityManager,
  actor: Actor,
  municipalityCode: string,
): Promise<CaseForFit[]> {
  const rows = await repository.findSearchingCasesInScope(tx, actor, municipalityCode);
  const ruleSet = await getCurrentRuleSet(tx, actor.regionId);
  const found: CaseForFit[] = [];
  for (const row of rows) found.push(caseForFit(row, await projectCase(tx, actor, row, ruleSet)));
  return found;
}

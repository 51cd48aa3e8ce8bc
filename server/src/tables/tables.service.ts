import type { DataSource, EntityManager } from 'typeorm';
import {
  amsterdamDate,
  dutchToday,
  isTableHeld,
  formatDutchDate,
  AppError,
  agendaPublishBy,
  decisionDepartsFromProposal,
  decisionIssues,
  isDecisionByDistribution,
  tableStateLabel,
  tableViewSchema,
  type AgendaItem,
  type CaseDecision,
  type DecisionInput,
  type Precondition,
  type TableDecisionView,
  type TableDetails,
  type TableView,
  type TableState,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { publishAfterCommit } from '../core/live-events';
import { notifyAgendaPublished, notifyDecision, notifyTableCancelled } from '../notifications';
import {
  caseFactsForDecision,
  moveCase,
  projectCaseFields,
  projectCaseIfReachable,
  requireCase,
} from '../cases';
import {
  allocateByDistribution,
  getCurrentRuleSet,
  isMunicipalityOfRegion,
  municipalityNamer,
} from '../regions';
import { isUniqueViolation } from '../core/db';
import {
  assertCanOnDecisionLetter,
  assertCanOnPrecondition,
  assertCanOnTable,
  mayCompletePrecondition,
} from './tables.policy';
import { minutesPdf } from './minutes.pdf';
import { decisionLetter, letterAddressBlock, objectionProcedureFor } from './decision-letter';
import {
  tableFieldsFor,
  toAgendaItemView,
  toCaseDecisionView,
  toDecisionView,
  toLetterFacts,
  toTableView,
} from './tables.projection';
import * as repository from './tables.repository';
import type { TableRow } from './tables.repository';

const purpose = 'case_coordination' as const;

/** The table's day: audit rows carry it, so the access log can say "voorbereiding tafel 12 maart". */
const tableDateOf = (table: TableRow) => amsterdamDate(table.starts_at);

async function requireTable(
  tx: EntityManager,
  actor: Actor,
  tableId: string,
  lock = false,
): Promise<TableRow> {
  const table = await repository.findTableInScope(tx, actor, tableId, lock);
  if (!table) throw new AppError('NOT_FOUND', 'Deze tafel bestaat niet of valt buiten uw bereik.');
  return table;
}

async function requireChairedTable(
  tx: EntityManager,
  actor: Actor,
  tableId: string,
  version: number,
  allowed: readonly TableState[],
): Promise<TableRow> {
  const table = await requireTable(tx, actor, tableId, true);
  assertCanOnTable(actor, 'chair', table);
  if (table.version !== version)
    throw new AppError('VERSION_CONFLICT', undefined, [], { currentVersion: table.version });
  if (!allowed.includes(table.state))
    throw new AppError(
      table.state === 'closed'
        ? 'TABLE_CLOSED'
        : table.state === 'cancelled'
          ? 'TABLE_CANCELLED'
          : allowed.includes('published')
            ? 'TABLE_NOT_PUBLISHED'
            : 'TABLE_NOT_PLANNED',
      `Dit kan niet bij een tafel met status ‘${tableStateLabel[table.state].toLowerCase()}’.`,
    );
  return table;
}

/** A shared agenda goes to its invitees: a table without any is not shared, nor left without them. */
function assertHasInvitees(invitedCount: number, path: string): void {
  if (invitedCount === 0)
    throw new AppError(
      'TABLE_HAS_NO_INVITEES',
      'Nodig eerst organisaties uit: een gedeelde agenda gaat naar de genodigden.',
      [{ path, message: 'Nodig minstens één organisatie uit voordat u de agenda deelt.' }],
    );
}

async function checkDetails(tx: EntityManager, actor: Actor, details: TableDetails): Promise<void> {
  const found = await repository.countOrganisationsInRegion(
    tx,
    actor.regionId,
    details.invitedOrganisationIds,
  );
  if (found !== details.invitedOrganisationIds.length)
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'invitedOrganisationIds', message: 'Nodig alleen organisaties uit uw regio uit.' },
    ]);
  if (
    details.municipalityCode &&
    !(await isMunicipalityOfRegion(tx, actor.regionId, details.municipalityCode))
  ) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'municipalityCode', message: 'Deze gemeente hoort niet bij uw regio.' },
    ]);
  }
}

export async function createTable(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  details: TableDetails,
): Promise<TableView> {
  return db.transaction(async (tx) => {
    await checkDetails(tx, actor, details);
    const id = await repository.insertTable(tx, actor, details);
    await repository.replaceInvitations(tx, id, details.invitedOrganisationIds);
    await writeAudit(tx, context, {
      action: 'table.create',
      objectType: 'table',
      objectId: id,
      purpose,
      outcome: 'success',
    });
    return viewTable(tx, context, actor, await requireTable(tx, actor, id));
  });
}

export async function updateTable(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tableId: string,
  version: number,
  details: TableDetails,
): Promise<TableView> {
  return db.transaction(async (tx) => {
    const table = await requireChairedTable(tx, actor, tableId, version, ['planned', 'published']);
    await checkDetails(tx, actor, details);
    if (table.state === 'published')
      assertHasInvitees(details.invitedOrganisationIds.length, 'details.invitedOrganisationIds');
    if (!(await repository.updateTableDetails(tx, tableId, version, details)))
      throw new AppError('VERSION_CONFLICT');
    publishAfterCommit(tx, { kind: 'table', tableId, byUserId: actor.userId });
    const before = new Set((await repository.listInvited(tx, tableId)).map((o) => o.id));
    await repository.replaceInvitations(tx, tableId, details.invitedOrganisationIds);
    // Invited to an agenda already shared: they see it at once, and hear of it as the others did.
    if (table.state === 'published')
      await notifyAgendaPublished(
        tx,
        tableId,
        actor.userId,
        details.invitedOrganisationIds.filter((id) => !before.has(id)),
      );
    await writeAudit(tx, context, {
      action: 'table.update',
      objectType: 'table',
      objectId: tableId,
      purpose,
      outcome: 'success',
    });
    return viewTable(tx, context, actor, await requireTable(tx, actor, tableId));
  });
}

export async function listTables(
  db: DataSource,
  actor: Actor,
  filter: { state?: TableState; upcoming?: boolean },
) {
  return repository.listTablesInScope(db.manager, actor, filter);
}

export async function getTable(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tableId: string,
): Promise<TableView> {
  return db.transaction(async (tx) => {
    const table = await requireTable(tx, actor, tableId);
    const view = await viewTable(tx, context, actor, table);
    await writeAudit(tx, context, {
      action: 'table.read',
      objectType: 'table',
      objectId: tableId,
      purpose,
      outcome: 'success',
      details: { tableDate: tableDateOf(table) },
    });
    return view;
  });
}

/**
 * The table with its agenda, each case as the reader's seat may see it. A case outside the reader's
 * reach shows as its pseudonym and status only; an invited seat sees nothing of the agenda before
 * it is shared. Every case shown is personal data read: each gets its own audit row naming the
 * table's day, so the resident's access log says "voorbereiding tafel 12 maart".
 */
async function viewTable(
  tx: EntityManager,
  context: RequestContext,
  actor: Actor,
  table: TableRow,
): Promise<TableView> {
  const ruleSet = await getCurrentRuleSet(tx, table.region_id);
  const publishBy = agendaPublishBy(
    table.starts_at.toISOString(),
    ruleSet?.config.agendaPublicationDays ?? 5,
  );
  const seesAgenda = tableFieldsFor(actor.seat, table.state).includes('agenda');
  const agendaRows = seesAgenda ? await repository.listAgenda(tx, table.id) : [];
  const decisions = await repository.findDecisions(
    tx,
    agendaRows.map((a) => a.id),
  );
  const preconditions: (Precondition & { decisionId: string })[] =
    await repository.findPreconditions(
      tx,
      decisions.map((d) => d.id),
    );
  const organisationNames = await repository.findOrganisationNames(
    tx,
    decisions.flatMap((d) => d.present.map((p) => p.organisationId)),
  );
  const agenda = [];
  for (const item of agendaRows) {
    const projected = await projectCaseIfReachable(tx, actor, item.case_id);
    const caseView = projected?.view;
    const decision = decisions.find((d) => d.agenda_item_id === item.id);
    const proposal = caseView?.proposal?.result;
    const wish = caseView?.wishes?.municipalities?.[0];
    // Provisional when the decision will take it from the ledger: C, or A that did not go to the wish.
    const isByDistribution =
      proposal?.outcome === 'C' || (proposal?.outcome === 'A' && proposal.destination !== wish);
    if (projected) {
      await writeAudit(tx, context, {
        action: 'case.read',
        objectType: 'case',
        objectId: item.case_id,
        subjectPseudonym: item.pseudonym,
        purpose,
        outcome: 'success',
        fields: [...projected.fields],
        details: { tableId: table.id, tableDate: tableDateOf(table) },
      });
    }
    const agendaItem: AgendaItem = {
      id: item.id,
      position: item.position,
      status: item.status,
      caseId: item.case_id,
      pseudonym: item.pseudonym,
      case: (caseView ?? { pseudonym: item.pseudonym }) as Record<string, unknown>,
      isDestinationProvisional: item.status === 'open' && isByDistribution,
      decision: decision
        ? toDecisionView(
            decisionView(
              decision,
              preconditions.filter((p) => p.decisionId === decision.id),
              organisationNames,
            ),
            actor.seat,
            projected?.fields,
            { isAuthor: decision.decided_by === actor.userId },
          )
        : null,
      note: item.note,
      hasNote: item.note !== null,
      kind: item.kind,
    };
    agenda.push(toAgendaItemView(agendaItem, actor.seat, projected?.fields));
  }
  // What leaves is the seat's projection, parsed by the schema: a field the view does not name does not leave.
  const full: TableView = {
    id: table.id,
    version: table.version,
    state: table.state,
    title: table.title,
    startsAt: table.starts_at.toISOString(),
    location: table.location,
    videoUrl: table.video_url,
    municipalityCode: table.municipality_code,
    chair: { userId: table.chair_user_id, displayName: table.chair_name },
    invited: await repository.listInvited(tx, table.id),
    publishedAt: table.published_at?.toISOString() ?? null,
    publishBy,
    plannedAt: table.created_at.toISOString(),
    closedAt: table.closed_at?.toISOString() ?? null,
    cancelledAt: table.cancelled_at?.toISOString() ?? null,
    cancelReason: table.cancel_reason,
    agenda,
  };
  return tableViewSchema.parse(toTableView(full, actor.seat));
}

/**
 * A decision as the table view and the minutes show it, whole: its motivation, referral summary and
 * objections' reasons leave only through the seat's projection (tables.projection.ts).
 */
function decisionView(
  d: repository.DecisionRow,
  preconditions: readonly Precondition[],
  organisationNames: ReadonlyMap<string, string>,
): TableDecisionView {
  return {
    rule: d.rule,
    destination: d.destination_code,
    proposedDestination: d.proposed_destination_code,
    departsFromProposal: d.departs_from_proposal,
    ruleSetVersion: d.rule_set_version,
    binding: d.binding,
    followUpProvider: d.follow_up_provider_name,
    isDisputed: d.is_disputed,
    decidedAt: d.decided_at.toISOString(),
    decidedBy: d.decided_by_name,
    present: d.present.map((p) => ({
      ...p,
      organisationName: organisationNames.get(p.organisationId) ?? 'Onbekende organisatie',
    })),
    votes: d.votes,
    preconditions: preconditions.map(
      ({ id, lifeDomain, description, ownerName, ownerOrganisationId, dueDate, isDone }) => ({
        id,
        lifeDomain,
        description,
        ownerName,
        ownerOrganisationId,
        dueDate,
        isDone,
      }),
    ),
    motivation: d.motivation,
    referralSummary: d.referral_summary,
  };
}

export async function addToAgenda(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tableId: string,
  input: { version: number; caseId: string; caseVersion: number },
): Promise<TableView> {
  return db.transaction(async (tx) => {
    const table = await requireTable(tx, actor, tableId, true);
    if (table.version !== input.version)
      throw new AppError('VERSION_CONFLICT', undefined, [], { currentVersion: table.version });
    if (table.state === 'closed')
      throw new AppError('TABLE_CLOSED', 'Deze tafel is al afgesloten.');
    if (table.state === 'cancelled')
      throw new AppError('TABLE_CANCELLED', 'Deze tafel is geannuleerd.');
    assertCanOnTable(actor, 'schedule', table);
    const facts = await caseFactsForDecision(tx, actor, input.caseId);
    if (facts.regionId !== table.region_id)
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'caseId', message: 'Deze casus hoort bij een andere regio.' },
      ]);
    await moveCase(tx, context, actor, input.caseId, input.caseVersion, {
      transition: 'schedule',
      facts: { plannedTable: true },
      details: { tableId },
    });
    await repository
      .insertAgendaItem(tx, tableId, input.caseId, actor.userId)
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'agenda_item_one_open_per_case'))
          throw new AppError('CASE_ALREADY_ON_AGENDA', 'Deze casus staat al op een agenda.');
        throw error;
      });
    // The municipalities the case concerns (origin, proposed destination) sit at the table: invited
    // when they are not yet. On a shared agenda they see it at once (the reach is the invitation).
    const concerned = await repository.uninvitedMunicipalities(
      tx,
      tableId,
      table.region_id,
      [facts.originCode, facts.proposedDestinationCode].filter((c): c is string => !!c),
    );
    await repository.addInvitations(tx, tableId, concerned);
    if (table.state === 'published')
      await notifyAgendaPublished(tx, tableId, actor.userId, concerned);
    await repository.bumpTableVersion(tx, tableId, input.version);
    publishAfterCommit(tx, { kind: 'table', tableId, byUserId: actor.userId });
    return viewTable(tx, context, actor, await requireTable(tx, actor, tableId));
  });
}

export async function orderAgenda(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tableId: string,
  input: { version: number; itemIds: string[] },
): Promise<TableView> {
  return db.transaction(async (tx) => {
    await requireChairedTable(tx, actor, tableId, input.version, ['planned', 'published']);
    const open = (await repository.listAgenda(tx, tableId)).map((a) => a.id).sort();
    if (JSON.stringify([...input.itemIds].sort()) !== JSON.stringify(open)) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'itemIds', message: 'Geef alle agendapunten van deze tafel, elk één keer.' },
      ]);
    }
    await repository.setAgendaOrder(tx, tableId, input.itemIds);
    await repository.bumpTableVersion(tx, tableId, input.version);
    publishAfterCommit(tx, { kind: 'table', tableId, byUserId: actor.userId });
    await writeAudit(tx, context, {
      action: 'table.update',
      objectType: 'table',
      objectId: tableId,
      purpose,
      outcome: 'success',
      details: { reordered: true },
    });
    return viewTable(tx, context, actor, await requireTable(tx, actor, tableId));
  });
}

/** Taking a case off the agenda (before the meeting) or deferring it (at the meeting): back to "uitstroomgereed", the clock runs on. */
export async function releaseAgendaItem(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tableId: string,
  itemId: string,
  input: { version: number; reason: string },
  status: 'removed' | 'deferred',
): Promise<TableView> {
  return db.transaction(async (tx) => {
    await requireChairedTable(
      tx,
      actor,
      tableId,
      input.version,
      status === 'removed' ? ['planned', 'published'] : ['published'],
    );
    const item = await repository.findAgendaItem(tx, tableId, itemId);
    if (!item || item.status !== 'open')
      throw new AppError('NOT_FOUND', 'Dit agendapunt staat niet (meer) open.');
    // The reason is kept once, on the agenda item, where the projection and erasure reach it; the case's event and the audit row name the field only.
    // An escalation never moved the case (it stays in aftercare): taking it off moves nothing back.
    if (item.kind === 'placement') {
      const facts = await caseFactsForDecision(tx, actor, item.case_id);
      await moveCase(tx, context, actor, item.case_id, facts.version, {
        transition: 'unschedule',
        facts: { reason: true },
        details: { tableId, [status]: true, textFields: ['note'] },
      });
    }
    await repository.setAgendaItemStatus(tx, itemId, status, input.reason);
    await repository.bumpTableVersion(tx, tableId, input.version);
    publishAfterCommit(tx, { kind: 'table', tableId, byUserId: actor.userId });
    return viewTable(tx, context, actor, await requireTable(tx, actor, tableId));
  });
}

export async function publishTable(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tableId: string,
  version: number,
): Promise<TableView> {
  return db.transaction(async (tx) => {
    await requireChairedTable(tx, actor, tableId, version, ['planned']);
    assertHasInvitees((await repository.listInvited(tx, tableId)).length, 'invitedOrganisationIds');
    // Sharing an empty agenda tells the invited nothing and would open the table to them for nothing.
    if (!(await repository.listAgenda(tx, tableId)).some((a) => a.status === 'open')) {
      throw new AppError(
        'AGENDA_EMPTY',
        'De agenda is nog leeg. Zet eerst een casus op de agenda; een lege agenda wordt niet gedeeld.',
      );
    }
    await repository.bumpTableVersion(tx, tableId, version, { state: 'published' });
    publishAfterCommit(tx, { kind: 'table', tableId, byUserId: actor.userId });
    await notifyAgendaPublished(tx, tableId, actor.userId);
    await writeAudit(tx, context, {
      action: 'table.publish',
      objectType: 'table',
      objectId: tableId,
      purpose,
      outcome: 'success',
    });
    return viewTable(tx, context, actor, await requireTable(tx, actor, tableId));
  });
}

/**
 * Cancelling a planned or shared table, with the chair's reason: every open case on its agenda is
 * taken off (back to "uitstroomgereed", the clock runs on), the invitees and the case managers of
 * those cases are told, and the table stays readable as cancelled.
 */
export async function cancelTable(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tableId: string,
  input: { version: number; reason: string },
): Promise<TableView> {
  return db.transaction(async (tx) => {
    const table = await requireChairedTable(tx, actor, tableId, input.version, [
      'planned',
      'published',
    ]);
    const note = `Tafel geannuleerd: ${input.reason}`;
    const releasedCaseIds: string[] = [];
    for (const item of (await repository.listAgenda(tx, tableId)).filter(
      (a) => a.status === 'open',
    )) {
      // An escalation never moved the case (it stays in aftercare): taking it off moves nothing back.
      if (item.kind === 'placement') {
        const facts = await caseFactsForDecision(tx, actor, item.case_id);
        await moveCase(tx, context, actor, item.case_id, facts.version, {
          transition: 'unschedule',
          facts: { reason: true },
          details: { tableId, removed: true, textFields: ['note'] },
        });
      }
      releasedCaseIds.push(item.case_id);
      await repository.setAgendaItemStatus(tx, item.id, 'removed', note);
    }
    // The case managers of the released cases hear of it with the invitees (read before the state changes).
    await notifyTableCancelled(tx, tableId, releasedCaseIds, actor.userId);
    if (!(await repository.cancelTable(tx, tableId, input.version, input.reason)))
      throw new AppError('VERSION_CONFLICT');
    publishAfterCommit(tx, { kind: 'table', tableId, byUserId: actor.userId });
    await writeAudit(tx, context, {
      action: 'table.cancel',
      objectType: 'table',
      objectId: tableId,
      purpose,
      outcome: 'success',
      details: { tableDate: tableDateOf(table), textFields: ['cancelReason'] },
    });
    return viewTable(tx, context, actor, await requireTable(tx, actor, tableId));
  });
}

/** Closing the table: what was not discussed is deferred (back to "uitstroomgereed"), then the minutes stand. */
export async function closeTable(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tableId: string,
  version: number,
): Promise<TableView> {
  return db.transaction(async (tx) => {
    const table = await requireChairedTable(tx, actor, tableId, version, ['published']);
    assertTableHeld(table, 'Een tafel kan pas vanaf die dag worden gesloten.');
    for (const item of (await repository.listAgenda(tx, tableId)).filter(
      (a) => a.status === 'open',
    )) {
      // An escalation from follow-up support is discussed, not decided: closing the table ends it, the case stays in aftercare.
      if (item.kind === 'escalation') {
        await repository.setAgendaItemStatus(tx, item.id, 'decided', item.note);
        continue;
      }
      const facts = await caseFactsForDecision(tx, actor, item.case_id);
      const reason = 'Niet behandeld aan tafel; terug naar uitstroomgereed.';
      await moveCase(tx, context, actor, item.case_id, facts.version, {
        transition: 'unschedule',
        facts: { reason: true },
        details: { tableId, deferred: true, textFields: ['note'] },
      });
      await repository.setAgendaItemStatus(tx, item.id, 'deferred', reason);
    }
    await repository.bumpTableVersion(tx, tableId, version, { state: 'closed' });
    publishAfterCommit(tx, { kind: 'table', tableId, byUserId: actor.userId });
    await writeAudit(tx, context, {
      action: 'table.close',
      objectType: 'table',
      objectId: tableId,
      purpose,
      outcome: 'success',
    });
    return viewTable(tx, context, actor, await requireTable(tx, actor, tableId));
  });
}

/**
 * domain.md §4: a table decides, and so closes, on or after its own Dutch calendar date, never
 * before; the letter and the minutes carry that date.
 */
function assertTableHeld(table: Parameters<typeof tableDateOf>[0], then: string): void {
  const tableDate = tableDateOf(table);
  if (!isTableHeld(table.starts_at.toISOString(), dutchToday()))
    throw new AppError(
      'TABLE_NOT_YET_HELD',
      `Deze tafel is op ${formatDutchDate(tableDate)}. ${then}`,
      [],
      { tableDate },
    );
}

/**
 * The table's decision on one case. A decision by distribution (C, or A without an eligible wish)
 * takes its destination from the region's ledger under the ledger's row lock, in this transaction:
 * two tables deciding at once never read the same counts.
 */
export async function decideCase(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tableId: string,
  itemId: string,
  input: DecisionInput,
): Promise<TableView> {
  return db.transaction(async (tx) => {
    const table = await requireChairedTable(tx, actor, tableId, input.version, ['published']);
    assertTableHeld(table, 'Een besluit kan pas vanaf die dag worden vastgelegd.');
    const item = await repository.findAgendaItem(tx, tableId, itemId);
    if (!item || item.status !== 'open')
      throw new AppError('NOT_FOUND', 'Dit agendapunt staat niet (meer) open.');
    if (item.kind === 'escalation')
      throw new AppError(
        'ESCALATION_HAS_NO_DECISION',
        'Een escalatie uit de nazorg krijgt geen plaatsingsbesluit; de casus blijft in de nazorg.',
      );
    const facts = await caseFactsForDecision(tx, actor, item.case_id);
    if (facts.version !== input.caseVersion)
      throw new AppError(
        'VERSION_CONFLICT',
        'De casus is intussen gewijzigd. Laad de agenda opnieuw.',
        [],
        { currentVersion: facts.version },
      );
    const ruleSet = await getCurrentRuleSet(tx, table.region_id);
    if (!ruleSet) throw new AppError('RULE_SET_MISSING', 'Uw regio heeft nog geen regelset.');
    const regionCodes = new Set(ruleSet.config.municipalities.map((m) => m.code));
    const proposed = facts.proposal?.result ?? null;
    const issues: { path: string; message: string }[] = [];

    await checkParticipants(tx, table, input, issues);
    let destination = input.destination ?? null;
    let allocationId: string | null = null;
    // The rules the chair's form checks too (shared/src/tables/decision.rules.ts); the database's part here.
    const ruleFacts = {
      proposal: proposed,
      isDestinationProvisional: proposed?.destination !== facts.wish,
    };
    const isByDistribution = isDecisionByDistribution(input, ruleFacts);
    if (input.rule === 'buiten_regio') {
      destination = null;
    } else if (isByDistribution) {
      // Under A the obstacles lie in the origin, or in the municipality of the last woonadres when
      // the region's binding test left the origin unknown (rule-engine-contract.md): neither receives.
      const obstacles = [facts.originCode, proposed?.binding?.municipality].filter(
        (code): code is string => typeof code === 'string',
      );
      const excluded = [...facts.excluded, ...(input.rule === 'A' ? obstacles : [])];
      const allocation = await allocateByDistribution(tx, {
        regionId: table.region_id,
        date: dutchToday(),
        excluded,
        caseId: item.case_id,
      });
      if (!allocation.municipalityCode)
        issues.push({
          path: 'destination',
          message: 'Geen gemeente over voor verdeling: kies de bestemming.',
        });
      destination = allocation.municipalityCode;
      allocationId = allocation.allocationId;
    } else if (!destination) {
      destination = proposed?.destination ?? null;
    }
    if (destination && !regionCodes.has(destination))
      issues.push({ path: 'destination', message: 'Kies een gemeente in de regio.' });
    issues.push(...decisionIssues(input, ruleFacts));
    const departsFromProposal = decisionDepartsFromProposal(input, ruleFacts);
    if (issues.length) throw new AppError('VALIDATION_FAILED', undefined, issues);

    const [{ id: decisionId }] = await tx.query(
      `INSERT INTO table_decision (agenda_item_id, case_id, rule, destination_code, proposed_destination_code, departs_from_proposal, motivation,
         rule_set_version, allocation_id, follow_up_provider_id, present, votes, is_disputed, referral_summary, decided_by, binding)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        itemId,
        item.case_id,
        input.rule,
        destination,
        proposed?.destination ?? null,
        departsFromProposal,
        input.motivation ?? null,
        ruleSet.version,
        allocationId,
        input.followUpProviderId ?? null,
        JSON.stringify(input.present),
        JSON.stringify(input.votes),
        input.isDisputed,
        input.referralSummary ?? null,
        actor.userId,
        proposed?.binding ? JSON.stringify(proposed.binding) : null,
      ],
    );
    for (const p of input.preconditions) {
      await tx.query(
        'INSERT INTO precondition (case_id, decision_id, life_domain, description, owner_organisation_id, due_date) VALUES ($1, $2, $3, $4, $5, $6)',
        [item.case_id, decisionId, p.lifeDomain, p.description, p.ownerOrganisationId, p.dueDate],
      );
    }
    const details = { tableId, decisionId, rule: input.rule, tableDate: tableDateOf(table) };
    const decided = await moveCase(tx, context, actor, item.case_id, facts.version, {
      transition: 'decide',
      facts: { decision: true },
      decidedDestinationCode: destination,
      details,
    });
    if (input.rule === 'buiten_regio') {
      await moveCase(tx, context, actor, item.case_id, decided.version, {
        transition: 'referToOriginRegion',
        facts: { destinationOutsideRegion: true, outcome: true },
        outcome: 'referredToOriginRegion',
        details,
      });
    } else {
      // Straight on to the dwelling search, with the decision (domain.md §4).
      await moveCase(tx, context, actor, item.case_id, decided.version, {
        transition: 'startSearch',
        facts: { destinationInRegion: true },
        details,
      });
    }
    await repository.setAgendaItemStatus(tx, itemId, 'decided', null);
    await repository.bumpTableVersion(tx, tableId, input.version);
    publishAfterCommit(tx, { kind: 'table', tableId, byUserId: actor.userId });
    await notifyDecision(tx, decisionId, actor.userId);
    return viewTable(tx, context, actor, await requireTable(tx, actor, tableId));
  });
}

async function checkParticipants(
  tx: EntityManager,
  table: TableRow,
  input: DecisionInput,
  issues: { path: string; message: string }[],
): Promise<void> {
  const presentIds = [...new Set(input.present.map((p) => p.organisationId))];
  if (
    (await repository.countOrganisationsInRegion(tx, table.region_id, presentIds)) !==
    presentIds.length
  ) {
    issues.push({
      path: 'present',
      message: 'Aanwezig kunnen alleen organisaties uit de regio zijn.',
    });
  }
  input.votes.forEach((vote, i) => {
    if (!presentIds.includes(vote.organisationId))
      issues.push({
        path: `votes.${i}.organisationId`,
        message: 'Alleen wie aanwezig is, geeft akkoord of bezwaar.',
      });
  });
  const owners = [...new Set(input.preconditions.map((p) => p.ownerOrganisationId))];
  if (
    (await repository.countOrganisationsInRegion(tx, table.region_id, owners)) !== owners.length
  ) {
    issues.push({
      path: 'preconditions',
      message: 'Elke randvoorwaarde heeft een eigenaar uit de regio.',
    });
  }
  if (
    input.followUpProviderId &&
    (await repository.countOrganisationsInRegion(
      tx,
      table.region_id,
      [input.followUpProviderId],
      'provider',
    )) !== 1
  ) {
    issues.push({ path: 'followUpProviderId', message: 'Kies een zorgaanbieder uit de regio.' });
  }
}

/** The minutes as a PDF: the reader's own view of the table, so each seat's copy shows only what it may. */
export async function getMinutesPdf(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tableId: string,
): Promise<{ pdf: Buffer; filename: string }> {
  return db.transaction(async (tx) => {
    const table = await requireTable(tx, actor, tableId);
    const view = await viewTable(tx, context, actor, table);
    const names = new Map(
      (await getCurrentRuleSet(tx, table.region_id))?.config.municipalities.map((m) => [
        m.code,
        m.name,
      ]) ?? [],
    );
    await writeAudit(tx, context, {
      action: 'table.minutes',
      objectType: 'table',
      objectId: tableId,
      purpose,
      outcome: 'success',
      details: { tableDate: tableDateOf(table) },
    });
    const pdf = await minutesPdf(
      view,
      (code) => (code ? (names.get(code) ?? code) : '—'),
      new Date(),
    );
    return { pdf, filename: `notulen-${tableDateOf(table)}.pdf` };
  });
}

/** The letter to the resident about the table's latest decision on their case (owning case manager only). */
export async function getDecisionLetter(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
) {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    assertCanOnDecisionLetter(actor, 'read', row);
    const [decision] = await tx.query(
      `SELECT d.id, d.rule, trim(d.destination_code) AS destination, trim(t.municipality_code) AS table_municipality, d.motivation, d.decided_at, p.name AS provider
         FROM table_decision d JOIN agenda_item a ON a.id = d.agenda_item_id JOIN outflow_table t ON t.id = a.table_id
         LEFT JOIN organisation p ON p.id = d.follow_up_provider_id
        WHERE d.case_id = $1 AND d.corrected_at IS NULL ORDER BY d.decided_at DESC LIMIT 1`,
      [caseId],
    );
    if (!decision) throw new AppError('NOT_FOUND', 'Er is nog geen besluit over deze casus.');
    const preconditions = await repository.findPreconditions(tx, [decision.id]);
    const nameOf = await municipalityNamer(tx, row.region_id);
    // The objection procedure is the municipality's own text in the rule set (or a default).
    const municipalities =
      (await getCurrentRuleSet(tx, row.region_id))?.config.municipalities ?? [];
    await writeAudit(tx, context, {
      action: 'case.letter',
      objectType: 'case',
      objectId: caseId,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields: ['identity', 'decision'],
    });
    return decisionLetter(
      toLetterFacts(
        {
          firstName: row.sections.identity?.firstName ?? '',
          addressBlock: letterAddressBlock(row.sections, nameOf),
          objectionProcedure: objectionProcedureFor(
            // The municipality that decides on an objection: the destination, or for a referral
            // out of the region the municipality the table sits for.
            municipalities.find(
              (m) => m.code === (decision.destination ?? decision.table_municipality),
            ),
          ),
          rule: decision.rule,
          destinationName: decision.destination ? nameOf(decision.destination) : null,
          originName: row.origin_code ? nameOf(row.origin_code) : null,
          motivation: decision.motivation,
          decisionDate: amsterdamDate(decision.decided_at),
          ownerName: row.owner_name,
          ownerOrganisation: row.owner_organisation_name,
          preconditions: preconditions.map(
            (p: { description: string; ownerName: string; dueDate: string }) => p,
          ),
          followUpProvider: decision.provider,
          outcome: row.outcome,
        },
        actor.seat,
      ),
    );
  });
}

/**
 * The table's latest decision on a case, for the case page: destination, rule, preconditions with
 * owners and due dates (overdue flagged by the reader), follow-up provider. The motivation may carry
 * an exception's reasons and goes only to seats that read the exceptions.
 */
export async function getCaseDecision(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
) {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const [decision] = await tx.query(
      `SELECT d.id, d.rule, trim(d.destination_code) AS destination, d.motivation, d.departs_from_proposal, d.is_disputed, d.decided_at,
              t.id AS table_id, t.title AS table_title, t.starts_at, p.name AS provider
         FROM table_decision d JOIN agenda_item a ON a.id = d.agenda_item_id JOIN outflow_table t ON t.id = a.table_id
         LEFT JOIN organisation p ON p.id = d.follow_up_provider_id
        WHERE d.case_id = $1 AND d.corrected_at IS NULL ORDER BY d.decided_at DESC LIMIT 1`,
      [caseId],
    );
    if (!decision) throw new AppError('NOT_FOUND', 'Er is nog geen besluit over deze casus.');
    const { fields } = await projectCaseFields(tx, actor, row);
    await writeAudit(tx, context, {
      action: 'case.read',
      objectType: 'case',
      objectId: caseId,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields: ['decision'],
    });
    const full: CaseDecision = {
      rule: decision.rule,
      destination: decision.destination,
      departsFromProposal: decision.departs_from_proposal,
      isDisputed: decision.is_disputed,
      decidedAt: decision.decided_at.toISOString(),
      followUpProvider: decision.provider,
      table: {
        id: decision.table_id,
        title: decision.table_title,
        startsAt: decision.starts_at.toISOString(),
      },
      preconditions: (await repository.findPreconditions(tx, [decision.id])).map((p) => ({
        ...p,
        mayComplete:
          !p.isDone &&
          mayCompletePrecondition(actor, {
            ownerOrganisationId: p.ownerOrganisationId,
            regionId: row.region_id,
          }),
      })),
      motivation: decision.motivation,
    };
    return toCaseDecisionView(full, actor.seat, fields);
  });
}

/**
 * The preconditions of the case's latest decision that are not done yet (closing lists them,
 * issue 27.1). For a case the caller has already read within the actor's reach.
 */
export async function openPreconditionsOf(tx: EntityManager, caseId: string) {
  const [decision]: { id: string }[] = await tx.query(
    'SELECT id FROM table_decision WHERE case_id = $1 AND corrected_at IS NULL ORDER BY decided_at DESC LIMIT 1',
    [caseId],
  );
  if (!decision) return [];
  return (await repository.findPreconditions(tx, [decision.id]))
    .filter((p) => !p.isDone)
    .map(({ id, lifeDomain, description, ownerName, dueDate }) => ({
      id,
      lifeDomain,
      description,
      ownerName,
      dueDate,
    }));
}

/**
 * Marks a precondition done, once: its owning organisation or the region's chair. The row lock makes
 * two clicks at once land one after the other; the second finds it done and gets a conflict.
 */
export async function completePrecondition(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  preconditionId: string,
) {
  await db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const [precondition]: { owner_organisation_id: string; is_done: boolean }[] = await tx.query(
      'SELECT owner_organisation_id, done_at IS NOT NULL AS is_done FROM precondition WHERE id = $1 AND case_id = $2 FOR UPDATE',
      [preconditionId, caseId],
    );
    if (!precondition)
      throw new AppError('NOT_FOUND', 'Deze randvoorwaarde bestaat niet bij deze casus.');
    assertCanOnPrecondition(actor, 'complete', {
      ownerOrganisationId: precondition.owner_organisation_id,
      regionId: row.region_id,
    });
    if (precondition.is_done)
      throw new AppError('PRECONDITION_ALREADY_DONE', 'Deze randvoorwaarde is al gereed gemeld.');
    await tx.query('UPDATE precondition SET done_at = now(), done_by = $2 WHERE id = $1', [
      preconditionId,
      actor.userId,
    ]);
    await tx.query('UPDATE case_file SET last_activity_at = now() WHERE id = $1', [caseId]);
    await writeAudit(tx, context, {
      action: 'case.update',
      objectType: 'case',
      objectId: caseId,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields: ['decision'],
      details: { preconditionId, done: true },
    });
    publishAfterCommit(tx, { kind: 'case', caseId, byUserId: actor.userId });
  });
  return getCaseDecision(db, context, actor, caseId);
}

// ---- for the live layer ----

/** Whether the table lies in the actor's reach: a page may follow it live only then. */
export async function isTableInReach(
  db: DataSource,
  actor: Actor,
  tableId: string,
): Promise<boolean> {
  return (await repository.findTableInScope(db.manager, actor, tableId)) !== null;
}

/** The tables whose agenda shows these cases: a change to a case changes what their pages show. */
export async function tablesShowingCases(
  db: DataSource,
  caseIds: readonly string[],
): Promise<string[]> {
  return caseIds.length ? repository.findTablesShowingCases(db.manager, caseIds) : [];
}

/**
 * Escalation from follow-up support (issue 13): the case goes on the agenda of one of its region's
 * tables still to meet, as an item of its own kind, inside the caller's transaction. The case's
 * state does not move (it stays in aftercare), so no `schedule` step is taken. The note names no
 * care detail: invited corporations read the shared agenda.
 */
export async function escalateToTable(
  tx: EntityManager,
  actor: Actor,
  tableId: string,
  caseId: string,
  regionId: string,
): Promise<{ itemId: string; tableTitle: string }> {
  const [table] = await repository.listUpcomingTablesOfRegion(tx, regionId, tableId);
  if (!table)
    throw new AppError('VALIDATION_FAILED', undefined, [
      {
        path: 'escalateToTableId',
        message: 'Kies een tafel van uw regio die nog moet plaatsvinden.',
      },
    ]);
  const itemId = await repository
    .insertEscalationItem(tx, tableId, caseId, actor.userId, 'Escalatie uit de nazorg')
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'agenda_item_one_open_per_case'))
        throw new AppError('CASE_ALREADY_ON_AGENDA', 'Deze casus staat al op een agenda.');
      throw error;
    });
  await tx.query('UPDATE outflow_table SET version = version + 1 WHERE id = $1', [tableId]);
  publishAfterCommit(tx, { kind: 'table', tableId, byUserId: actor.userId });
  return { itemId, tableTitle: table.title };
}

export async function upcomingTablesOfRegion(db: DataSource, regionId: string) {
  return (await repository.listUpcomingTablesOfRegion(db.manager, regionId)).map((t) => ({
    id: t.id,
    title: t.title,
    startsAt: t.starts_at.toISOString(),
  }));
}

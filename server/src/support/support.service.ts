import type { DataSource, EntityManager } from 'typeorm';
import {
  dutchWallClockToMoment,
  dutchToday,
  AppError,
  formatDutchDate,
  intensityDirection,
  isCheckAnswerable,
  isOutcomeAllowed,
  isPlanAgreed,
  isSupportWritable,
  openItemsAtClosing,
  planAgreementSide,
  type CloseSupport,
  type RaiseSignal,
  type RelapsePlanInput,
  type StartSupport,
  type SupportEntry,
  type SupportView,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { recordPartnerEvent } from '../core/partner-events';
import { writeAudit, type AuditRecord } from '../core/audit-writer';
import { publishAfterCommit } from '../core/live-events';
import { notify } from '../notifications';
import { isFollowUpProviderOf, moveCase, requireCase, type CaseRow } from '../cases';
import { isUniqueViolation } from '../core/db';
import { escalateToTable, openPreconditionsOf, upcomingTablesOfRegion } from '../tables';
import { toSupportView } from './support.projection';
import { assertCanOnSupport, canOnSupport, type SupportFacts } from './support.policy';
import * as repository from './support.repository';

const purpose = 'case_coordination' as const;
const today = () => dutchToday();

function audit(
  tx: EntityManager,
  context: RequestContext,
  row: CaseRow,
  action: AuditRecord['action'],
  fields: string[],
  details?: Record<string, unknown>,
) {
  return writeAudit(tx, context, {
    action,
    objectType: 'case',
    objectId: row.id,
    subjectPseudonym: row.pseudonym,
    purpose,
    outcome: 'success',
    fields,
    details,
  });
}

/** The whole support log, then the actor's seat's projection of it: the one way it leaves. */
async function viewSupport(
  tx: EntityManager,
  actor: Actor,
  row: CaseRow,
): Promise<{ view: Partial<SupportView>; fields: string[] }> {
  const support = await repository.findSupport(tx, row.id);
  const log = support
    ? await repository.loadLog(tx, row.id)
    : { intensity: [], goals: [], contacts: [], respite: [], signals: [], plan: null, checks: [] };
  const iso = (value: Date | null) => value?.toISOString() ?? null;
  const facts = supportFacts(row, support);
  const full: SupportView = {
    caseId: row.id,
    pseudonym: row.pseudonym,
    isStarted: support !== null,
    isClosed: row.state === 'closed',
    keyHandoverDate: support?.key_handover_date ?? null,
    startedOn: support?.started_on ?? null,
    providerName: support?.provider_name ?? null,
    landlordName: support?.landlord_name ?? null,
    recordedMove: await repository.findRecordedMove(tx, row.id),
    currentHoursPerWeek: log.intensity.at(-1)?.hoursPerWeek ?? null,
    intensity: log.intensity,
    goals: log.goals.map(
      (g: { updatedAt: Date } & Omit<SupportView['goals'][number], 'updatedAt'>) => ({
        ...g,
        updatedAt: g.updatedAt.toISOString(),
      }),
    ),
    contacts: log.contacts,
    respite: log.respite,
    signals: log.signals.map(
      (s: {
        id: string;
        kind: never;
        severity: never;
        date: string;
        description: string | null;
        tableId: string | null;
        tableTitle: string | null;
      }) => ({
        id: s.id,
        kind: s.kind,
        severity: s.severity,
        date: s.date,
        description: s.description,
        escalatedToTable: s.tableId ? { id: s.tableId, title: s.tableTitle ?? '' } : null,
      }),
    ),
    plan: log.plan
      ? {
          ...log.plan,
          draftedAt: log.plan.draftedAt.toISOString(),
          providerAgreedAt: iso(log.plan.providerAgreedAt),
          municipalityAgreedAt: iso(log.plan.municipalityAgreedAt),
          isAgreed: isPlanAgreed({
            providerAgreedAt: iso(log.plan.providerAgreedAt),
            municipalityAgreedAt: iso(log.plan.municipalityAgreedAt),
          }),
        }
      : null,
    checks: log.checks.map(
      (k: {
        id: string;
        months: 6 | 12;
        dueOn: string;
        stillLivesThere: boolean | null;
        tenancyConverted: boolean | null;
        answeredAt: Date | null;
      }) => ({
        ...k,
        isAnswered: k.answeredAt !== null,
        answeredAt: iso(k.answeredAt),
      }),
    ),
    openPreconditions: await openPreconditionsOf(tx, row.id),
    can: {
      start: canOnSupport(actor, 'start', facts) && row.state === 'moved',
      write: canOnSupport(actor, 'write', facts) && isSupportWritable(row.state, support !== null),
      agreePlan:
        canOnSupport(actor, 'agreePlan', facts) && row.state === 'aftercare' && log.plan !== null,
      close: canOnSupport(actor, 'close', facts) && row.state === 'aftercare',
      answerChecks:
        canOnSupport(actor, 'answerChecks', facts) && isCheckAnswerable(row.state, false),
    },
  };
  const { view, fields } = toSupportView(full, actor.seat);
  return { view, fields: [...fields] };
}

const supportFacts = (
  row: CaseRow,
  support: { provider_organisation_id: string } | null,
): SupportFacts => ({
  decidedDestinationCode: row.decided_destination_code,
  providerOrganisationId: support?.provider_organisation_id ?? null,
});

export async function getSupport(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
): Promise<Partial<SupportView>> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const { view, fields } = await viewSupport(tx, actor, row);
    await audit(
      tx,
      context,
      row,
      'support.read',
      fields.filter((f) =>
        ['intensity', 'goals', 'contacts', 'respite', 'signals', 'plan', 'checks'].includes(f),
      ),
    );
    return view;
  });
}

/** The case with its support record, for a write by the follow-up provider while support runs. */
async function requireRunningSupport(
  tx: EntityManager,
  actor: Actor,
  caseId: string,
): Promise<CaseRow> {
  const row = await requireCase(tx, actor, caseId, { lock: true });
  const support = await repository.findSupport(tx, row.id);
  assertCanOnSupport(actor, 'write', supportFacts(row, support));
  if (!isSupportWritable(row.state, support !== null)) {
    throw new AppError(
      row.state === 'closed' ? 'CASE_CLOSED' : 'SUPPORT_NOT_ACTIVE',
      row.state === 'closed'
        ? 'Deze casus is afgesloten; alleen de nametingen staan nog open.'
        : 'De nazorg is nog niet gestart.',
    );
  }
  return row;
}

/**
 * The key handover date and the landlord support starts from. A recorded move-in (placements) is
 * the source: a differing value is refused at its field. Without one (cases moved outside the
 * placements module) the provider gives both.
 */
async function factsOfTheMove(
  tx: EntityManager,
  row: CaseRow,
  input: StartSupport,
): Promise<{ keyHandoverDate: string; landlordOrganisationId: string }> {
  const recorded = await repository.findRecordedMove(tx, row.id);
  if (recorded) {
    const issues = [
      ...(input.keyHandoverDate !== undefined && input.keyHandoverDate !== recorded.keyHandoverDate
        ? [
            {
              path: 'keyHandoverDate',
              message: `De sleuteloverdracht is bij de verhuizing vastgelegd op ${formatDutchDate(recorded.keyHandoverDate)}.`,
            },
          ]
        : []),
      ...(input.landlordOrganisationId !== undefined &&
      input.landlordOrganisationId !== recorded.landlordOrganisationId
        ? [
            {
              path: 'landlordOrganisationId',
              message: `De verhuurder is bij de verhuizing vastgelegd: ${recorded.landlordName}.`,
            },
          ]
        : []),
    ];
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', undefined, issues);
    if (input.startedOn < recorded.keyHandoverDate) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'startedOn', message: 'De nazorg start op of na de sleuteloverdracht.' },
      ]);
    }
    return {
      keyHandoverDate: recorded.keyHandoverDate,
      landlordOrganisationId: recorded.landlordOrganisationId,
    };
  }
  const missing = [
    ...(input.keyHandoverDate === undefined
      ? [{ path: 'keyHandoverDate', message: 'Vul de datum van de sleuteloverdracht in.' }]
      : []),
    ...(input.landlordOrganisationId === undefined
      ? [{ path: 'landlordOrganisationId', message: 'Kies de corporatie die de woning verhuurt.' }]
      : []),
  ];
  if (missing.length > 0) throw new AppError('VALIDATION_FAILED', undefined, missing);
  const { keyHandoverDate, landlordOrganisationId } = input as {
    keyHandoverDate: string;
    landlordOrganisationId: string;
  };
  if (!(await repository.isCorporationOfRegion(tx, landlordOrganisationId, row.region_id))) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'landlordOrganisationId', message: 'Kies een woningcorporatie uit uw regio.' },
    ]);
  }
  return { keyHandoverDate, landlordOrganisationId };
}

export async function startSupport(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: StartSupport,
): Promise<Partial<SupportView>> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId, { lock: true });
    const isFollowUpProvider = isFollowUpProviderOf(
      actor,
      await repository.findDecidedProvider(tx, row.id),
    );
    if (input.startedOn > today())
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'startedOn', message: 'De startdatum ligt niet in de toekomst.' },
      ]);
    const facts = await factsOfTheMove(tx, row, input);
    await moveCase(tx, context, actor, row.id, input.version, {
      transition: 'startAftercare',
      facts: { isFollowUpProvider },
      details: { startedOn: input.startedOn },
    });
    await repository.insertSupport(tx, row.id, actor.organisationId, actor.userId, {
      ...input,
      ...facts,
    });
    await audit(tx, context, row, 'support.start', ['intensity']);
    return (await viewSupport(tx, actor, await requireCase(tx, actor, caseId))).view;
  });
}

export async function addEntry(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  entry: SupportEntry,
): Promise<Partial<SupportView>> {
  return db.transaction(async (tx) => {
    const row = await requireRunningSupport(tx, actor, caseId);
    const direction =
      entry.type === 'intensity'
        ? intensityDirection(await repository.currentHours(tx, row.id), entry.hoursPerWeek)
        : 'start';
    if (!(await repository.insertEntry(tx, row.id, actor.userId, entry, direction)))
      throw new AppError('NOT_FOUND', 'Dit doel hoort niet bij deze casus.');
    await repository.touchCase(tx, row.id);
    const part = {
      contact: 'contacts',
      intensity: 'intensity',
      goal: 'goals',
      goalProgress: 'goals',
      respite: 'respite',
    }[entry.type];
    await audit(tx, context, row, 'support.write', [part], { entry: entry.type });
    publishAfterCommit(tx, { kind: 'case', caseId: row.id, byUserId: actor.userId });
    return (await viewSupport(tx, actor, row)).view;
  });
}

/**
 * A signal, told to the seats that must act on it (notify's rules: arrears and nuisance to the
 * landlord, without care details; a relapse to the municipality and the case manager). With a
 * table named, the case goes on its agenda as an escalation in the same transaction; it stays in
 * follow-up support.
 */
export async function raiseSignal(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: RaiseSignal,
): Promise<Partial<SupportView>> {
  return db.transaction(async (tx) => {
    const row = await requireRunningSupport(tx, actor, caseId);
    const escalation = input.escalateToTableId
      ? await escalateToTable(tx, actor, input.escalateToTableId, row.id, row.region_id)
      : null;
    await repository.insertSignal(tx, row.id, actor.userId, {
      kind: input.kind,
      severity: input.severity,
      date: input.date,
      description: input.description,
      agendaItemId: escalation?.itemId ?? null,
    });
    await repository.touchCase(tx, row.id);
    await notify(
      tx,
      {
        kind: 'signal',
        regionId: row.region_id,
        caseId: row.id,
        pseudonym: row.pseudonym,
        caseOwnerUserId: row.owner_user_id,
        destinationMunicipalityCode: row.decided_destination_code,
        signalKind: input.kind,
      },
      { actorUserId: actor.userId },
    );
    await audit(tx, context, row, 'support.signal', ['signals'], {
      signalKind: input.kind,
      escalated: escalation !== null,
    });
    await recordPartnerEvent(tx, { kind: 'signalRaised', caseId: row.id });
    publishAfterCommit(tx, { kind: 'case', caseId: row.id, byUserId: actor.userId });
    return (await viewSupport(tx, actor, row)).view;
  });
}

export async function saveRelapsePlan(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: RelapsePlanInput,
): Promise<Partial<SupportView>> {
  return db.transaction(async (tx) => {
    const row = await requireRunningSupport(tx, actor, caseId);
    const current = await repository.latestPlanVersion(tx, row.id);
    if (current !== input.basedOnVersion)
      throw new AppError(
        'VERSION_CONFLICT',
        'Het plan is intussen gewijzigd. Laad de nieuwste versie.',
        [],
        { currentVersion: current },
      );
    await repository
      .insertPlanVersion(tx, row.id, current + 1, actor.userId, input)
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'relapse_plan_case_id_version_key'))
          throw new AppError('VERSION_CONFLICT', undefined, [], { currentVersion: current + 1 });
        throw error;
      });
    await audit(tx, context, row, 'support.plan', ['plan'], { planVersion: current + 1 });
    publishAfterCommit(tx, { kind: 'case', caseId: row.id, byUserId: actor.userId });
    return (await viewSupport(tx, actor, row)).view;
  });
}

/** The provider and the destination municipality agree one version of the plan, each for its own side. */
export async function agreeRelapsePlan(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  version: number,
): Promise<Partial<SupportView>> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId, { lock: true });
    if (row.state !== 'aftercare')
      throw new AppError('SUPPORT_NOT_ACTIVE', 'Instemmen kan alleen tijdens de nazorg.');
    assertCanOnSupport(
      actor,
      'agreePlan',
      supportFacts(row, await repository.findSupport(tx, row.id)),
    );
    // The policy admits only the two sides of the plan.
    const side = planAgreementSide(actor.seat)!;
    const latest = await repository.latestPlanVersion(tx, row.id);
    if (latest === 0) throw new AppError('PLAN_MISSING', 'Er is nog geen terugvalpreventieplan.');
    if (latest !== version)
      throw new AppError('VERSION_CONFLICT', 'Er is een nieuwere versie van het plan.', [], {
        currentVersion: latest,
      });
    await repository.agreePlan(tx, row.id, version, side, actor.userId);
    await audit(tx, context, row, 'support.plan', ['plan'], { planVersion: version, agreed: side });
    publishAfterCommit(tx, { kind: 'case', caseId: row.id, byUserId: actor.userId });
    return (await viewSupport(tx, actor, row)).view;
  });
}

/** A follow-up check: the one thing the provider still records on a closed case. */
export async function answerCheck(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  checkId: string,
  answer: { stillLivesThere: boolean; tenancyConverted: boolean },
): Promise<Partial<SupportView>> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId, { lock: true });
    const support = await repository.findSupport(tx, row.id);
    assertCanOnSupport(actor, 'answerChecks', supportFacts(row, support));
    if (!isCheckAnswerable(row.state, false))
      throw new AppError(
        'FOLLOW_UP_CHECK_CLOSED',
        'Deze nameting kan niet (meer) worden beantwoord.',
      );
    if (!(await repository.answerCheck(tx, row.id, checkId, actor.userId, answer)))
      throw new AppError('NOT_FOUND', 'Deze nameting bestaat niet of is al beantwoord.');
    await audit(tx, context, row, 'support.check', ['checks'], { checkId });
    publishAfterCommit(tx, { kind: 'case', caseId: row.id, byUserId: actor.userId });
    return (await viewSupport(tx, actor, row)).view;
  });
}

/** Closing from follow-up support (domain.md §4): an outcome and a date, by the case manager or the follow-up provider. */
export async function closeSupport(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: CloseSupport,
): Promise<Partial<SupportView>> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId, { lock: true });
    const support = await repository.findSupport(tx, row.id);
    if (input.closedOn > today() || (support && input.closedOn < support.started_on)) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'closedOn', message: 'De datum ligt tussen de start van de nazorg en vandaag.' },
      ]);
    }
    const openItems = openItemsAtClosing({
      signals: support ? (await repository.loadLog(tx, row.id)).signals : [],
      preconditions: await openPreconditionsOf(tx, row.id),
      closedOn: input.closedOn,
    });
    await moveCase(tx, context, actor, row.id, input.version, {
      transition: 'close',
      outcome: input.outcome,
      closedAt: dutchWallClockToMoment(input.closedOn, '12:00')!.toISOString(),
      facts: {
        outcome: isOutcomeAllowed('close', input.outcome),
        closingDate: true,
        isFollowUpProvider: support?.provider_organisation_id === actor.organisationId,
      },
      details: { outcome: input.outcome, closedOn: input.closedOn },
      // The reason is free text: the case's log keeps it, the audit log does not.
      ...(input.openItemsReason
        ? { eventDetails: { openItems, openItemsReason: input.openItemsReason } }
        : {}),
    });
    // Open signals or preconditions do not forbid closing, but they ask why (issue 27.1). Asked
    // once the step itself is allowed; the refusal rolls the step back with the transaction.
    if (openItems.length > 0 && !input.openItemsReason)
      throw new AppError('VALIDATION_FAILED', 'Er staat nog iets open bij deze casus.', [
        {
          path: 'openItemsReason',
          message: `Er staat nog iets open (${openItems.join('; ')}). Geef een reden om toch af te sluiten.`,
        },
      ]);
    await audit(tx, context, row, 'support.close', ['state']);
    return (await viewSupport(tx, actor, await requireCase(tx, actor, caseId))).view;
  });
}

export async function listEscalationTables(db: DataSource, actor: Actor) {
  return upcomingTablesOfRegion(db, actor.regionId);
}

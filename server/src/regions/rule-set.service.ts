import { DataSource, type EntityManager } from 'typeorm';
import {
  AppError,
  agreementPeriodOn,
  allocateByDistribution as chooseByDistribution,
  describeRuleSetChanges,
  storedRuleSetConfigSchema,
  type AgreementPeriod,
  type DistributionResult,
  type RuleSet,
  type RuleSetConfig,
  type RuleSetDraftState,
  type RuleSetHistory,
  type PublishRuleSetDraftRequest,
  type SaveRuleSetDraftRequest,
  type UpdateRuleSetRequest,
  type RegionOverview,
  type RegionOrganisation,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { isUniqueViolation } from '../core/db';
import { ruleSetScopeOf } from './regions.policy';
import {
  countOpenAllocations,
  deleteRuleSetDraft,
  ensureLedger,
  findAllocation,
  findCurrentRuleSet,
  findMunicipalitiesOfOtherRegions,
  findRuleSetDraft,
  findRuleSetVersion,
  insertAllocation,
  insertRuleSet,
  listRuleSets,
  lockLedger,
  lockRegionForRuleSetChange,
  markAllocationReturned,
  saveRuleSetDraft as writeRuleSetDraft,
  upsertMunicipalities,
  type RuleSetDraftRow,
  type RuleSetRow,
} from './rule-set.repository';

const audit = { objectType: 'ruleSet', purpose: 'administration' as const };

function managerOf(db: DataSource | EntityManager): EntityManager {
  return db instanceof DataSource ? db.manager : db;
}

/** A stored config as the API shows it: parsed again, so what leaves is what the schema says. */
function toConfig(config: unknown, where: string): RuleSetConfig {
  const parsed = storedRuleSetConfigSchema.safeParse(config);
  if (!parsed.success) throw new Error(`${where} holds a config the schema refuses`);
  return parsed.data;
}

function personOf(id: string | null, name: string | null) {
  return id && name ? { id, displayName: name } : null;
}

/** A stored row as the API shows it. */
function toRuleSet(row: RuleSetRow): RuleSet {
  return {
    version: row.version,
    config: toConfig(row.config, `rule_set ${row.id}`),
    createdAt: row.created_at.toISOString(),
    createdBy: personOf(row.created_by, row.created_by_name),
    publishedAt: row.published_at.toISOString(),
    publishedBy: personOf(row.published_by, row.published_by_name),
  };
}

const noRuleSetYet = () => new AppError('NOT_FOUND', 'Deze regio heeft nog geen instellingen.');

// ---------------------------------------------------------------------------------------------
// For other modules: the configuration they read.

/** The newest version of a region's rule set; null for a region that has none yet. */
export async function getCurrentRuleSet(
  db: DataSource | EntityManager,
  regionId: string,
): Promise<RuleSet | null> {
  const row = await findCurrentRuleSet(managerOf(db), regionId);
  return row ? toRuleSet(row) : null;
}

/** A municipality's name in the region's current rule set (the code where the region does not name it). */
export async function municipalityNamer(
  db: DataSource | EntityManager,
  regionId: string,
): Promise<(code: string) => string> {
  const municipalities = (await getCurrentRuleSet(db, regionId))?.config.municipalities ?? [];
  return (code) => municipalities.find((m) => m.code === code)?.name ?? code;
}

/** One version of a region's rule set (a decision shows the version it was taken under). */
export async function getRuleSetVersion(
  db: DataSource | EntityManager,
  regionId: string,
  version: number,
): Promise<RuleSet | null> {
  const row = await findRuleSetVersion(managerOf(db), regionId, version);
  return row ? toRuleSet(row) : null;
}

/** Whether a CBS code is one of the region's municipalities. */
export async function isMunicipalityOfRegion(
  db: DataSource | EntityManager,
  regionId: string,
  code: string,
): Promise<boolean> {
  return (
    (
      await managerOf(db).query('SELECT 1 FROM municipality WHERE code = $1 AND region_id = $2', [
        code,
        regionId,
      ])
    ).length > 0
  );
}

/** Whether every seat of the region signs in with a second factor. No rule set yet: yes (fail closed). */
export async function isTwoFactorRequired(
  db: DataSource | EntityManager,
  regionId: string,
): Promise<boolean> {
  return (await getCurrentRuleSet(db, regionId))?.config.twoFactorRequired ?? true;
}

/** The part of the configuration every seat of the region reads (no personal data: not audited). */
export async function readRegionOverview(db: DataSource, actor: Actor): Promise<RegionOverview> {
  const [region] = await db.query('SELECT slug, name FROM region WHERE id = $1', [actor.regionId]);
  const ruleSet = await getCurrentRuleSet(db, actor.regionId);
  return {
    slug: region.slug,
    name: region.name,
    ruleSetVersion: ruleSet?.version ?? null,
    municipalities: (ruleSet?.config.municipalities ?? []).map(({ code, name, population }) => ({
      code,
      name,
      population,
    })),
    targetGroups: ruleSet?.config.targetGroups ?? [],
    youthAgeBand: ruleSet?.config.youthAgeBand ?? null,
    stalledCaseDays: ruleSet?.config.stalledCaseDays ?? null,
    waitingTargetDays: ruleSet?.config.waitingTargetDays ?? null,
    bindingTest: ruleSet?.config.bindingTest ?? null,
  };
}

/** The organisations of the actor's region, by kind and name (no personal data). */
export async function listRegionOrganisations(
  db: DataSource,
  actor: Actor,
): Promise<RegionOrganisation[]> {
  return db.query(
    `SELECT id, kind, name, trim(municipality_code) AS "municipalityCode" FROM organisation WHERE region_id = $1 ORDER BY kind, name`,
    [actor.regionId],
  );
}

// ---------------------------------------------------------------------------------------------
// The regionAdmin's use cases.

export async function readCurrentRuleSet(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
): Promise<RuleSet> {
  const { regionId } = ruleSetScopeOf(actor);
  return db.transaction(async (tx) => {
    const row = await findCurrentRuleSet(tx, regionId);
    if (!row) throw noRuleSetYet();
    await writeAudit(tx, context, {
      ...audit,
      action: 'ruleSet.read',
      objectId: row.id,
      outcome: 'success',
      details: { version: row.version },
    });
    return toRuleSet(row);
  });
}

export async function readRuleSetVersion(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  version: number,
): Promise<RuleSet> {
  const { regionId } = ruleSetScopeOf(actor);
  return db.transaction(async (tx) => {
    const row = await findRuleSetVersion(tx, regionId, version);
    if (!row) throw new AppError('NOT_FOUND', `Versie ${version} bestaat niet.`);
    await writeAudit(tx, context, {
      ...audit,
      action: 'ruleSet.read',
      objectId: row.id,
      outcome: 'success',
      details: { version },
    });
    return toRuleSet(row);
  });
}

/** Every version, newest first, each with what changed against the one before. */
export async function readRuleSetHistory(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
): Promise<RuleSetHistory> {
  const { regionId } = ruleSetScopeOf(actor);
  return db.transaction(async (tx) => {
    const ruleSets = (await listRuleSets(tx, regionId)).map(toRuleSet);
    await writeAudit(tx, context, {
      ...audit,
      objectType: 'region',
      action: 'ruleSet.read',
      objectId: regionId,
      outcome: 'success',
      details: { history: ruleSets.length },
    });
    const versions = ruleSets.map((ruleSet, index) => ({
      version: ruleSet.version,
      createdAt: ruleSet.createdAt,
      createdBy: ruleSet.createdBy,
      publishedAt: ruleSet.publishedAt,
      publishedBy: ruleSet.publishedBy,
      changes: describeRuleSetChanges(ruleSets[index - 1]?.config ?? null, ruleSet.config),
    }));
    return { versions: versions.reverse() };
  });
}

type UpdateOutcome =
  { kind: 'saved'; ruleSet: RuleSet } | { kind: 'conflict'; currentVersion: number };

/**
 * Saves a change as the next version. The region row is locked first, so of two saves on the same
 * version exactly one wins; the other finds a newer version and answers VERSION_CONFLICT (the
 * UNIQUE (region_id, version) constraint backs this up). A conflict is audited, and thrown after
 * commit so that its audit entry stays.
 */
export async function updateRuleSet(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  request: UpdateRuleSetRequest,
): Promise<RuleSet> {
  const { regionId } = ruleSetScopeOf(actor, 'update');
  let outcome: UpdateOutcome;
  try {
    outcome = await db.transaction(async (tx): Promise<UpdateOutcome> => {
      if (!(await lockRegionForRuleSetChange(tx, regionId))) throw new AppError('NOT_FOUND');
      const current = await findCurrentRuleSet(tx, regionId);
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== request.expectedVersion) {
        await writeAudit(tx, context, {
          ...audit,
          action: 'ruleSet.update',
          objectId: current?.id,
          outcome: 'failure',
          details: {
            reason: 'VERSION_CONFLICT',
            expectedVersion: request.expectedVersion,
            currentVersion,
          },
        });
        return { kind: 'conflict', currentVersion };
      }
      const ruleSet = await insertCurrentVersion(tx, context, regionId, current, request.config, {
        action: 'ruleSet.update',
        author: { createdBy: actor.userId, publishedBy: actor.userId },
      });
      return { kind: 'saved', ruleSet };
    });
  } catch (error) {
    if (!isUniqueViolation(error, 'rule_set_region_id_version_key')) throw error;
    outcome = {
      kind: 'conflict',
      currentVersion: (await findCurrentRuleSet(db.manager, regionId))?.version ?? 0,
    };
  }
  if (outcome.kind === 'conflict') {
    const { currentVersion } = outcome;
    throw new AppError(
      'VERSION_CONFLICT',
      `Iemand anders heeft intussen versie ${currentVersion} opgeslagen.`,
      [],
      { currentVersion },
    );
  }
  return outcome.ruleSet;
}

/**
 * Makes a config the region's next and current version: the municipality registry follows it, and
 * the audit entry says what changed. The caller holds the region's rule-set lock.
 */
async function insertCurrentVersion(
  tx: EntityManager,
  context: RequestContext,
  regionId: string,
  current: RuleSetRow | null,
  config: RuleSetConfig,
  options: {
    action: 'ruleSet.update' | 'ruleSet.publish';
    author: { createdBy: string | null; createdAt?: Date; publishedBy: string };
  },
): Promise<RuleSet> {
  await refuseMunicipalitiesOfOtherRegions(tx, regionId, config);
  const row = await insertRuleSet(
    tx,
    regionId,
    (current?.version ?? 0) + 1,
    config,
    options.author,
  );
  await upsertMunicipalities(tx, regionId, config.municipalities);
  const previous = current ? toRuleSet(current).config : null;
  await writeAudit(tx, context, {
    ...audit,
    action: options.action,
    objectId: row.id,
    outcome: 'success',
    fields: changedFields(previous, config),
    details: { version: row.version, changes: describeRuleSetChanges(previous, config) },
  });
  return toRuleSet(row);
}

// ---------------------------------------------------------------------------------------------
// Drafts (issue 32): a version is saved as a draft, which changes nothing the region works with,
// and becomes current only when the regionAdmin publishes it.

function toDraftState(
  draft: RuleSetDraftRow | null,
  current: RuleSetRow | null,
): RuleSetDraftState {
  if (!draft) return { draft: null };
  const config = toConfig(draft.config, 'rule_set_draft');
  const currentVersion = current?.version ?? 0;
  return {
    draft: {
      basedOnVersion: draft.based_on_version,
      revision: draft.revision,
      config,
      savedAt: draft.saved_at.toISOString(),
      savedBy: { id: draft.saved_by, displayName: draft.saved_by_name },
      isOutdated: draft.based_on_version !== currentVersion,
      changes: describeRuleSetChanges(current ? toRuleSet(current).config : null, config),
    },
  };
}

/** The region's draft, with what publishing it would change against the current version. */
export async function readRuleSetDraft(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
): Promise<RuleSetDraftState> {
  const { regionId } = ruleSetScopeOf(actor);
  return db.transaction(async (tx) => {
    const draft = await findRuleSetDraft(tx, regionId);
    await writeAudit(tx, context, {
      ...audit,
      objectType: 'region',
      action: 'ruleSet.read',
      objectId: regionId,
      outcome: 'success',
      details: { draftRevision: draft?.revision ?? null },
    });
    return toDraftState(draft, await findCurrentRuleSet(tx, regionId));
  });
}

/** A change of the region's rule set or draft, one at a time per region (see `updateRuleSet`). */
function inRuleSetLock<T>(
  db: DataSource,
  regionId: string,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    if (!(await lockRegionForRuleSetChange(tx, regionId))) throw new AppError('NOT_FOUND');
    return work(tx);
  });
}

const draftChangedMeanwhile = (revision: number) =>
  new AppError(
    'VERSION_CONFLICT',
    revision === 0
      ? 'Iemand anders heeft het concept intussen verwijderd of gepubliceerd.'
      : `Iemand anders heeft het concept intussen gewijzigd (revisie ${revision}).`,
    [],
    { currentRevision: revision },
  );

/**
 * Saves the draft of the next version. It is always made on the current version, and on the
 * draft's revision the editor read (0: no draft yet), so that no save silently undoes another.
 */
export async function saveRuleSetDraft(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  request: SaveRuleSetDraftRequest,
): Promise<RuleSetDraftState> {
  const { regionId } = ruleSetScopeOf(actor, 'update');
  return inRuleSetLock(db, regionId, async (tx) => {
    const current = await findCurrentRuleSet(tx, regionId);
    const currentVersion = current?.version ?? 0;
    if (request.basedOnVersion !== currentVersion)
      throw new AppError(
        'VERSION_CONFLICT',
        `Iemand anders heeft intussen versie ${currentVersion} gepubliceerd.`,
        [],
        { currentVersion },
      );
    const existing = await findRuleSetDraft(tx, regionId);
    if ((existing?.revision ?? 0) !== request.expectedRevision)
      throw draftChangedMeanwhile(existing?.revision ?? 0);
    await refuseMunicipalitiesOfOtherRegions(tx, regionId, request.config);
    const revision = request.expectedRevision + 1;
    await writeRuleSetDraft(tx, regionId, {
      basedOnVersion: currentVersion,
      revision,
      config: request.config,
      savedBy: actor.userId,
    });
    const previous = current ? toRuleSet(current).config : null;
    await writeAudit(tx, context, {
      ...audit,
      objectType: 'region',
      action: 'ruleSet.draft.save',
      objectId: regionId,
      outcome: 'success',
      fields: changedFields(previous, request.config),
      details: {
        basedOnVersion: currentVersion,
        revision,
        changes: describeRuleSetChanges(previous, request.config),
      },
    });
    return toDraftState(await findRuleSetDraft(tx, regionId), current);
  });
}

/**
 * Publishes the draft: it becomes the next version and the current one, with who published it and
 * when; the draft is gone. A draft made on a version that is no longer current is refused
 * (RULE_SET_DRAFT_OUTDATED): publishing it would silently undo the newer version.
 */
export async function publishRuleSetDraft(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  request: PublishRuleSetDraftRequest,
): Promise<RuleSet> {
  const { regionId } = ruleSetScopeOf(actor, 'publish');
  return inRuleSetLock(db, regionId, async (tx) => {
    const draft = await findRuleSetDraft(tx, regionId);
    if (!draft) throw new AppError('NOT_FOUND', 'Er is geen concept om te publiceren.');
    if (draft.revision !== request.revision) throw draftChangedMeanwhile(draft.revision);
    const current = await findCurrentRuleSet(tx, regionId);
    const currentVersion = current?.version ?? 0;
    if (draft.based_on_version !== currentVersion)
      throw new AppError(
        'RULE_SET_DRAFT_OUTDATED',
        `Het concept is gemaakt op versie ${draft.based_on_version}, maar intussen geldt versie ${currentVersion}. Sla het concept opnieuw op de nieuwste versie op.`,
        [],
        { currentVersion, basedOnVersion: draft.based_on_version },
      );
    const ruleSet = await insertCurrentVersion(
      tx,
      context,
      regionId,
      current,
      toConfig(draft.config, 'rule_set_draft'),
      {
        action: 'ruleSet.publish',
        author: { createdBy: draft.saved_by, createdAt: draft.saved_at, publishedBy: actor.userId },
      },
    );
    await deleteRuleSetDraft(tx, regionId);
    return ruleSet;
  });
}

/** Throws the draft away; the current version stays as it is. */
export async function discardRuleSetDraft(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
): Promise<RuleSetDraftState> {
  const { regionId } = ruleSetScopeOf(actor, 'update');
  return inRuleSetLock(db, regionId, async (tx) => {
    const draft = await findRuleSetDraft(tx, regionId);
    if (draft) {
      await deleteRuleSetDraft(tx, regionId);
      await writeAudit(tx, context, {
        ...audit,
        objectType: 'region',
        action: 'ruleSet.draft.discard',
        objectId: regionId,
        outcome: 'success',
        details: { basedOnVersion: draft.based_on_version, revision: draft.revision },
      });
    }
    return { draft: null };
  });
}

/** The registry keeps one region per code: a code of another region cannot join this one. */
async function refuseMunicipalitiesOfOtherRegions(
  tx: EntityManager,
  regionId: string,
  config: RuleSetConfig,
): Promise<void> {
  const taken = new Set(
    await findMunicipalitiesOfOtherRegions(
      tx,
      regionId,
      config.municipalities.map((m) => m.code),
    ),
  );
  if (taken.size === 0) return;
  throw new AppError(
    'VALIDATION_FAILED',
    undefined,
    config.municipalities.flatMap((m, index) =>
      taken.has(m.code)
        ? [
            {
              path: `config.municipalities.${index}.code`,
              message: `Gemeente ${m.code} hoort bij een andere regio.`,
            },
          ]
        : [],
    ),
  );
}

function changedFields(previous: RuleSetConfig | null, next: RuleSetConfig): string[] {
  const keys = Object.keys(next) as (keyof RuleSetConfig)[];
  if (previous === null) return keys;
  return keys.filter((key) => JSON.stringify(previous[key]) !== JSON.stringify(next[key]));
}

// ---------------------------------------------------------------------------------------------
// The distribution ledger (domain.md §3.3): allocations by population, counted per agreement period.

export interface LedgerAllocation {
  /** Null when no municipality was left to choose (all excluded): the table must choose. */
  allocationId: string | null;
  municipalityCode: string | null;
  /** The period's counts as read under the lock, before this allocation. */
  counts: Record<string, number>;
  ruleSetVersion: number;
  period: AgreementPeriod;
  /** The engine's figures, for the reasons of the proposal. */
  distribution: DistributionResult;
}

export interface AllocationRequest {
  regionId: string;
  /** The day the allocation counts for ('YYYY-MM-DD'); it picks the agreement period. */
  date: string;
  /** Municipalities excluded for this resident (exception A, safety). */
  excluded?: readonly string[];
  caseId?: string | null;
}

/**
 * Allocates by distribution under the ledger's row lock: two allocations at the same moment never
 * read the same counts, because the second waits for the first to commit and then counts again.
 * Runs in the caller's transaction (the decision that needs it).
 */
export async function allocateByDistribution(
  tx: EntityManager,
  request: AllocationRequest,
): Promise<LedgerAllocation> {
  const ruleSet = await getCurrentRuleSet(tx, request.regionId);
  if (!ruleSet)
    throw new AppError(
      'RULE_SET_MISSING',
      'Deze regio heeft nog geen instellingen; stel eerst de gemeenten en inwoneraantallen in.',
    );
  const period = agreementPeriodOn(ruleSet.config, request.date);
  await ensureLedger(tx, request.regionId, period.start, period.end);
  await lockLedger(tx, request.regionId, period.start);
  const counts = await countOpenAllocations(tx, request.regionId, period.start);
  const excluded = new Set(request.excluded ?? []);
  const candidates = ruleSet.config.municipalities
    .map((m) => m.code)
    .filter((code) => !excluded.has(code));
  const distribution = chooseByDistribution(ruleSet.config.municipalities, counts, candidates);
  const municipalityCode = distribution.chosen?.code ?? null;
  const allocationId =
    municipalityCode === null
      ? null
      : await insertAllocation(tx, {
          regionId: request.regionId,
          periodStart: period.start,
          municipalityCode,
          caseId: request.caseId ?? null,
          ruleSetVersion: ruleSet.version,
        });
  return {
    allocationId,
    municipalityCode,
    counts,
    ruleSetVersion: ruleSet.version,
    period,
    distribution,
  };
}

/** A refused placement gives its count back (domain.md §4: "a distribution count is given back"). */
export async function returnAllocation(tx: EntityManager, allocationId: string): Promise<void> {
  const allocation = await findAllocation(tx, allocationId);
  if (!allocation) throw new AppError('NOT_FOUND', 'Deze toewijzing bestaat niet.');
  // Under the same lock as allocating, so that a count given back and a new allocation are ordered.
  await lockLedger(tx, allocation.region_id, allocation.period_start);
  if (!(await markAllocationReturned(tx, allocationId)))
    throw new AppError('ALLOCATION_ALREADY_RETURNED', 'Deze toewijzing is al teruggegeven.');
}

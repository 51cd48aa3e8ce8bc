import type { DataSource, EntityManager } from 'typeorm';
import {
  amsterdamYear,
  AppError,
  type ExportFormat,
  type Contingent,
  type ContingentList,
  type ContingentListQuery,
  type CreateContingent,
  type UpdateContingent,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { isUniqueViolation } from '../core/db';
import { writeAudit } from '../core/audit-writer';
import { renderExport } from '../core/export-file';
import type { DownloadFile } from '../core/http/download';
import { isMunicipalityOfRegion, municipalityNamer } from '../regions';
import { assertCanOnContingent, contingentEditScope } from './dwellings.policy';
import * as repository from './contingents.repository';
import type { ContingentRow } from './contingents.repository';

/**
 * Contingents: the number of dwellings a corporation promised a municipality for a year, and the
 * progress against it. Kept by the region's administrator for the whole region and by a
 * corporation for its own; read by the municipality (its own) and the chair (the region).
 * No personal data: writes and exports are audited with the purpose "beheer", lists are not.
 */

const administration = 'administration' as const;

/** This year as the Netherlands counts it (the scope of cases uses the same clock in SQL). */
export function currentYear(now: Date = new Date()): number {
  return amsterdamYear(now);
}

async function withProgress(
  tx: EntityManager,
  rows: readonly ContingentRow[],
): Promise<Contingent[]> {
  const keys = rows.map((r) => ({
    organisationId: r.organisation_id,
    municipalityCode: r.municipality_code,
    year: r.year,
  }));
  const progress = await repository.countContingentProgress(tx, keys);
  return rows.map((row, i) => ({
    id: row.id,
    version: row.version,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    municipalityCode: row.municipality_code,
    year: row.year,
    promised: row.promised,
    progress: progress.get(repository.contingentKeyOf(keys[i]!)) ?? {
      offered: 0,
      accepted: 0,
      movedIn: 0,
    },
    updatedAt: row.updated_at.toISOString(),
  }));
}

async function requireContingent(
  tx: EntityManager,
  actor: Actor,
  contingentId: string,
  lock = false,
): Promise<ContingentRow> {
  const row = await repository.findContingentInScope(tx, actor, contingentId, lock);
  if (!row)
    throw new AppError('NOT_FOUND', 'Dit contingent bestaat niet of valt buiten uw bereik.');
  return row;
}

async function viewOne(tx: EntityManager, row: ContingentRow): Promise<Contingent> {
  return (await withProgress(tx, [row]))[0]!;
}

export async function listContingents(
  db: DataSource,
  actor: Actor,
  query: ContingentListQuery,
): Promise<ContingentList> {
  return db.transaction(async (tx) => {
    const year = query.year ?? currentYear();
    return {
      year,
      canEdit: contingentEditScope(actor),
      items: await withProgress(tx, await repository.listContingentsInScope(tx, actor, year)),
    };
  });
}

/** Whose contingent a request is for: a corporation's own, always; the region's administrator names a corporation of the region. */
async function ownerOf(
  tx: EntityManager,
  actor: Actor,
  organisationId: string | undefined,
): Promise<string> {
  assertCanOnContingent(actor, 'create', {
    organisation_id: organisationId,
    region_id: actor.regionId,
  });
  if (contingentEditScope(actor) === 'own') return actor.organisationId;
  if (!organisationId)
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'organisationId', message: 'Kies een woningcorporatie.' },
    ]);
  if (!(await repository.isCorporationOfRegion(tx, organisationId, actor.regionId))) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'organisationId', message: 'Kies een woningcorporatie uit uw regio.' },
    ]);
  }
  return organisationId;
}

export async function createContingent(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  input: CreateContingent,
): Promise<Contingent> {
  return db.transaction(async (tx) => {
    const organisationId = await ownerOf(tx, actor, input.organisationId);
    if (!(await isMunicipalityOfRegion(tx, actor.regionId, input.municipalityCode))) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'municipalityCode', message: 'Kies een gemeente van uw regio.' },
      ]);
    }
    const id = await repository
      .insertContingent(tx, actor, {
        organisationId,
        municipalityCode: input.municipalityCode,
        year: input.year,
        promised: input.promised,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'contingent_one_per_year')) {
          throw new AppError(
            'DUPLICATE_CONTINGENT',
            'Voor deze corporatie, gemeente en dit jaar is er al een contingent; wijzig dat.',
            [
              {
                path: 'municipalityCode',
                message: 'Er is al een contingent voor deze gemeente en dit jaar.',
              },
            ],
          );
        }
        throw error;
      });
    await writeAudit(tx, context, {
      action: 'contingent.create',
      objectType: 'contingent',
      objectId: id,
      purpose: administration,
      outcome: 'success',
      details: { promised: input.promised, year: input.year },
    });
    return viewOne(tx, await requireContingent(tx, actor, id));
  });
}

/** The number promised (or none yet), only on the version the writer read. */
export async function updateContingent(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  contingentId: string,
  input: UpdateContingent,
): Promise<Contingent> {
  return db.transaction(async (tx) => {
    const row = await requireContingent(tx, actor, contingentId);
    assertCanOnContingent(actor, 'update', row);
    if (
      row.version !== input.version ||
      !(await repository.updatePromisedIfVersion(
        tx,
        actor,
        contingentId,
        input.version,
        input.promised,
      ))
    ) {
      const current = await requireContingent(tx, actor, contingentId);
      throw new AppError('VERSION_CONFLICT', undefined, [], {
        currentVersion: current.version,
        current: await viewOne(tx, current),
      });
    }
    await writeAudit(tx, context, {
      action: 'contingent.update',
      objectType: 'contingent',
      objectId: contingentId,
      purpose: administration,
      outcome: 'success',
      details: { promised: input.promised, previous: row.promised },
    });
    return viewOne(tx, await requireContingent(tx, actor, contingentId));
  });
}

/** The contingents the actor reads, with progress, as a CSV or a workbook through the one pair of safe writers. */
export async function exportContingents(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  query: ContingentListQuery,
  format: ExportFormat,
): Promise<DownloadFile> {
  return db.transaction(async (tx) => {
    const year = query.year ?? currentYear();
    const items = await withProgress(tx, await repository.listContingentsInScope(tx, actor, year));
    const nameOf = await municipalityNamer(tx, actor.regionId);
    const file = await renderExport(format, `contingenten-${year}`, {
      sheetName: `Contingenten ${year}`,
      title: {
        subject: `Contingenten ${year} met voortgang`,
        period: { from: `${year}-01-01`, to: `${year}-12-31` },
        filters: [],
        madeAt: new Date(),
      },
      table: {
        columns: [
          { header: 'jaar', type: 'integer' },
          { header: 'corporatie', type: 'text' },
          { header: 'gemeente', type: 'text' },
          { header: 'toegezegd', type: 'count' },
          { header: 'aangeboden', type: 'count' },
          { header: 'aanvaard', type: 'count' },
          { header: 'verhuisd', type: 'count' },
        ],
        rows: items.map((c) => [
          c.year,
          c.organisationName,
          nameOf(c.municipalityCode),
          c.promised,
          c.progress.offered,
          c.progress.accepted,
          c.progress.movedIn,
        ]),
      },
    });
    await writeAudit(tx, context, {
      action: 'contingent.export',
      objectType: 'contingent',
      purpose: administration,
      outcome: 'success',
      details: { format, year, count: items.length },
    });
    return file;
  });
}

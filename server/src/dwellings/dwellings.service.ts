import type { DataSource, EntityManager } from 'typeorm';
import {
  dutchToday,
  AppError,
  caseNeedsOf,
  dwellingCsvColumns,
  dwellingKindLabel,
  dwellingStatusLabel,
  fitDwelling,
  rankByFit,
  tenancyFormLabel,
  type DwellingCsvColumn,
  type ExportCell,
  type ExportColumnType,
  type ExportFormat,
  type CaseDwellingFits,
  type Dwelling,
  type DwellingCaseFits,
  type DwellingInput,
  type DwellingListQuery,
  type FitCase,
  type HousingNeeds,
  type Household,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { isUniqueViolation } from '../core/db';
import { writeAudit } from '../core/audit-writer';
import { renderExport } from '../core/export-file';
import type { DownloadFile } from '../core/http/download';
import { isMunicipalityOfRegion, municipalityNamer } from '../regions';
import { caseForFitInReach, searchingCasesInReach } from '../cases';
import { assertCanOnDwelling } from './dwellings.policy';
import * as repository from './dwellings.repository';
import { toDwelling, type DwellingRow } from './dwellings.repository';
import { toDwellingView, toFitCaseView } from './dwellings.projection';

/**
 * The dwellings a corporation registers, edits, withdraws, imports and exports, and their fit to
 * the cases searching for one. A dwelling is no personal data, yet every write is audited like the
 * rest of the product (who changed which dwelling, when), with the purpose "beheer"; reading the
 * housing profile of a case beside a dwelling is personal data and audited per case.
 */

const administration = 'administration' as const;

function today(): string {
  return dutchToday();
}

/** A dwelling as the actor's seat sees it: every answer, conflict and export goes through this. */
const viewOf = (actor: Actor, row: DwellingRow): Dwelling =>
  toDwellingView(toDwelling(row), actor.seat);

async function requireDwelling(
  tx: EntityManager,
  actor: Actor,
  dwellingId: string,
  lock = false,
): Promise<DwellingRow> {
  const row = await repository.findDwellingInScope(tx, actor, dwellingId, { lock });
  if (!row) throw new AppError('NOT_FOUND', 'Deze woning bestaat niet of valt buiten uw bereik.');
  return row;
}

/** The municipality must be one of the actor's region: a corporation houses within its region. */
async function checkMunicipality(
  tx: EntityManager,
  actor: Actor,
  code: string,
  path: string,
): Promise<void> {
  if (!(await isMunicipalityOfRegion(tx, actor.regionId, code))) {
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path, message: 'Kies een gemeente van uw regio.' },
    ]);
  }
}

const addressTaken = (prefix: string) =>
  new AppError('DUPLICATE_ADDRESS', 'U heeft al een woning op dit adres.', [
    {
      path: `${prefix}houseNumber`,
      message: 'U heeft al een woning op dit adres (postcode en huisnummer).',
    },
  ]);

/** A stale write: 409 with the dwelling as it is now, so the form can show both. */
async function conflict(tx: EntityManager, actor: Actor, dwellingId: string): Promise<never> {
  const current = await requireDwelling(tx, actor, dwellingId);
  if (current.status === 'withdrawn')
    throw new AppError(
      'DWELLING_WITHDRAWN',
      'Deze woning is ingetrokken en kan niet meer worden gewijzigd.',
    );
  throw new AppError('VERSION_CONFLICT', undefined, [], {
    currentVersion: current.version,
    current: viewOf(actor, current),
  });
}

export async function listDwellings(
  db: DataSource,
  actor: Actor,
  query: DwellingListQuery,
): Promise<Dwelling[]> {
  return (await repository.listDwellingsInScope(db.manager, actor, query)).map((row) =>
    viewOf(actor, row),
  );
}

export async function getDwelling(
  db: DataSource,
  actor: Actor,
  dwellingId: string,
): Promise<Dwelling> {
  return viewOf(actor, await requireDwelling(db.manager, actor, dwellingId));
}

export async function createDwelling(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  input: DwellingInput,
): Promise<Dwelling> {
  // A new dwelling is the actor's organisation's own (insertDwelling takes it from the session).
  assertCanOnDwelling(actor, 'write', { organisation_id: actor.organisationId });
  return db.transaction(async (tx) => {
    await checkMunicipality(tx, actor, input.municipalityCode, 'municipalityCode');
    const id = await repository.insertDwelling(tx, actor, input).catch((error: unknown) => {
      if (isUniqueViolation(error, 'dwelling_one_address_per_corporation')) throw addressTaken('');
      throw error;
    });
    await writeAudit(tx, context, {
      action: 'dwelling.create',
      objectType: 'dwelling',
      objectId: id,
      purpose: administration,
      outcome: 'success',
    });
    return viewOf(actor, await requireDwelling(tx, actor, id));
  });
}

/** Replaces the dwelling whole, only on the version the writer read (else 409 with the current one). */
export async function updateDwelling(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  dwellingId: string,
  version: number,
  input: DwellingInput,
): Promise<Dwelling> {
  return db.transaction(async (tx) => {
    const row = await requireDwelling(tx, actor, dwellingId);
    if (row.status === 'withdrawn' || row.version !== version)
      return conflict(tx, actor, dwellingId);
    await checkMunicipality(tx, actor, input.municipalityCode, 'dwelling.municipalityCode');
    const ok = await repository
      .updateDwellingIfVersion(tx, actor, dwellingId, version, input)
      .catch((error: unknown) => {
        if (isUniqueViolation(error, 'dwelling_one_address_per_corporation'))
          throw addressTaken('dwelling.');
        throw error;
      });
    if (!ok) return conflict(tx, actor, dwellingId);
    await writeAudit(tx, context, {
      action: 'dwelling.update',
      objectType: 'dwelling',
      objectId: dwellingId,
      purpose: administration,
      outcome: 'success',
    });
    return viewOf(actor, await requireDwelling(tx, actor, dwellingId));
  });
}

/** Withdrawn, not deleted: the dwelling and its reason stay, for what it was once offered for. */
export async function withdrawDwelling(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  dwellingId: string,
  version: number,
  reason: string,
): Promise<Dwelling> {
  return db.transaction(async (tx) => {
    // Locked: an offer of this dwelling (which share-locks it) and its withdrawal happen one after the other.
    const row = await requireDwelling(tx, actor, dwellingId, true);
    if (row.status === 'withdrawn')
      throw new AppError('DWELLING_WITHDRAWN', 'Deze woning is al ingetrokken.');
    if (await repository.isHeldByOffer(tx, dwellingId))
      throw new AppError(
        'DWELLING_ALREADY_OFFERED',
        'Deze woning is aangeboden aan een casus. Trek eerst het aanbod in; daarna kunt u de woning intrekken.',
      );
    if (
      row.version !== version ||
      !(await repository.withdrawDwellingIfVersion(tx, actor, dwellingId, version, reason))
    )
      return conflict(tx, actor, dwellingId);
    await writeAudit(tx, context, {
      action: 'dwelling.withdraw',
      objectType: 'dwelling',
      objectId: dwellingId,
      purpose: administration,
      outcome: 'success',
    });
    return viewOf(actor, await requireDwelling(tx, actor, dwellingId));
  });
}

/** How each column of the import is typed in an export. */
const exportTypeOfKind: Record<DwellingCsvColumn['kind'], ExportColumnType> = {
  text: 'text',
  municipality: 'text',
  kind: 'text',
  tenancyForm: 'text',
  integer: 'integer',
  amount: 'euro',
  yesNo: 'yesNo',
  date: 'date',
};

/** The filters of the list, worded for the title row of a workbook. */
function describeDwellingFilters(
  query: DwellingListQuery,
  nameOf: (code: string) => string,
): string[] {
  return [
    query.status === 'all' ? 'alle statussen' : `status ${dwellingStatusLabel[query.status]}`,
    ...(query.municipality ? [`gemeente ${nameOf(query.municipality)}`] : []),
    ...(query.q ? [`zoekterm “${query.q}”`] : []),
  ];
}

/**
 * The actor's dwellings as a CSV or a workbook: the import's columns (so a file can go back in
 * after editing), then status and the reason of withdrawal.
 */
export async function exportDwellings(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  query: DwellingListQuery,
  format: ExportFormat,
): Promise<DownloadFile> {
  return db.transaction(async (tx) => {
    const dwellings = (await repository.listDwellingsInScope(tx, actor, query)).map((row) =>
      viewOf(actor, row),
    );
    const nameOf = await municipalityNamer(tx, actor.regionId);
    const cells: Record<string, (d: Dwelling) => ExportCell> = {
      street: (d) => d.street,
      houseNumber: (d) => d.houseNumber,
      postcode: (d) => d.postcode,
      municipalityCode: (d) => nameOf(d.municipalityCode),
      neighbourhood: (d) => d.neighbourhood,
      kind: (d) => dwellingKindLabel[d.kind],
      rooms: (d) => d.rooms,
      rent: (d) => d.rent,
      floor: (d) => d.floor,
      hasLift: (d) => d.hasLift,
      isWheelchairAccessible: (d) => d.isWheelchairAccessible,
      accessibilityNotes: (d) => d.accessibilityNotes,
      availableFrom: (d) => d.availableFrom,
      tenancyForm: (d) => tenancyFormLabel[d.tenancyForm],
      conversionDate: (d) => d.conversionDate,
      conversionConditions: (d) => d.conversionConditions,
    };
    const date = today();
    const file = await renderExport(format, `woningen-${date}`, {
      sheetName: 'Woningen',
      title: {
        subject: 'Woningen',
        filters: describeDwellingFilters(query, nameOf),
        madeAt: new Date(),
      },
      table: {
        columns: [
          ...dwellingCsvColumns.map((c) => ({ header: c.header, type: exportTypeOfKind[c.kind] })),
          { header: 'status', type: 'text' },
          { header: 'reden van intrekking', type: 'text' },
        ],
        rows: dwellings.map((d) => [
          ...dwellingCsvColumns.map((c) => cells[c.field]!(d)),
          dwellingStatusLabel[d.status],
          d.withdrawalReason,
        ]),
      },
    });
    await writeAudit(tx, context, {
      action: 'dwelling.export',
      objectType: 'dwelling',
      purpose: administration,
      outcome: 'success',
      details: { format, count: dwellings.length, query },
    });
    return file;
  });
}

// ---- fit ----

function byAvailabilityThenId(a: { dwelling: Dwelling }, b: { dwelling: Dwelling }): number {
  return (
    a.dwelling.availableFrom.localeCompare(b.dwelling.availableFrom) ||
    a.dwelling.id.localeCompare(b.dwelling.id)
  );
}

/**
 * The corporation's own available dwellings in the case's decided destination, best fit first,
 * each with its reasons. The fit reads the case as the corporation's projection shows it (housing
 * needs), never more: whatever the projection leaves out cannot leak through a reason.
 */
export async function dwellingFitsForCase(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
): Promise<CaseDwellingFits> {
  return db.transaction(async (tx) => {
    const found = await caseForFitInReach(tx, actor, caseId);
    if (found.state !== 'searching')
      throw new AppError(
        'CASE_NOT_SEEKING_DWELLING',
        'Deze casus zoekt (nog) geen woning: passende woningen zijn er na het besluit van de tafel.',
      );
    const rows = found.destination
      ? await repository.listDwellingsInScope(tx, actor, {
          status: 'available',
          municipality: found.destination,
          isUnclaimed: true,
        })
      : [];
    const nameOf = await municipalityNamer(tx, actor.regionId);
    const needs = caseNeedsOf(
      found.destination,
      found.view.housingNeeds as HousingNeeds | undefined,
    );
    const date = today();
    const items = rankByFit(
      rows
        .map(toDwelling)
        .map((dwelling) => ({ dwelling, fit: fitDwelling(dwelling, needs, date, nameOf) })),
      (i) => i.fit,
      byAvailabilityThenId,
    ).map(({ dwelling, fit }) => ({ dwelling: toDwellingView(dwelling, actor.seat), fit }));
    await writeAudit(tx, context, {
      action: 'case.dwellingFits',
      objectType: 'case',
      objectId: found.id,
      subjectPseudonym: found.pseudonym,
      purpose: 'case_coordination',
      outcome: 'success',
      fields: found.fields.filter((f) => f === 'housingNeeds' || f === 'household'),
      details: { count: items.length },
    });
    return { caseId: found.id, destination: found.destination, items };
  });
}

/** The searching cases in the corporation's reach that a dwelling may serve (its municipality), best fit first; each read is logged on that case. */
export async function caseFitsForDwelling(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  dwellingId: string,
): Promise<DwellingCaseFits> {
  return db.transaction(async (tx) => {
    const row = await requireDwelling(tx, actor, dwellingId);
    if (row.status === 'withdrawn')
      throw new AppError(
        'DWELLING_WITHDRAWN',
        'Deze woning is ingetrokken: er worden geen casussen bij gezocht.',
      );
    // A let or offered dwelling is never proposed: it serves one case at a time (domain.md §4).
    if (row.occupancy === 'let')
      throw new AppError(
        'DWELLING_LET',
        'Deze woning is verhuurd: er worden geen casussen bij gezocht.',
      );
    if (row.occupancy === 'offered')
      throw new AppError(
        'DWELLING_ALREADY_OFFERED',
        'Deze woning is aangeboden: er worden geen andere casussen bij gezocht.',
      );
    const dwelling = toDwelling(row);
    const nameOf = await municipalityNamer(tx, actor.regionId);
    const date = today();
    const cases = await searchingCasesInReach(tx, actor, dwelling.municipalityCode);
    const items = cases.map((found) => {
      const view = found.view;
      const fitCase: FitCase = {
        id: found.id,
        pseudonym: found.pseudonym,
        state: found.state,
        destination: found.destination,
        ...(view.waitingDays !== undefined ? { waitingDays: view.waitingDays } : {}),
        ...(view.household !== undefined ? { household: view.household as Household } : {}),
        ...(view.housingNeeds !== undefined
          ? { housingNeeds: view.housingNeeds as HousingNeeds }
          : {}),
      };
      return {
        case: toFitCaseView(fitCase, actor.seat),
        fit: fitDwelling(
          dwelling,
          caseNeedsOf(found.destination, fitCase.housingNeeds),
          date,
          nameOf,
        ),
      };
    });
    for (const found of cases) {
      await writeAudit(tx, context, {
        action: 'dwelling.caseFits',
        objectType: 'case',
        objectId: found.id,
        subjectPseudonym: found.pseudonym,
        purpose: 'case_coordination',
        outcome: 'success',
        fields: found.fields.filter((f) => f === 'housingNeeds' || f === 'household'),
        details: { dwellingId },
      });
    }
    const ranked = rankByFit(
      items,
      (i) => i.fit,
      (a, b) =>
        (b.case.waitingDays ?? -1) - (a.case.waitingDays ?? -1) ||
        a.case.id.localeCompare(b.case.id),
    );
    return { dwellingId, items: ranked };
  });
}

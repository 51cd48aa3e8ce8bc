import { AppError, type Dwelling, type FitCase, type Seat } from '@uitstroom/shared';
import { pickFields } from '../core/projection';

/**
 * What each seat sees of a dwelling. A dwelling is the corporation's: its address goes to another
 * seat only by an offer (the placements module), never through this module, so every other seat
 * reads none of it (their row scope is empty too). Optional fields the corporation left blank are
 * absent; `withdrawnAt` and `withdrawalReason` are null until a withdrawal, as the API has always
 * answered.
 */
const wholeDwelling = [
  'id',
  'version',
  'status',
  'occupancy',
  'organisationId',
  'organisationName',
  'street',
  'houseNumber',
  'postcode',
  'municipalityCode',
  'neighbourhood',
  'kind',
  'rooms',
  'rent',
  'floor',
  'hasLift',
  'isWheelchairAccessible',
  'accessibilityNotes',
  'availableFrom',
  'tenancyForm',
  'conversionDate',
  'conversionConditions',
  'withdrawnAt',
  'withdrawalReason',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Dwelling)[];

export const dwellingFieldsBySeat = {
  corporation: wholeDwelling,
  casemanager: [],
  chair: [],
  municipality: [],
  provider: [],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly (keyof Dwelling)[]>;

/**
 * A case beside a dwelling (the fit lists): the housing profile as the case's own projection gave
 * it to the corporation, never more. Waiting days, household and housing needs are absent where the
 * case projection left them out (consent).
 */
const caseForCorporation = [
  'id',
  'pseudonym',
  'state',
  'destination',
  'waitingDays',
  'household',
  'housingNeeds',
] as const satisfies readonly (keyof FitCase)[];

export const fitCaseFieldsBySeat = {
  corporation: caseForCorporation,
  casemanager: [],
  chair: [],
  municipality: [],
  provider: [],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly (keyof FitCase)[]>;

/**
 * A seat without any field of a record reaches none (its row scope is empty): should one ever get
 * here, it is refused as the row scope refuses, not answered with an empty object.
 */
function requireFields(fields: readonly string[]): void {
  if (fields.length === 0)
    throw new AppError('NOT_FOUND', 'Deze woning bestaat niet of valt buiten uw bereik.');
}

/**
 * Picks exactly the seat's fields of a dwelling. Not parsed again: the dwelling schema carries the
 * input's normalisations (postcode, house number) and limits, which a stored row has passed.
 */
export function toDwellingView(dwelling: Dwelling, seat: Seat): Dwelling {
  const fields = dwellingFieldsBySeat[seat] as readonly (keyof Dwelling)[];
  requireFields(fields);
  return pickFields(dwelling, fields) as Dwelling;
}

/** Picks exactly the seat's fields of a case beside a dwelling. */
export function toFitCaseView(fitCase: FitCase, seat: Seat): FitCase {
  const fields = fitCaseFieldsBySeat[seat] as readonly (keyof FitCase)[];
  requireFields(fields);
  return pickFields(fitCase, fields) as FitCase;
}

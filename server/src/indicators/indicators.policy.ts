import {
  AppError,
  seesSmallCounts,
  type IndicatorFilter,
  type TargetGroup,
} from '@uitstroom/shared';
import type { Actor } from '../core/request-context';

/**
 * Who sees which indicators (issue 14, domain.md §6). The route has checked the grant
 * (`indicator:read`: chair, regionAdmin, municipality, corporation); this decides the scope of each
 * seat's dashboard, always from the session, never from the request. Any other seat, and a seat
 * whose organisation lacks what its scope needs, reaches nothing: fail closed.
 *
 * - chair, regionAdmin: the whole region of their organisation; they may filter freely within it
 *   and see every count as it is (they run the region).
 * - municipality: its own municipality, beside the region's figures with the same other filters;
 *   small counts as "<5". Asking for another municipality is refused at `municipality` (400), not
 *   silently ignored: a dashboard that quietly showed other figures than asked would mislead.
 * - corporation: only what concerns its own dwellings (its offers, contingents, the moves into its
 *   dwellings and the follow-up checks of those moves); small counts as "<5". Asking for another
 *   corporation is refused at `corporation`.
 */

export type SeatScope =
  | { kind: 'region' }
  | { kind: 'municipality'; municipalityCode: string }
  | { kind: 'corporation'; corporationId: string };

/** The filters one dashboard is computed with: the seat's forced part already in. */
export interface ScopedFilter {
  municipalityCode: string | null;
  corporationId: string | null;
  targetGroup: TargetGroup | null;
}

export interface IndicatorPlan {
  scope: SeatScope;
  /** Counts below the threshold as "<5": every seat but the chair and the regionAdmin. */
  suppress: boolean;
  dashboard: ScopedFilter;
  /** The region's figures beside a municipality's own; null for the other seats. */
  comparison: ScopedFilter | null;
}

export function seatScopeOf(actor: Actor): SeatScope {
  switch (actor.seat) {
    case 'chair':
    case 'regionAdmin':
      return { kind: 'region' };
    case 'municipality':
      if (!actor.municipalityCode) throw new AppError('FORBIDDEN');
      return { kind: 'municipality', municipalityCode: actor.municipalityCode };
    case 'corporation':
      return { kind: 'corporation', corporationId: actor.organisationId };
    case 'casemanager':
    case 'provider':
      throw new AppError('FORBIDDEN');
  }
  throw new AppError('FORBIDDEN');
}

function refused(path: 'municipality' | 'corporation', message: string): AppError {
  return new AppError('VALIDATION_FAILED', undefined, [{ path, message }]);
}

/**
 * The dashboards a request gets: the seat's scope forced into the filters. Whether a freely
 * chosen municipality or corporation belongs to the region is for the service to check (it
 * needs the database); this only refuses what the seat may never ask for.
 */
export function planIndicators(actor: Actor, filter: IndicatorFilter): IndicatorPlan {
  const scope = seatScopeOf(actor);
  const suppress = !seesSmallCounts(actor.seat);
  const common = { targetGroup: filter.targetGroup ?? null };
  switch (scope.kind) {
    case 'region':
      return {
        scope,
        suppress,
        dashboard: {
          ...common,
          municipalityCode: filter.municipality ?? null,
          corporationId: filter.corporation ?? null,
        },
        comparison: null,
      };
    case 'municipality':
      if (filter.municipality && filter.municipality !== scope.municipalityCode) {
        throw refused(
          'municipality',
          'U ziet de cijfers van uw eigen gemeente, naast die van de regio; kies geen andere gemeente.',
        );
      }
      return {
        scope,
        suppress,
        dashboard: {
          ...common,
          municipalityCode: scope.municipalityCode,
          corporationId: filter.corporation ?? null,
        },
        comparison: {
          ...common,
          municipalityCode: null,
          corporationId: filter.corporation ?? null,
        },
      };
    case 'corporation':
      if (filter.corporation && filter.corporation !== scope.corporationId) {
        throw refused('corporation', 'U ziet alleen de cijfers van uw eigen corporatie.');
      }
      return {
        scope,
        suppress,
        dashboard: {
          ...common,
          municipalityCode: filter.municipality ?? null,
          corporationId: scope.corporationId,
        },
        comparison: null,
      };
  }
}

/**
 * The sections that are about cases rather than dwellings (open cases, decisions, the
 * distribution, outcomes) are left out (null) as soon as the figures are cut to one corporation:
 * for the corporation's own seat because they are not about its dwellings, and for the chair's
 * corporation filter because "the open cases of a corporation" has no meaning. The follow-up
 * checks stay: they are counted for the moves into that corporation's dwellings.
 */
export function showsCaseSections(filter: ScopedFilter): boolean {
  return filter.corporationId === null;
}

/**
 * Indicators are read only (`read`): the chair and the regionAdmin of the region, a municipality
 * seat whose organisation names its municipality, and a corporation seat of one of the region's
 * corporations (one in an organisation that is no corporation of the region reaches nothing: fail
 * closed). Every other seat: nothing.
 */
export type IndicatorAction = 'read';

export function canOnIndicators(
  actor: Actor,
  _action: IndicatorAction,
  region: { corporationIds: readonly string[] },
): boolean {
  switch (actor.seat) {
    case 'chair':
    case 'regionAdmin':
      return true;
    case 'municipality':
      return !!actor.municipalityCode;
    case 'corporation':
      return region.corporationIds.includes(actor.organisationId);
    case 'casemanager':
    case 'provider':
      return false;
  }
  return false;
}

export function assertCanOnIndicators(
  actor: Actor,
  action: IndicatorAction,
  region: { corporationIds: readonly string[] },
): void {
  if (!canOnIndicators(actor, action, region)) throw new AppError('FORBIDDEN');
}

import { AppError } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { placeholderFor } from '../core/db';

/**
 * Who reaches which dwellings and contingents. The route has checked the grant; these give the row
 * scope every query of the module uses (a row outside it is a 404) and who may change what.
 * Unknown seats reach nothing: fail closed.
 */

/** A corporation reaches its own organisation's dwellings; no other seat reaches any (a dwelling's address is the corporation's to share, by an offer). */
export function dwellingScope(actor: Actor, params: unknown[]): string {
  const param = placeholderFor(params);
  if (actor.seat === 'corporation') return `w.organisation_id = ${param(actor.organisationId)}`;
  return 'FALSE';
}

/**
 * Contingents (domain.md §4, §6): the corporation sees its own, the municipality those for it, the
 * chair and the region's administrator those of the whole region.
 */
export function contingentScope(actor: Actor, params: unknown[]): string {
  const param = placeholderFor(params);
  switch (actor.seat) {
    case 'corporation':
      return `k.organisation_id = ${param(actor.organisationId)}`;
    case 'municipality':
      return actor.municipalityCode
        ? `k.region_id = ${param(actor.regionId)} AND k.municipality_code = ${param(actor.municipalityCode)}`
        : 'FALSE';
    case 'chair':
    case 'regionAdmin':
      return `k.region_id = ${param(actor.regionId)}`;
    case 'casemanager':
    case 'provider':
      return 'FALSE';
  }
}

export type ContingentEditScope = 'none' | 'own' | 'region';

/** Who keeps contingents: the region's administrator all of the region, a corporation its own. */
export function contingentEditScope(actor: Actor): ContingentEditScope {
  if (actor.seat === 'regionAdmin') return 'region';
  if (actor.seat === 'corporation') return 'own';
  return 'none';
}

export function canEditContingent(
  actor: Actor,
  contingent: { organisation_id: string; region_id: string },
): boolean {
  const scope = contingentEditScope(actor);
  if (scope === 'region') return contingent.region_id === actor.regionId;
  if (scope === 'own') return contingent.organisation_id === actor.organisationId;
  return false;
}

/**
 * What a seat may do with a contingent: `create` one for an organisation (a corporation its own,
 * the region's administrator for a corporation of the region, which the service checks against
 * the database), `update` the number promised (canEditContingent).
 */
export type ContingentAction = 'create' | 'update';

export function canOnContingent(
  actor: Actor,
  action: ContingentAction,
  contingent: { organisation_id: string | undefined; region_id: string },
): boolean {
  const scope = contingentEditScope(actor);
  if (action === 'update')
    return (
      !!contingent.organisation_id &&
      canEditContingent(actor, {
        organisation_id: contingent.organisation_id,
        region_id: contingent.region_id,
      })
    );
  if (scope === 'own')
    return !contingent.organisation_id || contingent.organisation_id === actor.organisationId;
  return scope === 'region';
}

/** A contingent in reach (or a request for one), an act not allowed: 403. */
export function assertCanOnContingent(
  actor: Actor,
  action: ContingentAction,
  contingent: { organisation_id: string | undefined; region_id: string },
): void {
  if (canOnContingent(actor, action, contingent)) return;
  if (action === 'update')
    throw new AppError(
      'FORBIDDEN',
      'Dit contingent houdt de corporatie of de regio-beheerder bij.',
    );
  throw new AppError(
    'FORBIDDEN',
    contingentEditScope(actor) === 'own'
      ? 'U legt alleen contingenten van uw eigen corporatie vast.'
      : undefined,
  );
}

/**
 * A dwelling is the corporation's own: it reads, writes and matches its own dwellings, and no
 * other seat acts on any (the row scope above makes another's dwelling a 404).
 */
export type DwellingAction = 'read' | 'write' | 'match';

export function canOnDwelling(
  actor: Actor,
  _action: DwellingAction,
  dwelling: { organisation_id: string },
): boolean {
  return actor.seat === 'corporation' && actor.organisationId === dwelling.organisation_id;
}

export function assertCanOnDwelling(
  actor: Actor,
  action: DwellingAction,
  dwelling: { organisation_id: string },
): void {
  if (!canOnDwelling(actor, action, dwelling)) throw new AppError('FORBIDDEN');
}

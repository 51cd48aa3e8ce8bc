import { AppError } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';

/**
 * Bringing a region in: the regio-beheerder of that region, nobody else, and only into their own
 * region (the command line acts as one of them). The route has checked the grant; the seat is
 * checked again here so that a service called from elsewhere fails closed too.
 */
export function canImportInto(actor: Actor, region: { regionId: string }): boolean {
  return actor.seat === 'regionAdmin' && actor.regionId === region.regionId;
}

/** The region an import writes into: the actor's own, or a 403. */
export function importRegionOf(actor: Actor): string {
  if (!canImportInto(actor, { regionId: actor.regionId })) throw new AppError('FORBIDDEN');
  return actor.regionId;
}

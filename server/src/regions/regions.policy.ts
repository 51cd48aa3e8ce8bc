import { AppError } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';

/**
 * Who reaches a region's configuration. The route has checked the grant (`ruleSet:read`,
 * `ruleSet:update`: the regionAdmin only); the scope is the actor's own region, always taken from
 * the session and never from the request, so another region's rule set has no address at all.
 * The seat is checked again here so that a service called from elsewhere fails closed too.
 */
export function ruleSetScopeOf(actor: Actor): { regionId: string } {
  if (actor.seat !== 'regionAdmin') throw new AppError('FORBIDDEN');
  return { regionId: actor.regionId };
}

import { AppError } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';

/**
 * The administration of a region's organisations and users (and the demo outbox): the
 * regio-beheerder of that region, nobody else. The route has checked the grant; the seat is
 * checked again here so that a service called from elsewhere fails closed too.
 */
export type UserAction = 'read' | 'create' | 'update';

export function canOnUser(actor: Actor, _action: UserAction, user: { regionId: string }): boolean {
  return actor.seat === 'regionAdmin' && actor.regionId === user.regionId;
}

export function assertCanOnUser(
  actor: Actor,
  action: UserAction,
  user: { regionId: string },
): void {
  if (!canOnUser(actor, action, user)) throw new AppError('FORBIDDEN');
}

/**
 * Row scope of the administration: a regio-beheerder reaches the organisations and users of
 * their own region and nothing else. Every query of this module takes this condition, so a user
 * of another region is "not found" (404), never "forbidden".
 */
export function administeredRegionId(actor: Actor, action: UserAction = 'read'): string {
  assertCanOnUser(actor, action, { regionId: actor.regionId });
  return actor.regionId;
}

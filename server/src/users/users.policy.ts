import type { Actor } from '../core/request-context';

/**
 * Row scope of the administration: a regio-beheerder reaches the organisations and users of
 * their own region and nothing else. Every query of this module takes this condition, so a user
 * of another region is "not found" (404), never "forbidden".
 */
export function administeredRegionId(actor: Actor): string {
  return actor.regionId;
}

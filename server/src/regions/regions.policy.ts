import { AppError } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';

/**
 * Who reaches a region's configuration. The route has checked the grant (`ruleSet:read`,
 * `ruleSet:update`, `ruleSet:publish`: the regionAdmin only); the scope is the actor's own region, always taken from
 * the session and never from the request, so another region's rule set has no address at all.
 * The seat is checked again here so that a service called from elsewhere fails closed too.
 */
export type RuleSetAction = 'read' | 'update' | 'publish';

/** The region's administrator reads and changes the rule set of their own region, no other. */
export function canOnRuleSet(
  actor: Actor,
  _action: RuleSetAction,
  ruleSet: { regionId: string },
): boolean {
  return actor.seat === 'regionAdmin' && actor.regionId === ruleSet.regionId;
}

export function assertCanOnRuleSet(
  actor: Actor,
  action: RuleSetAction,
  ruleSet: { regionId: string },
): void {
  if (!canOnRuleSet(actor, action, ruleSet)) throw new AppError('FORBIDDEN');
}

/** The row scope of the rule set: the actor's own region (403 for any seat that holds none). */
export function ruleSetScopeOf(actor: Actor, action: RuleSetAction = 'read'): { regionId: string } {
  const scope = { regionId: actor.regionId };
  assertCanOnRuleSet(actor, action, scope);
  return scope;
}

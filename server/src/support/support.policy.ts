import { AppError, planAgreementSide } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { isDestinationMunicipalityOf } from '../cases';

/**
 * What a seat may do with follow-up support (issue 13). What each seat sees of it is
 * support.projection.ts; which cases a seat reaches is the cases policy's row scope.
 */

/** What the policy needs to know of a case's support. */
export interface SupportFacts {
  decidedDestinationCode: string | null;
  /** The organisation keeping the support record; null while support has not started. */
  providerOrganisationId: string | null;
}

/**
 * Who may do what with the follow-up support of a case it reaches (the cases policy's row scope
 * has answered that); the state of the case decides when, in the service:
 * - `start`: the provider;
 * - `write` (the log, signals, the plan): the provider keeping the record (any provider before it
 *   starts; the state table then asks for the decided one);
 * - `agreePlan`: the provider keeping the record for the care side, the destination municipality
 *   for its side;
 * - `close`: the provider or the case manager;
 * - `answerChecks`: the provider keeping the record.
 */
export type SupportAction = 'start' | 'write' | 'agreePlan' | 'close' | 'answerChecks';

export function canOnSupport(actor: Actor, action: SupportAction, s: SupportFacts): boolean {
  const isProvider = actor.seat === 'provider';
  const keepsRecord = isProvider && s.providerOrganisationId === actor.organisationId;
  switch (action) {
    case 'start':
      return isProvider;
    case 'write':
      return isProvider && (s.providerOrganisationId === null || keepsRecord);
    case 'agreePlan':
      return keepsRecord || isDestinationMunicipalityOf(actor, s.decidedDestinationCode);
    case 'close':
      return isProvider || actor.seat === 'casemanager';
    case 'answerChecks':
      return keepsRecord;
  }
}

function supportRefusal(actor: Actor, action: SupportAction): string | undefined {
  switch (action) {
    case 'write':
      return 'Alleen de nazorgaanbieder houdt het logboek bij.';
    case 'answerChecks':
      return 'Alleen de nazorgaanbieder beantwoordt de nameting.';
    case 'agreePlan': {
      const side = planAgreementSide(actor.seat);
      if (side === 'municipality')
        return 'Alleen de gemeente van bestemming stemt in met het plan.';
      if (side === 'provider') return 'Alleen de nazorgaanbieder stemt in namens de zorg.';
      return undefined;
    }
    case 'start':
    case 'close':
      return undefined;
  }
}

/** Support of a case in reach, an act not allowed: 403. */
export function assertCanOnSupport(actor: Actor, action: SupportAction, s: SupportFacts): void {
  if (!canOnSupport(actor, action, s))
    throw new AppError('FORBIDDEN', supportRefusal(actor, action));
}

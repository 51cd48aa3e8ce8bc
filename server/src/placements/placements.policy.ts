import type { Actor } from '../core/request-context';
import { isOwnOrganisationCase } from '../cases';

/**
 * Who may see and do what with a case's offers. The case itself is reached through the cases
 * policy (a case outside the actor's reach is a 404 before any of this is asked); these rules cut
 * what a reaching seat sees of the offers and which offer-steps are its own. Fail closed: a seat
 * not named sees the least.
 */

export interface CaseFacts {
  ownerOrganisationId: string;
  decidedDestinationCode: string | null;
}

export interface OfferFacts {
  organisationId: string;
}

/** The destination municipality of the case (it confirms or refuses the placement). */
export function isDestinationMunicipality(actor: Actor, c: CaseFacts): boolean {
  return (
    actor.seat === 'municipality' &&
    !!actor.municipalityCode &&
    actor.municipalityCode === c.decidedDestinationCode
  );
}

/** The corporation that made the offer. */
export function isOfferingCorporation(actor: Actor, offer: OfferFacts): boolean {
  return actor.seat === 'corporation' && actor.organisationId === offer.organisationId;
}

/**
 * The new dwelling's street address: only the corporation that offers it, the destination
 * municipality and the case manager (domain.md §3.5) — whatever the target group. Everyone else
 * reads the municipality and the neighbourhood (the load of a wijk is everybody's business).
 */
export function seesDwellingAddress(actor: Actor, c: CaseFacts, offer: OfferFacts): boolean {
  return (
    isOfferingCorporation(actor, offer) ||
    isDestinationMunicipality(actor, c) ||
    isOwnOrganisationCase(actor, c.ownerOrganisationId)
  );
}

/**
 * Which offers of a case a seat sees: a corporation only its own (another corporation's dwelling
 * and terms are none of its business); the other seats that reach the case all of them.
 */
export function seesOffer(actor: Actor, offer: OfferFacts): boolean {
  return actor.seat !== 'corporation' || isOfferingCorporation(actor, offer);
}

/**
 * The reasons the parties gave (a decline, a withdrawal, a refusal) and the support arranged: for
 * the parties of the placement and the chair who sends the case back to the table. The follow-up
 * provider reads the move, not why earlier offers failed.
 */
export function seesReasons(actor: Actor): boolean {
  return (
    actor.seat === 'casemanager' ||
    actor.seat === 'chair' ||
    actor.seat === 'municipality' ||
    actor.seat === 'corporation'
  );
}

/** The neighbourhood's load beside an offer: for those who weigh it (the corporation, the municipality, the chair) and the case manager. */
export function seesNeighbourhoodLoad(actor: Actor): boolean {
  return (
    actor.seat === 'casemanager' ||
    actor.seat === 'chair' ||
    actor.seat === 'municipality' ||
    actor.seat === 'corporation'
  );
}

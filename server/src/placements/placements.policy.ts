import { AppError, type TransitionCheck } from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { isOwnOrganisationCase, stepRefusal } from '../cases';

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
  /** Where the offer stands; `completed` once the move is recorded. */
  status?: string;
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
 * municipality and the case manager (domain.md §3.5), whatever the target group; and, once the move
 * is recorded, the follow-up provider, which visits the resident there (a provider reaches only the
 * cases it follows up). Everyone else reads the municipality and the neighbourhood (the load of a
 * wijk is everybody's business).
 */
export function seesDwellingAddress(actor: Actor, c: CaseFacts, offer: OfferFacts): boolean {
  return (
    isOfferingCorporation(actor, offer) ||
    isDestinationMunicipality(actor, c) ||
    isOwnOrganisationCase(actor, c.ownerOrganisationId) ||
    (actor.seat === 'provider' && offer.status === 'completed')
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

/** The move (keys, agreement, the provider's contact): every seat that reaches the case, a corporation only for its own dwelling. */
export function seesMoveIn(actor: Actor, offer: { isOwnOffer: boolean }): boolean {
  return actor.seat !== 'corporation' || offer.isOwnOffer;
}

/** A corporation offers its dwellings (the state table says when; the row scope which cases). */
export function mayMakeOffers(actor: Actor): boolean {
  return actor.seat === 'corporation';
}

/**
 * What a seat may do with the offers and placement of a case it reaches, asked before the state
 * table (which then checks the seat and the state of each step):
 * - `make`: a corporation;
 * - `answer`: the resident's answer is recorded by the case manager of the owning organisation;
 * - `moveIn`: a case manager records the move only for their own organisation's case (the
 *   corporation's side is the state table's `ownDwelling`, see placementRefusal).
 */
export type PlacementAction = 'make' | 'answer' | 'moveIn';

export function canOnPlacement(actor: Actor, action: PlacementAction, c: CaseFacts): boolean {
  switch (action) {
    case 'make':
      return mayMakeOffers(actor);
    case 'answer':
      return isOwnOrganisationCase(actor, c.ownerOrganisationId);
    case 'moveIn':
      return actor.seat !== 'casemanager' || isOwnOrganisationCase(actor, c.ownerOrganisationId);
  }
}

const placementRefusals: Record<PlacementAction, string | undefined> = {
  make: undefined,
  answer: 'Het antwoord van de bewoner legt de casemanager van de bewoner vast.',
  moveIn: 'De verhuizing legt de casemanager van de bewoner of de corporatie van de woning vast.',
};

/** A case in reach, an act on its placement not allowed: 403. */
export function assertCanOnPlacement(actor: Actor, action: PlacementAction, c: CaseFacts): void {
  if (!canOnPlacement(actor, action, c)) throw new AppError('FORBIDDEN', placementRefusals[action]);
}

/**
 * The error of a step the state table refused. A requirement about who acts is a 403: only the
 * corporation that offered withdraws its offer and records the move into its dwelling (every
 * requirement the service leaves unmet there is `ownDwelling`), only the destination municipality
 * confirms or refuses. The other refusals keep the state table's code.
 */
export function placementRefusal(
  step: 'withdrawOffer' | 'moveIn' | 'confirmPlacement' | 'refusePlacement',
  check: Exclude<TransitionCheck, { ok: true }>,
): AppError {
  if (check.reason === 'unmetRequirement') {
    if (step === 'withdrawOffer')
      return new AppError(
        'FORBIDDEN',
        'Alleen de corporatie die de woning aanbood, kan het aanbod intrekken.',
      );
    if (step === 'moveIn')
      return new AppError(
        'FORBIDDEN',
        'Alleen de corporatie van de woning legt de verhuizing vast.',
      );
    if (check.requirement === 'isDestinationMunicipality')
      return new AppError('FORBIDDEN', check.message);
  }
  return stepRefusal(check);
}

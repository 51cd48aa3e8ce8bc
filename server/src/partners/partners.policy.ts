import {
  AppError,
  canOrganisationHoldSeat,
  permissionsBeyondSeat,
  seatLabel,
  type ErrorIssue,
  type OrganisationKind,
  type Permission,
  type Seat,
} from '@uitstroom/shared';
import type { RequestContext } from '../core/request-context';

/**
 * Who may do what with tokens and subscriptions. The regio-beheerder's row scope is the region
 * (`api_token.region_id`, in the repository's queries); a token holder's is its own token: its
 * subscriptions and their deliveries, never another token's (a 404, as for a case out of reach).
 */

/** The token a request acts with; subscriptions belong to a token, so a session has none (403). */
export function tokenHolderOf(context: RequestContext): string {
  if (!context.actor || !context.bearer || !('tokenId' in context.bearer))
    throw new AppError('FORBIDDEN', 'Abonnementen op gebeurtenissen horen bij een API-token.');
  return context.bearer.tokenId;
}

/**
 * A token goes to a seat the organisation can hold, with permissions that seat may put on a token:
 * never more than the seat's own grants, never a personal one.
 */
export function tokenGrantProblems(
  organisationKind: OrganisationKind,
  seat: Seat,
  permissions: readonly Permission[],
): ErrorIssue[] {
  if (!canOrganisationHoldSeat(organisationKind, seat))
    return [{ path: 'seat', message: 'Deze organisatie heeft deze zetel niet.' }];
  return permissionsBeyondSeat(seat, permissions).map(({ index, permission }) => ({
    path: `permissions.${index}`,
    message: `De zetel ${seatLabel[seat]} kan \`${permission}\` niet aan een token geven.`,
  }));
}

import { z } from 'zod';
import {
  dwellingOfferSchema,
  neighbourhoodLoadListSchema,
  placementViewSchema,
  type AnswerOffer,
  type ConfirmPlacement,
  type DwellingOffer,
  type MakeOffer,
  type MoveIn,
  type NeighbourhoodLoadList,
  type PlacementView,
  type RefusePlacement,
  type WithdrawOffer,
} from '@uitstroom/shared';
import { api } from '../core/api';

/** Offers, the placement and the move as the client uses them; every answer is parsed with the server's schema. */

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export function fetchPlacement(caseId: string, signal?: AbortSignal): Promise<PlacementView> {
  return api('GET', `${casePath(caseId)}/placement`, { schema: placementViewSchema, signal });
}

export function makeOffer(caseId: string, body: MakeOffer): Promise<PlacementView> {
  return api('POST', `${casePath(caseId)}/offers`, { body, schema: placementViewSchema });
}

export function answerOffer(caseId: string, body: AnswerOffer): Promise<PlacementView> {
  return api('POST', `${casePath(caseId)}/offer/answer`, { body, schema: placementViewSchema });
}

export function withdrawOffer(caseId: string, body: WithdrawOffer): Promise<PlacementView> {
  return api('POST', `${casePath(caseId)}/offer/withdraw`, { body, schema: placementViewSchema });
}

export function confirmPlacement(caseId: string, body: ConfirmPlacement): Promise<PlacementView> {
  return api('POST', `${casePath(caseId)}/placement/confirm`, {
    body,
    schema: placementViewSchema,
  });
}

export function refusePlacement(caseId: string, body: RefusePlacement): Promise<PlacementView> {
  return api('POST', `${casePath(caseId)}/placement/refuse`, { body, schema: placementViewSchema });
}

export function recordMoveIn(caseId: string, body: MoveIn): Promise<PlacementView> {
  return api('POST', `${casePath(caseId)}/move-in`, { body, schema: placementViewSchema });
}

export function fetchDwellingOffers(
  dwellingId: string,
  signal?: AbortSignal,
): Promise<DwellingOffer[]> {
  return api('GET', `/api/dwellings/${encodeURIComponent(dwellingId)}/offers`, {
    schema: z.array(dwellingOfferSchema),
    signal,
  });
}

// The load of a municipality's neighbourhoods changes only with a move: read once per page visit.
const loads = new Map<string, Promise<NeighbourhoodLoadList>>();

export function fetchNeighbourhoodLoad(municipalityCode: string): Promise<NeighbourhoodLoadList> {
  let pending = loads.get(municipalityCode);
  if (!pending) {
    pending = api(
      'GET',
      `/api/neighbourhood-load?municipality=${encodeURIComponent(municipalityCode)}`,
      { schema: neighbourhoodLoadListSchema },
    );
    pending.catch(() => loads.delete(municipalityCode));
    loads.set(municipalityCode, pending);
    // Forgotten after a minute, so that a long-open page does not keep an old count.
    setTimeout(() => loads.delete(municipalityCode), 60_000);
  }
  return pending;
}

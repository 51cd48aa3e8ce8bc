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
import { apiClient, request } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { useWrite } from '../core/query/use-write';

/** Offers, the placement and the move as the client uses them; every answer is parsed with the server's schema. */

const onCase = (caseId: string) => ({ params: { path: { caseId } } });

export function fetchPlacement(caseId: string, signal?: AbortSignal): Promise<PlacementView> {
  return request(apiClient.GET('/api/cases/{caseId}/placement', { ...onCase(caseId), signal }), {
    schema: placementViewSchema,
  });
}

export function makeOffer(caseId: string, body: MakeOffer): Promise<PlacementView> {
  return request(apiClient.POST('/api/cases/{caseId}/offers', { ...onCase(caseId), body }), {
    schema: placementViewSchema,
  });
}

export function answerOffer(caseId: string, body: AnswerOffer): Promise<PlacementView> {
  return request(apiClient.POST('/api/cases/{caseId}/offer/answer', { ...onCase(caseId), body }), {
    schema: placementViewSchema,
  });
}

export function withdrawOffer(caseId: string, body: WithdrawOffer): Promise<PlacementView> {
  return request(
    apiClient.POST('/api/cases/{caseId}/offer/withdraw', { ...onCase(caseId), body }),
    {
      schema: placementViewSchema,
    },
  );
}

export function confirmPlacement(caseId: string, body: ConfirmPlacement): Promise<PlacementView> {
  return request(
    apiClient.POST('/api/cases/{caseId}/placement/confirm', { ...onCase(caseId), body }),
    {
      schema: placementViewSchema,
    },
  );
}

export function refusePlacement(caseId: string, body: RefusePlacement): Promise<PlacementView> {
  return request(
    apiClient.POST('/api/cases/{caseId}/placement/refuse', { ...onCase(caseId), body }),
    {
      schema: placementViewSchema,
    },
  );
}

export function recordMoveIn(caseId: string, body: MoveIn): Promise<PlacementView> {
  return request(apiClient.POST('/api/cases/{caseId}/move-in', { ...onCase(caseId), body }), {
    schema: placementViewSchema,
  });
}

export function fetchDwellingOffers(
  dwellingId: string,
  signal?: AbortSignal,
): Promise<DwellingOffer[]> {
  return request(
    apiClient.GET('/api/dwellings/{dwellingId}/offers', {
      params: { path: { dwellingId } },
      signal,
    }),
    { schema: z.array(dwellingOfferSchema) },
  );
}

export function fetchNeighbourhoodLoad(municipalityCode: string): Promise<NeighbourhoodLoadList> {
  return request(
    apiClient.GET('/api/neighbourhood-load', {
      params: { query: { municipality: municipalityCode } },
    }),
    { schema: neighbourhoodLoadListSchema },
  );
}

/**
 * A step on a case's placement (offer, answer, confirm, refuse, withdraw, move in): its answer is
 * the placement's new state, which replaces the cached one; the case page reads the case again.
 */
export function usePlacementStep<B>(
  caseId: string,
  step: (caseId: string, body: B) => Promise<PlacementView>,
) {
  return useWrite({
    write: (body: B) => step(caseId, body),
    sets: () => queryKeys.casePlacement(caseId),
  });
}

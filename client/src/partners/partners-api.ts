import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  apiTokenSchema,
  issuedTokenSchema,
  subscriptionSchema,
  type IssueToken,
} from '@uitstroom/shared';
import { apiClient, request } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { useWrite } from '../core/query/use-write';

/** The region's API tokens, without their secrets. */
export function useApiTokens() {
  return useQuery({
    queryKey: queryKeys.apiTokens,
    queryFn: ({ signal }) =>
      request(apiClient.GET('/api/region/tokens', { signal }), {
        schema: z.array(apiTokenSchema),
      }),
  });
}

/** The subscriptions of one token, with how their deliveries stand. */
export function useTokenSubscriptions(tokenId: string) {
  return useQuery({
    queryKey: queryKeys.apiTokenSubscriptions(tokenId),
    queryFn: ({ signal }) =>
      request(
        apiClient.GET('/api/region/tokens/{tokenId}/subscriptions', {
          params: { path: { tokenId } },
          signal,
        }),
        { schema: z.array(subscriptionSchema) },
      ),
  });
}

/** Issues a token: the answer carries the token itself, this once. */
export function useIssueToken() {
  return useWrite({
    write: (body: IssueToken) =>
      request(apiClient.POST('/api/region/tokens', { body: body as never }), {
        schema: issuedTokenSchema,
      }),
    invalidates: () => [queryKeys.apiTokens],
  });
}

export function useRevokeToken() {
  return useWrite({
    write: (tokenId: string) =>
      request(
        apiClient.POST('/api/region/tokens/{tokenId}/revoke', {
          params: { path: { tokenId } },
        }),
        { schema: apiTokenSchema },
      ),
    invalidates: () => [queryKeys.apiTokens],
  });
}

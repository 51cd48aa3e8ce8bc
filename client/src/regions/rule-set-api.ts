import { useQuery } from '@tanstack/react-query';
import {
  ruleSetDraftStateSchema,
  ruleSetHistorySchema,
  ruleSetSchema,
  type RuleSet,
  type RuleSetConfig,
  type SaveRuleSetDraftRequest,
} from '@uitstroom/shared';
import { apiClient, ApiError, request } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { useWrite } from '../core/query/use-write';

/** The region's current rule set; null while the region has none yet (not a failure). */
export function useRuleSet() {
  return useQuery({
    queryKey: queryKeys.ruleSet,
    queryFn: async ({ signal }): Promise<RuleSet | null> => {
      try {
        return await request(apiClient.GET('/api/region/rule-set', { signal }), {
          schema: ruleSetSchema,
        });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NOT_FOUND') return null;
        throw error;
      }
    },
  });
}

/** Every version of the region's rule set, newest first. */
export function useRuleSetHistory() {
  return useQuery({
    queryKey: queryKeys.ruleSetHistory,
    queryFn: ({ signal }) =>
      request(apiClient.GET('/api/region/rule-set/versions', { signal }), {
        schema: ruleSetHistorySchema,
      }),
  });
}

/** Saves a new version: it becomes the current rule set at once, and the history reads again. */
export function useSaveRuleSet() {
  return useWrite({
    write: (body: { expectedVersion: number; config: RuleSetConfig }) =>
      request(apiClient.PUT('/api/region/rule-set', { body }), { schema: ruleSetSchema }),
    sets: () => queryKeys.ruleSet,
    invalidates: () => [queryKeys.ruleSetHistory],
  });
}

/** The draft of the next version, if there is one (`{ draft: null }` otherwise). */
export function useRuleSetDraft() {
  return useQuery({
    queryKey: queryKeys.ruleSetDraft,
    queryFn: ({ signal }) =>
      request(apiClient.GET('/api/region/rule-set/draft', { signal }), {
        schema: ruleSetDraftStateSchema,
      }),
  });
}

/** Saves the draft: nothing the region works with changes until it is published. */
export function useSaveRuleSetDraft() {
  return useWrite({
    write: (body: SaveRuleSetDraftRequest) =>
      request(apiClient.PUT('/api/region/rule-set/draft', { body }), {
        schema: ruleSetDraftStateSchema,
      }),
    sets: () => queryKeys.ruleSetDraft,
  });
}

/** Publishes the draft: it becomes the current version, and the history reads again. */
export function usePublishRuleSetDraft() {
  return useWrite({
    write: (revision: number) =>
      request(apiClient.POST('/api/region/rule-set/draft/publish', { body: { revision } }), {
        schema: ruleSetSchema,
      }),
    sets: () => queryKeys.ruleSet,
    invalidates: () => [queryKeys.ruleSetHistory, queryKeys.ruleSetDraft],
  });
}

/** Throws the draft away; the current version stays. */
export function useDiscardRuleSetDraft() {
  return useWrite({
    write: () =>
      request(apiClient.DELETE('/api/region/rule-set/draft', {}), {
        schema: ruleSetDraftStateSchema,
      }),
    sets: () => queryKeys.ruleSetDraft,
  });
}

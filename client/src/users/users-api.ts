import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import {
  organisationSchema,
  userSummarySchema,
  type CreateOrganisation,
  type CreateUser,
  type SaveIdentityProvider,
} from '@uitstroom/shared';
import { apiClient, request } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { useWrite } from '../core/query/use-write';

/** What the region's administrator does with a user account, one route each. */
export type UserAction =
  'deactivate' | 'activate' | 'invitation' | 'password-reset' | 'two-factor-reset' | 'unlock';

/** The organisations of the region. */
export function useAdminOrganisations() {
  return useQuery({
    queryKey: queryKeys.adminOrganisations,
    queryFn: ({ signal }) =>
      request(apiClient.GET('/api/admin/organisations', { signal }), {
        schema: z.array(organisationSchema),
      }),
  });
}

/** The people of the region who may sign in. */
export function useAdminUsers() {
  return useQuery({
    queryKey: queryKeys.adminUsers,
    queryFn: ({ signal }) =>
      request(apiClient.GET('/api/admin/users', { signal }), {
        schema: z.array(userSummarySchema),
      }),
  });
}

/** One action on a user's account: the list of users reads again (its status column changes). */
export function useUserAction() {
  return useWrite({
    write: ({ userId, action }: { userId: string; action: UserAction }) =>
      request(
        apiClient.POST(`/api/admin/users/{userId}/${action}`, {
          params: { path: { userId } },
          body: {},
        }),
      ),
    invalidates: () => [queryKeys.adminUsers],
  });
}

/** Invites a new user: the list of users reads again. */
export function useCreateUser() {
  return useWrite({
    write: (body: CreateUser) =>
      request(apiClient.POST('/api/admin/users', { body }), { schema: userSummarySchema }),
    invalidates: () => [queryKeys.adminUsers],
  });
}

/** Adds an organisation: the list of organisations reads again. */
export function useCreateOrganisation() {
  return useWrite({
    write: (body: CreateOrganisation) =>
      request(apiClient.POST('/api/admin/organisations', { body }), {
        schema: organisationSchema,
      }),
    invalidates: () => [queryKeys.adminOrganisations],
  });
}

/** Sets or changes an organisation's identity provider: the organisations read again. */
export function useSaveIdentityProvider() {
  return useWrite({
    write: ({ organisationId, body }: { organisationId: string; body: SaveIdentityProvider }) =>
      request(
        apiClient.PUT('/api/admin/organisations/{organisationId}/identity-provider', {
          params: { path: { organisationId } },
          body,
        }),
        { schema: organisationSchema },
      ),
    invalidates: () => [queryKeys.adminOrganisations, queryKeys.adminUsers],
  });
}

/** Back to passwords for the organisation: the organisations read again. */
export function useRemoveIdentityProvider() {
  return useWrite({
    write: (organisationId: string) =>
      request(
        apiClient.DELETE('/api/admin/organisations/{organisationId}/identity-provider', {
          params: { path: { organisationId } },
        }),
        { schema: organisationSchema },
      ),
    invalidates: () => [queryKeys.adminOrganisations],
  });
}

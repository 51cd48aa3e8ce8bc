import type { DataSource, EntityManager } from 'typeorm';
import {
  emailDomainOf,
  providerUnavailableMessage,
  type Me,
  type ProviderSignInFailure,
  type SignInMethod,
} from '@uitstroom/shared';
import { publicOriginOf, type AppConfig } from '../core/config';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { openSecret, sealedFor } from '../core/secret-box';
import { findActiveUserById, toActor, toMe } from './auth.repository';
import {
  findProviderByDomain,
  findProviderOfOrganisation,
  findUserBySubject,
  findUserForLinking,
  linkUserToSubject,
  type IdentityProviderRow,
} from './identity-provider.repository';
import {
  finishAuthorization,
  ProviderCallFailed,
  startAuthorization,
  type AuthorizationChecks,
  type ProviderEndpoint,
  type VerifiedIdentity,
} from './oidc-client';

/** The path the providers send users back to (registered there as the redirect URI). */
export const providerCallbackPath = '/api/auth/provider/callback';

/** How long a user may spend at the provider before the checks in their session expire. */
const pendingLifetimeMs = 10 * 60 * 1000;

export interface PendingProviderSignIn extends AuthorizationChecks {
  organisationId: string;
  since: number;
}

export function providerRedirectUri(config: AppConfig): string {
  return `${publicOriginOf(config)}${providerCallbackPath}`;
}

function endpointOf(config: AppConfig, provider: IdentityProviderRow): ProviderEndpoint {
  return {
    issuer: provider.issuer,
    clientId: provider.client_id,
    clientSecret: openSecret(
      config.encryptionKeys,
      provider.client_secret_sealed,
      sealedFor.clientSecret(provider.organisation_id),
    ),
    version: provider.version,
  };
}

/**
 * The e-mail-first step. The domain alone decides, so the answer is the same for an address with
 * an account and one without: a domain with a provider goes there, any other to the password.
 */
export async function chooseSignInMethod(
  db: DataSource,
  config: AppConfig,
  context: RequestContext,
  email: string,
): Promise<{ answer: SignInMethod; pending: PendingProviderSignIn | null }> {
  const provider = await findProviderByDomain(db.manager, emailDomainOf(email));
  if (!provider) return { answer: { method: 'password' }, pending: null };
  try {
    const { authorizationUrl, checks } = await startAuthorization(endpointOf(config, provider), {
      redirectUri: providerRedirectUri(config),
      loginHint: email.trim().toLowerCase(),
      timeoutSeconds: config.identityProviderTimeoutSeconds,
    });
    return {
      answer: { method: 'provider', authorizationUrl },
      pending: { organisationId: provider.organisation_id, ...checks, since: Date.now() },
    };
  } catch (error) {
    if (!(error instanceof ProviderCallFailed)) throw error;
    await db.transaction((tx) =>
      auditFailure(tx, context, provider.organisation_id, null, 'unreachable'),
    );
    const isPasswordAllowed = provider.is_password_sign_in_allowed;
    return {
      answer: {
        method: 'providerUnavailable',
        message: providerUnavailableMessage(isPasswordAllowed),
        isPasswordAllowed,
      },
      pending: null,
    };
  }
}

export type ProviderSignInOutcome =
  { kind: 'signedIn'; actor: Actor; me: Me } | { kind: 'failed'; failure: ProviderSignInFailure };

/**
 * The provider sent the user back. Only a user who exists here and is active gets in, found by
 * the provider's `sub`; a `sub` not linked yet is linked to the invited user with the token's
 * e-mail address (in a domain the provider vouches for, in the provider's organisation), once,
 * and only while the invitation is open. Nobody gets a seat from the provider. The second factor
 * was the provider's; its `acr` and `amr` go into the audit entry of the sign-in.
 */
export async function completeProviderSignIn(
  db: DataSource,
  config: AppConfig,
  context: RequestContext,
  pending: PendingProviderSignIn | undefined,
  callbackUrl: URL,
): Promise<ProviderSignInOutcome> {
  const failed = (failure: ProviderSignInFailure) => ({ kind: 'failed' as const, failure });
  if (!pending || Date.now() - pending.since > pendingLifetimeMs) return failed('expired');
  const provider = await findProviderOfOrganisation(db.manager, pending.organisationId);
  if (!provider) return failed('expired');
  let identity: VerifiedIdentity;
  try {
    identity = await finishAuthorization(endpointOf(config, provider), {
      callbackUrl,
      redirectUri: providerRedirectUri(config),
      checks: pending,
      timeoutSeconds: config.identityProviderTimeoutSeconds,
    });
  } catch (error) {
    if (!(error instanceof ProviderCallFailed)) throw error;
    await db.transaction((tx) =>
      auditFailure(tx, context, provider.organisation_id, null, error.failure),
    );
    return failed(error.failure);
  }
  return db.transaction(async (tx) => {
    const found = await userForIdentity(tx, context, provider, identity);
    if ('failure' in found) {
      await auditFailure(tx, context, provider.organisation_id, found.userId, found.failure);
      return failed(found.failure);
    }
    const user = (await findActiveUserById(tx, found.userId))!;
    const actor = toActor(user);
    await writeAudit(
      tx,
      { ...context, actor },
      {
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        purpose: 'authentication',
        outcome: 'success',
        details: { method: 'provider', acr: identity.acr, amr: identity.amr },
      },
    );
    return { kind: 'signedIn' as const, actor, me: toMe(user) };
  });
}

async function userForIdentity(
  tx: EntityManager,
  context: RequestContext,
  provider: IdentityProviderRow,
  identity: VerifiedIdentity,
): Promise<{ userId: string } | { failure: ProviderSignInFailure; userId: string | null }> {
  const linked = await findUserBySubject(tx, identity.issuer, identity.subject);
  if (linked) {
    // A provider speaks for its own organisation only, even about a user it once linked.
    if (linked.organisation_id !== provider.organisation_id)
      return { failure: 'noAccess', userId: linked.id };
    if (!linked.is_active) return { failure: 'deactivated', userId: linked.id };
    return { userId: linked.id };
  }
  const email = identity.email;
  if (!email || identity.isEmailVerified === false) return { failure: 'noAccess', userId: null };
  if (!provider.email_domains.includes(emailDomainOf(email)))
    return { failure: 'noAccess', userId: null };
  const invited = await findUserForLinking(tx, email);
  if (!invited || invited.organisation_id !== provider.organisation_id || invited.provider_subject)
    return { failure: 'noAccess', userId: invited?.id ?? null };
  if (!invited.is_active) return { failure: 'deactivated', userId: invited.id };
  // The first sign-in must follow an invitation to this address: the regio-beheerder decides who
  // gets a seat, never the provider.
  if (!invited.has_open_invitation) return { failure: 'noAccess', userId: invited.id };
  await linkUserToSubject(tx, invited.id, identity.issuer, identity.subject);
  await writeAudit(tx, context, {
    action: 'auth.provider.link',
    objectType: 'user',
    objectId: invited.id,
    purpose: 'authentication',
    outcome: 'success',
    details: { organisationId: provider.organisation_id },
  });
  return { userId: invited.id };
}

function auditFailure(
  tx: EntityManager,
  context: RequestContext,
  organisationId: string,
  userId: string | null,
  reason: ProviderSignInFailure,
): Promise<void> {
  return writeAudit(tx, context, {
    action: 'auth.login',
    objectType: 'user',
    objectId: userId,
    purpose: 'authentication',
    outcome: reason === 'unreachable' ? 'failure' : 'denied',
    details: { method: 'provider', organisationId, reason },
  });
}

import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { ProviderSignInFailure } from '@uitstroom/shared';

/**
 * The OpenID Connect relying party, on `openid-client`: the authorisation code flow with PKCE
 * (S256), `state` and `nonce`. openid-client checks the ID token (signature against the provider's
 * keys, `iss`, `aud` = our client id, `azp`, `exp`/`iat`, `nonce`) and the authorisation response
 * (`state`, `iss` when the provider sends it); the code is bound to our verifier by PKCE, so a code
 * caught on its way back is worth nothing to anyone else.
 */
export interface ProviderEndpoint {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Changes whenever the regio-beheerder saves the provider: a cached discovery is then stale. */
  version: number;
}

/** What the user's session keeps between sending them to the provider and their return. */
export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The verified ID token's claims that matter here. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  isEmailVerified: boolean | null;
  acr: string | null;
  amr: string[];
}

/** A failure to reach the provider (network, timeout, a 5xx), as against an answer that does not hold. */
export class ProviderCallFailed extends Error {
  constructor(
    readonly failure: ProviderSignInFailure,
    options: { cause: unknown },
  ) {
    super(`identity provider: ${failure}`, options);
  }
}

const discoveryLifetimeMs = 15 * 60 * 1000;
const discovered = new Map<string, { configuration: client.Configuration; until: number }>();

function cacheKeyOf(provider: ProviderEndpoint): string {
  return createHash('sha256')
    .update(
      [provider.issuer, provider.clientId, provider.clientSecret, provider.version].join('\n'),
    )
    .digest('hex');
}

/**
 * The provider's metadata (OpenID Connect Discovery), kept a quarter of an hour per node so that a
 * sign-in costs no extra round trip. A failed discovery is not kept: the next sign-in tries again.
 */
async function configurationOf(
  provider: ProviderEndpoint,
  timeoutSeconds: number,
): Promise<client.Configuration> {
  const key = cacheKeyOf(provider);
  const cached = discovered.get(key);
  if (cached && cached.until > Date.now()) return cached.configuration;
  const issuer = new URL(provider.issuer);
  // Plain http only for a provider on this machine (tests, a developer's laptop): the schema
  // refuses any other http issuer.
  const isLoopback = issuer.protocol === 'http:';
  try {
    const configuration = await client.discovery(
      issuer,
      provider.clientId,
      { id_token_signed_response_alg: 'RS256' },
      client.ClientSecretBasic(provider.clientSecret),
      {
        timeout: timeoutSeconds,
        ...(isLoopback ? { execute: [client.allowInsecureRequests] } : {}),
      },
    );
    configuration.timeout = timeoutSeconds;
    discovered.set(key, { configuration, until: Date.now() + discoveryLifetimeMs });
    return configuration;
  } catch (error) {
    throw new ProviderCallFailed('unreachable', { cause: error });
  }
}

/** The URL to send the user to, and the checks to keep in their session until they return. */
export async function startAuthorization(
  provider: ProviderEndpoint,
  options: { redirectUri: string; loginHint: string; timeoutSeconds: number },
): Promise<{ authorizationUrl: string; checks: AuthorizationChecks }> {
  const configuration = await configurationOf(provider, options.timeoutSeconds);
  const checks = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier: client.randomPKCECodeVerifier(),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: options.redirectUri,
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
    code_challenge_method: 'S256',
    state: checks.state,
    nonce: checks.nonce,
    // The address just typed: the provider can skip asking for it (Entra ID, Keycloak, ADFS do).
    login_hint: options.loginHint,
  });
  return { authorizationUrl: url.href, checks };
}

/**
 * The provider sent the user back: check the response, redeem the code at the token endpoint and
 * verify the ID token. Throws ProviderCallFailed: `unreachable` when the provider could not be
 * reached, `refusedByProvider` when it answered with an error of its own, `invalid` for anything
 * that does not hold (state, nonce, audience, signature, a code used or expired).
 */
export async function finishAuthorization(
  provider: ProviderEndpoint,
  options: {
    callbackUrl: URL;
    redirectUri: string;
    checks: AuthorizationChecks;
    timeoutSeconds: number;
  },
): Promise<VerifiedIdentity> {
  const configuration = await configurationOf(provider, options.timeoutSeconds);
  // The URL as the provider called it: the redirect URI we registered, with the provider's parameters.
  const currentUrl = new URL(options.redirectUri);
  currentUrl.search = options.callbackUrl.search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: options.checks.codeVerifier,
      expectedState: options.checks.state,
      expectedNonce: options.checks.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (isUnreachable(error)) {
      // Perhaps the provider moved its endpoints: discover again next time.
      discovered.delete(cacheKeyOf(provider));
      throw new ProviderCallFailed('unreachable', { cause: error });
    }
    throw new ProviderCallFailed(
      error instanceof client.AuthorizationResponseError ? 'refusedByProvider' : 'invalid',
      { cause: error },
    );
  }
  const claims = tokens.claims();
  if (!claims) throw new ProviderCallFailed('invalid', { cause: new Error('no ID token') });
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
    isEmailVerified: typeof claims.email_verified === 'boolean' ? claims.email_verified : null,
    acr: typeof claims.acr === 'string' ? claims.acr : null,
    amr: Array.isArray(claims.amr)
      ? claims.amr.filter((method): method is string => typeof method === 'string')
      : [],
  };
}

/** No answer (network, timeout) or a server error, as against an answer that refuses. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  if (!(error instanceof client.ClientError)) return false;
  return ['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM'].includes(
    error.code ?? '',
  );
}

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { findFreePort } from '../../server/src/core/embedded-database';

/**
 * A real OpenID provider (the `oidc-provider` package, as certified by the OpenID Foundation) on
 * loopback, for the tests of sign-in through an organisation's own identity provider. It knows a
 * few accounts by e-mail address; whoever is sent with that address as `login_hint` is signed in
 * at once (as with a provider where the user already has a session), with the `acr` and `amr`
 * the account names. An account may ask the provider to misbehave: its ID token then comes with a
 * wrong audience or nonce, properly signed with the provider's own key, so that only the relying
 * party's checks can catch it.
 */
export interface TestAccount {
  email: string;
  sub: string;
  acr?: string;
  amr?: string[];
  tamper?: 'audience' | 'nonce';
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startTestProvider(options: {
  redirectUri: string;
  accounts: readonly TestAccount[];
}): Promise<TestProvider> {
  const port = await findFreePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'uitstroomtafel';
  const clientSecret = `secret-${randomUUID()}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey: JWK = {
    ...(await exportJWK(privateKey)),
    kid: 'test-key',
    alg: 'RS256',
    use: 'sig',
  };
  const byEmail = new Map(options.accounts.map((account) => [account.email, account]));
  const bySub = new Map(options.accounts.map((account) => [account.sub, account]));
  // Whose address the provider gives for a sub: the one the person signed in with last.
  const emailOfSub = new Map<string, string>();

  const provider = quietly(
    () =>
      new (loadProvider())(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [options.redirectUri],
            response_types: ['code'],
            grant_types: ['authorization_code'],
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        jwks: { keys: [signingKey] },
        cookies: { keys: [randomUUID()] },
        ttl: {
          AuthorizationCode: 60,
          AccessToken: 600,
          IdToken: 600,
          Interaction: 600,
          Grant: 600,
          Session: 600,
        },
        claims: { openid: ['sub', 'acr', 'amr', 'auth_time'], email: ['email', 'email_verified'] },
        // The e-mail address in the ID token itself, as the relying party expects it.
        conformIdTokenClaims: false,
        features: { devInteractions: { enabled: false } },
        interactions: {
          url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
        },
        findAccount: async (_ctx: unknown, sub: string) => {
          const account = bySub.get(sub);
          return account
            ? {
                accountId: sub,
                claims: async () => ({
                  sub,
                  email: emailOfSub.get(sub) ?? account.email,
                  email_verified: true,
                }),
              }
            : undefined;
        },
        // Consent is the organisation's business: every client gets the scopes it asks for.
        loadExistingGrant: async (ctx: ProviderContext) => {
          const grant = new ctx.oidc.provider.Grant({
            clientId: ctx.oidc.client.clientId,
            accountId: ctx.oidc.session.accountId,
          });
          grant.addOIDCScope('openid email profile');
          await grant.save();
          return grant;
        },
      }),
  );

  provider.use(async (ctx: { path: string; body: unknown }, next: () => Promise<void>) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || !body?.id_token) return;
    const claims = decodeJwt(body.id_token);
    const tamper = bySub.get(String(claims.sub))?.tamper;
    if (!tamper) return;
    const changed =
      tamper === 'audience'
        ? { ...claims, aud: 'another-client' }
        : { ...claims, nonce: 'not-yours' };
    body.id_token = await new SignJWT(changed)
      .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid })
      .sign(await importJWK(signingKey, 'RS256'));
  });

  const interact = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    const account = byEmail.get(String(details.params.login_hint ?? ''));
    if (account) emailOfSub.set(account.sub, account.email);
    const result = account
      ? { login: { accountId: account.sub, acr: account.acr, amr: account.amr } }
      : { error: 'access_denied', error_description: 'Onbekend account' };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  };
  const handle = provider.callback();
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface ProviderContext {
  oidc: {
    provider: {
      Grant: new (init: { clientId: string; accountId: string }) => {
        addOIDCScope(scope: string): void;
        save(): Promise<string>;
      };
    };
    client: { clientId: string };
    session: { accountId: string };
  };
}

/**
 * oidc-provider warns that it prefers Node 22 (it runs on Node 20: the flows here were tried) and
 * that its in-memory store is for development: both true, and only noise in every test run.
 */
function quietly<T>(make: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!/oidc-provider WARNING/.test(String(args[0]))) warn(...args);
  };
  try {
    return make();
  } finally {
    console.warn = warn;
  }
}

function loadProvider(): ProviderClass {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('oidc-provider') as { default: ProviderClass }).default;
}

// The package's own types are loose where the tests need them; this is what is used of it.
type ProviderClass = new (
  issuer: string,
  configuration: Record<string, unknown>,
) => {
  use(
    middleware: (ctx: { path: string; body: unknown }, next: () => Promise<void>) => Promise<void>,
  ): void;
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{ params: Record<string, unknown> }>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
};

/**
 * Follows a browser's way from the authorisation URL through the provider (its cookies kept) to
 * the moment it is sent back to the app: returns that callback URL, for the test to deliver.
 */
export async function followProviderToCallback(
  authorizationUrl: string,
  redirectUri: string,
): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 10; hop += 1) {
    if (url.href.startsWith(redirectUri)) return url;
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      cookies.set(name!.trim(), value.join('='));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url.pathname}: ${response.status}`);
    url = new URL(location, url);
  }
  throw new Error('the provider redirected too often');
}

/**
 * Sign-in with an organisation's own identity provider (OpenID Connect): the pure rules. The sign-in
 * page asks for the e-mail address first and decides on its domain alone, so that what it answers
 * never depends on whether an account exists.
 */

/** The part after the last @, in lower case; '' when there is none. */
export function emailDomainOf(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** `@Kwintes.NL ` → `kwintes.nl`: how a regio-beheerder may type a domain. */
export function normaliseEmailDomain(input: string): string {
  return input.trim().toLowerCase().replace(/^@/, '');
}

/** A host name of at least two labels (`kwintes.nl`, `mail.gemeente.nl`); no wildcard, no IP address. */
export function isEmailDomain(domain: string): boolean {
  return (
    domain.length <= 253 &&
    /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/.test(domain) &&
    !/^[0-9.]+$/.test(domain)
  );
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An issuer is an https URL without query or fragment (OpenID Connect Discovery §4.3). Plain http
 * only on the machine itself: a provider started by the tests or on a developer's laptop.
 */
export function isAcceptableIssuer(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
}

/** Why a sign-in through the organisation's provider did not let someone in. */
export const providerSignInFailures = [
  'unreachable',
  'invalid',
  'expired',
  'refusedByProvider',
  'noAccess',
  'deactivated',
] as const;
export type ProviderSignInFailure = (typeof providerSignInFailures)[number];

/** What the sign-in page says after the provider sent the user back without a session. */
export const providerSignInFailureMessage: Record<ProviderSignInFailure, string> = {
  unreachable:
    'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw.',
  invalid:
    'Het inloggen via uw organisatie is niet gelukt: het antwoord van de inlogdienst klopte niet. Probeer het opnieuw.',
  expired: 'Het inloggen duurde te lang of is al afgerond. Probeer het opnieuw.',
  refusedByProvider: 'De inlogdienst van uw organisatie heeft het inloggen niet toegestaan.',
  noAccess:
    'Met dit account heeft u geen toegang tot de Uitstroomtafel. Vraag de regio-beheerder van uw regio om een uitnodiging.',
  deactivated:
    'Uw account bij de Uitstroomtafel is gedeactiveerd. Neem contact op met de regio-beheerder.',
};

/** What the page says when the provider cannot be reached before the user was sent there. */
export function providerUnavailableMessage(isPasswordAllowed: boolean): string {
  return isPasswordAllowed
    ? 'De inlogdienst van uw organisatie is nu niet bereikbaar. U kunt in plaats daarvan inloggen met uw wachtwoord.'
    : 'De inlogdienst van uw organisatie is nu niet bereikbaar. Probeer het later opnieuw.';
}

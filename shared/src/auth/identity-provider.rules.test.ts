import {
  emailDomainOf,
  isAcceptableIssuer,
  isEmailDomain,
  normaliseEmailDomain,
  providerSignInFailureMessage,
  providerSignInFailures,
} from './identity-provider.rules';
import { saveIdentityProviderSchema, signInMethodRequestSchema } from './identity-provider.schemas';

describe('the domain of an e-mail address', () => {
  it.each([
    ['sanne@kwintes.nl', 'kwintes.nl'],
    ['Sanne@Kwintes.NL', 'kwintes.nl'],
    ['"a@b"@gemeente.almere.nl', 'gemeente.almere.nl'],
    ['geen-apenstaartje', ''],
  ])('%s → %s', (email, domain) => {
    expect(emailDomainOf(email)).toBe(domain);
  });
});

describe('an e-mail domain the regio-beheerder types', () => {
  it.each([
    ['kwintes.nl', true],
    [' @Kwintes.NL ', true],
    ['mail.gemeente-almere.nl', true],
    ['nl', false],
    ['*.kwintes.nl', false],
    ['-kwintes.nl', false],
    ['kwintes..nl', false],
    ['10.0.0.1', false],
    ['kwintes.nl/pad', false],
  ])('%s: %s', (input, isValid) => {
    expect(isEmailDomain(normaliseEmailDomain(input))).toBe(isValid);
  });
});

describe('an issuer', () => {
  it.each([
    ['https://login.microsoftonline.com/0b2c…/v2.0', true],
    ['https://sso.kwintes.nl/realms/medewerkers', true],
    ['https://adfs.gemeente.nl/adfs', true],
    ['http://127.0.0.1:4400', true],
    ['http://localhost:8080/realms/test', true],
    ['http://sso.kwintes.nl/realms/medewerkers', false],
    ['https://sso.kwintes.nl/?tenant=1', false],
    ['https://sso.kwintes.nl/#x', false],
    ['https://user:pw@sso.kwintes.nl', false],
    ['ftp://sso.kwintes.nl', false],
    ['sso.kwintes.nl', false],
  ])('%s: %s', (issuer, isAcceptable) => {
    expect(isAcceptableIssuer(issuer)).toBe(isAcceptable);
  });
});

describe('every failure has a Dutch message', () => {
  it.each(providerSignInFailures.map((failure) => [failure]))('%s', (failure) => {
    expect(providerSignInFailureMessage[failure]).toMatch(/^[A-Z].+\.$/);
  });
});

describe('saving an identity provider', () => {
  const valid = {
    issuer: 'https://sso.kwintes.nl/realms/medewerkers',
    clientId: 'uitstroomtafel',
    clientSecret: 'geheim',
    emailDomains: ['@Kwintes.nl', 'kwintes.nl', 'zorg.kwintes.nl'],
    isPasswordSignInAllowed: false,
    version: null,
  };
  it('normalises and de-duplicates the domains', () => {
    expect(saveIdentityProviderSchema.parse(valid).emailDomains).toEqual([
      'kwintes.nl',
      'zorg.kwintes.nl',
    ]);
  });
  it.each([
    ['issuer', { issuer: 'http://sso.kwintes.nl' }],
    ['clientId', { clientId: '' }],
    ['clientSecret', { clientSecret: '' }],
    ['emailDomains', { emailDomains: [] }],
    ['emailDomains.0', { emailDomains: ['*.kwintes.nl'] }],
    ['version', { version: 0 }],
    ['', { extra: true }],
  ])('refuses at %s', (path, change) => {
    const result = saveIdentityProviderSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
  it('keeps the stored secret when none is sent', () => {
    const { clientSecret: _omitted, ...withoutSecret } = valid;
    expect(saveIdentityProviderSchema.safeParse(withoutSecret).success).toBe(true);
  });
});

describe('the e-mail step', () => {
  it.each([
    ['sanne@kwintes.nl', true],
    ['sanne', false],
    ['', false],
  ])('%s: %s', (email, isValid) => {
    expect(signInMethodRequestSchema.safeParse({ email }).success).toBe(isValid);
  });
});

import { z } from 'zod';
import { safeText } from '../primitives';
import {
  isAcceptableIssuer,
  isEmailDomain,
  normaliseEmailDomain,
  providerSignInFailures,
} from './identity-provider.rules';

/** An organisation's identity provider as the regio-beheerder sees it: never its client secret. */
export const identityProviderSummarySchema = z.object({
  issuer: safeText(),
  clientId: safeText(),
  emailDomains: z.array(safeText()),
  isPasswordSignInAllowed: z.boolean(),
  version: z.number().int(),
});
export type IdentityProviderSummary = z.infer<typeof identityProviderSummarySchema>;

const emailDomainSchema = safeText()
  .transform(normaliseEmailDomain)
  .refine(isEmailDomain, { error: 'Een domein ziet eruit als kwintes.nl (zonder @).' });

/**
 * Saving a provider. The client secret is required the first time; later it may be left out to keep
 * the stored one (the page never gets it back). `version` is null for a new provider and the
 * version read otherwise, so two regio-beheerders cannot overwrite each other unawares.
 */
export const saveIdentityProviderSchema = z.strictObject({
  issuer: safeText().trim().max(500).refine(isAcceptableIssuer, {
    error: 'Vul de issuer-URL van de inlogdienst in, beginnend met https://.',
  }),
  clientId: safeText().trim().min(1, { error: 'Vul de client-ID in.' }).max(500),
  clientSecret: safeText().min(1, { error: 'Vul het client secret in.' }).max(2000).optional(),
  emailDomains: z
    .array(emailDomainSchema)
    .min(1, { error: 'Vul minstens één e-maildomein in.' })
    .max(20, { error: 'Hoogstens 20 domeinen.' })
    .transform((domains) => [...new Set(domains)]),
  isPasswordSignInAllowed: z.boolean(),
  version: z.number().int().positive().nullable(),
});
export type SaveIdentityProvider = z.input<typeof saveIdentityProviderSchema>;

export const organisationIdParamsSchema = z.strictObject({
  organisationId: z.uuid({ error: 'Onbekende organisatie.' }),
});

/** The e-mail-first sign-in: the address decides the way in, by its domain alone. */
export const signInMethodRequestSchema = z.strictObject({
  email: z.email({ error: 'Vul een geldig e-mailadres in.' }).max(254),
});

export const signInMethodSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password') }),
  /** Go to the organisation's provider: the page follows this URL. */
  z.object({ method: z.literal('provider'), authorizationUrl: safeText() }),
  /** The provider cannot be reached now: a Dutch message, and a password field when allowed. */
  z.object({
    method: z.literal('providerUnavailable'),
    message: safeText(),
    isPasswordAllowed: z.boolean(),
  }),
]);
export type SignInMethod = z.infer<typeof signInMethodSchema>;

/**
 * What a provider sends back to the callback: `code` and `state`, or `error`; providers add their
 * own parameters (`session_state`, `iss`), which are passed on to the check as they came.
 */
const callbackParameter = safeText().max(4000).optional();
export const providerCallbackQuerySchema = z.looseObject({
  code: callbackParameter,
  state: callbackParameter,
  iss: callbackParameter,
  error: callbackParameter,
  error_description: callbackParameter,
  session_state: callbackParameter,
});

export const providerSignInFailureSchema = z.enum(providerSignInFailures);

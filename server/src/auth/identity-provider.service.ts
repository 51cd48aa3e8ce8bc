import type { EntityManager } from 'typeorm';
import {
  AppError,
  emailDomainOf,
  type IdentityProviderSummary,
  type saveIdentityProviderSchema,
} from '@uitstroom/shared';
import type { z } from 'zod';
import { isUniqueViolation } from '../core/db';
import { sealSecret, sealedFor, type EncryptionKeys } from '../core/secret-box';
import {
  deleteProvider,
  findProviderOfOrganisation,
  insertProvider,
  replaceDomains,
  updateProvider,
  type IdentityProviderRow,
} from './identity-provider.repository';

/**
 * An organisation's identity provider, kept by the regio-beheerder (the users module checks who
 * may, and audits; these run in its transaction). The client secret is sealed before it is stored
 * and never leaves the server again.
 */
export async function saveIdentityProvider(
  tx: EntityManager,
  keys: EncryptionKeys,
  organisationId: string,
  input: z.output<typeof saveIdentityProviderSchema>,
  updatedBy: string,
): Promise<void> {
  const existing = await findProviderOfOrganisation(tx, organisationId, true);
  if (input.version !== (existing?.version ?? null))
    throw new AppError('VERSION_CONFLICT', undefined, [], { version: existing?.version ?? null });
  if (!existing && !input.clientSecret)
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'clientSecret', message: 'Vul het client secret in.' },
    ]);
  const fields = {
    organisationId,
    issuer: input.issuer,
    clientId: input.clientId,
    clientSecretSealed: input.clientSecret
      ? sealSecret(keys, input.clientSecret, sealedFor.clientSecret(organisationId))
      : existing!.client_secret_sealed,
    isPasswordSignInAllowed: input.isPasswordSignInAllowed,
    updatedBy,
  };
  if (!existing) await insertProvider(tx, fields);
  else if (!(await updateProvider(tx, { ...fields, version: existing.version })))
    throw new AppError('VERSION_CONFLICT');
  await replaceDomains(tx, organisationId, input.emailDomains).catch((error: unknown) => {
    if (!isUniqueViolation(error, 'identity_provider_domain_pkey')) throw error;
    // The sign-in page decides on the domain before it knows anyone: one provider per domain.
    throw new AppError('DUPLICATE_EMAIL_DOMAIN', undefined, [
      {
        path: 'emailDomains',
        message: 'Een van deze domeinen hoort al bij de inlogdienst van een andere organisatie.',
      },
    ]);
  });
}

export async function removeIdentityProvider(
  tx: EntityManager,
  organisationId: string,
): Promise<void> {
  if (!(await deleteProvider(tx, organisationId))) throw new AppError('IDENTITY_PROVIDER_MISSING');
}

export function toIdentityProviderSummary(row: IdentityProviderRow): IdentityProviderSummary {
  return {
    issuer: row.issuer,
    clientId: row.client_id,
    emailDomains: row.email_domains,
    isPasswordSignInAllowed: row.is_password_sign_in_allowed,
    version: row.version,
  };
}

export async function identityProviderOf(
  db: EntityManager,
  organisationId: string,
): Promise<IdentityProviderSummary | null> {
  const row = await findProviderOfOrganisation(db, organisationId);
  return row ? toIdentityProviderSummary(row) : null;
}

/**
 * How an invited user of this organisation will sign in: through the organisation's provider when
 * their address is in a domain it vouches for (and whether a password is allowed besides), else
 * null: with a password.
 */
export async function providerSignInFor(
  db: EntityManager,
  organisationId: string,
  email: string,
): Promise<{ isPasswordAllowed: boolean } | null> {
  const row = await findProviderOfOrganisation(db, organisationId);
  if (!row || !row.email_domains.includes(emailDomainOf(email))) return null;
  return { isPasswordAllowed: row.is_password_sign_in_allowed };
}

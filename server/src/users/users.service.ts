import type { DataSource, EntityManager } from 'typeorm';
import {
  AppError,
  canOrganisationHoldSeat,
  seatLabel,
  organisationKindLabel,
  type CreateOrganisation,
  type OrganisationKind,
  type Seat,
  type OrganisationSummary,
  type OutboxMail,
  type UserSummary,
  type createUserSchema,
  type saveIdentityProviderSchema,
} from '@uitstroom/shared';
import type { z } from 'zod';
import type { AppConfig } from '../core/config';
import { sendAfterCommit, type Mail, type Mailer } from '../core/mailer';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit, type AuditRecord } from '../core/audit-writer';
import { publishAfterCommit } from '../core/live-events';
import {
  createLinkToken,
  setPasswordLink,
  invitationMail,
  passwordResetMail,
  endSessionsOfUser,
  liftAccountLock,
  providerSignInFor,
  removeIdentityProvider,
  saveIdentityProvider,
} from '../auth';
import { administeredRegionId } from './users.policy';
import { isUniqueViolation } from '../core/db';
import { isMunicipalityOfRegion } from '../regions';
import * as repository from './users.repository';

const audit = (record: Omit<AuditRecord, 'purpose' | 'outcome'>): AuditRecord => ({
  ...record,
  purpose: 'administration',
  outcome: 'success',
});

export function listOrganisations(db: DataSource, actor: Actor): Promise<OrganisationSummary[]> {
  return repository.listOrganisations(db.manager, administeredRegionId(actor));
}

export async function createOrganisation(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  input: CreateOrganisation,
): Promise<OrganisationSummary> {
  const regionId = administeredRegionId(actor, 'create');
  return db.transaction(async (tx) => {
    if (
      input.municipalityCode &&
      !(await isMunicipalityOfRegion(tx, regionId, input.municipalityCode))
    ) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'municipalityCode', message: 'Deze gemeente hoort niet bij uw regio.' },
      ]);
    }
    const id = await repository
      .insertOrganisation(tx, regionId, input)
      .catch(
        conflictOn(
          'DUPLICATE_NAME',
          'organisation_region_id_name_key',
          'name',
          'Er is al een organisatie met deze naam in uw regio.',
        ),
      );
    await writeAudit(
      tx,
      context,
      audit({
        action: 'admin.organisation.create',
        objectType: 'organisation',
        objectId: id,
        details: { kind: input.kind },
      }),
    );
    return {
      id,
      kind: input.kind,
      name: input.name,
      municipalityCode: input.municipalityCode ?? null,
      userCount: 0,
      identityProvider: null,
    };
  });
}

export async function listUsers(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  organisationId?: string,
): Promise<UserSummary[]> {
  const users = await repository.listUsers(db.manager, administeredRegionId(actor), organisationId);
  // Staff names and e-mail addresses are personal data too: looking at the list is logged.
  await db.transaction((tx) =>
    writeAudit(
      tx,
      context,
      audit({
        action: 'admin.user.list',
        objectType: 'user',
        fields: ['email', 'displayName'],
        details: { count: users.length },
      }),
    ),
  );
  return users;
}

/** Adds a user without a password and sends the invitation: they choose their own password. */
export async function createUser(
  db: DataSource,
  config: AppConfig,
  mailer: Mailer,
  context: RequestContext,
  actor: Actor,
  input: z.output<typeof createUserSchema>,
  baseUrl: string,
): Promise<UserSummary> {
  const regionId = administeredRegionId(actor, 'create');
  const { user, mail } = await db.transaction(async (tx) => {
    const organisation = await repository.findOrganisationInRegion(
      tx,
      regionId,
      input.organisationId,
    );
    if (!organisation)
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'organisationId', message: 'Onbekende organisatie.' },
      ]);
    if (!canOrganisationHoldSeat(organisation.kind, input.seat)) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        {
          path: 'seat',
          message: `Een ${organisationKindLabel[organisation.kind].toLowerCase()} kan geen zetel ‘${seatLabel[input.seat]}’ hebben.`,
        },
      ]);
    }
    const id = await repository
      .insertUser(tx, input)
      .catch(
        conflictOn(
          'DUPLICATE_EMAIL',
          'app_user_email_key',
          'email',
          'Er bestaat al een gebruiker met dit e-mailadres.',
        ),
      );
    const mail = await invitation(
      tx,
      config,
      actor,
      id,
      input.email,
      input.displayName,
      regionId,
      baseUrl,
    );
    await writeAudit(
      tx,
      context,
      audit({
        action: 'admin.user.create',
        objectType: 'user',
        objectId: id,
        fields: ['email', 'displayName', 'seat'],
      }),
    );
    return { user: (await repository.findUserInRegion(tx, regionId, id))!, mail };
  });
  await sendAfterCommit(mailer, mail);
  return user;
}

export async function resendInvitation(
  db: DataSource,
  config: AppConfig,
  mailer: Mailer,
  context: RequestContext,
  actor: Actor,
  userId: string,
  baseUrl: string,
): Promise<void> {
  const regionId = administeredRegionId(actor, 'update');
  const mail = await db.transaction(async (tx) => {
    const user = await requireUser(tx, regionId, userId, true);
    // Someone who will sign in through the organisation's provider may be invited (again) until
    // that first sign-in links them, also when they had a password before the provider came.
    const isProviderInvitee =
      user.status !== 'deactivated' &&
      !user.isLinkedToProvider &&
      !!(await providerSignInFor(tx, user.organisation.id, user.email));
    if (user.status !== 'invited' && !isProviderInvitee)
      throw new AppError(
        'USER_NOT_INVITED',
        'Deze gebruiker heeft al een wachtwoord; stuur een herstellink.',
      );
    await writeAudit(
      tx,
      context,
      audit({ action: 'admin.user.invite', objectType: 'user', objectId: userId }),
    );
    return invitation(tx, config, actor, user.id, user.email, user.displayName, regionId, baseUrl);
  });
  await sendAfterCommit(mailer, mail);
}

export async function sendPasswordReset(
  db: DataSource,
  config: AppConfig,
  mailer: Mailer,
  context: RequestContext,
  actor: Actor,
  userId: string,
  baseUrl: string,
): Promise<void> {
  const regionId = administeredRegionId(actor, 'update');
  const mail = await db.transaction(async (tx) => {
    const user = await requireUser(tx, regionId, userId, true);
    if (user.status !== 'active')
      throw new AppError(
        'USER_NOT_ACTIVE',
        user.status === 'invited'
          ? 'Deze gebruiker heeft nog geen wachtwoord; stuur de uitnodiging opnieuw.'
          : 'Deze gebruiker is gedeactiveerd.',
      );
    const { token, expiresAt } = await createLinkToken(
      tx,
      user.id,
      'password_reset',
      config.passwordResetMinutes * 60,
      actor.userId,
    );
    await writeAudit(
      tx,
      context,
      audit({ action: 'admin.user.passwordReset', objectType: 'user', objectId: userId }),
    );
    return passwordResetMail({
      to: user.email,
      displayName: user.displayName,
      regionId,
      link: setPasswordLink(baseUrl, token),
      expiresAt,
    });
  });
  await sendAfterCommit(mailer, mail);
}

/** Deactivating ends every session of the user at once, on every node. */
export async function setActive(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  userId: string,
  isActive: boolean,
): Promise<UserSummary> {
  const regionId = administeredRegionId(actor, 'update');
  if (!isActive && userId === actor.userId)
    throw new AppError('CANNOT_DEACTIVATE_SELF', 'U kunt uw eigen account niet deactiveren.');
  return db.transaction(async (tx) => {
    await requireUser(tx, regionId, userId, true);
    await repository.setUserActive(tx, userId, isActive);
    if (!isActive) await endSessionsOfUser(tx, userId);
    if (!isActive) publishAfterCommit(tx, { kind: 'userDeactivated', userId });
    await writeAudit(
      tx,
      context,
      audit({
        action: isActive ? 'admin.user.activate' : 'admin.user.deactivate',
        objectType: 'user',
        objectId: userId,
      }),
    );
    return (await repository.findUserInRegion(tx, regionId, userId))!;
  });
}

/** For a lost phone: the user enrols again at the next sign-in (when the region requires it). */
export async function resetTwoFactor(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  userId: string,
): Promise<UserSummary> {
  const regionId = administeredRegionId(actor, 'update');
  return db.transaction(async (tx) => {
    await requireUser(tx, regionId, userId, true);
    await repository.resetTwoFactor(tx, userId);
    await endSessionsOfUser(tx, userId);
    await writeAudit(
      tx,
      context,
      audit({ action: 'admin.user.twoFactorReset', objectType: 'user', objectId: userId }),
    );
    return (await repository.findUserInRegion(tx, regionId, userId))!;
  });
}

/**
 * Lifts a lock after too many failed attempts at once (the owner called: it was them). Counting
 * starts again from this moment; the per-address limit of a guessing address stays.
 */
export async function liftLock(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  userId: string,
): Promise<UserSummary> {
  const regionId = administeredRegionId(actor, 'update');
  return db.transaction(async (tx) => {
    const user = await requireUser(tx, regionId, userId, true);
    if (!(await liftAccountLock(tx, user.email, actor.userId)))
      throw new AppError('ACCOUNT_NOT_LOCKED', 'Dit account is niet (meer) geblokkeerd.');
    await writeAudit(
      tx,
      context,
      audit({ action: 'auth.lockout.lift', objectType: 'user', objectId: userId }),
    );
    return (await repository.findUserInRegion(tx, regionId, userId))!;
  });
}

export async function listOutbox(
  db: DataSource,
  mailer: Mailer,
  actor: Actor,
): Promise<OutboxMail[]> {
  // The outbox exists only in demo mode; with real SMTP there is nothing to show.
  if (mailer.kind !== 'outbox')
    throw new AppError('NOT_FOUND', 'Er is geen demo-postvak: e-mail gaat via SMTP.');
  return repository.listOutbox(db.manager, administeredRegionId(actor));
}

/** The invitation of a new user: a link token and the mail, to be sent after commit. */
export async function invitation(
  tx: EntityManager,
  config: AppConfig,
  actor: Actor,
  userId: string,
  email: string,
  displayName: string,
  regionId: string,
  baseUrl: string,
): Promise<Mail> {
  const { token, expiresAt } = await createLinkToken(
    tx,
    userId,
    'invitation',
    config.invitationHours * 3600,
    actor.userId,
  );
  const [{ organisation_id: organisationId }] = await tx.query(
    'SELECT organisation_id FROM app_user WHERE id = $1',
    [userId],
  );
  const viaProvider = await providerSignInFor(tx, organisationId, email);
  return invitationMail({
    to: email,
    displayName,
    regionName: await repository.regionName(tx, regionId),
    regionId,
    // Through the organisation's provider the invitation is the open door for the first sign-in;
    // a password link only where the organisation still allows passwords.
    link: viaProvider && !viaProvider.isPasswordAllowed ? null : setPasswordLink(baseUrl, token),
    providerSignInLink: viaProvider ? `${baseUrl.replace(/\/$/, '')}/inloggen` : null,
    expiresAt,
  });
}

/**
 * Organisations and users from an import (issue 28), inside the import's transaction: new
 * organisations and users in one statement each, changed names and municipality codes, and one
 * invitation per new user, never a password. The caller checked names, kinds and seats with the
 * same rules as the forms (`canOrganisationHoldSeat`); the unique keys catch a race.
 */
export async function writeImportedPeople(
  tx: EntityManager,
  config: AppConfig,
  actor: Actor,
  baseUrl: string,
  input: {
    organisations: readonly {
      name: string;
      kind: OrganisationKind;
      municipalityCode: string | null;
      isNew: boolean;
    }[];
    users: readonly {
      email: string;
      displayName: string;
      organisationName: string;
      seat: Seat;
      isNew: boolean;
    }[];
  },
): Promise<{ organisationIds: Map<string, string>; userIds: Map<string, string>; mails: Mail[] }> {
  const regionId = administeredRegionId(actor, 'create');
  await repository.upsertOrganisations(tx, regionId, input.organisations);
  const organisationIds = await repository.organisationIdsByName(tx, regionId);
  await repository.upsertUsers(
    tx,
    input.users.map((u) => ({ ...u, organisationId: organisationIds.get(u.organisationName)! })),
  );
  const userIds = await repository.userIdsByEmail(
    tx,
    regionId,
    input.users.map((u) => u.email),
  );
  const mails: Mail[] = [];
  for (const user of input.users.filter((u) => u.isNew))
    mails.push(
      await invitation(
        tx,
        config,
        actor,
        userIds.get(user.email)!,
        user.email,
        user.displayName,
        regionId,
        baseUrl,
      ),
    );
  return { organisationIds, userIds, mails };
}

async function requireUser(
  tx: EntityManager,
  regionId: string,
  userId: string,
  lock = false,
): Promise<UserSummary> {
  const user = await repository.findUserInRegion(tx, regionId, userId, lock);
  if (!user) throw new AppError('NOT_FOUND', 'Deze gebruiker bestaat niet in uw regio.');
  return user;
}

/** A unique violation on the given constraint becomes a 409 at the field; anything else rethrows. */
function conflictOn(
  code: 'DUPLICATE_NAME' | 'DUPLICATE_EMAIL',
  constraint: string,
  path: string,
  message: string,
) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, constraint))
      throw new AppError(code, message, [{ path, message }]);
    throw error;
  };
}

/**
 * The organisation's identity provider: its staff sign in with their own accounts (OpenID
 * Connect). Saving checks the version read, seals the client secret, and claims the e-mail
 * domains (one provider per domain).
 */
export async function saveOrganisationIdentityProvider(
  db: DataSource,
  config: AppConfig,
  context: RequestContext,
  actor: Actor,
  organisationId: string,
  input: z.output<typeof saveIdentityProviderSchema>,
): Promise<OrganisationSummary> {
  const regionId = administeredRegionId(actor, 'update');
  return db.transaction(async (tx) => {
    await requireOrganisation(tx, regionId, organisationId);
    await saveIdentityProvider(tx, config.encryptionKeys, organisationId, input, actor.userId);
    await writeAudit(
      tx,
      context,
      audit({
        action: 'admin.identityProvider.update',
        objectType: 'organisation',
        objectId: organisationId,
        details: {
          issuer: input.issuer,
          emailDomains: input.emailDomains,
          isPasswordSignInAllowed: input.isPasswordSignInAllowed,
          isClientSecretChanged: !!input.clientSecret,
        },
      }),
    );
    return (await repository.findOrganisationSummary(tx, regionId, organisationId))!;
  });
}

/** Back to passwords for the whole organisation; links already made stay for a provider set up again. */
export async function removeOrganisationIdentityProvider(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  organisationId: string,
): Promise<OrganisationSummary> {
  const regionId = administeredRegionId(actor, 'update');
  return db.transaction(async (tx) => {
    await requireOrganisation(tx, regionId, organisationId);
    await removeIdentityProvider(tx, organisationId);
    await writeAudit(
      tx,
      context,
      audit({
        action: 'admin.identityProvider.remove',
        objectType: 'organisation',
        objectId: organisationId,
      }),
    );
    return (await repository.findOrganisationSummary(tx, regionId, organisationId))!;
  });
}

async function requireOrganisation(tx: EntityManager, regionId: string, organisationId: string) {
  const organisation = await repository.findOrganisationInRegion(tx, regionId, organisationId);
  if (!organisation) throw new AppError('NOT_FOUND', 'Onbekende organisatie.');
  return organisation;
}

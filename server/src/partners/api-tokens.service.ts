import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AppError,
  apiTokenPattern,
  dutchToday,
  tokenExpiresAt,
  tokenExpiryProblem,
  tokenPrefixOf,
  type ApiToken,
  type IssueToken,
  type IssuedToken,
  type Permission,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import type { TokenResolution } from '../core/http/bearer';
import { findOrganisationInRegion } from '../users';
import { tokenGrantProblems } from './partners.policy';
import * as repository from './api-tokens.repository';

/** Tokens are long random strings: SHA-256 is enough to keep them out of a database leak. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newTokenText(): string {
  return `ut_${randomBytes(32).toString('base64url')}`;
}

/**
 * The regio-beheerder issues a token to one organisation of the region and one seat of it, with
 * some of that seat's permissions, for at most a year. The token is answered this once.
 */
export async function issueToken(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  input: IssueToken,
): Promise<IssuedToken> {
  const today = dutchToday();
  return db.transaction(async (tx) => {
    const organisation = await findOrganisationInRegion(tx, actor.regionId, input.organisationId);
    if (!organisation)
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'organisationId', message: 'Kies een organisatie van uw regio.' },
      ]);
    const permissions = input.permissions as Permission[];
    const issues = tokenGrantProblems(organisation.kind, input.seat, permissions);
    const expiryProblem = tokenExpiryProblem(today, input.expiresOn);
    if (expiryProblem) issues.push({ path: 'expiresOn', message: expiryProblem });
    if (issues.length) throw new AppError('VALIDATION_FAILED', undefined, issues);
    const token = newTokenText();
    const id = randomUUID();
    await repository.insertToken(tx, {
      id,
      regionId: actor.regionId,
      organisationId: organisation.id,
      seat: input.seat,
      name: input.name,
      prefix: tokenPrefixOf(token),
      tokenHash: hashToken(token),
      permissions,
      expiresOn: input.expiresOn,
      expiresAt: tokenExpiresAt(input.expiresOn),
      createdBy: actor.userId,
    });
    await writeAudit(tx, context, {
      action: 'apiToken.issue',
      objectType: 'apiToken',
      objectId: id,
      purpose: 'administration',
      outcome: 'success',
      details: {
        organisationId: organisation.id,
        seat: input.seat,
        permissions,
        expiresOn: input.expiresOn,
      },
    });
    const issued = await repository.findTokenInRegion(tx, actor, id, new Date());
    return { ...issued!, token };
  });
}

export async function listTokens(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
): Promise<ApiToken[]> {
  return db.transaction(async (tx) => {
    const tokens = await repository.listTokens(tx, actor, new Date());
    await writeAudit(tx, context, {
      action: 'apiToken.list',
      objectType: 'apiToken',
      purpose: 'administration',
      outcome: 'success',
      details: { count: tokens.length },
    });
    return tokens;
  });
}

/** Ends a token at once: its next request is a 401. Revoking a revoked token changes nothing. */
export async function revokeToken(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tokenId: string,
): Promise<ApiToken> {
  return db.transaction(async (tx) => {
    if (!(await repository.findTokenInRegion(tx, actor, tokenId, new Date())))
      throw new AppError('NOT_FOUND', 'Onbekend token.');
    if (await repository.revokeToken(tx, actor, tokenId)) {
      await writeAudit(tx, context, {
        action: 'apiToken.revoke',
        objectType: 'apiToken',
        objectId: tokenId,
        purpose: 'administration',
        outcome: 'success',
      });
    }
    return (await repository.findTokenInRegion(tx, actor, tokenId, new Date()))!;
  });
}

/**
 * The bearer of a request → the seat it acts as and the permissions it carries, or why not. An
 * unknown token names no one; a revoked or expired one names its id, for the audit of the refusal.
 */
export async function resolveToken(db: DataSource, token: string): Promise<TokenResolution> {
  if (!apiTokenPattern.test(token))
    return { kind: 'refused', refusal: new AppError('TOKEN_INVALID') };
  const row = await repository.findTokenByHash(db.manager, hashToken(token));
  if (!row) return { kind: 'refused', refusal: new AppError('TOKEN_INVALID') };
  if (row.is_revoked)
    return { kind: 'refused', refusal: new AppError('TOKEN_REVOKED'), tokenId: row.id };
  if (row.is_expired)
    return { kind: 'refused', refusal: new AppError('TOKEN_EXPIRED'), tokenId: row.id };
  return {
    kind: 'ok',
    actor: repository.toTokenActor(row),
    tokenId: row.id,
    permissions: row.permissions,
  };
}

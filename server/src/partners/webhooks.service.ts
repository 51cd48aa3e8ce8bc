import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AppError,
  type CreateSubscription,
  type CreatedSubscription,
  type Delivery,
  type PartnerEventKind,
  type Subscription,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { tokenHolderOf } from './partners.policy';
import { findTokenInRegion } from './api-tokens.repository';
import * as repository from './webhooks.repository';

const purpose = 'case_coordination';

/**
 * A token holder subscribes an address of its system to kinds of events. The signing secret is
 * answered this once. In production the address must be https: the body names a case.
 */
export async function subscribe(
  db: DataSource,
  context: RequestContext,
  input: CreateSubscription,
  options: { requireHttps: boolean },
): Promise<CreatedSubscription> {
  const tokenId = tokenHolderOf(context);
  if (options.requireHttps && !input.url.startsWith('https://'))
    throw new AppError('VALIDATION_FAILED', undefined, [
      { path: 'url', message: 'Gebruik een https-adres.' },
    ]);
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  return db.transaction(async (tx) => {
    const id = await repository.insertSubscription(tx, {
      tokenId,
      url: input.url,
      kinds: input.kinds as PartnerEventKind[],
      secret,
    });
    await writeAudit(tx, context, {
      action: 'webhook.subscribe',
      objectType: 'webhookSubscription',
      objectId: id,
      purpose,
      outcome: 'success',
      details: { kinds: input.kinds },
    });
    return { ...(await repository.findSubscription(tx, tokenId, id))!, secret };
  });
}

export async function listOwnSubscriptions(
  db: DataSource,
  context: RequestContext,
): Promise<Subscription[]> {
  return repository.listSubscriptions(db.manager, tokenHolderOf(context));
}

export async function endSubscription(
  db: DataSource,
  context: RequestContext,
  subscriptionId: string,
): Promise<void> {
  const tokenId = tokenHolderOf(context);
  await db.transaction(async (tx) => {
    if (!(await repository.endSubscription(tx, tokenId, subscriptionId)))
      throw new AppError('NOT_FOUND', 'Onbekend abonnement.');
    await writeAudit(tx, context, {
      action: 'webhook.unsubscribe',
      objectType: 'webhookSubscription',
      objectId: subscriptionId,
      purpose,
      outcome: 'success',
    });
  });
}

/** The delivery log of one of the token's subscriptions: each event's delivery and its attempts. */
export async function listDeliveries(
  db: DataSource,
  context: RequestContext,
  subscriptionId: string,
  state: Delivery['state'] | undefined,
): Promise<Delivery[]> {
  const tokenId = tokenHolderOf(context);
  return db.transaction(async (tx) => {
    if (!(await repository.findSubscription(tx, tokenId, subscriptionId)))
      throw new AppError('NOT_FOUND', 'Onbekend abonnement.');
    const deliveries = await repository.listDeliveries(tx, subscriptionId, state);
    // Case ids, no personal data: audited as a read of the log, not of the cases.
    await writeAudit(tx, context, {
      action: 'webhook.deliveries.read',
      objectType: 'webhookSubscription',
      objectId: subscriptionId,
      purpose,
      outcome: 'success',
      details: { count: deliveries.length },
    });
    return deliveries;
  });
}

/** For the regio-beheerder: the subscriptions of a token of the region (never their secrets). */
export async function listTokenSubscriptions(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  tokenId: string,
): Promise<Subscription[]> {
  return db.transaction(async (tx) => {
    if (!(await findTokenInRegion(tx, actor, tokenId, new Date())))
      throw new AppError('NOT_FOUND', 'Onbekend token.');
    const subscriptions = await repository.listSubscriptions(tx, tokenId);
    await writeAudit(tx, context, {
      action: 'webhook.list',
      objectType: 'apiToken',
      objectId: tokenId,
      purpose: 'administration',
      outcome: 'success',
      details: { count: subscriptions.length },
    });
    return subscriptions;
  });
}

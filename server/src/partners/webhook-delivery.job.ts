import { createHmac } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  formatSignatureHeader,
  nextAttemptAt,
  signatureHeaderName,
  signedContent,
  type PartnerEvent,
} from '@uitstroom/shared';
import { afterCommit } from '../core/after-commit';
import type { JobContext, ScheduledJob } from '../core/scheduler';
import { findCaseInScope } from '../cases';
import { toTokenActor } from './api-tokens.repository';
import * as repository from './webhooks.repository';

/** How long a receiver may take to answer one delivery. */
const timeoutMs = 10_000;
/** A leased delivery is sent again after this long, should its node stop while sending. */
const leaseSeconds = 5 * 60;
const eventsPerRun = 200;
const deliveriesPerRun = 50;

/**
 * Fans each new event out to the subscriptions that may hear it: a live subscription to the kind,
 * of a token of the event's region that works now and whose seat reaches the case at this moment
 * (its row scope, as when it reads the case). One delivery per subscription and event.
 */
async function fanOut(tx: EntityManager, at: Date): Promise<void> {
  const events = await repository.takeEventsToFanOut(tx, eventsPerRun);
  for (const event of events) {
    const listeners = await repository.findListeners(tx, event.region_id, event.kind, at);
    const reaching: string[] = [];
    for (const listener of listeners)
      if (await findCaseInScope(tx, toTokenActor(listener), event.case_id))
        reaching.push(listener.subscription_id);
    await repository.insertDeliveries(tx, event.id, reaching, at);
  }
  if (events.length)
    await repository.markFannedOut(
      tx,
      events.map((e) => e.id),
      at,
    );
}

/** The body: the event, and the case by id and kenmerk only. */
export function deliveryBody(row: repository.DueDeliveryRow): string {
  const event: PartnerEvent = {
    id: row.event_id,
    kind: row.kind,
    occurredAt: row.occurred_at.toISOString(),
    case: { id: row.case_id, kenmerk: row.kenmerk },
  };
  return JSON.stringify(event);
}

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(signedContent(timestamp, body)).digest('hex');
}

/** Why no 2xx came, in a few words for the log (never the receiver's answer, which we do not keep). */
function failureOf(error: unknown): string {
  const name = (error as { name?: string }).name;
  if (name === 'TimeoutError' || name === 'AbortError')
    return `Geen antwoord binnen ${timeoutMs / 1000} seconden.`;
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === 'ECONNREFUSED') return 'Verbinding geweigerd.';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Onbekende host.';
  return `Niet bereikbaar${code ? ` (${code})` : ''}.`;
}

async function send(row: repository.DueDeliveryRow, at: Date): Promise<repository.AttemptOutcome> {
  const body = deliveryBody(row);
  const timestamp = Math.floor(at.getTime() / 1000);
  const started = performance.now();
  const attempt = row.attempts + 1;
  const outcome = (statusCode: number | null, error: string | null) => {
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    return {
      deliveryId: row.id,
      attempt,
      at,
      statusCode,
      error,
      durationMs: Math.round(performance.now() - started),
      next: ok ? ('delivered' as const) : nextAttemptAt(row.occurred_at, attempt, at),
    };
  };
  try {
    const response = await fetch(row.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Uitstroomtafel-Webhooks/1',
        'Uitstroomtafel-Event-Id': row.event_id,
        [signatureHeaderName]: formatSignatureHeader(
          timestamp,
          signatureOf(row.secret, timestamp, body),
        ),
      },
      body,
      // A redirect is not followed: the subscribed address is the one that gets the event.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return outcome(response.status, null);
  } catch (error) {
    return outcome(null, failureOf(error));
  }
}

/**
 * Runs on every scheduler tick, on whichever node takes the job's lock: fans new events out,
 * gives up the deliveries nobody may receive any more, and leases the due ones. They are sent
 * after the run's transaction has committed (the lease holds them meanwhile), and each attempt
 * is recorded: delivered on a 2xx, otherwise tried again with a growing wait for a day.
 */
async function deliverDue(tx: EntityManager, { now }: JobContext): Promise<void> {
  await fanOut(tx, now);
  await repository.giveUpOrphanedDeliveries(tx, now);
  const due = await repository.leaseDueDeliveries(tx, now, deliveriesPerRun, leaseSeconds);
  if (!due.length) return;
  const db = tx.connection;
  afterCommit(tx, async () => {
    const outcomes = await Promise.all(due.map((row) => send(row, now)));
    await db.transaction(async (record) => {
      for (const outcome of outcomes) await repository.recordAttempt(record, outcome);
    });
  });
}

/** The period only names the run in the scheduler's report: the job runs on every tick. */
export const webhookDeliveryJob: ScheduledJob = {
  key: 'partners.webhookDelivery',
  everyTick: true,
  periodAt: (now) => `minute-${Math.floor(now.getTime() / 60_000)}`,
  run: deliverDue,
};

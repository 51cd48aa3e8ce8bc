import type { TransitionName } from '../cases/case-transitions.rules';

/**
 * Signed events for the organisations' own systems (issue 31): which happenings are told, how a
 * failed delivery is retried, and how the signature is laid out. The HMAC itself needs node's
 * crypto and is computed by the server (and checked by the receiver in a few lines).
 */
export const partnerEventKinds = [
  'caseDecided',
  'dwellingOffered',
  'placementConfirmed',
  'placementRefused',
  'moveRecorded',
  'signalRaised',
] as const;
export type PartnerEventKind = (typeof partnerEventKinds)[number];

export const partnerEventKindLabel: Record<PartnerEventKind, string> = {
  caseDecided: 'Casus besloten aan tafel',
  dwellingOffered: 'Woning aangeboden',
  placementConfirmed: 'Plaatsing bevestigd',
  placementRefused: 'Plaatsing geweigerd',
  moveRecorded: 'Verhuizing vastgelegd',
  signalRaised: 'Signaal gemeld in de nazorg',
};

/** The steps of the state table that are told as an event; the signal is told by follow-up support itself. */
export const partnerEventOfTransition: Partial<Record<TransitionName, PartnerEventKind>> = {
  decide: 'caseDecided',
  offerDwelling: 'dwellingOffered',
  confirmPlacement: 'placementConfirmed',
  refusePlacement: 'placementRefused',
  moveIn: 'moveRecorded',
};

/** A delivery is retried for a day after its event; after that it is given up (and stays in the log). */
export const deliveryRetryWindowMs = 24 * 60 * 60 * 1000;
const firstRetryMs = 30 * 1000;
const longestRetryMs = 60 * 60 * 1000;

/** The wait after the n-th failed attempt: 30 s, 1 min, 2 min, … doubling, at most an hour. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(firstRetryMs * 2 ** Math.max(0, failedAttempts - 1), longestRetryMs);
}

/** When to try again after a failed attempt, or null when the next try would fall past the day. */
export function nextAttemptAt(
  occurredAt: Date,
  failedAttempts: number,
  failedAt: Date,
): Date | null {
  const next = new Date(failedAt.getTime() + retryDelayMs(failedAttempts));
  return next.getTime() - occurredAt.getTime() > deliveryRetryWindowMs ? null : next;
}

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const signatureHeaderName = 'Uitstroomtafel-Signature';

/** What the HMAC is computed over: the timestamp, a dot, and the body exactly as sent. */
export function signedContent(timestamp: number, body: string): string {
  return `${timestamp}.${body}`;
}

export function formatSignatureHeader(timestamp: number, hexSignature: string): string {
  return `t=${timestamp},v1=${hexSignature}`;
}

/** The timestamp and the v1 signatures of a header, or null when it is not in that form. */
export function parseSignatureHeader(
  value: string | undefined,
): { timestamp: number; signatures: string[] } | null {
  if (!value) return null;
  const parts = value.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts
    .filter(([key, v]) => key === 'v1' && /^[0-9a-f]{64}$/.test(v ?? ''))
    .map(([, v]) => v!);
  if (!Number.isInteger(timestamp) || timestamp <= 0 || signatures.length === 0) return null;
  return { timestamp, signatures };
}

import { z } from 'zod';
import { isoDateTime, safeText, safeUrl } from '../primitives';
import { partnerEventKinds } from './webhook.rules';

const kindsSchema = z
  .array(z.enum(partnerEventKinds))
  .min(1, { error: 'Kies ten minste één soort gebeurtenis.' })
  .max(partnerEventKinds.length)
  .refine((list) => new Set(list).size === list.length, { error: 'Noem elke soort één keer.' });

/** A token holder subscribes an address of its own system (`POST /api/partner/subscriptions`). */
export const createSubscriptionSchema = z.strictObject({
  url: safeUrl({
    protocol: /^https?$/,
    error: 'Vul een volledig webadres in (https://…).',
  }).max(2000),
  kinds: kindsSchema,
});
export type CreateSubscription = z.input<typeof createSubscriptionSchema>;

export const subscriptionIdParamsSchema = z.strictObject({
  subscriptionId: z.uuid({ error: 'Onbekend abonnement.' }),
});

export const deliveryStates = ['pending', 'delivered', 'failed'] as const;

export const subscriptionSchema = z.object({
  id: z.uuid(),
  tokenId: z.uuid(),
  url: safeText(),
  kinds: z.array(z.enum(partnerEventKinds)),
  createdAt: isoDateTime(),
  /** How its deliveries stand: waiting or retrying, delivered, given up after a day. */
  deliveries: z.object({ pending: z.number(), delivered: z.number(), failed: z.number() }),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

/** The answer of subscribing: with the signing secret, this once. */
export const createdSubscriptionSchema = subscriptionSchema.extend({ secret: safeText() });
export type CreatedSubscription = z.infer<typeof createdSubscriptionSchema>;

export const deliveryListQuerySchema = z.strictObject({
  state: z.enum(deliveryStates).optional(),
});

/** One delivery of one event to one subscription, with each attempt. */
export const deliverySchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  kind: z.enum(partnerEventKinds),
  caseId: z.uuid(),
  state: z.enum(deliveryStates),
  createdAt: isoDateTime(),
  deliveredAt: isoDateTime().nullable(),
  nextAttemptAt: isoDateTime().nullable(),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      at: isoDateTime(),
      /** The receiver's HTTP status; null when no answer came (see `error`). */
      statusCode: z.number().int().nullable(),
      error: safeText().nullable(),
      durationMs: z.number().int(),
    }),
  ),
});
export type Delivery = z.infer<typeof deliverySchema>;

/**
 * The body of every delivery: which event, when, and which case, by id and kenmerk. Nothing else
 * about the resident: the receiver reads the case with its token, through its seat's projection.
 */
export const partnerEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(partnerEventKinds),
  occurredAt: isoDateTime(),
  case: z.object({ id: z.uuid(), kenmerk: safeText() }),
});
export type PartnerEvent = z.infer<typeof partnerEventSchema>;

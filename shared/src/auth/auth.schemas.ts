import { z } from 'zod';
import { safeText } from '../primitives';
import { permissions } from '../permissions';
import { organisationKindSchema, seatSchema } from './seats';

export const loginRequestSchema = z.strictObject({
  email: z.email({ error: 'Vul een geldig e-mailadres in.' }).max(254),
  password: safeText().min(1, { error: 'Vul uw wachtwoord in.' }).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** Who is signed in: the body of `GET /api/auth/me` and of a successful sign-in. */
export const meSchema = z.object({
  user: z.object({ id: z.uuid(), email: safeText(), displayName: safeText() }),
  seat: seatSchema,
  organisation: z.object({ id: z.uuid(), name: safeText(), kind: organisationKindSchema }),
  region: z.object({ id: z.uuid(), slug: safeText(), name: safeText() }),
  /** The seat's grants (`grantsBySeat`): what the client offers follows from these, never from the seat. */
  grants: z.array(z.enum(permissions)),
  /**
   * Whether the seat's projection of a case shows the resident's name (its own organisation's
   * cases, or with the resident's consent): the case list's search then finds by name too.
   */
  readsNames: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  db: z.enum(['ok', 'unavailable']),
});
export type Health = z.infer<typeof healthSchema>;

/** Bodies without content (e.g. a logout) are an empty object, never anything else. */
export const emptyBodySchema = z.strictObject({});

/** The answer of a request that was accepted and acts later (a mail is sent): a Dutch sentence to show. */
export const messageResponseSchema = z.object({ message: z.string() });

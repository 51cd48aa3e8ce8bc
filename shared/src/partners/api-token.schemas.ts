import { z } from 'zod';
import { isoDateTime, isoDateWith, safeText } from '../primitives';
import { permissions } from '../permissions';
import { seatSchema } from '../auth/seats';

/** The regio-beheerder issues a token to one organisation and one seat of it (`POST /api/region/tokens`). */
export const issueTokenSchema = z.strictObject({
  name: safeText()
    .trim()
    .min(2, { error: 'Geef het token een naam, bijvoorbeeld het systeem dat het gebruikt.' })
    .max(100),
  organisationId: z.uuid({ error: 'Kies een organisatie.' }),
  seat: seatSchema,
  permissions: z
    .array(z.enum(permissions))
    .min(1, { error: 'Kies ten minste één recht.' })
    .max(permissions.length)
    .refine((list) => new Set(list).size === list.length, { error: 'Noem elk recht één keer.' }),
  /** The last Dutch day the token works: after today, at most a year ahead. */
  expiresOn: isoDateWith({ error: 'Kies de laatste dag waarop het token geldt.' }),
});
export type IssueToken = z.input<typeof issueTokenSchema>;

export const tokenIdParamsSchema = z.strictObject({
  tokenId: z.uuid({ error: 'Onbekend token.' }),
});

/** A token as listed: never its secret, only the prefix that tells it apart. */
export const apiTokenSchema = z.object({
  id: z.uuid(),
  name: safeText(),
  /** The first 12 characters of the token (`ut_…`), to recognise it in a system's configuration. */
  prefix: safeText(),
  organisation: z.object({ id: z.uuid(), name: safeText() }),
  seat: seatSchema,
  permissions: z.array(z.enum(permissions)),
  expiresOn: safeText(),
  status: z.enum(['active', 'expired', 'revoked']),
  createdAt: isoDateTime(),
  createdBy: safeText().nullable(),
  revokedAt: isoDateTime().nullable(),
  lastUsedAt: isoDateTime().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** The answer of issuing: the token itself, this once. It is stored only as a hash. */
export const issuedTokenSchema = apiTokenSchema.extend({
  token: safeText(),
});
export type IssuedToken = z.infer<typeof issuedTokenSchema>;

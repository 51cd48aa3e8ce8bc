import { z } from 'zod';
import { safeText } from '../primitives';
import '../validation';
import { municipalityCodeSchema } from '../origin-rule/origin-rule.schemas';

/**
 * A contingent: how many dwellings a corporation promised a municipality for a year (domain.md §4).
 * The number may be empty: the Akkoord of 2021 had no numbers yet, and a promise "to be agreed"
 * is still worth recording. Progress counts what happened against it.
 */

export const contingentYearSchema = z
  .int({ error: 'Een jaartal.' })
  .min(2020, { error: 'Niet vóór 2020.' })
  .max(2100, { error: 'Niet na 2100.' });
export const promisedSchema = z
  .int({ error: 'Een geheel aantal woningen.' })
  .min(0, { error: 'Niet minder dan 0 woningen.' })
  .max(10000, { error: 'Hoogstens 10.000 woningen.' })
  .nullable();

export const createContingentSchema = z.strictObject({
  /** The corporation; a corporation's own seat may leave it out (it is always its own). */
  organisationId: z.uuid({ error: 'Kies een woningcorporatie.' }).optional(),
  municipalityCode: municipalityCodeSchema,
  year: contingentYearSchema,
  promised: promisedSchema,
});
export type CreateContingent = z.infer<typeof createContingentSchema>;

export const updateContingentSchema = z.strictObject({
  version: z.int({ error: 'De versie is een geheel getal.' }).positive(),
  promised: promisedSchema,
});
export type UpdateContingent = z.infer<typeof updateContingentSchema>;

export const contingentIdParamsSchema = z.strictObject({
  contingentId: z.uuid({ error: 'Onbekend contingent.' }),
});

export const contingentListQuerySchema = z.strictObject({
  year: z.coerce.number({ error: 'Een jaartal.' }).pipe(contingentYearSchema).optional(),
});
export type ContingentListQuery = z.infer<typeof contingentListQuerySchema>;

/** Dwellings offered, accepted (placement confirmed) and moved into, for one contingent's corporation, municipality and year. */
export const contingentProgressSchema = z.object({
  offered: z.int(),
  accepted: z.int(),
  movedIn: z.int(),
});
export type ContingentProgress = z.infer<typeof contingentProgressSchema>;

export const contingentSchema = z.object({
  id: z.uuid(),
  version: z.int(),
  organisationId: z.uuid(),
  organisationName: safeText(),
  municipalityCode: safeText(),
  year: z.int(),
  promised: z.int().nullable(),
  progress: contingentProgressSchema,
  updatedAt: safeText(),
});
export type Contingent = z.infer<typeof contingentSchema>;

export const contingentListSchema = z.object({
  year: z.int(),
  /** Whether the reader may add and change contingents, and for whom: its own corporation, or every one of the region. */
  canEdit: z.enum(['none', 'own', 'region']),
  items: z.array(contingentSchema),
});
export type ContingentList = z.infer<typeof contingentListSchema>;

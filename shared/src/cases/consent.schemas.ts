import { z } from 'zod';
import { isoDate, safeText } from '../primitives';
import '../validation';

/**
 * Consent of the resident, per receiving organisation, by category (domain.md §5). Documents carry
 * one of these categories too and follow the same rule.
 */
export const consentCategories = [
  'identityContact',
  'housingProfile',
  'supportNeeds',
  'sensitive',
] as const;
export const consentCategorySchema = z.enum(consentCategories, { error: 'Kies een categorie.' });
export type ConsentCategory = z.infer<typeof consentCategorySchema>;
export const consentCategoryLabel: Record<ConsentCategory, string> = {
  identityContact: 'Naam en contactgegevens',
  housingProfile: 'Woonprofiel',
  supportNeeds: 'Ondersteuningsbehoefte',
  sensitive: 'Gevoelige informatie',
};

export const consentMethods = ['signedForm', 'verbalWithWitness'] as const;
export const consentMethodLabel: Record<(typeof consentMethods)[number], string> = {
  signedForm: 'Ondertekend formulier (geüpload)',
  verbalWithWitness: 'Mondeling, met getuige',
};

export const recordConsentSchema = z
  .strictObject({
    organisationId: z.uuid({ error: 'Kies een organisatie.' }),
    /** The categories the resident agreed to share with this organisation; empty means: declined. */
    categories: z
      .array(consentCategorySchema)
      .max(4)
      .refine((c) => new Set(c).size === c.length, { error: 'Elke categorie één keer.' }),
    givenOn: isoDate,
    expiresOn: isoDate.optional(),
    method: z.enum(consentMethods, { error: 'Kies hoe de toestemming is gegeven.' }),
    witnessName: safeText()
      .trim()
      .min(2, { error: 'Vul de naam van de getuige in.' })
      .max(200)
      .optional(),
    /** The uploaded signed form (a document of the case). */
    documentId: z.uuid().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.method === 'verbalWithWitness' && !value.witnessName)
      ctx.addIssue({
        code: 'custom',
        path: ['witnessName'],
        message: 'Bij mondelinge toestemming is een getuige verplicht.',
      });
    if (value.method === 'signedForm' && !value.documentId)
      ctx.addIssue({
        code: 'custom',
        path: ['documentId'],
        message: 'Upload eerst het ondertekende formulier.',
      });
    if (value.expiresOn && value.expiresOn <= value.givenOn)
      ctx.addIssue({
        code: 'custom',
        path: ['expiresOn'],
        message: 'De einddatum ligt na de datum van toestemming.',
      });
  });
export type RecordConsent = z.infer<typeof recordConsentSchema>;

export const consentSchema = z.object({
  id: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: safeText() }),
  categories: z.array(consentCategorySchema),
  givenOn: safeText(),
  expiresOn: safeText().nullable(),
  method: z.enum(consentMethods),
  witnessName: safeText().nullable(),
  documentId: safeText().nullable(),
  withdrawnAt: safeText().nullable(),
  recordedBy: safeText(),
  /** Active now: given, not expired, not withdrawn. */
  isActive: z.boolean(),
  /** Expires within 30 days. */
  isExpiringSoon: z.boolean(),
});
export type Consent = z.infer<typeof consentSchema>;

export const consentParamsSchema = z.strictObject({
  caseId: z.uuid({ error: 'Onbekende casus.' }),
  consentId: z.uuid({ error: 'Onbekende toestemming.' }),
});

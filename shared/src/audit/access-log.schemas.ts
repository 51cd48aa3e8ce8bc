import { z } from 'zod';
import { isoDate, safeText } from '../primitives';
import '../validation';
import { seatSchema } from '../auth/seats';
import { caseViewSchema } from '../cases/case.schemas';
import { consentCategorySchema, consentMethods } from '../cases/consent.schemas';
import { auditActions, auditOutcomes } from './audit.schemas';

// ---- the case manager's access log of one case ----

/** One row of a case's access log, as the owning case manager reads it: who, with name, seat and organisation. */
export const caseAccessLogEntrySchema = z.object({
  at: safeText(),
  action: safeText(),
  /** "Casus bekeken", "Toestemming vastgelegd", … */
  actionLabel: safeText(),
  /** The parts of the file touched, in Dutch ("Naam en geboortedatum", "Gevoelige informatie"). */
  fields: z.array(safeText()),
  /** Why, in Dutch ("casusregie", "voorbereiding tafel 12 maart"). */
  purpose: safeText(),
  /** Null where nobody was signed in (a system step). */
  actor: z
    .object({
      name: safeText(),
      organisationName: safeText(),
      seat: seatSchema.nullable(),
      seatLabel: safeText(),
    })
    .nullable(),
  outcome: z.enum(auditOutcomes),
  outcomeLabel: safeText(),
});
export type CaseAccessLogEntry = z.infer<typeof caseAccessLogEntrySchema>;

export const caseAccessLogSchema = z.object({
  caseId: z.uuid(),
  pseudonym: safeText(),
  entries: z.array(caseAccessLogEntrySchema),
});
export type CaseAccessLog = z.infer<typeof caseAccessLogSchema>;

// ---- the resident's right of access (AVG art. 15) ----

/** A row of the log as the resident receives it: staff by organisation and role only, never by name. */
export const residentAccessLogEntrySchema = z.object({
  at: safeText(),
  actionLabel: safeText(),
  fields: z.array(safeText()),
  purpose: safeText(),
  /** "Centrada (woningcorporatie)". */
  by: safeText(),
  organisationName: safeText().nullable(),
  role: safeText().nullable(),
  outcomeLabel: safeText(),
});
export type ResidentAccessLogEntry = z.infer<typeof residentAccessLogEntrySchema>;

/**
 * The resident's file as the owning case manager sees it, without the workflow's internals and
 * with the case manager named by organisation and role, as everywhere in the export.
 */
export const exportedCaseFileSchema = caseViewSchema
  .omit({
    version: true,
    allowedTransitions: true,
    correction: true,
    missingForReady: true,
    consentWarnings: true,
    owner: true,
  })
  .partial()
  .extend({ owner: z.object({ organisationName: safeText(), role: safeText() }).optional() });
export type ExportedCaseFile = z.infer<typeof exportedCaseFileSchema>;

export const exportedConsentSchema = z.object({
  organisationName: safeText(),
  categories: z.array(consentCategorySchema),
  givenOn: safeText(),
  expiresOn: safeText().nullable(),
  method: z.enum(consentMethods),
  withdrawnAt: safeText().nullable(),
  isActive: z.boolean(),
});

export const exportedDocumentSchema = z.object({
  filename: safeText(),
  category: consentCategorySchema,
  contentType: safeText(),
  sizeBytes: z.int(),
  uploadedAt: safeText(),
});

/** `GET /api/cases/:caseId/export`: everything the resident may ask to see, in one document. */
export const caseExportSchema = z.object({
  generatedAt: safeText(),
  pseudonym: safeText(),
  caseFile: exportedCaseFileSchema,
  consents: z.array(exportedConsentSchema),
  documents: z.array(exportedDocumentSchema),
  accessLog: z.array(residentAccessLogEntrySchema),
});
export type CaseExport = z.infer<typeof caseExportSchema>;

// ---- the privacy officer's search of the region's audit log ----

const auditSearchFilterShape = {
  caseId: z.uuid({ error: 'Geen geldig casus-id.' }).optional(),
  pseudonym: safeText()
    .trim()
    .toUpperCase()
    .regex(/^R-[0-9A-Z]{8}$/, { error: 'Een pseudoniem ziet eruit als R-7K2M9QXA.' })
    .optional(),
  userId: z.uuid({ error: 'Onbekende gebruiker.' }).optional(),
  organisationId: z.uuid({ error: 'Onbekende organisatie.' }).optional(),
  /** Calendar days in Dutch time, both inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  action: z.enum(auditActions, { error: 'Onbekende handeling.' }).optional(),
};
const isPeriodInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const periodOrder = { path: ['to'], error: 'De einddatum ligt niet vóór de begindatum.' };

/** What the search filters by: the search's page and the export of all it finds alike. */
export const auditSearchFilterSchema = z
  .strictObject(auditSearchFilterShape)
  .refine(isPeriodInOrder, periodOrder);
export type AuditSearchFilter = z.infer<typeof auditSearchFilterSchema>;

export const auditSearchQuerySchema = z
  .strictObject({
    ...auditSearchFilterShape,
    page: z.coerce.number({ error: 'Verwacht een getal.' }).int().min(1).max(10000).default(1),
    pageSize: z.coerce
      .number({ error: 'Verwacht een getal.' })
      .int()
      .min(1, { error: 'Minstens 1 per pagina.' })
      .max(100, { error: 'Hoogstens 100 per pagina.' })
      .default(25),
  })
  .refine(isPeriodInOrder, periodOrder);
export type AuditSearchQuery = z.infer<typeof auditSearchQuerySchema>;

/** A row of the search: who did what to which object, never the content of a case. */
export const auditSearchRowSchema = z.object({
  id: safeText(),
  at: safeText(),
  actor: z.object({
    userId: z.uuid().nullable(),
    name: safeText().nullable(),
    organisationId: z.uuid().nullable(),
    organisationName: safeText().nullable(),
    seat: seatSchema.nullable(),
    seatLabel: safeText().nullable(),
  }),
  action: safeText(),
  actionLabel: safeText(),
  objectType: safeText(),
  objectId: safeText().nullable(),
  subjectPseudonym: safeText().nullable(),
  /** Field names as stored (`identity`, `sensitive`): which parts, never their values. */
  fields: z.array(safeText()),
  purpose: safeText(),
  purposeLabel: safeText(),
  outcome: z.enum(auditOutcomes),
  clientAddress: safeText().nullable(),
  requestId: safeText().nullable(),
});
export type AuditSearchRow = z.infer<typeof auditSearchRowSchema>;

export const auditSearchResultSchema = z.object({
  items: z.array(auditSearchRowSchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type AuditSearchResult = z.infer<typeof auditSearchResultSchema>;

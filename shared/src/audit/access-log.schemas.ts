import { z } from 'zod';
import '../validation';
import { seatSchema } from '../auth/seats';
import { caseViewSchema } from '../cases/case.schemas';
import { consentCategorySchema, consentMethods } from '../cases/consent.schemas';
import { auditActions, auditOutcomes } from './audit.schemas';

// ---- the case manager's access log of one case ----

/** One row of a case's access log, as the owning case manager reads it: who, with name, seat and organisation. */
export const caseAccessLogEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  /** "Casus bekeken", "Toestemming vastgelegd", … */
  actionLabel: z.string(),
  /** The parts of the file touched, in Dutch ("Naam en geboortedatum", "Gevoelige informatie"). */
  fields: z.array(z.string()),
  /** Why, in Dutch ("casusregie", "voorbereiding tafel 12 maart"). */
  purpose: z.string(),
  /** Null where nobody was signed in (a system step). */
  actor: z.object({ name: z.string(), organisationName: z.string(), seat: seatSchema.nullable(), seatLabel: z.string() }).nullable(),
  outcome: z.enum(auditOutcomes),
  outcomeLabel: z.string(),
});
export type CaseAccessLogEntry = z.infer<typeof caseAccessLogEntrySchema>;

export const caseAccessLogSchema = z.object({
  caseId: z.uuid(),
  pseudonym: z.string(),
  entries: z.array(caseAccessLogEntrySchema),
});
export type CaseAccessLog = z.infer<typeof caseAccessLogSchema>;

// ---- the resident's right of access (AVG art. 15) ----

/** A row of the log as the resident receives it: staff by organisation and role only, never by name. */
export const residentAccessLogEntrySchema = z.object({
  at: z.string(),
  actionLabel: z.string(),
  fields: z.array(z.string()),
  purpose: z.string(),
  /** "Centrada (woningcorporatie)". */
  by: z.string(),
  organisationName: z.string().nullable(),
  role: z.string().nullable(),
  outcomeLabel: z.string(),
});
export type ResidentAccessLogEntry = z.infer<typeof residentAccessLogEntrySchema>;

/**
 * The resident's file as the owning case manager sees it, without the workflow's internals and
 * with the case manager named by organisation and role, as everywhere in the export.
 */
export const exportedCaseFileSchema = caseViewSchema
  .omit({ version: true, allowedTransitions: true, missingForReady: true, consentWarnings: true, owner: true })
  .partial()
  .extend({ owner: z.object({ organisationName: z.string(), role: z.string() }).optional() });
export type ExportedCaseFile = z.infer<typeof exportedCaseFileSchema>;

export const exportedConsentSchema = z.object({
  organisationName: z.string(),
  categories: z.array(consentCategorySchema),
  givenOn: z.string(),
  expiresOn: z.string().nullable(),
  method: z.enum(consentMethods),
  withdrawnAt: z.string().nullable(),
  isActive: z.boolean(),
});

export const exportedDocumentSchema = z.object({
  filename: z.string(),
  category: consentCategorySchema,
  contentType: z.string(),
  sizeBytes: z.int(),
  uploadedAt: z.string(),
});

/** `GET /api/cases/:caseId/export`: everything the resident may ask to see, in one document. */
export const caseExportSchema = z.object({
  generatedAt: z.string(),
  pseudonym: z.string(),
  caseFile: exportedCaseFileSchema,
  consents: z.array(exportedConsentSchema),
  documents: z.array(exportedDocumentSchema),
  accessLog: z.array(residentAccessLogEntrySchema),
});
export type CaseExport = z.infer<typeof caseExportSchema>;

// ---- the privacy officer's search of the region's audit log ----

const isoDate = z.iso.date({ error: 'Geen geldige datum (jjjj-mm-dd).' });

export const auditSearchQuerySchema = z
  .strictObject({
    caseId: z.uuid({ error: 'Geen geldig casus-id.' }).optional(),
    pseudonym: z.string().trim().toUpperCase().regex(/^R-[0-9A-Z]{8}$/, { error: 'Een pseudoniem ziet eruit als R-7K2M9QXA.' }).optional(),
    userId: z.uuid({ error: 'Onbekende gebruiker.' }).optional(),
    organisationId: z.uuid({ error: 'Onbekende organisatie.' }).optional(),
    /** Calendar days in Dutch time, both inclusive. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    action: z.enum(auditActions, { error: 'Onbekende handeling.' }).optional(),
    page: z.coerce.number({ error: 'Verwacht een getal.' }).int().min(1).max(10000).default(1),
    pageSize: z.coerce.number({ error: 'Verwacht een getal.' }).int().min(1, { error: 'Minstens 1 per pagina.' }).max(100, { error: 'Hoogstens 100 per pagina.' }).default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], error: 'De einddatum ligt niet vóór de begindatum.' });
export type AuditSearchQuery = z.infer<typeof auditSearchQuerySchema>;

/** A row of the search: who did what to which object, never the content of a case. */
export const auditSearchRowSchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    userId: z.uuid().nullable(),
    name: z.string().nullable(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    seat: seatSchema.nullable(),
    seatLabel: z.string().nullable(),
  }),
  action: z.string(),
  actionLabel: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  subjectPseudonym: z.string().nullable(),
  /** Field names as stored (`identity`, `sensitive`): which parts, never their values. */
  fields: z.array(z.string()),
  purpose: z.string(),
  purposeLabel: z.string(),
  outcome: z.enum(auditOutcomes),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditSearchRow = z.infer<typeof auditSearchRowSchema>;

export const auditSearchResultSchema = z.object({
  items: z.array(auditSearchRowSchema),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type AuditSearchResult = z.infer<typeof auditSearchResultSchema>;

import { z } from 'zod';

/** What an audit row can say happened. Extended by each module as it starts touching personal data. */
export const auditActions = [
  'auth.login',
  'auth.logout',
  'auth.lockout',
  'auth.totp.verify',
  'auth.totp.enroll',
  'auth.recoveryCode.use',
  'auth.password.change',
  'auth.password.resetRequest',
  'auth.password.set',
  'admin.organisation.create',
  'admin.user.list',
  'admin.user.create',
  'admin.user.invite',
  'admin.user.deactivate',
  'admin.user.activate',
  'admin.user.passwordReset',
  'admin.user.twoFactorReset',
  'case.create',
  'case.read',
  'case.list',
  'case.update',
  'case.transition',
  'case.handover',
  'case.consent.read',
  'case.consent.record',
  'case.consent.withdraw',
  'table.create',
  'table.update',
  'table.read',
  'table.publish',
  'table.close',
  'table.minutes',
  'case.letter',
  'case.document.upload',
  'case.document.read',
  'case.document.list',
  'case.accessLog.read',
  'case.export',
  'audit.search',
  'ruleSet.read',
  'ruleSet.update',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditOutcomes = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export const auditPurposes = ['authentication', 'case_coordination', 'administration', 'export', 'erasure', 'accountability'] as const;
export type AuditPurpose = (typeof auditPurposes)[number];

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorOrganisationId: z.string().nullable(),
  actorSeat: z.string().nullable(),
  action: z.enum(auditActions),
  objectType: z.string(),
  objectId: z.string().nullable(),
  subjectPseudonym: z.string().nullable(),
  fields: z.array(z.string()),
  purpose: z.enum(auditPurposes),
  outcome: z.enum(auditOutcomes),
  clientAddress: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

import { z } from 'zod';
import { safeText } from '../primitives';
import { meSchema } from './auth.schemas';
import { organisationKindSchema, seatSchema } from './seats';
import { identityProviderSummarySchema } from './identity-provider.schemas';

/**
 * Password rules per OWASP ASVS 4.0 (V2.1): at least 12 characters, at most 128, any characters,
 * no composition rules; the server also refuses common and breached passwords (a word list) and
 * a password that contains the account's e-mail name.
 */
export const passwordMinLength = 12;
export const passwordMaxLength = 128;
export const newPasswordSchema = safeText()
  .min(passwordMinLength, { error: `Een wachtwoord heeft minstens ${passwordMinLength} tekens.` })
  .max(passwordMaxLength, { error: `Een wachtwoord heeft hoogstens ${passwordMaxLength} tekens.` });

/** Sign-in answers `me` at once, or (202) asks for the second factor first. */
export const secondFactorStepSchema = z.object({ secondFactor: z.enum(['totp', 'enroll']) });
export type SecondFactorStep = z.infer<typeof secondFactorStepSchema>;
export const loginResponseSchema = z.union([meSchema, secondFactorStepSchema]);

export const totpCodeSchema = safeText()
  .trim()
  .regex(/^\d{6}$/, { error: 'Vul de 6 cijfers uit uw authenticator-app in.' });
export const recoveryCodeSchema = safeText()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]{5}-?[a-z0-9]{5}$/, { error: 'Een herstelcode ziet eruit als abcde-12345.' })
  .transform((code) => code.replace('-', ''));

export const verifySecondFactorSchema = z.union([
  z.strictObject({ code: totpCodeSchema }),
  z.strictObject({ recoveryCode: recoveryCodeSchema }),
]);
export type VerifySecondFactor = z.input<typeof verifySecondFactorSchema>;

export const totpEnrollmentSchema = z.object({
  secret: safeText(),
  otpauthUri: safeText(),
  qrSvg: safeText(),
});
export type TotpEnrollment = z.infer<typeof totpEnrollmentSchema>;

export const confirmTotpSchema = z.strictObject({ code: totpCodeSchema });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(safeText()), me: meSchema });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

export const passwordResetRequestSchema = z.strictObject({
  email: z.email({ error: 'Vul een geldig e-mailadres in.' }).max(254),
});
export const tokenSchema = safeText().regex(/^[A-Za-z0-9_-]{32,64}$/, {
  error: 'Deze link is ongeldig.',
});
export const tokenInfoRequestSchema = z.strictObject({ token: tokenSchema });
export const tokenInfoSchema = z.object({
  kind: z.enum(['invitation', 'password_reset']),
  email: safeText(),
  displayName: safeText(),
  expiresAt: safeText(),
});
export type TokenInfo = z.infer<typeof tokenInfoSchema>;
export const completePasswordSchema = z.strictObject({
  token: tokenSchema,
  newPassword: newPasswordSchema,
});
export const changePasswordSchema = z.strictObject({
  currentPassword: safeText().min(1, { error: 'Vul uw huidige wachtwoord in.' }).max(1024),
  newPassword: newPasswordSchema,
});

export const accountSchema = z.object({
  me: meSchema,
  twoFactor: z.object({
    isEnabled: z.boolean(),
    isRequired: z.boolean(),
    recoveryCodesLeft: z.number().int(),
  }),
});
export type Account = z.infer<typeof accountSchema>;

// --- administration of organisations and users (regionAdmin) ---

export const organisationSchema = z.object({
  id: z.uuid(),
  kind: organisationKindSchema,
  name: safeText(),
  municipalityCode: safeText().nullable(),
  userCount: z.number().int(),
  /** Its staff sign in with the organisation's own accounts (OpenID Connect); null: with a password. */
  identityProvider: identityProviderSummarySchema.nullable(),
});
export type OrganisationSummary = z.infer<typeof organisationSchema>;

export const createOrganisationSchema = z
  .strictObject({
    kind: organisationKindSchema,
    name: safeText().trim().min(2, { error: 'Vul de naam van de organisatie in.' }).max(200),
    municipalityCode: safeText()
      .regex(/^GM\d{4}$/, { error: 'Een CBS-code ziet eruit als GM0034.' })
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'municipality' && !value.municipalityCode) {
      ctx.addIssue({ code: 'custom', path: ['municipalityCode'], message: 'Kies de gemeente.' });
    }
    if (value.kind !== 'municipality' && value.municipalityCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['municipalityCode'],
        message: 'Alleen een gemeente heeft een CBS-code.',
      });
    }
  });
export type CreateOrganisation = z.infer<typeof createOrganisationSchema>;

export const userStatuses = ['invited', 'active', 'deactivated'] as const;
export const userSummarySchema = z.object({
  id: z.uuid(),
  email: safeText(),
  displayName: safeText(),
  seat: seatSchema,
  organisation: z.object({ id: z.uuid(), name: safeText(), kind: organisationKindSchema }),
  status: z.enum(userStatuses),
  hasTwoFactor: z.boolean(),
  /** Linked to the organisation's identity provider (at the first sign-in there). */
  isLinkedToProvider: z.boolean(),
  createdAt: safeText(),
  /** Locked after too many failed attempts until this moment (null: not locked); the regio-beheerder can lift it at once. */
  lockedUntil: safeText().nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userListQuerySchema = z.strictObject({ organisationId: z.uuid().optional() });
export const userIdParamsSchema = z.strictObject({
  userId: z.uuid({ error: 'Onbekende gebruiker.' }),
});

export const createUserSchema = z.strictObject({
  organisationId: z.uuid({ error: 'Kies een organisatie.' }),
  email: z
    .email({ error: 'Vul een geldig e-mailadres in.' })
    .max(254)
    .transform((e) => e.trim().toLowerCase()),
  displayName: safeText().trim().min(2, { error: 'Vul de naam in.' }).max(200),
  seat: seatSchema,
});
export type CreateUser = z.input<typeof createUserSchema>;

export const outboxMailSchema = z.object({
  id: safeText(),
  to: safeText(),
  subject: safeText(),
  text: safeText(),
  createdAt: safeText(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;

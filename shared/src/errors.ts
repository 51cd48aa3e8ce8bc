import { z } from 'zod';

/**
 * Every error the API (and the command line) can answer, with its HTTP status.
 * One list, so that server, client and tests agree on what a code means.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  TABLE_NOT_YET_HELD: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

/** The Dutch message shown when no more specific one is given. */
export const defaultErrorMessage: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'De invoer is ongeldig.',
  MALFORMED_JSON: 'De aanvraag is geen geldige JSON.',
  UNAUTHENTICATED: 'U bent niet ingelogd.',
  INVALID_CREDENTIALS: 'Het e-mailadres of het wachtwoord klopt niet.',
  SESSION_EXPIRED: 'Uw sessie is verlopen. Log opnieuw in.',
  FORBIDDEN: 'U heeft geen toestemming voor deze actie.',
  NOT_FOUND: 'Niet gevonden.',
  VERSION_CONFLICT: 'Iemand anders heeft dit intussen gewijzigd. Laad de nieuwste versie.',
  CONFLICT: 'Dit botst met een andere wijziging.',
  TABLE_NOT_YET_HELD: 'Deze tafel is nog niet gehouden; besluiten kan vanaf de dag van de tafel.',
  PAYLOAD_TOO_LARGE: 'De aanvraag is te groot.',
  UNSUPPORTED_MEDIA_TYPE: 'Stuur de gegevens als JSON.',
  TOO_MANY_ATTEMPTS: 'Te veel pogingen. Probeer het over een minuut opnieuw.',
  INTERNAL: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
  DATABASE_UNAVAILABLE: 'De database is niet bereikbaar.',
};

export const errorIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.array(errorIssueSchema),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The one error class of the product: thrown anywhere, rendered by one middleware. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = defaultErrorMessage[code],
    readonly issues: ErrorIssue[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        issues: this.issues,
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

import { z } from 'zod';

/**
 * Every error the API (and the command line) can answer, with its HTTP status: one table, so that
 * server, client and tests agree on what a code means. The first list is about the request itself
 * (input, session, server); each module then has a small list of its own, so a client can tell a
 * stale version from a dwelling already offered from a closed case. A code names one reason; a new
 * reason gets a new code here rather than borrowing one (tests/unit/error-codes.test.ts checks that
 * every code the server throws is in this table).
 */
const requestErrors = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_ATTEMPTS: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

/** Sign-in and one's own account. */
const accountErrors = {
  TOTP_ALREADY_ENABLED: 409,
  TOTP_ENROLLMENT_NOT_STARTED: 409,
} as const;

/** Organisations and users, kept by the region's administrator. */
const userErrors = {
  DUPLICATE_NAME: 409,
  DUPLICATE_EMAIL: 409,
  USER_NOT_INVITED: 409,
  USER_NOT_ACTIVE: 409,
  CANNOT_DEACTIVATE_SELF: 409,
  ACCOUNT_NOT_LOCKED: 409,
  DUPLICATE_EMAIL_DOMAIN: 409,
  IDENTITY_PROVIDER_MISSING: 409,
} as const;

/** The region's rule set and the distribution ledger. */
const regionErrors = {
  RULE_SET_MISSING: 409,
  /** A draft made on a version that is no longer the current one: publishing it would undo the newer. */
  RULE_SET_DRAFT_OUTDATED: 409,
  ALLOCATION_ALREADY_RETURNED: 409,
} as const;

/** Cases, their documents and their steps in the state table. */
const caseErrors = {
  CASE_CLOSED: 409,
  CASE_WRONG_STATE: 409,
  CASE_REQUIREMENT_UNMET: 409,
} as const;

/** Tables, their agenda and their decisions. */
const tableErrors = {
  TABLE_NOT_PLANNED: 409,
  TABLE_NOT_PUBLISHED: 409,
  TABLE_CLOSED: 409,
  TABLE_CANCELLED: 409,
  TABLE_HAS_NO_INVITEES: 409,
  TABLE_NOT_YET_HELD: 409,
  AGENDA_EMPTY: 409,
  CASE_ALREADY_ON_AGENDA: 409,
  ESCALATION_HAS_NO_DECISION: 409,
  PRECONDITION_ALREADY_DONE: 409,
} as const;

/** Dwellings and contingents. */
const dwellingErrors = {
  DUPLICATE_ADDRESS: 409,
  DUPLICATE_CONTINGENT: 409,
  DWELLING_WITHDRAWN: 409,
  DWELLING_LET: 409,
  DWELLING_ALREADY_OFFERED: 409,
  CASE_NOT_SEEKING_DWELLING: 409,
} as const;

/** Offers and placements. */
const placementErrors = {
  OFFER_TAKEN: 409,
  NO_OPEN_OFFER: 409,
  OFFER_ALREADY_ANSWERED: 409,
  KEYS_BEFORE_AVAILABLE: 409,
} as const;

/** Follow-up support. */
const supportErrors = {
  SUPPORT_NOT_ACTIVE: 409,
  PLAN_MISSING: 409,
  FOLLOW_UP_CHECK_CLOSED: 409,
} as const;

/** Erasure after the retention period. */
const retentionErrors = {
  RETENTION_NOT_DUE: 409,
} as const;

/** API tokens of the organisations' own systems. */
const partnerErrors = {
  TOKEN_INVALID: 401,
  TOKEN_REVOKED: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_RATE_LIMITED: 429,
} as const;

/** The live connection. */
const liveErrors = {
  TOO_MANY_PAGES_OPEN: 409,
} as const;

export const errorStatus = {
  ...requestErrors,
  ...accountErrors,
  ...userErrors,
  ...regionErrors,
  ...caseErrors,
  ...tableErrors,
  ...dwellingErrors,
  ...placementErrors,
  ...supportErrors,
  ...retentionErrors,
  ...partnerErrors,
  ...liveErrors,
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
  PAYLOAD_TOO_LARGE: 'De aanvraag is te groot.',
  UNSUPPORTED_MEDIA_TYPE: 'Stuur de gegevens als JSON.',
  TOO_MANY_ATTEMPTS: 'Te veel pogingen. Probeer het over een minuut opnieuw.',
  INTERNAL: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
  DATABASE_UNAVAILABLE: 'De database is niet bereikbaar.',
  TOTP_ALREADY_ENABLED: 'Tweestapsverificatie staat al aan.',
  TOTP_ENROLLMENT_NOT_STARTED: 'Start het instellen van tweestapsverificatie opnieuw.',
  DUPLICATE_NAME: 'Deze naam is al in gebruik.',
  DUPLICATE_EMAIL: 'Er bestaat al een gebruiker met dit e-mailadres.',
  USER_NOT_INVITED: 'Deze gebruiker heeft al een wachtwoord; stuur een herstellink.',
  USER_NOT_ACTIVE: 'Deze gebruiker is niet actief.',
  CANNOT_DEACTIVATE_SELF: 'U kunt uw eigen account niet deactiveren.',
  ACCOUNT_NOT_LOCKED: 'Dit account is niet (meer) geblokkeerd.',
  DUPLICATE_EMAIL_DOMAIN:
    'Dit e-maildomein hoort al bij de inlogdienst van een andere organisatie.',
  IDENTITY_PROVIDER_MISSING: 'Deze organisatie heeft geen eigen inlogdienst.',
  RULE_SET_MISSING: 'Uw regio heeft nog geen regelset.',
  RULE_SET_DRAFT_OUTDATED:
    'Na dit concept is een nieuwere versie gepubliceerd. Maak het concept opnieuw op de nieuwste versie.',
  ALLOCATION_ALREADY_RETURNED: 'Deze toewijzing is al teruggegeven.',
  CASE_CLOSED: 'Deze casus is afgesloten.',
  CASE_WRONG_STATE: 'Deze stap kan niet vanuit de huidige status van de casus.',
  CASE_REQUIREMENT_UNMET: 'Voor deze stap ontbreekt nog iets.',
  TABLE_NOT_PLANNED: 'Dit kan alleen zolang de agenda nog niet is gedeeld.',
  TABLE_NOT_PUBLISHED: 'Dit kan pas als de agenda is gedeeld.',
  TABLE_CLOSED: 'Deze tafel is al afgesloten.',
  TABLE_CANCELLED: 'Deze tafel is geannuleerd.',
  TABLE_HAS_NO_INVITEES: 'Deze tafel heeft nog geen genodigden.',
  TABLE_NOT_YET_HELD: 'Deze tafel is nog niet gehouden; besluiten kan vanaf de dag van de tafel.',
  AGENDA_EMPTY: 'De agenda is nog leeg.',
  CASE_ALREADY_ON_AGENDA: 'Deze casus staat al op een agenda.',
  ESCALATION_HAS_NO_DECISION: 'Een escalatie uit de nazorg krijgt geen plaatsingsbesluit.',
  PRECONDITION_ALREADY_DONE: 'Deze randvoorwaarde is al gereed gemeld.',
  DUPLICATE_ADDRESS: 'Er is al een woning op dit adres.',
  DUPLICATE_CONTINGENT: 'Voor deze corporatie, gemeente en dit jaar is er al een contingent.',
  DWELLING_WITHDRAWN: 'Deze woning is ingetrokken.',
  DWELLING_LET: 'Deze woning is verhuurd.',
  DWELLING_ALREADY_OFFERED: 'Deze woning is al aangeboden aan een casus.',
  CASE_NOT_SEEKING_DWELLING: 'Deze casus zoekt (nog) geen woning.',
  OFFER_TAKEN: 'Voor deze casus is al een woning aangeboden.',
  NO_OPEN_OFFER: 'Er staat voor deze casus geen woningaanbod open.',
  OFFER_ALREADY_ANSWERED: 'Het antwoord van de bewoner op dit aanbod staat al vast.',
  KEYS_BEFORE_AVAILABLE:
    'De sleuteloverdracht ligt vóór de dag waarop de woning beschikbaar is. Bevestig dat dit klopt.',
  SUPPORT_NOT_ACTIVE: 'Dit kan alleen tijdens de nazorg.',
  PLAN_MISSING: 'Er is nog geen terugvalpreventieplan.',
  FOLLOW_UP_CHECK_CLOSED: 'Deze nameting kan niet (meer) worden beantwoord.',
  RETENTION_NOT_DUE: 'De bewaartermijn van deze casus loopt nog.',
  TOKEN_INVALID: 'Dit API-token is onbekend.',
  TOKEN_REVOKED: 'Dit API-token is ingetrokken.',
  TOKEN_EXPIRED: 'Dit API-token is verlopen.',
  TOKEN_RATE_LIMITED: 'Te veel aanvragen met dit API-token. Probeer het over een minuut opnieuw.',
  TOO_MANY_PAGES_OPEN: 'Er staan te veel pagina’s tegelijk open.',
};

export const errorIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
});
export type ErrorIssue = z.infer<typeof errorIssueSchema>;

/** The codes as one schema, named in the OpenAPI document with the status of each. */
export const errorCodeSchema = z.enum(errorCodes).meta({
  id: 'ErrorCode',
  description: `De code van een fout, met haar HTTP-status: ${errorCodes
    .map((code) => `${code} (${errorStatus[code]})`)
    .join(', ')}.`,
});

export const errorBodySchema = z.object({
  error: z.object({
    code: errorCodeSchema,
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

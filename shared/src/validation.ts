import { z } from 'zod';
import { nl } from 'zod/locales';
import { AppError, type ErrorIssue } from './errors';

/**
 * Dutch messages for zod's generic issues. Schemas give their own message where a domain rule
 * speaks (e.g. "Een motivering is verplicht."); this covers the rest, so that the UI never shows
 * an English validation message.
 */
const dutchLocale = nl();
export const dutchErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'Dit veld is onbekend.';
    case 'invalid_type':
      return issue.input === undefined
        ? 'Dit veld is verplicht.'
        : `Verwacht ${dutchTypeName(issue.expected)}.`;
    case 'invalid_format':
      if (issue.format === 'date') return 'Geen geldige datum (jjjj-mm-dd).';
      if (issue.format === 'email') return 'Geen geldig e-mailadres.';
      return 'Ongeldig formaat.';
    case 'invalid_value':
      // A schema that offers a choice names it in its own message ("Kies de huurvorm."); this is the
      // fallback for one that does not, and still asks for a choice (issue 27.1).
      return 'Kies een van de mogelijkheden.';
    default:
      return dutchLocale.localeError(issue);
  }
};
z.config({ localeError: dutchErrorMap });

function dutchTypeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'tekst',
    number: 'een getal',
    int: 'een geheel getal',
    boolean: 'waar of onwaar',
    object: 'een object',
    array: 'een lijst',
    date: 'een datum',
  };
  return names[expected] ?? expected;
}

/** Dotted path into the input, array positions as numbers: `exceptions.0.motivation`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** zod issues as the API's issues; an unknown key is reported at its own path. */
export function toErrorIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatIssuePath([...issue.path, key]),
        message: issue.message,
      }));
    }
    return [{ path: formatIssuePath(issue.path), message: issue.message }];
  });
}

export function validationError(error: z.ZodError, message = 'De invoer is ongeldig.'): AppError {
  return new AppError('VALIDATION_FAILED', message, toErrorIssues(error));
}

/** Parse or throw the product's validation error. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

import { z } from 'zod';
import './validation';

/**
 * The two primitives every schema builds its text and its dates from, so that input the database
 * cannot hold is a 400 at its field and never a driver error (a 500, and a log line quoting the
 * input).
 *
 * Text: PostgreSQL refuses NUL in text and in jsonb, and a lone UTF-16 surrogate is no character
 * at all (UTF-8 cannot encode it; jsonb refuses its escape). Both are refused here, in every string.
 */
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what is refused
const unstorableCharacter = /[\u0000\uD800-\uDFFF]/u;
export const unstorableTextMessage = 'Bevat een teken dat niet is toegestaan.';

export function isStorableText(value: string): boolean {
  return !unstorableCharacter.test(value);
}

type StringParams = Parameters<typeof z.string>[0];

/** `z.string()` that refuses NUL and lone surrogates; chain `.trim()`, `.max()` and so on as usual. */
export function safeText(params?: StringParams) {
  return z.string(params).refine(isStorableText, { error: unstorableTextMessage });
}

/** `z.url()` with the same refusal (a URL's path may carry NUL percent-decoded by nobody). */
export function safeUrl(params?: Parameters<typeof z.url>[0]) {
  return z.url(params).refine(isStorableText, { error: unstorableTextMessage });
}

/**
 * Dates: `jjjj-mm-dd` of a day that exists. zod's ISO date already knows month lengths and leap
 * years (2026-02-30 and 0000-00-00 are refused there); the year 0 passes its pattern but exists in
 * no calendar PostgreSQL knows ("date/time field value out of range", a 500 before this). Every
 * other four-digit year stays valid: a date stored before this check must stay readable, since
 * the views are parsed with the same schemas.
 */
export const invalidDateMessage = 'Geen geldige datum (jjjj-mm-dd).';
export const yearZeroMessage = 'Het jaar 0 bestaat niet.';

export function hasExistingYear(value: string): boolean {
  // A value that is no date at all already has its issue from the format check: one message per field.
  if (!z.regexes.date.test(value.slice(0, 10))) return true;
  return !value.startsWith('0000');
}

type DateParams = Parameters<typeof z.iso.date>[0];
type DateTimeParams = Parameters<typeof z.iso.datetime>[0];

/** An ISO calendar date; `params` for a message of its own (e.g. "Vul de datum in."). */
export function isoDateWith(params?: DateParams) {
  return z.iso.date(params).refine(hasExistingYear, { error: yearZeroMessage });
}

/** An empty date field asks to be filled in, rather than calling "" an invalid date. */
export const emptyDateMessage = 'Vul een datum in.';
export const isoDate = isoDateWith({
  error: (issue) => (issue.input === '' ? emptyDateMessage : invalidDateMessage),
});

/** An ISO timestamp (with offset unless said otherwise), in the same years. */
export function isoDateTime(params: DateTimeParams = { offset: true }) {
  return z.iso.datetime(params).refine(hasExistingYear, { error: yearZeroMessage });
}

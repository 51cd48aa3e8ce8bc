/**
 * A number field's text as a whole number: blank is NaN (the schema then says what is missing), and
 * the dots and spaces a Dutch reader types between thousands ("228.000") are ignored.
 */
export function parseWholeNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const compact = value.replace(/[.\s\u00a0]/g, '');
  return compact === '' ? Number.NaN : Number(compact);
}

/** The options of react-hook-form's `register` for a `WholeNumberField`: its text read as a number. */
export const wholeNumber = { setValueAs: parseWholeNumber } as const;

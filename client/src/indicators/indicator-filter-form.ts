import type { Resolver } from 'react-hook-form';
import { addMessage, toFieldErrors, type FieldMessages } from '../core/form-errors';
import { checkFilter, filterFields, type FilterValues } from './indicator-filters';

/**
 * The filter form checked with the API's own schema; an issue of no field of its own (the period
 * as a whole) shows at "Van".
 */
export const filterResolver: Resolver<FilterValues> = (input: FilterValues) => {
  const checked = checkFilter(input);
  if (checked.ok) return { values: input, errors: {} };
  const messages: FieldMessages = new Map();
  for (const issue of checked.issues)
    addMessage(
      messages,
      (filterFields as readonly string[]).includes(issue.path) ? issue.path : 'from',
      issue.message,
    );
  return { values: {}, errors: toFieldErrors<FilterValues>(messages) };
};

/** What the form shows: the URL's filters, and where it names no period, the one the server applied. */
export function shownFilter(
  values: FilterValues,
  appliedPeriod: { from: string; to: string } | null,
): FilterValues {
  return {
    ...values,
    from: values.from || appliedPeriod?.from || '',
    to: values.to || appliedPeriod?.to || '',
  };
}

export interface FilterOption {
  value: string;
  label: string;
}

/** The options of a choice, plus the URL's value when it is none of them: so its message makes sense. */
export function withCurrentValue(
  options: readonly FilterOption[],
  current: string,
): FilterOption[] {
  return current && !options.some((o) => o.value === current)
    ? [...options, { value: current, label: current }]
    : [...options];
}

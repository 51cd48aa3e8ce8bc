import type { Resolver } from 'react-hook-form';
import { targetGroupLabel, type DashboardView, type TargetGroup } from '@uitstroom/shared';
import type { FilterOption } from '../core/fields';
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

/** The options of a choice, plus the URL's value when it is none of them: so its message makes sense. */
export function withCurrentValue(
  options: readonly FilterOption[],
  current: string,
): FilterOption[] {
  return current && !options.some((o) => o.value === current)
    ? [...options, { value: current, label: current }]
    : [...options];
}

type ChoiceField = 'municipality' | 'corporation' | 'targetGroup';

/**
 * The options of the form's three choices: the municipalities and corporations the dashboard offers
 * (none until it has loaded) and the region's target groups, each with the URL's value if it is none.
 */
export function choiceOptions(
  choices: DashboardView['choices'] | null,
  targetGroups: readonly TargetGroup[],
  values: Pick<FilterValues, ChoiceField>,
): Record<ChoiceField, FilterOption[]> {
  return {
    municipality: withCurrentValue(
      (choices?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name })),
      values.municipality,
    ),
    corporation: withCurrentValue(
      (choices?.corporations ?? []).map((c) => ({ value: c.id, label: c.name })),
      values.corporation,
    ),
    targetGroup: withCurrentValue(
      targetGroups.map((g) => ({ value: g, label: targetGroupLabel[g] })),
      values.targetGroup,
    ),
  };
}

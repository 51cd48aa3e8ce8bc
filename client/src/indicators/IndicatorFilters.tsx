import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useForm, type Resolver } from 'react-hook-form';
import { Button, Fieldset, FieldsetLegend, SelectOption } from '@utrecht/component-library-react';
import {
  targetGroupLabel,
  type DashboardView,
  type Seat,
  type TargetGroup,
} from '@uitstroom/shared';
import { SelectField, TextField } from '../core/form';
import { indicatorFilterChoices } from '../core/seats';
import { addMessage, toFieldErrors, type FieldMessages } from '../core/form-errors';
import { todayIsoDate } from '../core/format';
import {
  checkFilter,
  filterFields,
  quickPeriods,
  type FilterField,
  type FilterValues,
} from './indicator-filters';

interface Props {
  /** The filters in the URL now. */
  values: FilterValues;
  /** The period the server applied where the URL names none, so the form shows which it is. */
  appliedPeriod: { from: string; to: string } | null;
  choices: DashboardView['choices'] | null;
  targetGroups: readonly TargetGroup[];
  seat: Seat;
  /** The API's messages per field, for a URL the API refused. */
  apiIssues: Partial<Record<FilterField, string>>;
  onApply(values: FilterValues): void;
}

/**
 * The dashboard's filters: the period (with quick choices), municipality, corporation and target
 * group. Checked with the API's own schema before the URL changes; a URL the API refuses anyway
 * (typed or stale) shows the API's message at the field. A municipality and a corporation see
 * their own figures: the server forces that filter, so the form does not offer it.
 */
export function IndicatorFilters({
  values,
  appliedPeriod,
  choices,
  targetGroups,
  seat,
  apiIssues,
  onApply,
}: Props) {
  const shown: FilterValues = {
    ...values,
    from: values.from || appliedPeriod?.from || '',
    to: values.to || appliedPeriod?.to || '',
  };
  const [resolver] = useState<Resolver<FilterValues>>(() => (input: FilterValues) => {
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
  });
  const form = useForm<FilterValues>({
    defaultValues: shown,
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const { errors } = form.formState;
  const shownKey = JSON.stringify(shown);

  // Back, forward and a quick choice bring the values of the URL they belong to.
  useEffect(() => {
    form.reset(JSON.parse(shownKey) as FilterValues);
  }, [form, shownKey]);
  useEffect(() => {
    for (const [field, message] of Object.entries(apiIssues))
      form.setError(field as FilterField, { message });
  }, [form, apiIssues]);

  const apply = form.handleSubmit((checked) => onApply(checked));
  const periods = quickPeriods(todayIsoDate());
  const isFiltered = Object.values(values).some(Boolean);
  const choose = (from: string, to: string) => {
    form.setValue('from', from);
    form.setValue('to', to);
    void apply();
  };

  return (
    <form
      noValidate
      onSubmit={apply}
      className="indicator-filters"
      aria-label="Indicatoren filteren"
    >
      <Fieldset className="indicator-filters__period">
        <FieldsetLegend>Periode</FieldsetLegend>
        <div className="indicator-filters__quick" role="group" aria-label="Snelkeuze periode">
          {periods.map((period) => (
            <Button
              key={period.key}
              type="button"
              appearance="subtle-button"
              aria-pressed={shown.from === period.from && shown.to === period.to}
              onClick={() => choose(period.from, period.to)}
            >
              {period.label}
            </Button>
          ))}
        </div>
        <div className="indicator-filters__dates">
          <TextField
            id="indicator-van"
            label="Van"
            type="date"
            error={errors.from?.message}
            {...form.register('from')}
          />
          <TextField
            id="indicator-tot"
            label="Tot en met"
            type="date"
            error={errors.to?.message}
            {...form.register('to')}
          />
        </div>
      </Fieldset>
      <div className="indicator-filters__choices">
        {indicatorFilterChoices[seat].municipality && (
          <SelectField
            id="indicator-gemeente"
            label="Gemeente"
            error={errors.municipality?.message}
            {...form.register('municipality')}
          >
            <SelectOption value="">Alle gemeenten</SelectOption>
            {(choices?.municipalities ?? []).map((m) => (
              <SelectOption key={m.code} value={m.code}>
                {m.name}
              </SelectOption>
            ))}
            {/* A value from the URL that is not a choice stays visible, so its message makes sense. */}
            {values.municipality &&
              !choices?.municipalities.some((m) => m.code === values.municipality) && (
                <SelectOption value={values.municipality}>{values.municipality}</SelectOption>
              )}
          </SelectField>
        )}
        {indicatorFilterChoices[seat].corporation && (
          <SelectField
            id="indicator-corporatie"
            label="Corporatie"
            error={errors.corporation?.message}
            {...form.register('corporation')}
          >
            <SelectOption value="">Alle corporaties</SelectOption>
            {(choices?.corporations ?? []).map((c) => (
              <SelectOption key={c.id} value={c.id}>
                {c.name}
              </SelectOption>
            ))}
            {values.corporation &&
              !choices?.corporations.some((c) => c.id === values.corporation) && (
                <SelectOption value={values.corporation}>{values.corporation}</SelectOption>
              )}
          </SelectField>
        )}
        <SelectField
          id="indicator-doelgroep"
          label="Doelgroep"
          error={errors.targetGroup?.message}
          {...form.register('targetGroup')}
        >
          <SelectOption value="">Alle doelgroepen</SelectOption>
          {targetGroups.map((g) => (
            <SelectOption key={g} value={g}>
              {targetGroupLabel[g]}
            </SelectOption>
          ))}
          {values.targetGroup &&
            !(targetGroups as readonly string[]).includes(values.targetGroup) && (
              <SelectOption value={values.targetGroup}>{values.targetGroup}</SelectOption>
            )}
        </SelectField>
        <div className="indicator-filters__buttons">
          <Button type="submit" appearance="primary-action-button">
            Toepassen
          </Button>
          {isFiltered && (
            <RouterLink className="utrecht-link" to="/indicatoren">
              Filters wissen
            </RouterLink>
          )}
        </div>
      </div>
    </form>
  );
}

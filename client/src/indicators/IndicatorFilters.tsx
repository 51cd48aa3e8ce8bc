import { useEffect } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { Button, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import type { DashboardView, Seat, TargetGroup } from '@uitstroom/shared';
import { DateRangeFields, FilterButtons, OptionsField } from '../core/fields';
import { indicatorFilterChoices } from '../core/seats';
import { todayIsoDate } from '../core/format';
import { quickPeriods, type FilterField, type FilterValues } from './indicator-filters';
import { choiceOptions, filterResolver, shownFilter } from './indicator-filter-form';

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
  const shown = shownFilter(values, appliedPeriod);
  const form = useFilterForm(shown, apiIssues);
  const { errors } = form.formState;
  const apply = form.handleSubmit((checked) => onApply(checked));
  const choose = (from: string, to: string) => {
    form.setValue('from', from);
    form.setValue('to', to);
    void apply();
  };
  const offers = indicatorFilterChoices[seat];
  const options = choiceOptions(choices, targetGroups, values);
  return (
    <form
      noValidate
      onSubmit={apply}
      className="indicator-filters"
      aria-label="Indicatoren filteren"
    >
      <PeriodFields form={form} shown={shown} onChoose={choose} />
      <div className="indicator-filters__choices">
        {offers.municipality && (
          <OptionsField
            id="indicator-gemeente"
            label="Gemeente"
            placeholder="Alle gemeenten"
            options={options.municipality}
            error={errors.municipality?.message}
            {...form.register('municipality')}
          />
        )}
        {offers.corporation && (
          <OptionsField
            id="indicator-corporatie"
            label="Corporatie"
            placeholder="Alle corporaties"
            options={options.corporation}
            error={errors.corporation?.message}
            {...form.register('corporation')}
          />
        )}
        <OptionsField
          id="indicator-doelgroep"
          label="Doelgroep"
          placeholder="Alle doelgroepen"
          options={options.targetGroup}
          error={errors.targetGroup?.message}
          {...form.register('targetGroup')}
        />
        <FilterButtons
          className="indicator-filters__buttons"
          submitLabel="Toepassen"
          clearTo={Object.values(values).some(Boolean) ? '/indicatoren' : undefined}
        />
      </div>
    </form>
  );
}

/** The form follows the URL (back, forward, a quick choice), and shows the API's messages at their fields. */
function useFilterForm(shown: FilterValues, apiIssues: Partial<Record<FilterField, string>>) {
  const form = useForm<FilterValues>({
    defaultValues: shown,
    resolver: filterResolver,
    mode: 'onSubmit',
    reValidateMode: 'onSubmit',
  });
  const shownKey = JSON.stringify(shown);

  // Back, forward and a quick choice bring the values of the URL they belong to.
  useEffect(() => {
    form.reset(JSON.parse(shownKey) as FilterValues);
  }, [form, shownKey]);
  useEffect(() => {
    for (const [field, message] of Object.entries(apiIssues))
      form.setError(field as FilterField, { message });
  }, [form, apiIssues]);
  return form;
}

/** The period: quick choices that apply at once, and the two dates. */
function PeriodFields({
  form,
  shown,
  onChoose,
}: {
  form: UseFormReturn<FilterValues>;
  shown: FilterValues;
  onChoose(from: string, to: string): void;
}) {
  const { errors } = form.formState;
  return (
    <Fieldset className="indicator-filters__period">
      <FieldsetLegend>Periode</FieldsetLegend>
      <div className="indicator-filters__quick" role="group" aria-label="Snelkeuze periode">
        {quickPeriods(todayIsoDate()).map((period) => (
          <Button
            key={period.key}
            type="button"
            appearance="subtle-button"
            aria-pressed={shown.from === period.from && shown.to === period.to}
            onClick={() => onChoose(period.from, period.to)}
          >
            {period.label}
          </Button>
        ))}
      </div>
      <DateRangeFields
        className="indicator-filters__dates"
        fromId="indicator-van"
        toId="indicator-tot"
        from={form.register('from')}
        to={form.register('to')}
        fromError={errors.from?.message}
        toError={errors.to?.message}
      />
    </Fieldset>
  );
}

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@utrecht/component-library-react';
import { supportEntrySchema } from '@uitstroom/shared';
import { FailureAlert } from '../core/FailureAlert';
import { TextField } from '../core/form';
import { DateField, TextareaField } from '../core/fields';
import { todayIsoDate } from '../core/format';
import { addSupportEntry } from './support-api';
import { checkOnSubmit, useSupportSave, type FormProps } from './support-form';
import { intensityNotice, parseDutchNumber } from './support-wording';

const [, intensitySchema] = supportEntrySchema.options;

/** Scaling the hours of support up or down, from a date, with the reason (which the municipality does not read). */
export function IntensityForm({
  currentHours,
  ...props
}: FormProps & { currentHours: number | null }) {
  const form = useForm({
    resolver: zodResolver(intensitySchema),
    defaultValues: {
      type: 'intensity' as const,
      date: todayIsoDate(),
      hoursPerWeek: undefined as unknown as number,
      reason: '',
    },
    ...checkOnSubmit,
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, save } = useSupportSave(props, form.setError, [
    'date',
    'hoursPerWeek',
    'reason',
  ]);
  const submit = form.handleSubmit((values) =>
    save(
      () => addSupportEntry(props.caseId, values),
      intensityNotice(currentHours, values.hoursPerWeek),
    ),
  );
  return (
    <form className="support-form" noValidate onSubmit={submit} aria-label="Intensiteit wijzigen">
      <div className="support-row">
        <DateField
          id="intensiteit-datum"
          label="Vanaf"
          error={errors.date?.message}
          {...form.register('date')}
        />
        <TextField
          id="intensiteit-uren"
          inputMode="decimal"
          label="Nieuw aantal uren per week"
          description={
            currentHours !== null
              ? `Nu ${currentHours} uur per week. Meer is opschalen, minder is afschalen.`
              : undefined
          }
          error={errors.hoursPerWeek?.message}
          {...form.register('hoursPerWeek', { setValueAs: parseDutchNumber })}
        />
      </div>
      <TextareaField
        id="intensiteit-reden"
        label="Waarom"
        description="Minstens 10 tekens. De gemeente ziet de uren, niet de reden."
        error={errors.reason?.message}
        {...form.register('reason')}
      />
      <FailureAlert failure={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Intensiteit wijzigen
      </Button>
    </form>
  );
}

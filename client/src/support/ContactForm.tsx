import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@utrecht/component-library-react';
import { contactKindLabel, contactKinds, supportEntrySchema } from '@uitstroom/shared';
import { FailureAlert } from '../core/FailureAlert';
import { TextField } from '../core/form';
import {
  DateField,
  emptyAsUndefined,
  OptionsField,
  optionsOf,
  TextareaField,
} from '../core/fields';
import { todayIsoDate } from '../core/format';
import { addSupportEntry } from './support-api';
import { checkOnSubmit, useSupportSave, type FormProps } from './support-form';
import { parseDutchNumber } from './support-wording';

const [contactSchema] = supportEntrySchema.options;

/** A contact with the resident: when, what kind, how long, and a note for the provider and the case manager. */
export function ContactForm(props: FormProps) {
  const form = useForm({
    resolver: zodResolver(contactSchema),
    defaultValues: {
      type: 'contact' as const,
      date: todayIsoDate(),
      kind: undefined as never,
      durationMinutes: undefined as unknown as number,
      note: '',
    },
    ...checkOnSubmit,
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, save } = useSupportSave(props, form.setError, [
    'date',
    'kind',
    'durationMinutes',
    'note',
  ]);
  const submit = form.handleSubmit((values) =>
    save(() => addSupportEntry(props.caseId, values), 'Het contact is vastgelegd.'),
  );
  return (
    <form className="support-form" noValidate onSubmit={submit} aria-label="Contact vastleggen">
      <div className="support-row">
        <DateField
          id="contact-datum"
          label="Datum"
          error={errors.date?.message}
          {...form.register('date')}
        />
        <OptionsField
          id="contact-soort"
          label="Soort contact"
          placeholder="Kies de soort"
          options={optionsOf(contactKinds, contactKindLabel)}
          error={errors.kind?.message}
          {...form.register('kind', { setValueAs: emptyAsUndefined })}
        />
        <TextField
          id="contact-duur"
          inputMode="numeric"
          label="Duur in minuten"
          error={errors.durationMinutes?.message}
          {...form.register('durationMinutes', { setValueAs: parseDutchNumber })}
        />
      </div>
      <TextareaField
        id="contact-notitie"
        label="Korte notitie"
        description="Alleen de nazorgaanbieder en de casemanager lezen deze notitie."
        error={errors.note?.message}
        {...form.register('note')}
      />
      <FailureAlert failure={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Contact vastleggen
      </Button>
    </form>
  );
}

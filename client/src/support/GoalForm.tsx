import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@utrecht/component-library-react';
import {
  goalProgresses,
  goalProgressLabel,
  lifeDomainLabel,
  lifeDomains,
  supportEntrySchema,
} from '@uitstroom/shared';
import { FailureAlert } from '../core/FailureAlert';
import { TextField } from '../core/form';
import { emptyAsUndefined, OptionsField, optionsOf } from '../core/fields';
import { addSupportEntry } from './support-api';
import { checkOnSubmit, useSupportSave, type FormProps } from './support-form';

const [, , goalSchema] = supportEntrySchema.options;

/** A goal per life domain, in words the municipality may read along. */
export function GoalForm(props: FormProps) {
  const form = useForm({
    resolver: zodResolver(goalSchema),
    defaultValues: {
      type: 'goal' as const,
      lifeDomain: undefined as never,
      description: '',
      progress: 'notStarted' as const,
    },
    ...checkOnSubmit,
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, save } = useSupportSave(props, form.setError, [
    'lifeDomain',
    'description',
    'progress',
  ]);
  const submit = form.handleSubmit((values) =>
    save(() => addSupportEntry(props.caseId, values), 'Het doel is toegevoegd.'),
  );
  return (
    <form className="support-form" noValidate onSubmit={submit} aria-label="Doel toevoegen">
      <div className="support-row">
        <OptionsField
          id="doel-leefgebied"
          label="Leefgebied"
          placeholder="Kies een leefgebied"
          options={optionsOf(lifeDomains, lifeDomainLabel)}
          error={errors.lifeDomain?.message}
          {...form.register('lifeDomain', { setValueAs: emptyAsUndefined })}
        />
        <OptionsField
          id="doel-voortgang"
          label="Voortgang"
          options={optionsOf(goalProgresses, goalProgressLabel)}
          error={errors.progress?.message}
          {...form.register('progress')}
        />
      </div>
      <TextField
        id="doel-omschrijving"
        label="Doel"
        description="Kort en zonder diagnose: de gemeente leest de doelen mee."
        error={errors.description?.message}
        {...form.register('description')}
      />
      <FailureAlert failure={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Doel toevoegen
      </Button>
    </form>
  );
}

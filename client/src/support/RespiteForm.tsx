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

const [, , , , respiteSchema] = supportEntrySchema.options;

/** A stay in respite care: from and to, where, and why. */
export function RespiteForm(props: FormProps) {
  const form = useForm({
    resolver: zodResolver(respiteSchema),
    defaultValues: {
      type: 'respite' as const,
      from: todayIsoDate(),
      to: todayIsoDate(),
      place: '',
      reason: '',
    },
    ...checkOnSubmit,
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, save } = useSupportSave(props, form.setError, ['from', 'to', 'place', 'reason']);
  const submit = form.handleSubmit((values) =>
    save(() => addSupportEntry(props.caseId, values), 'De logeeropvang is vastgelegd.'),
  );
  return (
    <form
      className="support-form"
      noValidate
      onSubmit={submit}
      aria-label="Logeeropvang vastleggen"
    >
      <div className="support-row">
        <DateField
          id="logeren-van"
          label="Van"
          error={errors.from?.message}
          {...form.register('from')}
        />
        <DateField
          id="logeren-tot"
          label="Tot en met"
          error={errors.to?.message}
          {...form.register('to')}
        />
      </div>
      <TextField
        id="logeren-plek"
        label="Logeerplek"
        error={errors.place?.message}
        {...form.register('place')}
      />
      <TextareaField
        id="logeren-reden"
        label="Reden"
        description="Minstens 10 tekens."
        error={errors.reason?.message}
        {...form.register('reason')}
      />
      <FailureAlert failure={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Logeeropvang vastleggen
      </Button>
    </form>
  );
}

import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '@utrecht/component-library-react';
import { FailureAlert } from '../core/FailureAlert';
import { ChoiceGroup } from '../core/fields';
import { answerCheck } from './support-api';
import { checkOnSubmit, useSupportSave, type FormProps } from './support-form';

const yesNo = (error: string) => z.enum(['ja', 'nee'], { error }).transform((v) => v === 'ja');
const checkFormSchema = z.object({
  stillLivesThere: yesNo('Woont de bewoner er nog? Kies ja of nee.'),
  tenancyConverted: yesNo('Staat het huurcontract op eigen naam? Kies ja of nee.'),
});
const options = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
];

/** The follow-up check after 6 or 12 months: does the resident still live there, on their own tenancy? */
export function CheckForm({
  checkId,
  months,
  ...props
}: FormProps & { checkId: string; months: number }) {
  const form = useForm({ resolver: zodResolver(checkFormSchema), ...checkOnSubmit });
  const { errors, isSubmitting } = form.formState;
  const { failure, save } = useSupportSave(props, form.setError, [
    'stillLivesThere',
    'tenancyConverted',
  ]);
  const submit = form.handleSubmit((values) =>
    save(
      () => answerCheck(props.caseId, checkId, values),
      `De nameting na ${months} maanden is beantwoord.`,
    ),
  );
  return (
    <form
      className="support-form"
      noValidate
      onSubmit={submit}
      aria-label={`Nameting na ${months} maanden`}
    >
      <ChoiceGroup
        id={`nameting-${months}-woont`}
        type="radio"
        legend="Woont de bewoner er nog?"
        options={options}
        error={errors.stillLivesThere?.message}
        registration={form.register('stillLivesThere')}
      />
      <ChoiceGroup
        id={`nameting-${months}-huur`}
        type="radio"
        legend="Staat het huurcontract op eigen naam?"
        options={options}
        error={errors.tenancyConverted?.message}
        registration={form.register('tenancyConverted')}
      />
      <FailureAlert failure={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        Nameting beantwoorden
      </Button>
    </form>
  );
}

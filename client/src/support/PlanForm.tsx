import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Button } from '@utrecht/component-library-react';
import { relapsePlanInputSchema } from '@uitstroom/shared';
import { FailureAlert } from '../core/FailureAlert';
import { TextField } from '../core/form';
import { TextareaField } from '../core/fields';
import { saveRelapsePlan, type ProjectedSupport } from './support-api';
import { checkOnSubmit, useSupportSave, type FormProps } from './support-form';

/** A new version of the relapse-prevention plan, on top of the one shown; the municipality agrees to it next. */
export function PlanForm({ plan, ...props }: FormProps & { plan: ProjectedSupport['plan'] }) {
  const form = useForm({
    resolver: zodResolver(relapsePlanInputSchema),
    defaultValues: {
      basedOnVersion: plan?.version ?? 0,
      whoTakesOver: plan?.whoTakesOver ?? '',
      howToScaleUp: plan?.howToScaleUp ?? '',
      finalSay: plan?.finalSay ?? '',
    },
    ...checkOnSubmit,
  });
  const { errors, isSubmitting } = form.formState;
  const { failure, save } = useSupportSave(props, form.setError, [
    'whoTakesOver',
    'howToScaleUp',
    'finalSay',
  ]);
  const submit = form.handleSubmit((values) =>
    save(
      () => saveRelapsePlan(props.caseId, values),
      (next) =>
        `Versie ${next.plan?.version ?? ''} van het terugvalpreventieplan is opgeslagen. De gemeente stemt er nu mee in.`,
    ),
  );
  return (
    <form
      className="support-form"
      noValidate
      onSubmit={submit}
      aria-label="Terugvalpreventieplan opstellen"
    >
      <TextareaField
        id="plan-wie"
        label="Wie neemt het over als het misgaat"
        description="Minstens 10 tekens."
        error={errors.whoTakesOver?.message}
        {...form.register('whoTakesOver')}
      />
      <TextareaField
        id="plan-opschalen"
        label="Hoe schalen we op"
        description="Minstens 10 tekens."
        error={errors.howToScaleUp?.message}
        {...form.register('howToScaleUp')}
      />
      <TextField
        id="plan-laatste-woord"
        label="Wie heeft het laatste woord"
        error={errors.finalSay?.message}
        {...form.register('finalSay')}
      />
      <FailureAlert failure={failure} />
      <Button type="submit" appearance="primary-action-button" disabled={isSubmitting}>
        {plan ? `Nieuwe versie opslaan (nu versie ${plan.version})` : 'Plan opslaan'}
      </Button>
    </form>
  );
}

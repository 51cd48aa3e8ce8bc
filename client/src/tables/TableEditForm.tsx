import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { RegionOrganisation } from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { messageOf } from '../core/messages';
import { isVersionConflict, type Table } from './table-api';
import { useTableStep } from './table-mutations';
import { InviteesFieldset, TableWhenWhereFields } from './TableDetailsFields';
import { checkPlan, planFieldOf, planResolver, planValuesOf, type PlanValues } from './plan-form';

const conflict =
  'Iemand anders heeft de tafel intussen gewijzigd. De tafel is opnieuw geladen; controleer uw wijziging en sla haar opnieuw op.';

/** The chair corrects a planned or shared table: date, time, place, video link and invitees. */
export function TableEditForm({
  table,
  organisations,
  reload,
  onSaved,
  onCancel,
}: {
  table: Table;
  organisations: readonly RegionOrganisation[] | null;
  /** Reads the table again (the correction's version was stale). */
  reload(): Promise<void>;
  onSaved(): void;
  onCancel(): void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<PlanValues>({
    defaultValues: planValuesOf(table),
    resolver: planResolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const update = useTableStep(table, reload);
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    const { details } = checkPlan(values);
    if (!details) return;
    try {
      await update.mutateAsync({ kind: 'update', details });
      onSaved();
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      for (const issue of issues)
        form.setError(planFieldOf(issue.path), { message: issue.message });
      if (!issues.length)
        setFailure(
          isVersionConflict(error)
            ? conflict
            : messageOf(error, 'De tafel kon niet worden gewijzigd.'),
        );
    }
  });
  return (
    <section className="table-card table-plan" aria-labelledby="wijzigen-kop">
      <Heading level={2} id="wijzigen-kop" tabIndex={-1}>
        Tafel wijzigen
      </Heading>
      <form noValidate onSubmit={submit} className="table-form" aria-labelledby="wijzigen-kop">
        <TableWhenWhereFields form={form} />
        <InviteesFieldset
          form={form}
          organisations={organisations}
          hint={
            table.state === 'published'
              ? 'De agenda is gedeeld: wie u nu uitnodigt, ziet haar meteen en krijgt daarvan bericht.'
              : 'Zij zien de agenda zodra u die deelt, elk met wat hun rol van een casus mag zien.'
          }
        />
        {failure && (
          <Alert type="error" role="alert">
            <Paragraph>{failure}</Paragraph>
          </Alert>
        )}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" disabled={update.isPending}>
            Wijzigingen opslaan
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            Niet wijzigen
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

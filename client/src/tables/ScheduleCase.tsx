import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  SelectOption,
} from '@utrecht/component-library-react';
import { describeWaiting, transitions, type CaseListItem } from '@uitstroom/shared';
import { ConfirmPending, useConfirmedSubmit } from '../core/ConfirmDialog';
import { useMe } from '../core/session';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import { SelectField } from '../core/form';
import { fetchCase } from '../cases';
import { messageOf } from '../core/messages';
import { addToAgenda, fetchReadyCases, isVersionConflict, type Table } from './table-api';
import { noReadyCasesToSchedule, schedulesOthersCases } from '../core/seats';

interface ScheduleProps {
  table: Table;
  onScheduled(table: Table, name: string): void;
  onConflict(): Promise<void>;
}

/** "Casus agenderen": a ready case of the reader's reach onto this table, with the case's current version. */
export function ScheduleCase({ table, onScheduled, onConflict }: ScheduleProps) {
  const me = useMe();
  const readyCases = useQuery({
    queryKey: queryKeys.readyCases,
    queryFn: ({ signal }) => fetchReadyCases(signal),
  });
  const cases: CaseListItem[] | null = readyCases.data?.items ?? null;
  const loadFailure = readyCases.isError
    ? messageOf(readyCases.error, 'De uitstroomgerede casussen konden niet worden geladen.')
    : null;
  return (
    <section className="table-card table-schedule" aria-labelledby="agenderen-kop">
      <Heading level={2} id="agenderen-kop">
        Casus agenderen
      </Heading>
      {loadFailure && (
        <Alert type="error" role="alert">
          <Paragraph>{loadFailure}</Paragraph>
        </Alert>
      )}
      {!cases && !loadFailure && (
        <Paragraph role="status">Uitstroomgerede casussen laden…</Paragraph>
      )}
      {cases && cases.length === 0 && <Paragraph>{noReadyCasesToSchedule[me.seat]}</Paragraph>}
      {cases && cases.length > 0 && (
        <ScheduleCaseForm
          cases={cases}
          total={readyCases.data?.total ?? 0}
          table={table}
          onScheduled={onScheduled}
          onConflict={onConflict}
        />
      )}
    </section>
  );
}

function ScheduleCaseForm({
  cases,
  total,
  table,
  onScheduled,
  onConflict,
}: ScheduleProps & { cases: CaseListItem[]; total: number }) {
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const readyCasesChanged = () =>
    void queryClient.invalidateQueries({ queryKey: queryKeys.readyCases });

  const confirmation = useConfirmedSubmit<CaseListItem>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen = cases.find((c) => c.id === choice);
    if (!chosen) {
      setError('Kies de casus die op de agenda moet.');
      return;
    }
    confirmation.ask(chosen);
  };
  const schedule = async (chosen: CaseListItem) => {
    setIsBusy(true);
    setError(null);
    try {
      // The list carries no version: the case itself says which one this request is about.
      const current = await fetchCase(chosen.id);
      const next = await addToAgenda(table, chosen.id, current.version!);
      setChoice('');
      readyCasesChanged();
      onScheduled(next, chosen.name ?? chosen.pseudonym);
    } catch (e) {
      if (isVersionConflict(e)) {
        await onConflict();
        readyCasesChanged();
      } else setError(messageOf(e, 'De casus kon niet op de agenda worden gezet.'));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form className="table-schedule__form" noValidate onSubmit={submit}>
      <ReadyCaseSelect
        cases={cases}
        choice={choice}
        error={error}
        onChoose={(id) => {
          setChoice(id);
          setError(null);
        }}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" disabled={isBusy}>
          Op de agenda zetten
        </Button>
      </ButtonGroup>
      {total > cases.length && (
        <Paragraph className="table-form__hint">
          De {cases.length} langst wachtende van {total} casussen.
        </Paragraph>
      )}
      <ConfirmPending
        id="agenderen-bevestigen"
        title="Casus op de agenda zetten"
        consequence={transitions.schedule.consequence}
        confirmLabel="Op de agenda zetten"
        confirmation={confirmation}
        send={schedule}
      />
    </form>
  );
}

/** The ready cases of the reader's reach, the longest waiting first, with their waiting time. */
function ReadyCaseSelect({
  cases,
  choice,
  error,
  onChoose,
}: {
  cases: CaseListItem[];
  choice: string;
  error: string | null;
  onChoose(id: string): void;
}) {
  const me = useMe();
  return (
    <SelectField
      id="agenderen-casus"
      label="Uitstroomgerede casus"
      value={choice}
      onChange={(e) => onChoose(e.target.value)}
      error={error ?? undefined}
    >
      <SelectOption value="">Kies een casus</SelectOption>
      {cases.map((c) => (
        <SelectOption key={c.id} value={c.id}>
          {c.name ?? c.pseudonym}
          {c.waitingDays !== null
            ? ` — ${describeWaiting(c.waitingDays, c.waitingUntil).toLowerCase()}`
            : ''}
          {schedulesOthersCases[me.seat] ? ` — ${c.ownerName}` : ''}
        </SelectOption>
      ))}
    </SelectField>
  );
}

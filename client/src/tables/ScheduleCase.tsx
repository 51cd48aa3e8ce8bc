import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  SelectOption,
} from '@utrecht/component-library-react';
import { describeWaiting, transitions, type CaseListItem } from '@uitstroom/shared';
import { ConfirmPending, useConfirmedSubmit } from '../core/ConfirmDialog';
import { useMe } from '../core/session';
import { queryKeys } from '../core/query/query-keys';
import { QueryStatus } from '../core/query/QueryState';
import { SelectField } from '../core/form';
import { messageOf } from '../core/messages';
import { fetchReadyCases, isVersionConflict, type Table } from './table-api';
import { useTableStep } from './table-mutations';
import { noReadyCasesToSchedule, schedulesOthersCases } from '../core/seats';

interface ScheduleProps {
  table: Table;
  /** Reads the table again (the table's or the case's version was stale). */
  reload(): Promise<void>;
  onScheduled(name: string): void;
  /** The step was stale: the table has been read again; the page says so. */
  onStale(): void;
}

/** "Casus agenderen": a ready case of the reader's reach onto this table, with the case's current version. */
export function ScheduleCase(props: ScheduleProps) {
  const me = useMe();
  const readyCases = useQuery({
    queryKey: queryKeys.readyCases,
    queryFn: ({ signal }) => fetchReadyCases(signal),
  });
  const cases: CaseListItem[] | null = readyCases.data?.items ?? null;
  return (
    <section className="table-card table-schedule" aria-labelledby="agenderen-kop">
      <Heading level={2} id="agenderen-kop">
        Casus agenderen
      </Heading>
      <QueryStatus
        query={readyCases}
        loading="Uitstroomgerede casussen laden…"
        failure="De uitstroomgerede casussen konden niet worden geladen."
      />
      {cases && cases.length === 0 && <Paragraph>{noReadyCasesToSchedule[me.seat]}</Paragraph>}
      {cases && cases.length > 0 && (
        <ScheduleCaseForm
          {...props}
          cases={cases}
          total={readyCases.data?.total ?? 0}
          readAgain={() => void readyCases.refetch()}
        />
      )}
    </section>
  );
}

function ScheduleCaseForm({
  cases,
  total,
  table,
  reload,
  onScheduled,
  onStale,
  readAgain,
}: ScheduleProps & {
  cases: CaseListItem[];
  total: number;
  /** Reads the ready cases again (a stale case left the list, or changed). */
  readAgain(): void;
}) {
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const step = useTableStep(table, reload);

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
    setError(null);
    try {
      // The ready cases are read again with the table (the case is no longer ready).
      await step.mutateAsync({ kind: 'schedule', caseId: chosen.id });
      setChoice('');
      onScheduled(chosen.name ?? chosen.pseudonym);
    } catch (e) {
      if (isVersionConflict(e)) {
        onStale();
        readAgain();
      } else setError(messageOf(e, 'De casus kon niet op de agenda worden gezet.'));
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
        <Button type="submit" appearance="secondary-action-button" disabled={step.isPending}>
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

import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Heading, Paragraph, SelectOption } from '@utrecht/component-library-react';
import { SelectField } from '../core/form';
import { messageOf } from '../core/messages';
import { failureMessage } from '../core/query/failure-wording';
import { queryKeys } from '../core/query/query-keys';
import { takesOverCases } from '../core/seats';
import { fetchColleagues, handOverCase, type Colleague, type ProjectedCase } from './case-api';
import { useCaseWrite } from './case-queries';

/** Handing the case to a colleague of the own organisation who takes over cases. */
export function CaseHandover({
  view,
  onDone,
}: {
  view: ProjectedCase;
  onDone(view: ProjectedCase, to: Colleague): void;
}) {
  const [choice, setChoice] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const handOver = useCaseWrite((to: Colleague) =>
    handOverCase(view.id!, view.version!, to.userId),
  );
  const colleaguesQuery = useQuery({ queryKey: queryKeys.colleagues, queryFn: fetchColleagues });
  const colleagues = colleaguesQuery.data ?? null;
  const failure =
    refusal ??
    (handOver.isError ? messageOf(handOver.error) : null) ??
    (colleaguesQuery.isError
      ? failureMessage(colleaguesQuery.error, {
          failure: 'De collega’s konden niet worden geladen.',
        })
      : null);
  const others = (colleagues ?? []).filter(
    (c) => c.userId !== view.owner?.userId && takesOverCases[c.seat],
  );
  const submit = () => {
    const to = others.find((c) => c.userId === choice);
    setRefusal(to ? null : 'Kies een collega.');
    if (!to) return;
    handOver.mutate(to, {
      onSuccess: (next) => {
        onDone(next, to);
        setChoice('');
      },
    });
  };
  if (!colleagues && !failure) return null;
  return (
    <section className="case-handover" aria-labelledby="overdragen-kop">
      <Heading level={2} id="overdragen-kop" className="case-handover__title">
        Overdragen
      </Heading>
      {colleagues && others.length === 0 ? (
        <Paragraph>
          Er is geen andere casemanager in uw organisatie om de casus aan over te dragen.
        </Paragraph>
      ) : (
        <form
          className="case-handover__form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <SelectField
            label="Overdragen aan"
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            error={failure ?? undefined}
          >
            <SelectOption value="">Kies een collega</SelectOption>
            {others.map((c) => (
              <SelectOption key={c.userId} value={c.userId}>
                {c.displayName}
              </SelectOption>
            ))}
          </SelectField>
          <Button type="submit" appearance="secondary-action-button" disabled={handOver.isPending}>
            Overdragen
          </Button>
        </form>
      )}
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import {
  caseDecisionSchema,
  dutchToday,
  formatDutchDate,
  decisionRuleLabel,
  isPreconditionOverdue,
  lifeDomainLabel,
  type CaseDecision as Decision,
} from '@uitstroom/shared';
import { apiClient, request } from '../core/api';
import { FailureAlert } from '../core/FailureAlert';
import { QueryStatus, failureOf } from '../core/query/QueryState';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import { useCaseDecisionQuery } from './case-queries';

/** "Gereed melden" of one precondition; its answer is the decision as it now stands. */
function useMarkDone(caseId: string) {
  return useMutation({
    mutationFn: (preconditionId: string) =>
      request(
        apiClient.POST('/api/cases/{caseId}/preconditions/{preconditionId}/done', {
          params: { path: { caseId, preconditionId } },
          body: {},
        }),
        { schema: caseDecisionSchema },
      ),
    // A precondition done is a task gone: the task list is read again before the case says
    // "gereed", so "Mijn taken" never shows it after that (also when no page watches the list).
    onSuccess: async (next) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tasks, refetchType: 'all' });
      queryClient.setQueryData(queryKeys.caseDecision(caseId), next);
    },
  });
}

/**
 * The table's decision on the case, with the preconditions (randvoorwaarden), their owners and due
 * dates; an overdue one is flagged. Shown once the case has been decided; nothing before.
 */
export function CaseDecision({
  caseId,
  nameOf,
}: {
  caseId: string;
  nameOf: (code: string | null | undefined) => string;
}) {
  const decisionQuery = useCaseDecisionQuery(caseId);
  const decision = decisionQuery.data;
  if (!decision)
    return <QueryStatus query={decisionQuery} failure="Het besluit kon niet worden geladen." />;
  return (
    <section className="case-card case-decision" aria-labelledby="besluit-titel">
      <Heading level={2} id="besluit-titel">
        Besluit van de tafel
      </Heading>
      <Paragraph>
        <RouterLink to={`/tafels/${decision.table.id}`} className="utrecht-link">
          {decision.table.title}
        </RouterLink>
        , {formatDutchDate(decision.table.startsAt)}
        {decision.isDisputed && <strong> · geschil voor de stuurgroep</strong>}
      </Paragraph>
      <dl className="facts">
        <dt>Regel</dt>
        <dd>{decisionRuleLabel[decision.rule]}</dd>
        <dt>Bestemming</dt>
        <dd>
          {decision.destination ? nameOf(decision.destination) : 'Verwezen naar de herkomstregio'}
          {decision.departsFromProposal ? ' (wijkt af van het voorstel)' : ''}
        </dd>
        {decision.motivation && (
          <>
            <dt>Motivering</dt>
            <dd>{decision.motivation}</dd>
          </>
        )}
        <dt>Nazorg</dt>
        <dd>{decision.followUpProvider ?? '—'}</dd>
      </dl>
      <Heading level={3}>Randvoorwaarden</Heading>
      <Preconditions caseId={caseId} preconditions={decision.preconditions} />
    </section>
  );
}

function Preconditions({
  caseId,
  preconditions,
}: {
  caseId: string;
  preconditions: Decision['preconditions'];
}) {
  const markDone = useMarkDone(caseId);
  if (preconditions.length === 0) return <Paragraph>Geen randvoorwaarden afgesproken.</Paragraph>;
  // The same day as the agenda's: in Amsterdam, whatever the browser's zone.
  const today = dutchToday();
  return (
    <>
      <ul className="case-decision__preconditions">
        {preconditions.map((p) => {
          const isOverdue = isPreconditionOverdue(p.dueDate, p.isDone, today);
          return (
            <li key={p.id} className={isOverdue ? 'is-overdue' : undefined}>
              <strong>{lifeDomainLabel[p.lifeDomain]}:</strong> {p.description} — {p.ownerName},
              uiterlijk {formatDutchDate(p.dueDate)}
              {p.isDone ? ' (gereed)' : isOverdue ? ' — te laat' : ''}
              {p.mayComplete && (
                <>
                  {' '}
                  <Button
                    appearance="secondary-action-button"
                    className="case-decision__done"
                    onClick={() => markDone.mutate(p.id)}
                    aria-label={`${lifeDomainLabel[p.lifeDomain]}: ${p.description} gereed melden`}
                  >
                    Gereed melden
                  </Button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {markDone.isError && (
        <FailureAlert
          failure={failureOf(markDone.error, 'Gereed melden is niet gelukt. Probeer het opnieuw.')}
        />
      )}
    </>
  );
}

import { useRef, useState } from 'react';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import type { RuleSet } from '@uitstroom/shared';
import { useMe } from '../core/session';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import { failureOf, QueryState } from '../core/query/QueryState';
import { RuleSetForm } from './RuleSetForm';
import { RuleSetHistory } from './RuleSetHistory';
import { formatSavedAt } from './rule-set-form';
import { useRuleSet, useRuleSetHistory } from './rule-set-api';
import './rule-set.css';

/** Regio-instellingen: the region's rule set for its regionAdmin, with every earlier version. */
export function RuleSetPage() {
  const me = useMe();
  const current = useRuleSet();
  const history = useRuleSetHistory();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // The save has set the new version as the current one and made the history read again.
  const onSaved = (ruleSet: RuleSet) => {
    setNotice(`Versie ${ruleSet.version} is opgeslagen en geldt vanaf nu.`);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  const onLoadNewest = () => {
    setNotice(null);
    void queryClient.invalidateQueries({ queryKey: queryKeys.ruleSet });
  };

  return (
    <div className="rule-set-page">
      <Heading level={1}>Regio-instellingen</Heading>
      <Paragraph className="rule-set-page__lead">
        De instellingen van regio {me.region.name}: gemeenten en inwoneraantallen, doelgroepen, de
        akkoordperiode en de signalen. Elke wijziging wordt een nieuwe versie; eerdere versies
        blijven leesbaar, en een besluit legt vast onder welke versie het viel.
      </Paragraph>

      {notice && (
        <Alert type="ok" role="status" ref={noticeRef} tabIndex={-1} className="rule-set-alert">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}

      <QueryState
        query={current}
        loading="Instellingen laden…"
        failure="De instellingen konden niet worden geladen."
        retry="Opnieuw proberen"
      >
        {(ruleSet) => (
          <>
            {ruleSet ? (
              <Paragraph className="rule-set-page__version">
                Het formulier toont <strong>versie {ruleSet.version}</strong>, opgeslagen op{' '}
                {formatSavedAt(ruleSet.createdAt)} door{' '}
                {ruleSet.createdBy?.displayName ?? 'het systeem (eerste inrichting)'}.
              </Paragraph>
            ) : (
              <Alert type="info" className="rule-set-alert">
                <Heading level={2}>Nog geen instellingen</Heading>
                <Paragraph>
                  Deze regio heeft nog geen instellingen. Vul hieronder de gemeenten met hun
                  inwoneraantal en de akkoordperiode in, en sla ze op als versie 1. Tot dan kan de
                  verdeling naar inwoneraantal niet rekenen.
                </Paragraph>
              </Alert>
            )}
            <RuleSetForm
              key={ruleSet?.version ?? 0}
              base={ruleSet}
              onSaved={onSaved}
              onConflict={() => void history.refetch()}
              onLoadNewest={onLoadNewest}
            />
          </>
        )}
      </QueryState>

      <RuleSetHistory
        history={history.data ?? null}
        failure={history.isError ? failureOf(history.error, 'probeer het later opnieuw.') : null}
        onRetry={() => void history.refetch()}
      />
    </div>
  );
}

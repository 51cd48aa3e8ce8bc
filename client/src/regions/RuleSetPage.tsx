import { useRef, useState } from 'react';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import type { RuleSet, RuleSetDraft } from '@uitstroom/shared';
import { useMe } from '../core/session';
import { queryClient } from '../core/query/query-client';
import { queryKeys } from '../core/query/query-keys';
import { failureOf, QueryState } from '../core/query/QueryState';
import { RuleSetForm } from './RuleSetForm';
import { RuleSetDraftPanel } from './RuleSetDraftPanel';
import { RuleSetHistory } from './RuleSetHistory';
import { formatSavedAt } from './rule-set-form';
import { useRuleSet, useRuleSetDraft, useRuleSetHistory } from './rule-set-api';
import './rule-set.css';

/** Regio-instellingen: the region's rule set for its regionAdmin, its draft, and every earlier version. */
export function RuleSetPage() {
  const me = useMe();
  const current = useRuleSet();
  const draft = useRuleSetDraft();
  const history = useRuleSetHistory();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const announce = (text: string) => {
    setNotice(text);
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
        akkoordperiode, de minimale binding en de signalen. Elke wijziging wordt een nieuwe versie;
        eerdere versies blijven leesbaar, en een besluit legt vast onder welke versie het viel.
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
        {(ruleSet) =>
          // The form starts from the draft when there is one: wait for it, so typing is never reset.
          draft.isPending ? (
            <Paragraph role="status">Concept laden…</Paragraph>
          ) : (
            <RuleSetWorkspace
              ruleSet={ruleSet}
              draft={draft.data?.draft ?? null}
              // The save has set the new version as the current one and made the history read again.
              onSaved={(saved) =>
                announce(`Versie ${saved.version} is opgeslagen en geldt vanaf nu.`)
              }
              onDraftSaved={() =>
                announce('Het concept is opgeslagen. Het geldt pas als het is gepubliceerd.')
              }
              onPublished={(published) =>
                announce(`Versie ${published.version} is gepubliceerd en geldt vanaf nu.`)
              }
              onConflict={() => void history.refetch()}
              onLoadNewest={onLoadNewest}
            />
          )
        }
      </QueryState>

      <RuleSetHistory
        history={history.data ?? null}
        failure={history.isError ? failureOf(history.error, 'probeer het later opnieuw.') : null}
        onRetry={() => void history.refetch()}
      />
    </div>
  );
}

/** The current version, the draft beside it with what it changes, and the form. */
function RuleSetWorkspace({
  ruleSet,
  draft,
  onSaved,
  onDraftSaved,
  onPublished,
  onConflict,
  onLoadNewest,
}: {
  ruleSet: RuleSet | null;
  draft: RuleSetDraft | null;
  onSaved(ruleSet: RuleSet): void;
  onDraftSaved(): void;
  onPublished(ruleSet: RuleSet): void;
  onConflict(): void;
  onLoadNewest(): void;
}) {
  return (
    <>
      {ruleSet ? (
        <Paragraph className="rule-set-page__version">
          <strong>Versie {ruleSet.version}</strong> geldt nu, opgeslagen op{' '}
          {formatSavedAt(ruleSet.createdAt)} door{' '}
          {ruleSet.createdBy?.displayName ?? 'het systeem (eerste inrichting)'}.{' '}
          {draft && !draft.isOutdated
            ? 'Het formulier toont het concept.'
            : `Het formulier toont versie ${ruleSet.version}.`}
        </Paragraph>
      ) : (
        <Alert type="info" className="rule-set-alert">
          <Heading level={2}>Nog geen instellingen</Heading>
          <Paragraph>
            Deze regio heeft nog geen instellingen. Vul hieronder de gemeenten met hun inwoneraantal
            en de akkoordperiode in, en sla ze op als versie 1. Tot dan kan de verdeling naar
            inwoneraantal niet rekenen.
          </Paragraph>
        </Alert>
      )}
      {draft && <RuleSetDraftPanel current={ruleSet} draft={draft} onPublished={onPublished} />}
      <RuleSetForm
        key={`${ruleSet?.version ?? 0}-${draft?.revision ?? 0}`}
        base={ruleSet}
        draft={draft}
        onSaved={onSaved}
        onDraftSaved={onDraftSaved}
        onConflict={onConflict}
        onLoadNewest={onLoadNewest}
      />
    </>
  );
}

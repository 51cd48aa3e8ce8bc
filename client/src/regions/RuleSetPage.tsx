import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import {
  ruleSetHistorySchema,
  ruleSetSchema,
  type RuleSet,
  type RuleSetHistory as History,
} from '@uitstroom/shared';
import { apiClient, ApiError, request } from '../core/api';
import { useMe } from '../auth/session';
import { RuleSetForm } from './RuleSetForm';
import { RuleSetHistory } from './RuleSetHistory';
import { formatSavedAt } from './rule-set-form';
import './rule-set.css';

type Current =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; ruleSet: RuleSet | null };

const failureMessage = (error: unknown, fallback: string) =>
  error instanceof ApiError ? error.message : fallback;

/** Regio-instellingen: the region's rule set for its regionAdmin, with every earlier version. */
export function RuleSetPage() {
  const me = useMe();
  const [current, setCurrent] = useState<Current>({ status: 'loading' });
  const [history, setHistory] = useState<History | null>(null);
  const [historyFailure, setHistoryFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const loadCurrent = useCallback(async () => {
    setCurrent({ status: 'loading' });
    try {
      setCurrent({
        status: 'ready',
        ruleSet: await request(apiClient.GET('/api/region/rule-set'), { schema: ruleSetSchema }),
      });
    } catch (error) {
      // No version yet is not a failure: the form starts from the product's defaults.
      if (error instanceof ApiError && error.code === 'NOT_FOUND')
        setCurrent({ status: 'ready', ruleSet: null });
      else
        setCurrent({
          status: 'failed',
          message: failureMessage(error, 'De instellingen konden niet worden geladen.'),
        });
    }
  }, []);

  const loadHistory = useCallback(async () => {
    setHistoryFailure(null);
    try {
      setHistory(
        await request(apiClient.GET('/api/region/rule-set/versions'), {
          schema: ruleSetHistorySchema,
        }),
      );
    } catch (error) {
      setHistoryFailure(failureMessage(error, 'probeer het later opnieuw.'));
    }
  }, []);

  useEffect(() => {
    void loadCurrent();
    void loadHistory();
  }, [loadCurrent, loadHistory]);

  const onSaved = (ruleSet: RuleSet) => {
    setCurrent({ status: 'ready', ruleSet });
    setNotice(`Versie ${ruleSet.version} is opgeslagen en geldt vanaf nu.`);
    void loadHistory();
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  const onLoadNewest = () => {
    setNotice(null);
    void loadCurrent();
    void loadHistory();
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

      {current.status === 'loading' && <Paragraph role="status">Instellingen laden…</Paragraph>}
      {current.status === 'failed' && (
        <Alert type="error" role="alert" className="rule-set-alert">
          <Paragraph>{current.message}</Paragraph>
          <Paragraph>
            <Button
              appearance="secondary-action-button"
              type="button"
              onClick={() => void loadCurrent()}
            >
              Opnieuw proberen
            </Button>
          </Paragraph>
        </Alert>
      )}
      {current.status === 'ready' && (
        <>
          {current.ruleSet ? (
            <Paragraph className="rule-set-page__version">
              Het formulier toont <strong>versie {current.ruleSet.version}</strong>, opgeslagen op{' '}
              {formatSavedAt(current.ruleSet.createdAt)} door{' '}
              {current.ruleSet.createdBy?.displayName ?? 'het systeem (eerste inrichting)'}.
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
            key={current.ruleSet?.version ?? 0}
            base={current.ruleSet}
            onSaved={onSaved}
            onConflict={() => void loadHistory()}
            onLoadNewest={onLoadNewest}
          />
        </>
      )}

      <RuleSetHistory
        history={history}
        failure={historyFailure}
        onRetry={() => void loadHistory()}
      />
    </div>
  );
}

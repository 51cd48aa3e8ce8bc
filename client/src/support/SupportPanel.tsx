import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { ApiError } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { QueryState } from '../core/query/QueryState';
import { fetchSupport, type ProjectedSupport } from './support-api';
import type { FormProps } from './support-form';
import { CloseForm } from './CloseForm';
import { StartSupportForm } from './StartSupportForm';
import { Part } from './SupportPart';
import { Contacts, Goals, Intensity, Respite, Signals, SupportFacts } from './SupportLog';
import { Checks, Plan } from './SupportPlan';
import './support.css';

interface PanelProps {
  caseId: string;
  caseVersion: number;
  /** Starting and closing move the case: the page reads it again and says what happened. */
  onCaseChanged(notice: string): void;
}

/**
 * "Nazorg" on the case page (issue 13): follow-up support after the move, as the reader's seat may
 * see it. The server decides what the seat reads (a part it may not read is absent) and what it
 * may do (`can`); this panel shows exactly that. The follow-up provider keeps the log; the case
 * manager reads it all and may close; the municipality reads the intensity, the goals, the signals
 * by kind and agrees the plan.
 */
export function SupportPanel(props: PanelProps) {
  // Read again whenever the case changes, here or by another seat (the case page invalidates it).
  const supportQuery = useQuery({
    queryKey: queryKeys.caseSupport(props.caseId),
    queryFn: ({ signal }) => fetchSupport(props.caseId, signal),
  });
  const error = supportQuery.error;
  // A seat without follow-up support in its work (corporation, chair) sees no panel at all.
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
  return (
    <section className="case-card support" aria-labelledby="nazorg-kop">
      <Heading level={2} id="nazorg-kop">
        Nazorg
      </Heading>
      <QueryState
        query={supportQuery}
        loading="Nazorg laden…"
        failure="De nazorg kon niet worden geladen."
      >
        {(support) => <SupportBody {...props} support={support} />}
      </QueryState>
    </section>
  );
}

const cannot = { start: false, write: false, agreePlan: false, close: false, answerChecks: false };

/** The notice of the last save, and the support as far as it has come: not started, or its log. */
function SupportBody({
  support,
  onCaseChanged,
  ...props
}: PanelProps & { support: ProjectedSupport }) {
  const [notice, setNotice] = useState<string | null>(null);
  // Each write has set the new support log in the cache already (useSupportWrite).
  const saved: FormProps['onSaved'] = (_next, message) => setNotice(message);
  const movedCase: FormProps['onSaved'] = (_next, message) => {
    setNotice(null);
    onCaseChanged(message);
  };
  return (
    <>
      <div role="status" className="support-notice">
        {notice && (
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      {support.isStarted ? (
        <SupportLog {...props} support={support} onSaved={saved} onCaseMoved={movedCase} />
      ) : (
        <NotStarted {...props} support={support} onSaved={movedCase} />
      )}
    </>
  );
}

function NotStarted({
  caseId,
  caseVersion,
  support,
  onSaved,
}: Omit<PanelProps, 'onCaseChanged'> & FormProps & { support: ProjectedSupport }) {
  if (!(support.can ?? cannot).start)
    return (
      <Paragraph>
        De bewoner is verhuisd. De nazorg is nog niet gestart: dat doet de nazorgaanbieder uit het
        besluit.
      </Paragraph>
    );
  return (
    <StartSupportForm
      caseId={caseId}
      caseVersion={caseVersion}
      recordedMove={support.recordedMove ?? null}
      onSaved={onSaved}
    />
  );
}

/** The parts of a started support log that the seat may read, each with what it may do there. */
function SupportLog({
  caseId,
  caseVersion,
  support,
  onSaved,
  onCaseMoved,
}: Omit<PanelProps, 'onCaseChanged'> &
  FormProps & { support: ProjectedSupport; onCaseMoved: FormProps['onSaved'] }) {
  const can = support.can ?? cannot;
  const part = { support, caseId, canWrite: can.write, onSaved };
  return (
    <>
      <SupportFacts support={support} />
      <Intensity {...part} />
      <Goals {...part} />
      {support.contacts !== undefined && <Contacts {...part} />}
      {support.respite !== undefined && <Respite {...part} />}
      {support.signals !== undefined && <Signals {...part} />}
      {support.plan !== undefined && <Plan {...part} canAgree={can.agreePlan} />}
      {support.checks !== undefined && <Checks {...part} canAnswer={can.answerChecks} />}
      {can.close && (
        <Part id="nazorg-afsluiten" title="Afsluiten">
          <CloseForm
            caseId={caseId}
            caseVersion={caseVersion}
            startedOn={support.startedOn ?? null}
            signals={support.signals}
            openPreconditions={support.openPreconditions}
            onSaved={onCaseMoved}
          />
        </Part>
      )}
    </>
  );
}

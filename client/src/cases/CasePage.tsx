import { useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import { FailureAlert } from '../core/FailureAlert';
import { QueryState } from '../core/query/QueryState';
import { failureMessage, type FailureWording } from '../core/query/failure-wording';
import { useCaseQuery } from './case-queries';
import { CaseView } from './CaseView';
import { useLiveCaseView } from './use-live-case-view';
import '../core/layout.css';

const caseFailure: FailureWording = {
  failure: 'De casus kon niet worden geladen.',
  notFound: 'Deze casus bestaat niet of valt buiten uw bereik.',
};

/**
 * `/casussen/:caseId`: the case as the seat may see it, kept up to date while it is open. The
 * engine's proposal stands beside the resident's wishes; while the case manager edits the
 * exceptions it is recomputed in the browser with the shared engine.
 */
export function CasePage() {
  const { caseId } = useParams();
  const location = useLocation();
  const caseQuery = useCaseQuery(caseId);
  const { isGone, liveNote } = useLiveCaseView(caseId, caseQuery.data);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  // A case that left the reader's scope, or a read that failed (also a read again after a change):
  // the page gives way to the message, never to a stale case.
  if (isGone || caseQuery.isError)
    return (
      <CaseUnavailable
        failure={
          isGone
            ? 'Deze casus valt niet meer binnen uw bereik.'
            : failureMessage(caseQuery.error, caseFailure)
        }
      />
    );
  return (
    <QueryState query={caseQuery} loading="Casus laden…" {...caseFailure}>
      {(view) => <CaseView view={view} notice={notice} setNotice={setNotice} liveNote={liveNote} />}
    </QueryState>
  );
}

function CaseUnavailable({ failure }: { failure: string }) {
  return (
    <>
      <Heading level={1}>Casus</Heading>
      <FailureAlert failure={failure} />
      <Paragraph>
        <RouterLink className="utrecht-link" to="/casussen">
          Terug naar Mijn casussen
        </RouterLink>
      </Paragraph>
    </>
  );
}

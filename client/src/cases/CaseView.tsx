import { Link as RouterLink } from 'react-router';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { fieldId } from '../core/fields';
import { useRegionMunicipalities } from '../core/region';
import { useCan, useMe } from '../core/session';
import { PresenceNote } from '../live';
import type { ProjectedCase } from './case-api';
import { casePanelsOf } from './case-page-parts';
import { invalidateCase, setCaseView } from './case-queries';
import { CaseFileSections } from './CaseFileSections';
import { CaseHeader } from './CaseHeader';
import { CaseTransitions } from './CaseTransitions';
import { CaseWishes } from './CaseWishes';
import { CaseWorkPanels } from './CaseWorkPanels';
import type { IntakeStepSlug } from './intake-form';
import { CaseDocuments } from './privacy/CaseDocuments';
import { ConsentPanel } from './privacy/ConsentPanel';

interface CaseViewProps {
  view: ProjectedCase;
  notice: string | null;
  setNotice(notice: string | null): void;
  /** Who changed the case while it was open here. */
  liveNote: string | null;
}

/**
 * The case as the seat may see it, section by section. A field the seat does not see is absent from
 * the view and renders nothing; what the seat may do comes from its grants and the case's
 * `allowedTransitions` (`casePanelsOf`).
 */
export function CaseView({ view, notice, setNotice, liveNote }: CaseViewProps) {
  const can = useCan();
  const me = useMe();
  const region = useRegionMunicipalities();
  const panels = casePanelsOf(view, can, me.organisation.id);
  const caseId = view.id!;
  const onChange = (next: ProjectedCase) => setCaseView(caseId, next);
  const onStep = (next: ProjectedCase, message: string) => {
    onChange(next);
    setNotice(message);
  };
  // After a step elsewhere on the page (an offer, a move): the case itself is read again; what it
  // still misses, and its warnings, come from the server.
  const onCaseChanged = (message: string) => {
    setNotice(message);
    void invalidateCase(caseId);
  };
  const editLink = (step: IntakeStepSlug, path?: string) =>
    `/casussen/${caseId}/intake?stap=${step}${path ? `#${fieldId(path)}` : ''}`;

  return (
    <div className="case-page">
      <Paragraph className="case-breadcrumb">
        <RouterLink className="utrecht-link" to="/casussen">
          Mijn casussen
        </RouterLink>
      </Paragraph>
      <CaseHeader view={view} panels={panels} onChange={onStep} />
      <PresenceNote room={{ kind: 'case', id: caseId }} />
      <CaseNotices notice={notice} liveNote={liveNote} regionFailure={region.loadError} />
      <CaseTransitions view={view} onChange={onStep} editLink={editLink} />
      <CaseWishes
        view={view}
        region={region}
        editWishes={panels.edit ? editLink('wensen') : undefined}
        canEdit={panels.edit}
        onChange={onChange}
        setNotice={setNotice}
      />
      <CaseWorkPanels view={view} panels={panels} region={region} onCaseChanged={onCaseChanged} />
      <CaseFileSections view={view} region={region} editLink={panels.edit ? editLink : undefined} />
      {panels.ownCase && (
        <ConsentPanel
          caseId={caseId}
          ownOrganisationId={view.owner!.organisationId}
          canRecord={panels.recordOnOwnCase}
        />
      )}
      <CaseDocuments caseId={caseId} canUpload={panels.recordOnOwnCase} />
    </div>
  );
}

/** What just happened: the page's own step, another seat's change, a region that did not load. */
function CaseNotices({
  notice,
  liveNote,
  regionFailure,
}: {
  notice: string | null;
  liveNote: string | null;
  regionFailure: string | null;
}) {
  return (
    <>
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <div role="status" className="case-live-note">
        {liveNote && (
          <Alert type="info">
            <Paragraph>{liveNote}</Paragraph>
          </Alert>
        )}
      </div>
      {regionFailure && (
        <Alert type="warning">
          <Paragraph>{regionFailure}</Paragraph>
        </Alert>
      )}
    </>
  );
}

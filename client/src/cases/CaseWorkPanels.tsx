import { CaseDwellingFits } from '../dwellings';
import { CasePlacement, OfferThisDwelling } from '../placements';
import type { RegionMunicipalities } from '../core/region';
import { SupportPanel } from '../support';
import type { ProjectedCase } from './case-api';
import type { CasePanels } from './case-page-parts';
import { CaseDecision } from './CaseDecision';

/**
 * The work on the case after the intake, per seat and state (`casePanelsOf`): the table's decision,
 * the offer, the placement and the move, follow-up support, and a corporation's fitting dwellings.
 * A step taken in one of them reads the case again (`onCaseChanged`).
 */
export function CaseWorkPanels({
  view,
  panels,
  region,
  onCaseChanged,
}: {
  view: ProjectedCase;
  panels: CasePanels;
  region: RegionMunicipalities;
  onCaseChanged(notice: string): void;
}) {
  const caseId = view.id!;
  return (
    <>
      {panels.decision && <CaseDecision key={view.state} caseId={caseId} nameOf={region.nameOf} />}
      {panels.placement && (
        <CasePlacement caseId={caseId} region={region} onCaseChanged={onCaseChanged} />
      )}
      {panels.support && (
        <SupportPanel caseId={caseId} caseVersion={view.version!} onCaseChanged={onCaseChanged} />
      )}
      {panels.dwellingFits && (
        <CaseDwellingFits
          caseId={caseId}
          region={region}
          renderAction={(dwelling) => (
            <OfferThisDwelling
              caseId={caseId}
              caseVersion={view.version!}
              dwelling={dwelling}
              municipalityName={region.nameOf(dwelling.municipalityCode)}
              onOffered={() =>
                onCaseChanged(
                  'De woning is aangeboden. De casemanager legt het antwoord van de bewoner vast.',
                )
              }
            />
          )}
        />
      )}
    </>
  );
}

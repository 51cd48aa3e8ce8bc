import { Link as RouterLink } from 'react-router';
import type { CaseState } from '@uitstroom/shared';
import './consent-panel.css';

/** Before these states the table has not decided: there is no letter yet. */
const undecided: readonly CaseState[] = ['intake', 'ready', 'scheduled'];

/** For the owning case manager: who looked at the file, the resident's inzage, and the decision letter. */
export function CasePrivacyLinks({
  caseId,
  state,
}: {
  caseId: string;
  state: CaseState | undefined;
}) {
  const path = `/casussen/${encodeURIComponent(caseId)}`;
  return (
    <nav aria-label="Dossier en privacy">
      <ul className="case-privacy-links">
        <li>
          <RouterLink className="utrecht-link" to={`${path}/logboek`}>
            Logboek: wie heeft dit dossier bekeken
          </RouterLink>
        </li>
        <li>
          <RouterLink className="utrecht-link" to={`${path}/inzage`}>
            Inzage voor de bewoner (AVG)
          </RouterLink>
        </li>
        {state && !undecided.includes(state) && (
          <li>
            <RouterLink className="utrecht-link" to={`${path}/brief`}>
              Besluitbrief
            </RouterLink>
          </li>
        )}
      </ul>
    </nav>
  );
}

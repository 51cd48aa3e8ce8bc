import { Link as RouterLink } from 'react-router';
import {
  Button,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { caseStateLabel } from '@uitstroom/shared';
import { StepRefusal } from '../core/ConfirmDialog';
import { fieldId } from '../core/fields';
import { consentMissingMessage, fetchCase, transitionCase, type ProjectedCase } from './case-api';
import { useCaseWrite } from './case-queries';
import { StepFailure } from './CaseTransitions';
import { stepOfPath, stepTitle } from './intake-form';

/**
 * Uitstroomgereed from the intake: everything saved first (every field the shared schemas refuse
 * gets its message, also on steps not visited), then the step on the version just saved.
 */
function useMarkReady(
  caseId: string | undefined,
  saveNow: () => Promise<boolean>,
  checkAll: () => Promise<boolean>,
) {
  return useCaseWrite(async () => {
    if (!(await saveNow())) {
      await checkAll();
      throw new StepRefusal(
        'Eerst moet alles zijn opgeslagen. Verbeter de velden bij de stappen die “niet opgeslagen” tonen, of wacht tot de verbinding terug is.',
      );
    }
    // The version after the last save: saveNow has just brought the view up to date.
    const latest = await fetchCase(caseId!);
    return transitionCase(caseId!, { transition: 'markReady', version: latest.version! });
  });
}

/** The last step of the intake: what is still missing, and uitstroomgereed once the server allows it. */
export function IntakeReviewStep({
  view,
  saveNow,
  checkAll,
  onReady,
}: {
  view: ProjectedCase | null;
  saveNow: () => Promise<boolean>;
  checkAll: () => Promise<boolean>;
  onReady: (view: ProjectedCase) => void;
}) {
  const ready = useMarkReady(view?.id, saveNow, checkAll);
  if (!view?.id) {
    return (
      <Paragraph>
        Vul eerst voornaam, achternaam en doelgroep in bij de stap Bewoner; dan wordt de aanmelding
        aangemaakt.
      </Paragraph>
    );
  }
  const missing = view.missingForReady ?? [];
  const canMarkReady = view.allowedTransitions?.includes('markReady') ?? false;
  return (
    <>
      {view.state !== 'intake' && view.state && (
        <Paragraph>
          Deze bewoner is al verder dan de aanmelding: {caseStateLabel[view.state]}.
        </Paragraph>
      )}
      {view.state === 'intake' && <MissingForReady caseId={view.id} missing={missing} />}
      <StepFailure
        error={ready.error}
        conflict="Iemand anders heeft de casus net gewijzigd. Laad de pagina opnieuw en controleer de gegevens."
      />
      {canMarkReady && missing.length === 0 && (
        <>
          <Paragraph>
            Als de bewoner uitstroomgereed is, kan de casus op de agenda van een tafel. Vanaf dan
            loopt de wachttijd.
          </Paragraph>
          <Button
            type="button"
            appearance="primary-action-button"
            onClick={() => ready.mutate(undefined, { onSuccess: onReady })}
            disabled={ready.isPending}
          >
            Markeer als uitstroomgereed
          </Button>
        </>
      )}
      <Paragraph>
        <RouterLink className="utrecht-link" to={`/casussen/${view.id}`}>
          Naar de casus met het voorstel van de herkomstregel
        </RouterLink>
      </Paragraph>
    </>
  );
}

function MissingForReady({
  caseId,
  missing,
}: {
  caseId: string;
  missing: NonNullable<ProjectedCase['missingForReady']>;
}) {
  return (
    <>
      <Heading level={3}>Wat ontbreekt nog</Heading>
      {missing.length === 0 ? (
        <Paragraph>Alles wat de tafel nodig heeft, is ingevuld.</Paragraph>
      ) : (
        <UnorderedList className="intake-missing">
          {missing.map((m) => (
            <UnorderedListItem key={`${m.path}-${m.message}`}>
              {m.path === 'consents' ? (
                // Consent is recorded on the case page, in its own panel.
                <>
                  <RouterLink className="utrecht-link" to={`/casussen/${caseId}#toestemming`}>
                    {consentMissingMessage}
                  </RouterLink>{' '}
                  <span className="intake-missing__step">(op de casuspagina)</span>
                </>
              ) : (
                <>
                  <RouterLink
                    className="utrecht-link"
                    to={`?stap=${stepOfPath(m.path)}#${fieldId(firstFieldOf(m.path))}`}
                  >
                    {m.message}
                  </RouterLink>{' '}
                  <span className="intake-missing__step">
                    (stap {stepTitle(stepOfPath(m.path))})
                  </span>
                </>
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </>
  );
}

/** A missing item's path names a section or a field; the link goes to its first field. */
function firstFieldOf(path: string): string {
  if (path === 'addresses') return 'isOriginUntraceable';
  if (path === 'wishes') return 'wishes.ownWords';
  return path;
}

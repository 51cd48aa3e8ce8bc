import type { RefObject } from 'react';
import { Alert, Button, Heading, Link, Paragraph } from '@utrecht/component-library-react';
import { fieldId, type FormProblem } from './rule-set-form';
import type { SaveConflict } from './rule-set-save';

/** Moves to a field named in the list of problems (a link alone scrolls, but leaves the focus behind). */
function focusField(path: string): void {
  const target =
    document.getElementById(fieldId(path)) ??
    document.getElementById(fieldId(path.split('.').slice(0, -1).join('.')));
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  const isFocusable = target instanceof HTMLInputElement || target.hasAttribute('tabindex');
  (isFocusable ? target : (target.querySelector<HTMLElement>('input') ?? target)).focus();
}

/** Not saved: someone else saved meanwhile. The input stays; the newest version can be loaded. */
export function ConflictAlert({
  conflict,
  alertRef,
  onLoadNewest,
}: {
  conflict: SaveConflict;
  alertRef: RefObject<HTMLDivElement | null>;
  onLoadNewest(): void;
}) {
  return (
    <Alert type="warning" role="alert" ref={alertRef} tabIndex={-1} className="rule-set-alert">
      <Heading level={3}>
        {conflict.isDraft
          ? 'Niet opgeslagen: het concept is intussen gewijzigd'
          : 'Niet opgeslagen: er is een nieuwere versie'}
      </Heading>
      <Paragraph>
        {conflict.isDraft
          ? 'Iemand anders heeft intussen het concept gewijzigd, gepubliceerd of weggegooid.'
          : `Iemand anders heeft intussen versie ${conflict.version} opgeslagen.`}{' '}
        Uw wijzigingen staan nog in het formulier, maar zijn niet opgeslagen. Laad de nieuwste
        versie en voer uw wijzigingen daarin opnieuw in; de versiegeschiedenis hieronder laat zien
        wat er veranderde.
      </Paragraph>
      <Paragraph>
        <Button appearance="primary-action-button" type="button" onClick={onLoadNewest}>
          Nieuwste versie laden
        </Button>
      </Paragraph>
    </Alert>
  );
}

/** "Controleer deze velden": every problem of the form, each a link that moves to its field. */
export function ProblemsSummary({
  problems,
  summaryRef,
}: {
  problems: readonly FormProblem[];
  summaryRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <Alert
      type="error"
      ref={summaryRef}
      tabIndex={-1}
      className="rule-set-alert"
      aria-labelledby="problemen-titel"
    >
      <Heading level={3} id="problemen-titel">
        Controleer {problems.length === 1 ? 'dit veld' : `deze ${problems.length} velden`}
      </Heading>
      <ul className="rule-set-problems">
        {problems.map((problem) => (
          <li key={problem.path}>
            <Link
              href={`#${fieldId(problem.path)}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(problem.path);
              }}
            >
              {problem.message}
            </Link>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { transitions } from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { ConfirmDialog, StepRefusal } from '../core/ConfirmDialog';
import { messageOf } from '../core/messages';
import { consentMissingMessage, transitionCase, type ProjectedCase } from './case-api';
import { useCaseWrite } from './case-queries';
import { CorrectStep } from './CorrectStep';
import { stepOfPath, type IntakeStepSlug } from './intake-form';
import { consentPanelId } from './privacy/ConsentPanel';
import { WithdrawDialog } from './WithdrawDialog';

type EditLink = (step: IntakeStepSlug, path?: string) => string;

/**
 * The case's next steps for this reader: exactly the ones the server lists in
 * `allowedTransitions` (uitstroomgereed, terugtrekken), and herstel when the server offers a
 * `correction`. Each asks for confirmation first.
 */
export function CaseTransitions({
  view,
  onChange,
  editLink,
}: {
  view: ProjectedCase;
  onChange(view: ProjectedCase, notice: string): void;
  editLink: EditLink;
}) {
  const allowed = view.allowedTransitions ?? [];
  const [dialog, setDialog] = useState<'markReady' | 'withdraw' | null>(null);
  const markReady = useCaseWrite(() =>
    transitionCase(view.id!, { transition: 'markReady', version: view.version! }),
  );
  const canMarkReady = allowed.includes('markReady');
  const canWithdraw = allowed.includes('withdraw');
  if (!canMarkReady && !canWithdraw && !view.correction) return null;
  const missing = view.missingForReady ?? [];
  const close = () => setDialog(null);

  return (
    <section className="case-actions" aria-labelledby="acties-kop">
      <Heading level={2} id="acties-kop" className="case-actions__title">
        Volgende stap
      </Heading>
      {canMarkReady && <MissingForReady missing={missing} editLink={editLink} />}
      <StepFailure error={markReady.error} />
      <ButtonGroup>
        {canMarkReady && missing.length === 0 && (
          <Button
            type="button"
            appearance="primary-action-button"
            onClick={() => setDialog('markReady')}
            disabled={markReady.isPending}
          >
            {transitions.markReady.label}
          </Button>
        )}
        {canWithdraw && (
          <Button
            type="button"
            appearance="secondary-action-button"
            onClick={() => setDialog('withdraw')}
          >
            {transitions.withdraw.label}
          </Button>
        )}
        <CorrectStep view={view} onDone={onChange} />
      </ButtonGroup>
      {dialog === 'markReady' && (
        <ConfirmDialog
          id="uitstroomgereed-bevestigen"
          title={transitions.markReady.label}
          consequence={transitions.markReady.consequence}
          confirmLabel="Uitstroomgereed"
          onClose={close}
          onConfirm={async () => {
            // A refusal shows above the buttons (StepFailure), with what the server still misses.
            await markReady.mutateAsync(undefined).then(
              (next) =>
                onChange(next, 'De bewoner is uitstroomgereed. De wachttijd loopt vanaf vandaag.'),
              () => undefined,
            );
            close();
          }}
        />
      )}
      {dialog === 'withdraw' && (
        <WithdrawDialog
          view={view}
          onClose={close}
          onDone={(next) => {
            close();
            onChange(next, 'De casus is afgesloten.');
          }}
        />
      )}
    </section>
  );
}

/** What the server still misses before the resident is ready, each linked to where it is filled in. */
function MissingForReady({
  missing,
  editLink,
}: {
  missing: NonNullable<ProjectedCase['missingForReady']>;
  editLink: EditLink;
}) {
  if (missing.length === 0) return null;
  return (
    <Alert type="info">
      <Paragraph>Nog nodig voordat de bewoner uitstroomgereed is:</Paragraph>
      <UnorderedList>
        {missing.map((m) => (
          <UnorderedListItem key={`${m.path}-${m.message}`}>
            {m.path === 'consents' ? (
              <RouterLink className="utrecht-link" to={{ hash: consentPanelId }}>
                {consentMissingMessage}
              </RouterLink>
            ) : (
              <RouterLink className="utrecht-link" to={editLink(stepOfPath(m.path))}>
                {m.message}
              </RouterLink>
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

/**
 * A refused step in the server's words (or the page's own, a `StepRefusal`), with the issues the
 * server names; a stale version says so.
 */
export function StepFailure({
  error,
  conflict = 'Iemand anders heeft de casus net gewijzigd. Laad de pagina opnieuw.',
}: {
  error: unknown;
  conflict?: string;
}) {
  if (!error) return null;
  const isConflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  const issues = error instanceof ApiError && !isConflict ? error.issues : [];
  return (
    <Alert type="error" role="alert">
      <Paragraph>
        {isConflict ? conflict : error instanceof StepRefusal ? error.message : messageOf(error)}
      </Paragraph>
      {issues.length > 0 && (
        <UnorderedList>
          {issues.map((i) => (
            <UnorderedListItem key={i.path + i.message}>{i.message}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}

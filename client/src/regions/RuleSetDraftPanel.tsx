import { useState } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { compareRuleSets, type RuleSet, type RuleSetDraft } from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { formatSavedAt } from './rule-set-form';
import { useDiscardRuleSetDraft, usePublishRuleSetDraft } from './rule-set-api';

/** The draft beside the current version: per changed setting what holds now and what would hold. */
function DraftComparison({ current, draft }: { current: RuleSet | null; draft: RuleSetDraft }) {
  if (!current) return <Paragraph>Dit concept wordt de eerste versie van de regio.</Paragraph>;
  const differences = compareRuleSets(current.config, draft.config);
  if (differences.length === 0)
    return <Paragraph>Het concept is gelijk aan de geldende versie.</Paragraph>;
  return (
    <Table className="rule-set-draft__table">
      <TableCaption>Wat verandert bij publiceren</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Instelling</TableHeaderCell>
          <TableHeaderCell scope="col">Geldt nu (versie {current.version})</TableHeaderCell>
          <TableHeaderCell scope="col">Concept</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {differences.map((difference, index) => (
          <TableRow key={`${difference.label}-${index}`}>
            <TableHeaderCell scope="row">{difference.label}</TableHeaderCell>
            <TableCell>{difference.before ?? '—'}</TableCell>
            <TableCell>{difference.after ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * The saved draft of the next version. It changes nothing until the regionAdmin publishes it;
 * publishing makes it the current version (who and when are recorded), or it can be thrown away.
 */
export function RuleSetDraftPanel({
  current,
  draft,
  onPublished,
}: {
  current: RuleSet | null;
  draft: RuleSetDraft;
  onPublished(ruleSet: RuleSet): void;
}) {
  const publish = usePublishRuleSetDraft();
  const discard = useDiscardRuleSetDraft();
  const [failure, setFailure] = useState<string | null>(null);
  const nextVersion = (current?.version ?? 0) + 1;
  const run = async (action: () => Promise<void>) => {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(
        error instanceof ApiError ? error.message : 'Dat is niet gelukt. Probeer het opnieuw.',
      );
    }
  };
  const busy = publish.isPending || discard.isPending;
  return (
    <section className="rule-set-draft" aria-labelledby="concept-kop">
      <Heading level={2} id="concept-kop">
        Concept voor versie {nextVersion}
      </Heading>
      <Paragraph className="rule-set-history__meta">
        Opgeslagen op {formatSavedAt(draft.savedAt)} door {draft.savedBy.displayName}. Het concept
        geldt nog niet: voorstellen en besluiten gebruiken versie {current?.version ?? '—'} tot het
        is gepubliceerd.
      </Paragraph>
      {draft.isOutdated && (
        <Alert type="warning" className="rule-set-alert">
          <Paragraph>
            Na dit concept is een nieuwere versie opgeslagen. Sla het concept opnieuw op vanuit het
            formulier voordat u het publiceert, zodat het die versie niet ongedaan maakt.
          </Paragraph>
        </Alert>
      )}
      <DraftComparison current={current} draft={draft} />
      {failure && (
        <Alert type="error" role="alert" className="rule-set-alert">
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      <ButtonGroup className="rule-set-actions">
        <Button
          type="button"
          appearance="primary-action-button"
          disabled={busy || draft.isOutdated}
          onClick={() =>
            void run(async () => onPublished(await publish.mutateAsync(draft.revision)))
          }
        >
          {publish.isPending ? 'Bezig met publiceren…' : `Publiceren als versie ${nextVersion}`}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          disabled={busy}
          onClick={() => void run(async () => void (await discard.mutateAsync()))}
        >
          Concept weggooien
        </Button>
      </ButtonGroup>
    </section>
  );
}

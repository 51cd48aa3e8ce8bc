import { useWatch, type UseFormReturn } from 'react-hook-form';
import { Link as RouterLink } from 'react-router';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { joinDutchList } from '@uitstroom/shared';
import { describeSection, formatTime, sectionTitle } from '../core/format';
import type { RegionMunicipalities } from '../core/region';
import {
  intakeSteps,
  stepOfPath,
  stepTitle,
  toSections,
  type IntakeSection,
  type IntakeStepSlug,
  type IntakeValues,
} from './intake-form';
import type { SaveStatus, SectionConflict } from './use-intake-autosave';

/** What the intake says about its saving: the status line, restored input, others' changes. */

export function SaveStatusLine({ status }: { status: SaveStatus }) {
  let text: string;
  switch (status.kind) {
    case 'new':
      text =
        'Nog niet opgeslagen: vul voornaam, achternaam en doelgroep in, dan wordt de aanmelding aangemaakt.';
      break;
    case 'saving':
      text = 'Bezig met opslaan…';
      break;
    case 'saved':
      text = status.at ? `Opgeslagen om ${formatTime(status.at)}` : 'Alles is opgeslagen.';
      break;
    case 'offline':
      text = 'Niet opgeslagen: geen verbinding — we proberen het opnieuw';
      break;
    case 'invalid':
      text = `Niet alles is opgeslagen: ${status.isMarked ? 'verbeter de gemarkeerde velden bij' : 'vul bij'} ${joinDutchList(status.steps.map(stepTitle))}${status.isMarked ? '' : ' de velden verder in'}.${status.at ? ` De rest is opgeslagen om ${formatTime(status.at)}.` : ''}`;
      break;
    case 'conflict':
      text =
        'Niet opgeslagen: iemand anders heeft deze casus intussen gewijzigd. Kies hieronder welke versie blijft.';
      break;
    case 'error':
      text = status.message;
      break;
  }
  return (
    <Paragraph
      role="status"
      aria-live="polite"
      className={`save-status save-status--${status.kind}`}
    >
      {text}
    </Paragraph>
  );
}

function stepsOfSection(section: IntakeSection): IntakeStepSlug[] {
  return intakeSteps
    .filter((s) => (s.sections as readonly IntakeSection[]).includes(section))
    .map((s) => s.slug);
}

/** Input from before a reload that had not been saved yet, put back; a new case may start over. */
export function RestoredNotice({
  restoredAt,
  onDiscard,
}: {
  restoredAt: string | null;
  /** Only for a case not created yet: its restored input can be thrown away. */
  onDiscard?: () => void;
}) {
  if (!restoredAt) return null;
  return (
    <Alert type="info" className="intake-restored">
      <Paragraph>
        Uw invoer van {formatTime(new Date(restoredAt))} die nog niet was opgeslagen, is teruggezet.
      </Paragraph>
      {onDiscard && (
        <Button type="button" appearance="secondary-action-button" onClick={onDiscard}>
          Opnieuw beginnen met een leeg formulier
        </Button>
      )}
    </Alert>
  );
}

/** Conflicts on other steps than this one: where to find them. */
export function ConflictsElsewhere({
  conflicts,
  step,
}: {
  conflicts: SectionConflict[];
  step: IntakeStepSlug;
}) {
  const elsewhere = conflicts.filter((c) => !stepsOfSection(c.section).includes(step));
  if (!elsewhere.length) return null;
  return <ConflictSummary conflicts={elsewhere} stepLink={(slug) => `?stap=${slug}`} />;
}

function ConflictSummary({
  conflicts,
  stepLink,
}: {
  conflicts: SectionConflict[];
  stepLink: (slug: IntakeStepSlug) => string;
}) {
  return (
    <Alert type="warning" className="intake-conflicts">
      <Heading level={2}>Ook elders intussen gewijzigd door een ander</Heading>
      <Paragraph>
        Uw invoer is bewaard. Bekijk bij deze onderdelen de andere versie en kies welke blijft:
      </Paragraph>
      <UnorderedList>
        {conflicts.map((c) => (
          <UnorderedListItem key={c.section}>
            <RouterLink className="utrecht-link" to={stepLink(stepOfPath(c.section))}>
              {sectionTitle[c.section]} (stap {stepTitle(stepOfPath(c.section))})
            </RouterLink>
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </Alert>
  );
}

export function ConflictPanel({
  conflict,
  form,
  region,
  onResolve,
}: {
  conflict: SectionConflict;
  form: UseFormReturn<IntakeValues>;
  region: RegionMunicipalities;
  onResolve: (section: IntakeSection, choice: 'mine' | 'theirs') => void;
}) {
  const values = useWatch({ control: form.control }) as IntakeValues;
  const mine = describeSection(
    conflict.section,
    toSections(values)[conflict.section] as never,
    region.nameOf,
  );
  const theirs = describeSection(conflict.section, conflict.theirs as never, region.nameOf);
  // Only the fields where the two differ, each with both values side by side.
  const labels = [...new Set([...mine.map((f) => f.label), ...theirs.map((f) => f.label)])];
  const valueOf = (facts: { label: string; value: string }[], label: string) =>
    facts.find((f) => f.label === label)?.value;
  const rows = labels.filter((label) => valueOf(mine, label) !== valueOf(theirs, label));
  const headingId = `conflict-${conflict.section}`;
  return (
    <section className="conflict-panel" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {sectionTitle[conflict.section]}: intussen gewijzigd door een ander
      </Heading>
      <Paragraph>
        Wat u typte, is bewaard en staat in het formulier. Kies welke versie blijft; het onderdeel
        wordt als geheel opgeslagen.
      </Paragraph>
      <Table className="conflict-panel__table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Veld</TableHeaderCell>
            <TableHeaderCell scope="col">Uw invoer</TableHeaderCell>
            <TableHeaderCell scope="col">Intussen gewijzigd door een ander:</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((label) => (
            <TableRow key={label}>
              <TableHeaderCell scope="row">{label}</TableHeaderCell>
              <TableCell>{valueOf(mine, label) ?? <em>leeg</em>}</TableCell>
              <TableCell>{valueOf(theirs, label) ?? <em>leeg</em>}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          onClick={() => onResolve(conflict.section, 'mine')}
        >
          Mijn invoer bewaren
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => onResolve(conflict.section, 'theirs')}
        >
          Hun versie overnemen
        </Button>
      </ButtonGroup>
    </section>
  );
}

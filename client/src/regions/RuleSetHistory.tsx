import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  describeBindingTest,
  formatDutchDate,
  formatDutchInteger,
  ruleSetSchema,
  targetGroupLabel,
  type RuleSet,
  type RuleSetHistory as History,
} from '@uitstroom/shared';
import { apiClient, request } from '../core/api';
import { queryKeys } from '../core/query/query-keys';
import { QueryState } from '../core/query/QueryState';
import { formatSavedAt } from './rule-set-form';

/** Who saved which version when, and what changed; an older version can be opened to read it whole. */
export function RuleSetHistory({
  history,
  failure,
  onRetry,
}: {
  history: History | null;
  failure: string | null;
  onRetry: () => void;
}) {
  return (
    <section className="rule-set-history" aria-labelledby="versiegeschiedenis">
      <Heading level={2} id="versiegeschiedenis">
        Versiegeschiedenis
      </Heading>
      {failure && (
        <Alert type="error" role="alert">
          <Paragraph>De versiegeschiedenis kon niet worden geladen: {failure}</Paragraph>
          <Paragraph>
            <Button appearance="secondary-action-button" type="button" onClick={onRetry}>
              Opnieuw proberen
            </Button>
          </Paragraph>
        </Alert>
      )}
      {!history && !failure && <Paragraph role="status">Versiegeschiedenis laden…</Paragraph>}
      {history && history.versions.length === 0 && (
        <Paragraph>Er zijn nog geen versies opgeslagen.</Paragraph>
      )}
      {history && history.versions.length > 0 && (
        <ol className="rule-set-history__list" reversed>
          {history.versions.map((entry, index) => (
            <HistoryEntry key={entry.version} entry={entry} isCurrent={index === 0} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** One version in the history: who saved it when, what changed; opened, the whole version. */
function HistoryEntry({
  entry,
  isCurrent,
}: {
  entry: History['versions'][number];
  isCurrent: boolean;
}) {
  const [isOpen, setIsOpen] = useState(false);
  const version = useQuery({
    queryKey: queryKeys.ruleSetVersion(entry.version),
    queryFn: ({ signal }) =>
      request(
        apiClient.GET('/api/region/rule-set/versions/{version}', {
          params: { path: { version: String(entry.version) } },
          signal,
        }),
        { schema: ruleSetSchema },
      ),
    enabled: isOpen,
  });
  return (
    <li className="rule-set-history__item">
      <Heading level={3}>
        Versie {entry.version}
        {isCurrent && <span className="rule-set-history__current"> (geldt nu)</span>}
      </Heading>
      <Paragraph className="rule-set-history__meta">
        Opgeslagen op {formatSavedAt(entry.createdAt)} door{' '}
        {entry.createdBy?.displayName ?? 'het systeem (eerste inrichting)'}
        {entry.publishedAt !== entry.createdAt && (
          <>
            ; gepubliceerd op {formatSavedAt(entry.publishedAt)} door{' '}
            {entry.publishedBy?.displayName ?? 'het systeem'}
          </>
        )}
      </Paragraph>
      <UnorderedList className="rule-set-history__changes">
        {entry.changes.map((change) => (
          <UnorderedListItem key={change}>{change}</UnorderedListItem>
        ))}
      </UnorderedList>
      <Button
        appearance="subtle-button"
        type="button"
        aria-expanded={isOpen}
        onClick={() => setIsOpen(!isOpen)}
      >
        {isOpen ? `Verberg versie ${entry.version}` : `Bekijk versie ${entry.version} volledig`}
      </Button>
      {isOpen && (
        <QueryState
          query={version}
          loading={`Versie ${entry.version} laden…`}
          failure="Deze versie kon niet worden geladen."
        >
          {(ruleSet) => <OldVersionView ruleSet={ruleSet} />}
        </QueryState>
      )}
    </li>
  );
}

function OldVersionView({ ruleSet }: { ruleSet: RuleSet }) {
  const { config } = ruleSet;
  return (
    <div className="rule-set-history__version">
      <Table>
        <TableCaption>Gemeenten in versie {ruleSet.version}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">CBS-code</TableHeaderCell>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col">Inwoners</TableHeaderCell>
            <TableHeaderCell scope="col">Peiljaar</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {config.municipalities.map((m) => (
            <TableRow key={m.code}>
              <TableCell>{m.code}</TableCell>
              <TableCell>{m.name}</TableCell>
              <TableCell>{formatDutchInteger(m.population)}</TableCell>
              <TableCell>{m.populationYear}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <UnorderedList>
        <UnorderedListItem>
          Doelgroepen: {config.targetGroups.map((group) => targetGroupLabel[group]).join(', ')}
        </UnorderedListItem>
        <UnorderedListItem>
          Jongeren: vanaf {config.youthAgeBand.from} tot {config.youthAgeBand.until} jaar
        </UnorderedListItem>
        <UnorderedListItem>
          Eerste akkoordperiode: {formatDutchDate(config.agreement.firstPeriodStart)} t/m{' '}
          {formatDutchDate(config.agreement.firstPeriodEnd)}, daarna telkens{' '}
          {config.agreement.extensionYears} jaar verlengd
        </UnorderedListItem>
        <UnorderedListItem>
          Agenda gedeeld: {config.agendaPublicationDays} dagen vóór de tafel
        </UnorderedListItem>
        <UnorderedListItem>
          Signaal stilstand: na {config.stalledCaseDays} dagen zonder activiteit
        </UnorderedListItem>
        <UnorderedListItem>
          Streeftermijn wachttijd: {config.waitingTargetDays} dagen na uitstroomgereed
        </UnorderedListItem>
        <UnorderedListItem>
          Termijn antwoord op woningaanbod: {config.offerAnswerDays} dagen
        </UnorderedListItem>
        <UnorderedListItem>
          Drempel wijkbelasting: {config.neighbourhoodLoadThreshold} plaatsingen per wijk per jaar
        </UnorderedListItem>
        <UnorderedListItem>
          Bewaartermijn afgesloten casussen: {config.retentionYears} jaar
        </UnorderedListItem>
        <UnorderedListItem>
          Tweestapsverificatie: {config.twoFactorRequired ? 'verplicht' : 'niet verplicht'}
        </UnorderedListItem>
        <UnorderedListItem>
          Minimale binding: {describeBindingTest(config.bindingTest)}
        </UnorderedListItem>
      </UnorderedList>
    </div>
  );
}

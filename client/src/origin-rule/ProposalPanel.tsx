import type { MouseEvent } from 'react';
import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  OrderedList,
  OrderedListItem,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { describeBindingFigures, nameMunicipality, type Proposal } from '@uitstroom/shared';
import {
  fieldId,
  outcomeLabels,
  outsideRegion,
  regionOf,
  type TryoutResult,
  type TryoutValues,
} from './tryout-form';

interface ProposalPanelProps {
  result: TryoutResult;
  values: TryoutValues;
}

/** The engine's proposal for the form's case, or what keeps it from making one. Announced politely. */
export function ProposalPanel({ result, values }: ProposalPanelProps) {
  return (
    <section
      id="proef-voorstel"
      className="tryout-result"
      aria-labelledby="proef-voorstel-kop"
      aria-live="polite"
      tabIndex={0}
    >
      <Heading level={3} id="proef-voorstel-kop">
        Voorstel van de regel
      </Heading>
      {result.ok ? (
        <ProposalView proposal={result.proposal} values={values} />
      ) : (
        <IssueSummary result={result} />
      )}
    </section>
  );
}

function ProposalView({ proposal, values }: { proposal: Proposal; values: TryoutValues }) {
  const municipalities = regionOf(values).municipalities;
  const inRegion = (code: string) => municipalities.some((m) => m.code === code);
  const name = (code: string) =>
    inRegion(code) ? nameMunicipality(code, municipalities) : `${code} (buiten de regio)`;
  const wishCode = values.wish === outsideRegion ? values.wishOutsideCode.trim() : values.wish;
  const destination =
    proposal.destination !== null
      ? name(proposal.destination)
      : proposal.outcome === 'buiten_regio'
        ? 'Geen: de casus gaat naar de regio van herkomst'
        : 'Geen: de tafel kiest de gemeente';

  return (
    <>
      <Paragraph
        className={`tryout-result__outcome tryout-result__outcome--${proposal.outcome}`}
        data-outcome={proposal.outcome}
      >
        {outcomeLabels[proposal.outcome]}
      </Paragraph>
      <DataList className="tryout-result__facts">
        <DataListItem>
          <DataListKey>Herkomst</DataListKey>
          <DataListValue>
            {proposal.origin === null ? 'Niet te vinden' : name(proposal.origin)}
          </DataListValue>
        </DataListItem>
        {proposal.binding && (
          <DataListItem>
            <DataListKey>Minimale binding</DataListKey>
            <DataListValue className="tryout-result__binding">
              {describeBindingFigures(proposal.binding, name)}
            </DataListValue>
          </DataListItem>
        )}
        <DataListItem>
          <DataListKey>Bestemming</DataListKey>
          <DataListValue className="tryout-result__destination">{destination}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Woonwens</DataListKey>
          <DataListValue>{wishCode ? name(wishCode) : 'Geen woonwens opgegeven'}</DataListValue>
        </DataListItem>
      </DataList>
      <Heading level={4}>Waarom</Heading>
      <OrderedList className="tryout-result__reasons" aria-label="Redenen">
        {proposal.reasons.map((reason) => (
          <OrderedListItem key={reason}>{reason}</OrderedListItem>
        ))}
      </OrderedList>
      <Paragraph className="tryout-result__note">
        Dit is een voorstel. De tafel beslist, en legt vast waarom als zij ervan afwijkt.
      </Paragraph>
    </>
  );
}

function focusField(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  // Move the focus itself, not only the scroll position, so that typing can start at once.
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

function IssueSummary({ result }: { result: Extract<TryoutResult, { ok: false }> }) {
  const count = result.issues.length;
  return (
    <Alert type="error" className="tryout-result__issues">
      <Heading level={4}>De regel kan nog geen voorstel doen</Heading>
      <Paragraph>
        {count === 1
          ? 'Verbeter dit punt in de casus:'
          : `Verbeter deze ${count} punten in de casus:`}
      </Paragraph>
      <UnorderedList>
        {result.issues.map((issue, index) => {
          const target = issue.field === null ? null : fieldId(issue.field);
          return (
            <UnorderedListItem key={`${issue.field ?? 'invoer'}-${index}`}>
              {target ? (
                <a
                  className="utrecht-link"
                  href={`#${target}`}
                  onClick={(event) => focusField(event, target)}
                >
                  {issue.label}: {issue.message}
                </a>
              ) : (
                <>
                  {issue.label}: {issue.message}
                </>
              )}
            </UnorderedListItem>
          );
        })}
      </UnorderedList>
    </Alert>
  );
}

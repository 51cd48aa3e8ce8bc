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
import type { ErrorIssue, Proposal } from '@uitstroom/shared';
import { outcomeLabel } from '../core/format';
import type { RegionMunicipalities } from '../core/region';

/**
 * The engine's proposal for the case: the rule or exception applied, origin and destination by
 * name, and the reasons in plain Dutch. The markup follows the proposal of "Zo werkt de
 * herkomstregel", whose panel is bound to its try-out form.
 */
export type ProposalState =
  | { kind: 'stored'; proposal: Proposal; ruleSetVersion: number }
  | { kind: 'live'; proposal: Proposal }
  | { kind: 'invalid'; issues: ErrorIssue[] }
  | { kind: 'none'; reason: string };

export function ProposalCard({
  state,
  region,
}: {
  state: ProposalState;
  region: RegionMunicipalities;
}) {
  return (
    <section
      className={`case-proposal${state.kind === 'live' ? ' case-proposal--live' : ''}`}
      aria-labelledby="voorstel-kop"
      aria-live="polite"
    >
      <Heading level={2} id="voorstel-kop">
        Voorstel van de herkomstregel
      </Heading>
      {state.kind === 'stored' && (
        <Paragraph className="case-proposal__source">
          Berekend bij de laatste wijziging van het dossier, met regelset versie{' '}
          {state.ruleSetVersion}.
        </Paragraph>
      )}
      {state.kind === 'live' && (
        <Paragraph className="case-proposal__source">
          <strong>Voorlopig:</strong> met uw wijzigingen, nog niet opgeslagen.
        </Paragraph>
      )}
      {(state.kind === 'stored' || state.kind === 'live') && (
        <ProposalBody proposal={state.proposal} region={region} isLive={state.kind === 'live'} />
      )}
      {state.kind === 'invalid' && (
        <Alert type="error">
          <Heading level={3}>De regel kan nog geen voorstel doen</Heading>
          <UnorderedList>
            {state.issues.map((issue, i) => (
              <UnorderedListItem key={`${issue.path}-${i}`}>{issue.message}</UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      )}
      {state.kind === 'none' && <Paragraph>{state.reason}</Paragraph>}
    </section>
  );
}

function ProposalBody({
  proposal,
  region,
  isLive,
}: {
  proposal: Proposal;
  region: RegionMunicipalities;
  isLive: boolean;
}) {
  const destination =
    proposal.destination !== null
      ? region.nameOf(proposal.destination)
      : proposal.outcome === 'buiten_regio'
        ? 'Geen: de casus gaat naar de regio van herkomst'
        : 'Geen: de tafel kiest de gemeente';
  // The browser has no access to the region's ledger of allocations; the server counts them.
  const isDistribution =
    isLive &&
    proposal.destination !== null &&
    (proposal.outcome === 'C' || proposal.outcome === 'A');
  return (
    <>
      <Paragraph
        className={`case-proposal__outcome case-proposal__outcome--${proposal.outcome}`}
        data-outcome={proposal.outcome}
      >
        {outcomeLabel[proposal.outcome]}
      </Paragraph>
      <DataList className="case-proposal__facts">
        <DataListItem>
          <DataListKey>Herkomst</DataListKey>
          <DataListValue>
            {proposal.origin === null ? 'Niet te vinden' : region.nameOf(proposal.origin)}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Bestemming</DataListKey>
          <DataListValue className="case-proposal__destination">{destination}</DataListValue>
        </DataListItem>
      </DataList>
      <Heading level={3}>Waarom</Heading>
      <OrderedList className="case-proposal__reasons" aria-label="Redenen">
        {proposal.reasons.map((reason) => (
          <OrderedListItem key={reason}>{reason}</OrderedListItem>
        ))}
      </OrderedList>
      {isDistribution && (
        <Paragraph className="case-proposal__note">
          Bij verdeling naar inwoneraantal telt de server de plaatsingen van de regio mee; de
          bestemming kan daardoor bij opslaan anders uitvallen.
        </Paragraph>
      )}
      <Paragraph className="case-proposal__note">
        Dit is een voorstel. De tafel beslist, en legt vast waarom als zij ervan afwijkt.
      </Paragraph>
    </>
  );
}

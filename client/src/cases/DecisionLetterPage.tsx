import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../core/query/query-keys';
import { FailureAlert } from '../core/FailureAlert';
import { Link as RouterLink, useParams } from 'react-router';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { decisionLetterSchema, formatDutchDate, type DecisionLetter } from '@uitstroom/shared';
import { useMe } from '../core/session';
import { apiClient, ApiError, request } from '../core/api';
import { fetchCase } from './case-api';
import { messageOf } from '../core/messages';
import './decision-letter.css';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'noDecision'; pseudonym: string | null }
  | { kind: 'letter'; letter: DecisionLetter; pseudonym: string | null };

function fetchLetter(caseId: string, signal: AbortSignal): Promise<DecisionLetter | null> {
  return (
    request(
      apiClient.GET('/api/cases/{caseId}/decision-letter', {
        params: { path: { caseId } },
        signal,
      }),
      { schema: decisionLetterSchema },
    )
      // 404 here (the case itself was found): the table has not decided yet.
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      })
  );
}

function loadedOf(
  data: { pseudonym: string | null; letter: DecisionLetter | null } | undefined,
  error: unknown,
): Loaded {
  if (data)
    return data.letter
      ? { kind: 'letter', letter: data.letter, pseudonym: data.pseudonym }
      : { kind: 'noDecision', pseudonym: data.pseudonym };
  if (!error) return { kind: 'loading' };
  return {
    kind: 'failed',
    message:
      error instanceof ApiError && error.status === 404
        ? 'Deze casus bestaat niet of valt buiten uw bereik.'
        : error instanceof ApiError && error.status === 403
          ? 'De besluitbrief gaat via de casemanager van de bewoner; alleen die kan hem bekijken en afdrukken.'
          : messageOf(error, 'De brief kon niet worden geladen.'),
  };
}

/** A short lead-in such as "Waarom?" or "Besluit:" stands out, so a reader finds the parts. */
function LetterParagraph({ text }: { text: string }) {
  const lead = /^([^.?:]{2,45}[?:])\s+(.+)$/s.exec(text);
  if (!lead) return <Paragraph>{text}</Paragraph>;
  return (
    <Paragraph>
      <strong>{lead[1]}</strong> {lead[2]}
    </Paragraph>
  );
}

/**
 * `/casussen/:caseId/brief`: the decision letter for the resident, in plain Dutch (B1), as a page
 * to print on A4 (the app's header, menu and buttons stay off the paper). Only for the owning
 * organisation's case managers; before the table has decided there is no letter.
 */
export function DecisionLetterPage() {
  const { caseId } = useParams();
  const me = useMe();
  const letterQuery = useQuery({
    queryKey: queryKeys.caseDecisionLetter(caseId ?? ''),
    queryFn: async ({ signal }) => {
      // The case first: a case out of reach is a 404 too, and must not read as "no decision yet".
      const view = await fetchCase(caseId!, signal);
      return { pseudonym: view.pseudonym ?? null, letter: await fetchLetter(caseId!, signal) };
    },
    enabled: !!caseId,
  });
  const loaded = loadedOf(letterQuery.data, letterQuery.error);

  return (
    <article className="decision-letter-page" aria-labelledby="brief-titel">
      <div className="decision-letter-page__tools no-print">
        <Paragraph className="case-breadcrumb">
          <RouterLink className="utrecht-link" to={`/casussen/${caseId}`}>
            Terug naar de casus
          </RouterLink>
        </Paragraph>
        {loaded.kind === 'letter' && (
          <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
            Afdrukken
          </Button>
        )}
      </div>
      {loaded.kind !== 'letter' && (
        <Heading level={1} id="brief-titel">
          Besluitbrief
        </Heading>
      )}
      {loaded.kind === 'loading' && <Paragraph role="status">De brief wordt gemaakt…</Paragraph>}
      {loaded.kind === 'failed' && <FailureAlert failure={loaded.message} />}
      {loaded.kind === 'noDecision' && <NoDecision pseudonym={loaded.pseudonym} />}
      {loaded.kind === 'letter' && (
        <Letter letter={loaded.letter} pseudonym={loaded.pseudonym} regionName={me.region.name} />
      )}
    </article>
  );
}

/** Before the table has decided: no letter yet, and what it will say. */
function NoDecision({ pseudonym }: { pseudonym: string | null }) {
  return (
    <div className="empty-state">
      <Heading level={2}>Nog geen besluit</Heading>
      <Paragraph>
        De Uitstroomtafel heeft nog niet over deze casus besloten
        {pseudonym ? ` (${pseudonym})` : ''}. Zodra de tafel een besluit heeft genomen, staat hier
        de brief voor de bewoner: waar hij of zij gaat wonen en waarom, wat er nu gebeurt, wie te
        bellen en hoe bezwaar te maken.
      </Paragraph>
    </div>
  );
}

/** The letter itself, dated today, with the case's reference. */
function Letter({
  letter,
  pseudonym,
  regionName,
}: {
  letter: DecisionLetter;
  pseudonym: string | null;
  regionName: string;
}) {
  return (
    <div className="decision-letter">
      <header className="decision-letter__head">
        <Paragraph className="decision-letter__sender">Uitstroomtafel regio {regionName}</Paragraph>
        <address className="decision-letter__address" aria-label="Adres van de bewoner">
          {letter.addressBlock.map((line, index) => (
            <span key={index}>{line}</span>
          ))}
        </address>
        <dl className="decision-letter__meta">
          <div>
            <dt>Datum</dt>
            <dd>{formatDutchDate(letter.date)}</dd>
          </div>
          {pseudonym && (
            <div>
              <dt>Kenmerk</dt>
              <dd>{pseudonym}</dd>
            </div>
          )}
        </dl>
      </header>
      <Heading level={1} id="brief-titel" className="decision-letter__title">
        {letter.title}
      </Heading>
      <div className="decision-letter__body">
        {letter.paragraphs.map((text, index) => (
          <LetterParagraph key={index} text={text} />
        ))}
      </div>
      <footer className="decision-letter__closing">
        <Paragraph>Met vriendelijke groet,</Paragraph>
        <Paragraph>De Uitstroomtafel regio {regionName}</Paragraph>
      </footer>
    </div>
  );
}

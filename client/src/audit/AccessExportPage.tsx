import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../core/query/QueryState';
import { queryKeys } from '../core/query/query-keys';
import { Link as RouterLink, useParams } from 'react-router';
import {
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
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
  caseStateLabel,
  consentCategoryLabel,
  consentMethodLabel,
  type CaseExport,
  type CaseSectionName,
  type ExportedCaseFile,
} from '@uitstroom/shared';
import { describeSection } from '../core/format';
import { useRegionMunicipalities, type RegionMunicipalities } from '../core/region';
import { exportUrl, fetchCaseExport } from './audit-api';
import { formatDutchDateTime, formatDutchDay, formatSize } from './audit-format';
import './audit.css';

/**
 * `/casussen/:caseId/inzage`: the resident's right of access (AVG art. 15), printable. Written
 * for the resident, in plain Dutch (B1): what we keep, with whom we share it, who looked. Staff
 * appear by organisation and role only; the server's export already leaves their names out.
 */
export function AccessExportPage() {
  const { caseId } = useParams();
  const exportQuery = useQuery({
    queryKey: queryKeys.caseExport(caseId ?? ''),
    queryFn: ({ signal }) => fetchCaseExport(caseId!, signal),
    enabled: !!caseId,
  });
  const data: CaseExport | null = exportQuery.data ?? null;

  return (
    <article className="access-export" aria-labelledby="inzage-titel">
      <div className="access-export__tools no-print">
        <Paragraph className="case-breadcrumb">
          <RouterLink className="utrecht-link" to={`/casussen/${caseId}`}>
            Terug naar de casus
          </RouterLink>
        </Paragraph>
        {data && (
          <div className="access-export__buttons">
            <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
              Afdrukken
            </Button>
            <a
              className="utrecht-link"
              href={exportUrl(caseId!)}
              download={`inzage-${data.pseudonym}.json`}
            >
              Download als JSON
            </a>
          </div>
        )}
      </div>
      <Heading level={1} id="inzage-titel">
        Inzage in uw dossier
      </Heading>
      <QueryStatus
        query={exportQuery}
        loading="Het overzicht wordt gemaakt…"
        failure="Het overzicht kon niet worden gemaakt."
      />
      {data && <ExportBody data={data} />}
    </article>
  );
}

function ExportBody({ data }: { data: CaseExport }) {
  const region = useRegionMunicipalities();
  const file = data.caseFile;
  return (
    <>
      <Paragraph lead>
        Hier ziet u welke gegevens wij over u bewaren, met wie wij ze delen en wie uw dossier heeft
        bekeken of veranderd. U heeft recht op dit overzicht. Dat staat in de privacywet (AVG,
        artikel 15).
      </Paragraph>
      <ExportFacts data={data} />

      <section className="access-export__section" aria-labelledby="inzage-gegevens">
        <Heading level={2} id="inzage-gegevens">
          Wat wij over u hebben vastgelegd
        </Heading>
        <FileFacts file={file} region={region} />
      </section>
      <ConsentsSection consents={data.consents} />
      <DocumentsSection documents={data.documents} />
      <AccessLogSection accessLog={data.accessLog} />

      <Paragraph className="access-export__footer">
        Klopt er iets niet, of wilt u dat wij iets aanpassen of verwijderen? Vraag het aan uw
        casemanager{file.owner ? ` bij ${file.owner.organisationName}` : ''}.
      </Paragraph>
    </>
  );
}

/** The overview's own facts: the resident's pseudonym, when it was made, who has the file, where it stands. */
function ExportFacts({ data }: { data: CaseExport }) {
  const file = data.caseFile;
  return (
    <DataList className="access-export__facts access-export__meta">
      <DataListItem>
        <DataListKey>Uw kenmerk</DataListKey>
        <DataListValue>{data.pseudonym}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Gemaakt op</DataListKey>
        <DataListValue>{formatDutchDateTime(data.generatedAt)}</DataListValue>
      </DataListItem>
      {file.owner && (
        <DataListItem>
          <DataListKey>Uw casemanager werkt bij</DataListKey>
          <DataListValue>{file.owner.organisationName}</DataListValue>
        </DataListItem>
      )}
      {file.state && (
        <DataListItem>
          <DataListKey>Waar staat uw aanvraag</DataListKey>
          <DataListValue>{caseStateLabel[file.state]}</DataListValue>
        </DataListItem>
      )}
    </DataList>
  );
}

function ConsentsSection({ consents }: { consents: CaseExport['consents'] }) {
  return (
    <section className="access-export__section" aria-labelledby="inzage-toestemming">
      <Heading level={2} id="inzage-toestemming">
        Met wie wij uw gegevens delen
      </Heading>
      <Paragraph>
        U heeft zelf gezegd welke organisaties welke gegevens mogen zien. Dat kunt u altijd weer
        intrekken bij uw casemanager.
      </Paragraph>
      {consents.length === 0 ? (
        <Paragraph>U heeft nog niets afgesproken over het delen van uw gegevens.</Paragraph>
      ) : (
        <Table className="access-export__table">
          <TableCaption className="visually-hidden">Toestemmingen</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Organisatie</TableHeaderCell>
              <TableHeaderCell scope="col">Mag zien</TableHeaderCell>
              <TableHeaderCell scope="col">Afgesproken</TableHeaderCell>
              <TableHeaderCell scope="col">Geldt nu?</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {consents.map((consent, index) => (
              <ConsentRow key={index} consent={consent} />
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function ConsentRow({ consent }: { consent: CaseExport['consents'][number] }) {
  return (
    <TableRow>
      <TableCell>{consent.organisationName}</TableCell>
      <TableCell>
        {consent.categories.length
          ? consent.categories.map((c) => consentCategoryLabel[c]).join(', ')
          : 'Niets (u wilde niet delen)'}
      </TableCell>
      <TableCell>
        {formatDutchDay(consent.givenOn)}
        {consent.expiresOn ? ` tot ${formatDutchDay(consent.expiresOn)}` : ''}
        <br />
        <span className="access-export__muted">{consentMethodLabel[consent.method]}</span>
      </TableCell>
      <TableCell>
        {consent.withdrawnAt
          ? `Nee, ingetrokken op ${formatDutchDay(consent.withdrawnAt)}`
          : consent.isActive
            ? 'Ja'
            : 'Nee, verlopen'}
      </TableCell>
    </TableRow>
  );
}

function DocumentsSection({ documents }: { documents: CaseExport['documents'] }) {
  return (
    <section className="access-export__section" aria-labelledby="inzage-documenten">
      <Heading level={2} id="inzage-documenten">
        Documenten in uw dossier
      </Heading>
      {documents.length === 0 ? (
        <Paragraph>Er zitten geen documenten in uw dossier.</Paragraph>
      ) : (
        <UnorderedList>
          {documents.map((document, index) => (
            <UnorderedListItem key={index}>
              {document.filename}{' '}
              <span className="access-export__muted">
                ({consentCategoryLabel[document.category]}, {formatSize(document.sizeBytes)},{' '}
                {formatDutchDay(document.uploadedAt)})
              </span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {documents.length > 0 && (
        <Paragraph>Wilt u een document zelf zien? Vraag het aan uw casemanager.</Paragraph>
      )}
    </section>
  );
}

function AccessLogSection({ accessLog }: { accessLog: CaseExport['accessLog'] }) {
  return (
    <section className="access-export__section access-export__log" aria-labelledby="inzage-logboek">
      <Heading level={2} id="inzage-logboek">
        Wie heeft uw dossier bekeken of veranderd
      </Heading>
      <Paragraph>
        Elke keer dat iemand uw dossier opent of verandert, schrijven wij dat op. Hieronder staat
        wanneer, bij welke organisatie en in welke rol die persoon werkt, wat hij of zij deed en
        waarom. Namen van medewerkers staan er niet in.
      </Paragraph>
      {accessLog.length === 0 ? (
        <Paragraph>Nog niemand heeft uw dossier bekeken.</Paragraph>
      ) : (
        <Table className="access-export__table">
          <TableCaption className="visually-hidden">Logboek van uw dossier</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Wanneer</TableHeaderCell>
              <TableHeaderCell scope="col">Wie (organisatie en rol)</TableHeaderCell>
              <TableHeaderCell scope="col">Wat</TableHeaderCell>
              <TableHeaderCell scope="col">Welke gegevens</TableHeaderCell>
              <TableHeaderCell scope="col">Waarom</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {accessLog.map((entry, index) => (
              <TableRow key={index}>
                <TableCell className="access-export__when">
                  {formatDutchDateTime(entry.at)}
                </TableCell>
                <TableCell>{entry.by}</TableCell>
                <TableCell>
                  {entry.actionLabel}
                  {entry.outcomeLabel !== 'gelukt' ? ` (${entry.outcomeLabel})` : ''}
                </TableCell>
                <TableCell>{entry.fields.length ? entry.fields.join(', ') : '—'}</TableCell>
                <TableCell>{entry.purpose}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

/** The file's sections, each under a heading a resident understands. */
const residentSections: { title: string; sections: CaseSectionName[] }[] = [
  { title: 'Over u', sections: ['identity', 'contact', 'household'] },
  { title: 'Waar u nu verblijft', sections: ['stay'] },
  { title: 'Waar u eerder woonde', sections: ['addresses', 'isOriginUntraceable'] },
  { title: 'Uw wensen', sections: ['wishes'] },
  { title: 'Wat uw woning nodig heeft', sections: ['housingNeeds'] },
  { title: 'Hulp en ondersteuning', sections: ['supportNeeds'] },
  { title: 'Gezondheid en veiligheid', sections: ['sensitive'] },
  { title: 'Afspraken over uw nieuwe gemeente', sections: ['exceptions', 'excluded'] },
];

function FileFacts({ file, region }: { file: ExportedCaseFile; region: RegionMunicipalities }) {
  const blocks = residentSections
    .map((block) => ({
      ...block,
      facts: block.sections.flatMap((name) =>
        name === 'isOriginUntraceable' && !file.isOriginUntraceable
          ? []
          : describeSection(name, file[name] as never, region.nameOf),
      ),
    }))
    .filter((block) => block.facts.length > 0);
  if (blocks.length === 0) return <Paragraph>Er is nog niets over u vastgelegd.</Paragraph>;
  return (
    <>
      <div className="access-export__blocks">
        {blocks.map((block) => (
          <section key={block.title} className="access-export__block" aria-label={block.title}>
            <Heading level={3}>{block.title}</Heading>
            <DataList className="access-export__facts">
              {block.facts.map((fact) => (
                <DataListItem key={fact.label}>
                  <DataListKey>{fact.label}</DataListKey>
                  <DataListValue>{fact.value}</DataListValue>
                </DataListItem>
              ))}
            </DataList>
          </section>
        ))}
      </div>
      {file.origin !== undefined && (
        <Paragraph>
          Gemeente waar u volgens de regels vandaan komt:{' '}
          <strong>{file.origin ? region.nameOf(file.origin) : 'niet te bepalen'}</strong>.
        </Paragraph>
      )}
      {file.proposal?.result.destination && (
        <Paragraph>
          Voorstel voor de gemeente waar u kunt gaan wonen:{' '}
          <strong>{region.nameOf(file.proposal.result.destination)}</strong>.
        </Paragraph>
      )}
    </>
  );
}

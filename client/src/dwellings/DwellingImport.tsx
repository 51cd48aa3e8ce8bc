import { useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import {
  Alert,
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  dwellingCsvColumns,
  maxDwellingImportRows,
  toCsv,
  type DwellingImportReport,
} from '@uitstroom/shared';
import { messageOf } from '../core/messages';
import type { RegionMunicipalities } from '../core/region';
import { useImportDwellings } from './dwelling-api';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'imported'; count: number; encoding: string; delimiter: string }
  | { kind: 'refused'; message: string; report: DwellingImportReport | null };

const encodingLabel: Record<string, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252 (Excel)',
};

/** An example file in the import's own columns, written by the same safe CSV writer as every export. */
function templateCsv(region: RegionMunicipalities): string {
  const municipality = region.municipalities[0]?.name ?? 'Lelystad';
  const example: Record<string, string | number> = {
    straat: 'Agorahof',
    huisnummer: '14',
    postcode: '8224 JX',
    gemeente: municipality,
    wijk: 'Stadshart',
    type: 'Appartement',
    kamers: 2,
    huur: 612.5,
    verdieping: 1,
    lift: 'ja',
    rolstoeltoegankelijk: 'nee',
    toegankelijkheid: 'Drempelvrij',
    'beschikbaar vanaf': '01-03-2026',
    huurvorm: 'Via de zorgaanbieder',
    omzetdatum: '01-03-2027',
    omzetvoorwaarden: 'Een jaar zonder huurachterstand',
  };
  return toCsv(
    dwellingCsvColumns.map((c) => c.header),
    [dwellingCsvColumns.map((c) => example[c.header] ?? '')],
  );
}

/**
 * "Woningen inlezen": a CSV from Excel (UTF-8 or Windows-1252, ; or ,). All or nothing: one bad
 * row and nothing is saved, with a report per row that says where and what to fix.
 */
export function DwellingImport({ region }: { region: RegionMunicipalities }) {
  // A successful import makes the lists of dwellings read again (useImportDwellings).
  const importing = useImportDwellings();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const templateUrl = useMemo(
    () => URL.createObjectURL(new Blob([templateCsv(region)], { type: 'text/csv;charset=utf-8' })),
    [region],
  );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFileError('Kies een CSV-bestand.');
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    setState({ kind: 'busy' });
    try {
      const outcome = await importing.mutateAsync(file);
      if (outcome.ok) {
        setState({
          kind: 'imported',
          count: outcome.result.imported,
          encoding: outcome.result.encoding,
          delimiter: outcome.result.delimiter,
        });
        if (fileRef.current) fileRef.current.value = '';
      } else {
        setState({ kind: 'refused', message: outcome.message, report: outcome.report });
      }
    } catch (error) {
      setState({
        kind: 'refused',
        message: messageOf(error, 'Het inlezen is niet gelukt. Probeer het opnieuw.'),
        report: null,
      });
    }
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  const required = dwellingCsvColumns.filter((c) => c.isRequired).map((c) => c.header);
  const optional = dwellingCsvColumns.filter((c) => !c.isRequired).map((c) => c.header);

  return (
    <section className="case-card dwelling-import" aria-labelledby="inlezen-kop">
      <Heading level={2} id="inlezen-kop">
        Woningen inlezen uit een CSV-bestand
      </Heading>
      <Paragraph>
        Sla het werkblad in Excel op als CSV. De eerste rij noemt de kolommen:{' '}
        <strong>{required.join(', ')}</strong>; en als u wilt {optional.join(', ')}. Elke rij wordt
        gecontroleerd zoals het formulier dat doet. <strong>Alles of niets:</strong> is één rij niet
        in orde, dan wordt niets opgeslagen en ziet u per rij wat er moet worden verbeterd.
        Hoogstens {maxDwellingImportRows} woningen en 2 MB per bestand.
      </Paragraph>
      <Paragraph>
        <a className="utrecht-link" href={templateUrl} download="woningen-voorbeeld.csv">
          Voorbeeldbestand downloaden
        </a>
      </Paragraph>
      <form
        noValidate
        onSubmit={submit}
        className="dwelling-import__form"
        aria-labelledby="inlezen-kop"
      >
        <CsvFileField fileRef={fileRef} fileError={fileError} />
        <Button type="submit" appearance="primary-action-button" disabled={state.kind === 'busy'}>
          {state.kind === 'busy' ? 'Bezig met inlezen…' : 'Inlezen'}
        </Button>
      </form>
      <div ref={resultRef} tabIndex={-1} className="dwelling-import__result" aria-live="polite">
        {state.kind === 'imported' && <Imported state={state} />}
        {state.kind === 'refused' && <ImportReport message={state.message} report={state.report} />}
      </div>
    </section>
  );
}

/** The file input with its hint and its error. */
function CsvFileField({
  fileRef,
  fileError,
}: {
  fileRef: RefObject<HTMLInputElement | null>;
  fileError: string | null;
}) {
  return (
    <FormField type="text" invalid={!!fileError}>
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor="woningen-bestand">CSV-bestand</FormLabel>
      </Paragraph>
      <FormFieldDescription id="woningen-bestand-omschrijving">
        UTF-8 of Windows-1252; gescheiden door ; of ,.
      </FormFieldDescription>
      {fileError && (
        <FormFieldErrorMessage id="woningen-bestand-fout">{fileError}</FormFieldErrorMessage>
      )}
      <Paragraph className="utrecht-form-field__input">
        <input
          ref={fileRef}
          id="woningen-bestand"
          type="file"
          accept=".csv,text/csv"
          className="dwelling-import__file"
          aria-describedby={`woningen-bestand-omschrijving${fileError ? ' woningen-bestand-fout' : ''}`}
          aria-invalid={fileError ? true : undefined}
        />
      </Paragraph>
    </FormField>
  );
}

/** What was read in: how many dwellings, in which encoding and with which separator. */
function Imported({ state }: { state: Extract<State, { kind: 'imported' }> }) {
  return (
    <Alert type="ok">
      <Paragraph>
        {state.count === 1 ? '1 woning ingelezen' : `${state.count} woningen ingelezen`} (tekenset{' '}
        {encodingLabel[state.encoding] ?? state.encoding}, scheidingsteken “{state.delimiter}”).
      </Paragraph>
    </Alert>
  );
}

function ImportReport({
  message,
  report,
}: {
  message: string;
  report: DwellingImportReport | null;
}) {
  return (
    <Alert type="error">
      <Heading level={3}>Niet ingelezen</Heading>
      <Paragraph>{message}</Paragraph>
      {report && report.missingColumns.length > 0 && (
        <Paragraph>
          Ontbrekende kolommen: <strong>{report.missingColumns.join(', ')}</strong>.
        </Paragraph>
      )}
      {report && report.unknownColumns.length > 0 && (
        <Paragraph>
          Onbekende of dubbele kolommen: <strong>{report.unknownColumns.join(', ')}</strong>.
        </Paragraph>
      )}
      {report && report.problems.length > 0 && (
        <>
          <Table className="dwelling-import__report">
            <caption>
              Wat er per rij moet worden verbeterd
              {report.problemCount > report.problems.length
                ? ` (de eerste ${report.problems.length} van ${report.problemCount})`
                : ''}
            </caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Rij</TableHeaderCell>
                <TableHeaderCell scope="col">Kolom</TableHeaderCell>
                <TableHeaderCell scope="col">Probleem</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.problems.map((p, i) => (
                <TableRow key={`${p.row}-${p.column}-${i}`}>
                  <TableCell>{p.row}</TableCell>
                  <TableCell>{p.column}</TableCell>
                  <TableCell>{p.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Paragraph className="dwelling-import__hint">
            Rij 1 is de kop; de rijnummers zijn die van het werkblad.
          </Paragraph>
        </>
      )}
    </Alert>
  );
}

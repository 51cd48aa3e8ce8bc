import { useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  ButtonGroup,
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
import { importSheets, maxImportRows, type ErrorIssue, type ImportReport } from '@uitstroom/shared';
import { messageOf } from '../core/messages';
import { placeOf, refreshAfterImport, templateUrl, useImport } from './import-api';
import './import.css';

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; isDryRun: boolean }
  | { kind: 'report'; report: ImportReport }
  | { kind: 'refused'; message: string; issues: ErrorIssue[] };

/**
 * "Gegevens inlezen" (issue 28): the regio-beheerder downloads the template, fills it (or exports
 * CSV files per sheet), tries it (a proef: nothing is saved) and then reads it in, all or nothing.
 */
export function ImportPage() {
  const importing = useImport();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [fileError, setFileError] = useState<string | null>(null);
  const [hasTried, setHasTried] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  const run = async (isDryRun: boolean) => {
    const files = [...(fileRef.current?.files ?? [])];
    if (files.length === 0) {
      setFileError('Kies een bestand.');
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    setState({ kind: 'busy', isDryRun });
    try {
      const outcome = await importing.mutateAsync({ files, isDryRun });
      if (outcome.ok) {
        setState({ kind: 'report', report: outcome.report });
        setHasTried(isDryRun);
        if (!isDryRun) await refreshAfterImport();
      } else {
        setState({ kind: 'refused', message: outcome.message, issues: outcome.issues });
        setHasTried(false);
      }
    } catch (error) {
      setState({
        kind: 'refused',
        message: messageOf(error, 'Het inlezen is niet gelukt. Probeer het opnieuw.'),
        issues: [],
      });
    }
    requestAnimationFrame(() => resultRef.current?.focus());
  };
  const tryFile = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(true);
  };

  return (
    <>
      <Heading level={1}>Gegevens inlezen</Heading>
      <Intro />
      <form
        noValidate
        onSubmit={tryFile}
        className="import-page__form"
        aria-label="Bestand inlezen"
      >
        <FileField fileError={fileError} fileRef={fileRef} onChange={() => setHasTried(false)} />
        <Actions state={state} hasTried={hasTried} onImport={() => void run(false)} />
      </form>
      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="import-page__result">
        {state.kind === 'report' && <Report report={state.report} />}
        {state.kind === 'refused' && <Problems message={state.message} issues={state.issues} />}
      </div>
    </>
  );
}

/** The proef submits the form; reading in comes after a proef of the same file succeeded. */
function Actions({
  state,
  hasTried,
  onImport,
}: {
  state: State;
  hasTried: boolean;
  onImport: () => void;
}) {
  return (
    <>
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" disabled={state.kind === 'busy'}>
          {state.kind === 'busy' && state.isDryRun
            ? 'Bezig met de proef…'
            : 'Proef (niets opslaan)'}
        </Button>
        <Button
          type="button"
          appearance="primary-action-button"
          disabled={state.kind === 'busy' || !hasTried}
          onClick={onImport}
        >
          {state.kind === 'busy' && !state.isDryRun ? 'Bezig met inlezen…' : 'Inlezen'}
        </Button>
      </ButtonGroup>
      {!hasTried && (
        <Paragraph className="import-page__hint">
          Inlezen kan na een geslaagde proef met hetzelfde bestand.
        </Paragraph>
      )}
    </>
  );
}

/** What the page does, and the template to start from. */
function Intro() {
  return (
    <>
      <Paragraph>
        Breng de organisaties, gebruikers, casussen met hun adressen, woningen en contingenten van
        uw regio in één keer in. Vul het sjabloon (een blad per soort gegevens; een blad zonder
        rijen mag weg), of lever per blad een CSV-bestand met de naam van het blad (bijvoorbeeld
        Casussen.csv, gescheiden door ;). Doe eerst een proef: dan wordt niets opgeslagen en ziet u
        wat er zou gebeuren, of per blad, rij en kolom wat er moet worden verbeterd.{' '}
        <strong>Alles of niets:</strong> is er iets niet in orde, dan wordt niets opgeslagen. Nieuwe
        gebruikers krijgen een uitnodiging per e-mail en kiezen zelf een wachtwoord. Hetzelfde
        bestand nogmaals inlezen verandert niets.
      </Paragraph>
      <Paragraph>
        <a className="utrecht-link" href={templateUrl} download>
          Sjabloon downloaden (Excel)
        </a>
      </Paragraph>
    </>
  );
}

function FileField({
  fileError,
  fileRef,
  onChange,
}: {
  fileError: string | null;
  fileRef: React.RefObject<HTMLInputElement | null>;
  onChange: () => void;
}) {
  return (
    <FormField type="text" invalid={!!fileError}>
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor="import-bestand">Bestand</FormLabel>
      </Paragraph>
      <FormFieldDescription id="import-bestand-omschrijving">
        Een Excel-werkmap (.xlsx), of CSV-bestanden per blad; hoogstens 20 MB en {maxImportRows}{' '}
        rijen.
      </FormFieldDescription>
      {fileError && (
        <FormFieldErrorMessage id="import-bestand-fout">{fileError}</FormFieldErrorMessage>
      )}
      <Paragraph className="utrecht-form-field__input">
        <input
          ref={fileRef}
          id="import-bestand"
          type="file"
          multiple
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={onChange}
          aria-describedby={`import-bestand-omschrijving${fileError ? ' import-bestand-fout' : ''}`}
          aria-invalid={fileError ? true : undefined}
        />
      </Paragraph>
    </FormField>
  );
}

function Report({ report }: { report: ImportReport }) {
  return (
    <Alert type={report.isDryRun ? 'info' : 'ok'}>
      <Heading level={2}>
        {report.isDryRun ? 'Proef geslaagd: er is niets opgeslagen' : 'Ingelezen'}
      </Heading>
      <Table>
        <caption>
          {report.isDryRun ? 'Wat inlezen zou doen' : 'Wat er is ingelezen'} uit {report.fileName}
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Blad</TableHeaderCell>
            <TableHeaderCell scope="col">Nieuw</TableHeaderCell>
            <TableHeaderCell scope="col">Gewijzigd</TableHeaderCell>
            <TableHeaderCell scope="col">Ongewijzigd</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {importSheets.map((sheet) => {
            const count = report.sheets.find((s) => s.sheet === sheet);
            return (
              <TableRow key={sheet}>
                <TableHeaderCell scope="row">{sheet}</TableHeaderCell>
                <TableCell>{count?.created ?? 0}</TableCell>
                <TableCell>{count?.updated ?? 0}</TableCell>
                <TableCell>{count?.unchanged ?? 0}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Paragraph>
        {report.invitations === 1
          ? '1 nieuwe gebruiker krijgt'
          : `${report.invitations} nieuwe gebruikers krijgen`}{' '}
        {report.isDryRun ? 'bij inlezen ' : ''}een uitnodiging per e-mail.
      </Paragraph>
    </Alert>
  );
}

function Problems({ message, issues }: { message: string; issues: ErrorIssue[] }) {
  return (
    <Alert type="error">
      <Heading level={2}>Niet ingelezen</Heading>
      <Paragraph>{message}</Paragraph>
      {issues.length > 0 && (
        <Table>
          <caption>Wat er moet worden verbeterd (rij 1 is de kop)</caption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Blad</TableHeaderCell>
              <TableHeaderCell scope="col">Rij</TableHeaderCell>
              <TableHeaderCell scope="col">Kolom</TableHeaderCell>
              <TableHeaderCell scope="col">Probleem</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {issues.map((issue, index) => {
              const place = placeOf(issue.path);
              return (
                <TableRow key={`${issue.path}-${index}`}>
                  <TableCell>{place.sheet}</TableCell>
                  <TableCell>{place.row}</TableCell>
                  <TableCell>{place.column}</TableCell>
                  <TableCell>{issue.message}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Alert>
  );
}

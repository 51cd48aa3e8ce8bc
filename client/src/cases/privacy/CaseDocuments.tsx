import { useId, type RefObject } from 'react';
import {
  Button,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  formatDutchDateTime,
  consentCategories,
  consentCategoryLabel,
  documentContentTypeLabel,
  type ConsentCategory,
  type DocumentSummary,
} from '@uitstroom/shared';
import { documentUrl, useCaseDocuments } from './documents-api';
import { formatSize } from './document-upload';
import { useDocumentUpload } from './use-document-upload';
import './case-documents.css';
import { FailureAlert } from '../../core/FailureAlert';
import { QueryState } from '../../core/query/QueryState';
import { refusalOr } from '../../core/query/failure-wording';

/**
 * The documents of a case that the signed-in seat may see (the server lists no others), with a
 * download link for each; for the case manager also a form to add one. Self-contained: give it
 * the case id and whether this user may upload. The list is the case's documents query: a document
 * added elsewhere on the page (a signed consent form) invalidates it, and it is read again.
 */
export function CaseDocuments({ caseId, canUpload }: { caseId: string; canUpload: boolean }) {
  const headingId = useId();
  const documentsQuery = useCaseDocuments(caseId);
  return (
    <section className="case-documents" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        Documenten
      </Heading>
      <QueryState
        query={documentsQuery}
        loading="Documenten laden…"
        failure={refusalOr('De documenten konden niet worden geladen.')}
        retry="Opnieuw proberen"
      >
        {(documents) =>
          documents.length === 0 ? (
            <Paragraph>Er zijn geen documenten om te tonen.</Paragraph>
          ) : (
            <DocumentTable caseId={caseId} documents={documents} />
          )
        }
      </QueryState>
      {canUpload && <UploadForm caseId={caseId} />}
    </section>
  );
}

function DocumentTable({ caseId, documents }: { caseId: string; documents: DocumentSummary[] }) {
  return (
    <Table className="case-documents__table">
      <caption className="visually-hidden">Documenten van de casus, nieuwste eerst</caption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Bestand</TableHeaderCell>
          <TableHeaderCell scope="col">Categorie</TableHeaderCell>
          <TableHeaderCell scope="col">Grootte</TableHeaderCell>
          <TableHeaderCell scope="col">Toegevoegd</TableHeaderCell>
          <TableHeaderCell scope="col">Door</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {documents.map((document) => (
          <TableRow key={document.id}>
            <TableCell>
              {/* The server answers as an attachment: the browser saves the file, it never opens it in this page. */}
              <a
                className="utrecht-link"
                href={documentUrl(caseId, document.id)}
                download={document.filename}
              >
                {document.filename}
              </a>
              <span className="case-documents__type">
                {' '}
                ({documentContentTypeLabel[document.contentType]})
              </span>
            </TableCell>
            <TableCell>{consentCategoryLabel[document.category]}</TableCell>
            <TableCell>{formatSize(document.sizeBytes)}</TableCell>
            <TableCell>{formatDutchDateTime(document.uploadedAt)}</TableCell>
            <TableCell>{document.uploadedBy}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function UploadForm({ caseId }: { caseId: string }) {
  const upload = useDocumentUpload(caseId);
  return (
    <form
      className="case-documents__form"
      noValidate
      onSubmit={(event) => void upload.submit(event)}
      aria-label="Document toevoegen"
    >
      <Heading level={3}>Document toevoegen</Heading>
      <FileField
        inputRef={upload.fileInput}
        error={upload.errors.file}
        onChange={upload.changeFile}
      />
      <CategoryField
        selectRef={upload.categorySelect}
        value={upload.category}
        error={upload.errors.category}
        onChange={upload.changeCategory}
      />
      <FailureAlert failure={upload.failure} />
      <div role="status" aria-live="polite">
        {upload.notice && <Paragraph>{upload.notice}</Paragraph>}
      </div>
      <Button
        type="submit"
        appearance="primary-action-button"
        disabled={upload.isSending}
        aria-busy={upload.isSending || undefined}
      >
        {upload.isSending ? 'Bezig met toevoegen…' : 'Document toevoegen'}
      </Button>
    </form>
  );
}

/** The file to add: a native file input (the design system has none), with its message. */
function FileField({
  inputRef,
  error,
  onChange,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  error: string | undefined;
  onChange(): void;
}) {
  const fileId = useId();
  const descriptionId = `${fileId}-omschrijving`;
  const errorId = `${fileId}-fout`;
  return (
    <FormField type="text" invalid={!!error}>
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={fileId}>Bestand</FormLabel>
      </Paragraph>
      <FormFieldDescription id={descriptionId}>
        PDF, PNG of JPEG, hoogstens 10 MB.
      </FormFieldDescription>
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <Paragraph className="utrecht-form-field__input">
        <input
          ref={inputRef}
          id={fileId}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg"
          className="case-documents__file"
          aria-invalid={error ? true : undefined}
          aria-describedby={[descriptionId, error ? errorId : null].filter(Boolean).join(' ')}
          onChange={onChange}
        />
      </Paragraph>
    </FormField>
  );
}

/** The category of the document, which decides who may see it. */
function CategoryField({
  selectRef,
  value,
  error,
  onChange,
}: {
  selectRef: RefObject<HTMLSelectElement | null>;
  value: ConsentCategory | '';
  error: string | undefined;
  onChange(category: ConsentCategory | ''): void;
}) {
  const categoryId = useId();
  const errorId = `${categoryId}-fout`;
  return (
    <FormField type="select" invalid={!!error}>
      <Paragraph className="utrecht-form-field__label">
        <FormLabel htmlFor={categoryId}>Categorie</FormLabel>
      </Paragraph>
      <FormFieldDescription>
        Bepaalt wie het document mag zien, net als bij de gegevens van de casus.
      </FormFieldDescription>
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <Paragraph className="utrecht-form-field__input">
        <Select
          ref={selectRef}
          id={categoryId}
          invalid={!!error}
          aria-describedby={error ? errorId : undefined}
          value={value}
          onChange={(event) => onChange(event.target.value as ConsentCategory | '')}
        >
          <SelectOption value="">Kies een categorie</SelectOption>
          {consentCategories.map((c) => (
            <SelectOption key={c} value={c}>
              {consentCategoryLabel[c]}
            </SelectOption>
          ))}
        </Select>
      </Paragraph>
    </FormField>
  );
}

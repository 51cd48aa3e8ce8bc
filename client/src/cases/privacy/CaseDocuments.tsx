import { useId, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
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
import { ApiError } from '../../core/api';
import {
  checkDocumentFile,
  documentUrl,
  useCaseDocuments,
  fileErrorOf,
  useUploadDocument,
} from './documents-api';
import './case-documents.css';
import { FailureAlert } from '../../core/FailureAlert';

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** 1536 → "1,5 kB"; sizes in the units people see in their file manager. */
function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${numberFormat.format(bytes / 1024)} kB`;
  return `${numberFormat.format(bytes / (1024 * 1024))} MB`;
}

interface FieldErrors {
  file?: string;
  category?: string;
}

/** What the browser can check before sending: the server checks all of it again, and the bytes. */
function checkBeforeUpload(file: File | undefined, category: ConsentCategory | ''): FieldErrors {
  const errors: FieldErrors = {};
  const fileError = checkDocumentFile(file);
  if (fileError) errors.file = fileError;
  if (!category) errors.category = 'Kies een categorie.';
  return errors;
}

/** Server issues at the field they concern; the rest as one message above the button. */
function placeServerError(error: unknown): { fields: FieldErrors; message: string | null } {
  if (!(error instanceof ApiError))
    return { fields: {}, message: 'Het toevoegen is niet gelukt. Probeer het opnieuw.' };
  const fields: FieldErrors = {};
  const category = error.issues.find((i) => i.path === 'category');
  if (category) fields.category = category.message;
  const file = fileErrorOf(error);
  if (file) fields.file = file;
  const isPlaced = Boolean(fields.file || fields.category);
  return { fields, message: isPlaced ? null : error.message };
}

/**
 * The documents of a case that the signed-in seat may see (the server lists no others), with a
 * download link for each; for the case manager also a form to add one. Self-contained: give it
 * the case id and whether this user may upload. The list is the case's documents query: a document
 * added elsewhere on the page (a signed consent form) invalidates it, and it is read again.
 */
export function CaseDocuments({ caseId, canUpload }: { caseId: string; canUpload: boolean }) {
  const headingId = useId();
  const documentsQuery = useCaseDocuments(caseId);
  const documents = documentsQuery.data ?? null;
  const error = documentsQuery.error;
  const loadFailure = !documentsQuery.isError
    ? null
    : error instanceof ApiError && error.status !== 0 && error.status < 500
      ? error.message
      : 'De documenten konden niet worden geladen.';
  const load = () => void documentsQuery.refetch();

  return (
    <section className="case-documents" aria-labelledby={headingId}>
      <Heading level={2} id={headingId}>
        Documenten
      </Heading>
      {loadFailure ? (
        <Alert type="error" role="alert">
          <Paragraph>{loadFailure}</Paragraph>
          <Button type="button" appearance="secondary-action-button" onClick={() => load()}>
            Opnieuw proberen
          </Button>
        </Alert>
      ) : documents === null ? (
        <Paragraph aria-live="polite">Documenten laden…</Paragraph>
      ) : documents.length === 0 ? (
        <Paragraph>Er zijn geen documenten om te tonen.</Paragraph>
      ) : (
        <DocumentTable caseId={caseId} documents={documents} />
      )}
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
  const upload = useUploadDocument(caseId);
  const fileId = useId();
  const categoryId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const categorySelect = useRef<HTMLSelectElement>(null);
  const [category, setCategory] = useState<ConsentCategory | ''>('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);

  function focusFirst(found: FieldErrors) {
    if (found.file) fileInput.current?.focus();
    else if (found.category) categorySelect.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setNotice(null);
    const file = fileInput.current?.files?.[0];
    const found = checkBeforeUpload(file, category);
    setErrors(found);
    if (found.file || found.category || !file || !category) {
      focusFirst(found);
      return;
    }
    setIsSending(true);
    try {
      const document = await upload.mutateAsync({ file, category });
      setNotice(`${document.filename} is toegevoegd.`);
      setCategory('');
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      const placed = placeServerError(error);
      setErrors(placed.fields);
      setFailure(placed.message);
      focusFirst(placed.fields);
    } finally {
      setIsSending(false);
    }
  }

  const fileDescriptionId = `${fileId}-omschrijving`;
  const fileErrorId = `${fileId}-fout`;
  const categoryErrorId = `${categoryId}-fout`;
  return (
    <form
      className="case-documents__form"
      noValidate
      onSubmit={submit}
      aria-label="Document toevoegen"
    >
      <Heading level={3}>Document toevoegen</Heading>
      <FormField type="text" invalid={!!errors.file}>
        <Paragraph className="utrecht-form-field__label">
          <FormLabel htmlFor={fileId}>Bestand</FormLabel>
        </Paragraph>
        <FormFieldDescription id={fileDescriptionId}>
          PDF, PNG of JPEG, hoogstens 10 MB.
        </FormFieldDescription>
        {errors.file && (
          <FormFieldErrorMessage id={fileErrorId}>{errors.file}</FormFieldErrorMessage>
        )}
        <Paragraph className="utrecht-form-field__input">
          <input
            ref={fileInput}
            id={fileId}
            type="file"
            accept=".pdf,.png,.jpg,.jpeg"
            className="case-documents__file"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={[fileDescriptionId, errors.file ? fileErrorId : null]
              .filter(Boolean)
              .join(' ')}
            onChange={() => {
              setErrors((current) => ({ ...current, file: undefined }));
              setNotice(null);
            }}
          />
        </Paragraph>
      </FormField>
      <FormField type="select" invalid={!!errors.category}>
        <Paragraph className="utrecht-form-field__label">
          <FormLabel htmlFor={categoryId}>Categorie</FormLabel>
        </Paragraph>
        <FormFieldDescription>
          Bepaalt wie het document mag zien, net als bij de gegevens van de casus.
        </FormFieldDescription>
        {errors.category && (
          <FormFieldErrorMessage id={categoryErrorId}>{errors.category}</FormFieldErrorMessage>
        )}
        <Paragraph className="utrecht-form-field__input">
          <Select
            ref={categorySelect}
            id={categoryId}
            invalid={!!errors.category}
            aria-describedby={errors.category ? categoryErrorId : undefined}
            value={category}
            onChange={(event) => {
              setCategory(event.target.value as ConsentCategory | '');
              setErrors((current) => ({ ...current, category: undefined }));
            }}
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
      <FailureAlert failure={failure} />
      <div role="status" aria-live="polite">
        {notice && <Paragraph>{notice}</Paragraph>}
      </div>
      <Button
        type="submit"
        appearance="primary-action-button"
        disabled={isSending}
        aria-busy={isSending || undefined}
      >
        {isSending ? 'Bezig met toevoegen…' : 'Document toevoegen'}
      </Button>
    </form>
  );
}

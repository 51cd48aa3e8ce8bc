import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../core/query/query-keys';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  StatusBadge,
  Table as DataTable,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import {
  formatDutchDateAtTime,
  caseOutcomeLabel,
  eraseCaseSchema,
  formatDutchDate,
  type ErasureCandidate,
} from '@uitstroom/shared';
import { ApiError } from '../core/api';
import { QueryStatus } from '../core/query/QueryState';
import { TextField } from '../core/form';
import { ChoiceGroup } from '../core/fields';
import { Pager } from '../core/Pager';
import { messageOf } from '../core/messages';
import { fetchErasureCandidates, useEraseCase } from '../support';
import '../core/layout.css';
import './retention.css';
import { FailureAlert } from '../core/FailureAlert';

/** Closed cases pile up over the years: the list shows them 25 at a time, in the server's order. */
const pageSize = 25;

const groundLabel = {
  retentionExpired: 'De bewaartermijn is verstreken',
  residentRequest: 'De bewoner heeft om wissen gevraagd (AVG artikel 17)',
} as const;

/**
 * `/beheer/bewaartermijnen` (regionAdmin): the region's closed cases as erasure proposals, by
 * pseudonym, closing date, outcome and the end of the retention period, never their content.
 * Erasing cannot be undone: the administrator types the pseudonym again and names the ground.
 */
export function RetentionPage() {
  const candidatesQuery = useQuery({
    queryKey: queryKeys.erasureCandidates,
    queryFn: ({ signal }) => fetchErasureCandidates(signal),
  });
  const candidates: ErasureCandidate[] | null = candidatesQuery.data ?? null;
  const [erasing, setErasing] = useState<ErasureCandidate | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const pages = candidates ? Math.max(1, Math.ceil(candidates.length / pageSize)) : 1;
  const shown = Math.min(page, pages);

  return (
    <div className="retention-page">
      <Heading level={1}>Bewaartermijnen</Heading>
      <Paragraph className="retention-page__intro">
        Afgesloten casussen van uw regio, met de dag waarop hun bewaartermijn afloopt. U ziet alleen
        het kenmerk, de datum van afsluiten en de uitkomst, nooit de inhoud. Wissen verwijdert de
        persoonsgegevens, documenten en vrije tekst van de casus; de anonieme feiten (status,
        uitkomst, doorlooptijden) blijven voor de cijfers. Wissen kan niet ongedaan worden gemaakt.
      </Paragraph>
      <div role="status">
        {notice && (
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        )}
      </div>
      <QueryStatus
        query={candidatesQuery}
        loading="Afgesloten casussen laden…"
        failure="De afgesloten casussen konden niet worden geladen."
      />
      {candidates && candidates.length === 0 && (
        <Paragraph className="retention-page__empty">
          Er zijn geen afgesloten casussen om te wissen.
        </Paragraph>
      )}
      {candidates && candidates.length > 0 && (
        <DataTable className="retention-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Kenmerk</TableHeaderCell>
              <TableHeaderCell scope="col">Afgesloten op</TableHeaderCell>
              <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
              <TableHeaderCell scope="col">Bewaartermijn tot</TableHeaderCell>
              <TableHeaderCell scope="col">
                <span className="visually-hidden">Actie</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {candidates.slice((shown - 1) * pageSize, shown * pageSize).map((c) => (
              <CandidateRow
                key={c.caseId}
                candidate={c}
                onErase={() => {
                  setNotice(null);
                  setErasing(c);
                }}
              />
            ))}
          </TableBody>
        </DataTable>
      )}
      <Pager page={shown} pages={pages} onPage={setPage} />
      {erasing && (
        <EraseDialog
          candidate={erasing}
          onClose={() => setErasing(null)}
          onErased={(pseudonym, erasedAt) => {
            setErasing(null);
            setNotice(
              `De persoonsgegevens van casus ${pseudonym} zijn gewist (${formatDutchDateAtTime(erasedAt)}). Het wissen is in de auditlog vastgelegd.`,
            );
          }}
        />
      )}
    </div>
  );
}

function EraseDialog({
  candidate,
  onClose,
  onErased,
}: {
  candidate: ErasureCandidate;
  onClose(): void;
  onErased(pseudonym: string, erasedAt: string): void;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const erase = useEraseCase();
  useEffect(() => {
    // A modal dialog: the rest of the page is inert, Escape closes it, focus returns on close.
    if (dialogRef.current && !dialogRef.current.open) dialogRef.current.showModal();
  }, []);
  const form = useEraseForm(candidate);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFailure(null);
    if (values.confirmPseudonym !== candidate.pseudonym) {
      form.setError('confirmPseudonym', {
        message: `Het kenmerk klopt niet. Typ ${candidate.pseudonym} over.`,
      });
      return;
    }
    try {
      const result = await erase.mutateAsync({ caseId: candidate.caseId, body: values });
      onErased(result.pseudonym, result.erasedAt);
    } catch (error) {
      const placed = placeRefusal(error);
      for (const issue of placed.fields) form.setError(issue.path, { message: issue.message });
      setFailure(placed.message);
    }
  });
  // Before the period ends only the resident's request is a ground.
  const grounds = candidate.isRetentionDue
    ? (['retentionExpired', 'residentRequest'] as const)
    : (['residentRequest'] as const);
  return (
    <dialog
      ref={dialogRef}
      className="case-dialog retention-dialog"
      aria-labelledby="wissen-kop"
      onClose={onClose}
    >
      <form noValidate className="case-dialog__form" onSubmit={submit}>
        <Heading level={2} id="wissen-kop">
          Casus {candidate.pseudonym} wissen
        </Heading>
        <EraseWarning candidate={candidate} />
        <ChoiceGroup
          id="wissen-grond"
          type="radio"
          legend="Grond voor het wissen"
          error={errors.ground?.message}
          registration={form.register('ground')}
          options={grounds.map((g) => ({ value: g, label: groundLabel[g] }))}
        />
        <TextField
          id="wissen-kenmerk"
          label="Typ ter bevestiging het kenmerk over"
          description={`Het kenmerk is ${candidate.pseudonym}.`}
          autoComplete="off"
          spellCheck={false}
          error={errors.confirmPseudonym?.message}
          {...form.register('confirmPseudonym')}
        />
        <FailureAlert failure={failure} />
        <EraseActions isBusy={isSubmitting} onCancel={() => dialogRef.current?.close()} />
      </form>
    </dialog>
  );
}

/** One closed case: its reference, when it closed and how, and until when it is kept. */
function CandidateRow({ candidate: c, onErase }: { candidate: ErasureCandidate; onErase(): void }) {
  return (
    <TableRow>
      <TableCell className="retention-table__pseudonym">{c.pseudonym}</TableCell>
      <TableCell>{formatDutchDate(c.closedAt.slice(0, 10))}</TableCell>
      <TableCell>{caseOutcomeLabel[c.outcome]}</TableCell>
      <TableCell>
        {formatDutchDate(c.retentionDueOn)}{' '}
        <StatusBadge status={c.isRetentionDue ? 'warning' : 'neutral'} className="retention-badge">
          {c.isRetentionDue ? 'verstreken' : 'loopt nog'}
        </StatusBadge>
      </TableCell>
      <TableCell>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-label={`Wissen: ${c.pseudonym}`}
          onClick={onErase}
        >
          Wissen…
        </Button>
      </TableCell>
    </TableRow>
  );
}

function EraseWarning({ candidate }: { candidate: ErasureCandidate }) {
  return (
    <Alert type="warning">
      <Paragraph>
        Dit verwijdert de persoonsgegevens, de documenten en alle vrije tekst van deze casus
        voorgoed. Dat kan niet ongedaan worden gemaakt.
        {!candidate.isRetentionDue &&
          ` De bewaartermijn loopt nog tot ${formatDutchDate(candidate.retentionDueOn)}: wissen kan nu alleen op verzoek van de bewoner.`}
      </Paragraph>
    </Alert>
  );
}

type EraseField = 'ground' | 'confirmPseudonym';

/** A refused erasure: issues at the dialog's two fields, anything else as one message. */
function placeRefusal(error: unknown): {
  fields: { path: EraseField; message: string }[];
  message: string | null;
} {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED')
    return { fields: [], message: messageOf(error) };
  const fields = error.issues.filter(
    (i): i is { path: EraseField; message: string } =>
      i.path === 'ground' || i.path === 'confirmPseudonym',
  );
  return { fields, message: fields.length ? null : error.message };
}

/** The ground and the typed-over reference; "verstreken" cases start on the expired period. */
function useEraseForm(candidate: ErasureCandidate) {
  return useForm({
    resolver: zodResolver(eraseCaseSchema),
    defaultValues: {
      ground: (candidate.isRetentionDue ? 'retentionExpired' : undefined) as never,
      confirmPseudonym: '',
    },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
}

function EraseActions({ isBusy, onCancel }: { isBusy: boolean; onCancel(): void }) {
  return (
    <ButtonGroup>
      <Button
        type="submit"
        appearance="primary-action-button"
        className="retention-dialog__erase"
        disabled={isBusy}
      >
        Definitief wissen
      </Button>
      <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
        Annuleren
      </Button>
    </ButtonGroup>
  );
}

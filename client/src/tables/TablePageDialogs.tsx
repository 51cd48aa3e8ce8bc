import type { MutableRefObject } from 'react';
import { Paragraph } from '@utrecht/component-library-react';
import { caseTitle } from '../core/format';
import type { AgendaEntry, Table } from './table-api';
import { useTableStep } from './table-mutations';
import type { TableStep } from './table-steps';
import { deferSchema } from '@uitstroom/shared';
import { ConfirmDialog } from '../core/ConfirmDialog';
import { ReasonDialog } from '../core/ReasonDialog';

const reasonSchema = deferSchema.shape.reason;

export type Dialog =
  { kind: 'remove' | 'defer'; item: AgendaEntry } | { kind: 'close' } | { kind: 'cancel' } | null;

interface DialogProps {
  dialog: Dialog;
  table: Table;
  openCount: number;
  /** The page's steps (a stale one says so on the page), and reading the table again. */
  writes: { act(step: TableStep, done: string): Promise<boolean>; reload(): Promise<void> };
  focusAfter: MutableRefObject<string | null>;
  onDone(notice?: string): void;
}

/** The page's questions before a step: a reason to take off, defer or cancel; a yes to close. */
export function TablePageDialogs(props: DialogProps) {
  const { dialog, writes, focusAfter, onDone } = props;
  if (!dialog) return null;
  if (dialog.kind === 'cancel') return <CancelTableDialog {...props} />;
  if (dialog.kind === 'close') return <CloseTableDialog {...props} />;
  const title = caseTitle(dialog.item.case);
  const isRemove = dialog.kind === 'remove';
  return (
    <ReasonDialog
      id={isRemove ? 'van-agenda' : 'uitstellen'}
      title={isRemove ? `${title} van de agenda halen` : `${title} uitstellen`}
      label={isRemove ? 'Reden' : 'Reden van uitstel'}
      submitLabel={isRemove ? 'Van de agenda halen' : 'Uitstellen'}
      schema={reasonSchema}
      consequence={
        isRemove
          ? 'De casus gaat terug naar uitstroomgereed; de wachttijd loopt door. De reden wordt vastgelegd; niemand krijgt een melding, de casemanager ziet het bij de casus.'
          : 'De tafel besluit nu niet. De casus gaat terug naar uitstroomgereed en kan op een volgende tafel; de wachttijd loopt door. Niemand krijgt een melding; de casemanager ziet het bij de casus.'
      }
      onSubmit={async (reason) => {
        focusAfter.current = isRemove ? 'agenda-kop' : `agendapunt-${dialog.item.id}`;
        // A conflict closes the dialog and says so on the page; any other failure stays in the dialog.
        await writes.act(
          { kind: dialog.kind, itemId: dialog.item.id, caseId: dialog.item.case.id, reason },
          isRemove ? `${title} is van de agenda gehaald.` : `${title} is uitgesteld.`,
        );
        onDone();
      }}
      onClose={() => onDone()}
    />
  );
}

function CloseTableDialog({ openCount, writes, focusAfter, onDone }: DialogProps) {
  return (
    <ConfirmDialog
      id="afsluiten"
      title="Tafel afsluiten"
      confirmLabel="Tafel afsluiten"
      consequence="Na het afsluiten kunt u geen besluiten meer vastleggen of de agenda wijzigen. Niemand krijgt een melding; de notulen zijn daarna te downloaden."
      onClose={() => onDone()}
      onConfirm={async () => {
        focusAfter.current = 'agenda-kop';
        await writes.act({ kind: 'close' }, 'De tafel is afgesloten.');
        onDone();
      }}
    >
      {openCount > 0 && (
        <Paragraph>
          <strong>
            {openCount === 1 ? 'Eén casus is' : `${openCount} casussen zijn`} nog niet besproken.
          </strong>{' '}
          {openCount === 1 ? 'Die gaat' : 'Die gaan'} terug naar uitstroomgereed, als uitgesteld.
        </Paragraph>
      )}
    </ConfirmDialog>
  );
}

/** Cancelling asks a reason; the cases on the agenda go back, the invitees hear of it. */
function CancelTableDialog({ table, openCount, writes, focusAfter, onDone }: DialogProps) {
  const cancel = useTableStep(table, writes.reload);
  const cases =
    openCount === 0
      ? ''
      : openCount === 1
        ? ' De casus op de agenda gaat terug naar uitstroomgereed; de wachttijd loopt door.'
        : ` De ${openCount} casussen op de agenda gaan terug naar uitstroomgereed; de wachttijd loopt door.`;
  return (
    <ReasonDialog
      id="annuleren"
      title="Tafel annuleren"
      label="Reden van annuleren"
      submitLabel="Tafel annuleren"
      closeLabel="Niet annuleren"
      schema={reasonSchema}
      consequence={`De tafel gaat niet door.${cases} De genodigden en de casemanagers krijgen bericht, met de reden. Dit kan niet worden teruggedraaid.`}
      onSubmit={async (reason) => {
        // A failure (a stale version too: the table is read again) stays in the dialog.
        await cancel.mutateAsync({ kind: 'cancel', reason });
        focusAfter.current = 'tafel-kop';
        onDone('De tafel is geannuleerd. De genodigden krijgen bericht.');
      }}
      onClose={() => onDone()}
    />
  );
}

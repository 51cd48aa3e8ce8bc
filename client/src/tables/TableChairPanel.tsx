import { useState } from 'react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { dutchToday, formatDutchDate, isTableHeld } from '@uitstroom/shared';
import type { Table } from './table-api';
import { TableEditForm } from './TableEditForm';
import { useFocusAfter, type TableAreaProps } from './use-table-page';

/** The chair's part of a planned or shared table: its steps, and the form to correct it. */
export function ChairArea({
  table,
  writes,
  organisations,
  setDialog,
  openCount,
}: TableAreaProps & { openCount: number }) {
  const [isEditing, setIsEditing] = useState(false);
  const focusAfter = useFocusAfter([table, isEditing], false);
  const stopEditing = (notice?: string) => {
    focusAfter.current = 'voorzitter-kop';
    setIsEditing(false);
    if (notice) writes.say(notice);
  };
  return (
    <>
      <TableChairPanel
        table={table}
        openCount={openCount}
        isBusy={writes.isBusy}
        isEditing={isEditing}
        onPublish={() => {
          focusAfter.current = 'voorzitter-kop';
          void writes.actOnPage({ kind: 'publish' }, 'De agenda is gedeeld met de genodigden.');
        }}
        onClose={() => setDialog({ kind: 'close' })}
        onEdit={() => {
          writes.say(null);
          focusAfter.current = 'wijzigen-kop';
          setIsEditing(true);
        }}
        onCancelTable={() => setDialog({ kind: 'cancel' })}
      />
      {isEditing && (
        <TableEditForm
          table={table}
          organisations={organisations}
          reload={writes.reload}
          onSaved={() => stopEditing('De tafel is gewijzigd.')}
          onCancel={() => stopEditing()}
        />
      )}
    </>
  );
}

/** A shared table: before its day the chair waits (the server refuses earlier); from then on, decide and close. */
function MeetingStep({ table, onClose }: { table: Table; onClose(): void }) {
  if (!isTableHeld(table.startsAt, dutchToday()))
    return (
      <Paragraph>
        De tafel is op {formatDutchDate(table.startsAt)}. Vanaf die dag legt u per casus het besluit
        vast of stelt u de casus uit, en sluit u de tafel af.
      </Paragraph>
    );
  return (
    <>
      <Paragraph>
        Loop de agenda door en leg per casus het besluit vast, of stel de casus uit. Sluit de tafel
        af als alles is besproken.
      </Paragraph>
      <Button type="button" appearance="secondary-action-button" onClick={onClose}>
        Tafel afsluiten
      </Button>
    </>
  );
}

/**
 * The chair's steps on a planned or shared table: share the agenda, close the table, correct its
 * date, place and invitees, or cancel it.
 */
export function TableChairPanel({
  table,
  openCount,
  isBusy,
  isEditing,
  onPublish,
  onClose,
  onEdit,
  onCancelTable,
}: {
  table: Table;
  openCount: number;
  isBusy: boolean;
  isEditing: boolean;
  onPublish(): void;
  onClose(): void;
  onEdit(): void;
  onCancelTable(): void;
}) {
  return (
    <section className="table-card table-chair" aria-labelledby="voorzitter-kop">
      <Heading level={2} id="voorzitter-kop" tabIndex={-1}>
        Voorzitter
      </Heading>
      {table.state === 'planned' && (
        <PublishStep openCount={openCount} isBusy={isBusy} onPublish={onPublish} />
      )}
      {table.state === 'published' && <MeetingStep table={table} onClose={onClose} />}
      <ButtonGroup className="table-chair__corrections">
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-expanded={isEditing}
          disabled={isEditing}
          onClick={onEdit}
        >
          Tafel wijzigen
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onCancelTable}>
          Tafel annuleren
        </Button>
      </ButtonGroup>
    </section>
  );
}

function PublishStep({
  openCount,
  isBusy,
  onPublish,
}: {
  openCount: number;
  isBusy: boolean;
  onPublish(): void;
}) {
  return (
    <>
      <Paragraph>
        Deel de agenda als die compleet is. Daarna ziet elke genodigde organisatie de agenda, per
        casus met wat haar rol mag zien. Besluiten legt u vast nadat de agenda is gedeeld.
      </Paragraph>
      {openCount === 0 && (
        <Paragraph id="agenda-leeg-uitleg" className="table-form__hint">
          Een lege agenda wordt niet gedeeld: zet eerst een casus op de agenda.
        </Paragraph>
      )}
      <Button
        type="button"
        appearance="primary-action-button"
        disabled={isBusy || openCount === 0}
        aria-describedby={openCount === 0 ? 'agenda-leeg-uitleg' : undefined}
        onClick={onPublish}
      >
        Agenda delen
      </Button>
    </>
  );
}

import {
  caseStateLabel,
  fieldsOfSeat,
  formatDutchInteger,
  targetGroupLabel,
  type CaseListFilter,
  type CaseListItem,
  type CaseViewField,
  type ExportCell,
  type ExportColumn,
  type Seat,
} from '@uitstroom/shared';
import type { WorkbookSheet } from '../core/workbook';

/**
 * The case list as a workbook: the columns of the list on screen, each present only where the
 * seat's projection has its field (a corporation's file has no names column, not an empty one).
 * The items come projected already (`toCaseView` cut them per case, with consent); the columns
 * follow the same table, so a field a seat never reads cannot appear as a column.
 */

/** An export holds every case the filters find, up to this many; the title row says when it stops short. */
export const maxCaseListExportRows = 5000;

interface ListColumn extends ExportColumn {
  /** The field of the case view the column shows; the column is there when the seat reads it (null: in every list item). */
  field: CaseViewField | null;
  /** The name the audit log keeps for what the column shows. */
  logged: string;
  cell: (item: CaseListItem, nameOf: (code: string) => string) => ExportCell;
}

const waitingUntilLabel: Record<NonNullable<CaseListItem['waitingUntil']>, string> = {
  today: 'vandaag (loopt nog)',
  keys: 'de sleutels',
  closing: 'de afsluiting',
};

const columns: readonly ListColumn[] = [
  {
    header: 'kenmerk',
    type: 'text',
    field: 'pseudonym',
    logged: 'pseudonym',
    cell: (i) => i.pseudonym,
  },
  { header: 'naam', type: 'text', field: 'identity', logged: 'name', cell: (i) => i.name },
  {
    header: 'status',
    type: 'text',
    field: 'state',
    logged: 'state',
    cell: (i) => caseStateLabel[i.state],
  },
  {
    header: 'vastgelopen',
    type: 'yesNo',
    field: 'isStalled',
    logged: 'isStalled',
    cell: (i) => i.isStalled,
  },
  {
    header: 'doelgroep',
    type: 'text',
    field: 'stay',
    logged: 'stay',
    cell: (i) => (i.targetGroup ? targetGroupLabel[i.targetGroup] : null),
  },
  {
    header: 'herkomst',
    type: 'text',
    field: 'origin',
    logged: 'origin',
    cell: (i, nameOf) => (i.origin ? nameOf(i.origin) : null),
  },
  {
    // Every list item has it: the decided destination, or the proposed one where the seat reads the proposal.
    header: 'bestemming',
    type: 'text',
    field: null,
    logged: 'state',
    cell: (i, nameOf) => (i.destination ? nameOf(i.destination) : null),
  },
  {
    header: 'wachttijd (dagen)',
    type: 'integer',
    field: 'waitingDays',
    logged: 'waitingDays',
    cell: (i) => i.waitingDays,
  },
  {
    header: 'wachttijd tot',
    type: 'text',
    field: 'waitingUntil',
    logged: 'waitingUntil',
    cell: (i) => (i.waitingUntil ? waitingUntilLabel[i.waitingUntil] : null),
  },
  {
    header: 'casemanager',
    type: 'text',
    field: 'owner',
    logged: 'owner',
    cell: (i) => i.ownerName || null,
  },
  {
    header: 'gewijzigd',
    type: 'date',
    field: 'updatedAt',
    logged: 'updatedAt',
    cell: (i) => i.updatedAt,
  },
];

/** The columns a seat's workbook has: those whose field the seat may ever read of a case. */
export function caseListColumnsFor(seat: Seat): readonly ListColumn[] {
  const readable = new Set<CaseViewField>(fieldsOfSeat(seat, { housesResident: true }));
  return columns.filter((column) => column.field === null || readable.has(column.field));
}

const sortWording: Record<CaseListFilter['sort'], [string, string]> = {
  name: ['naam, A tot Z', 'naam, Z tot A'],
  state: ['status, oplopend', 'status, aflopend'],
  waitingDays: ['wachttijd, kortst wachtend eerst', 'wachttijd, langst wachtend eerst'],
  updatedAt: ['laatste wijziging, oudste eerst', 'laatste wijziging, nieuwste eerst'],
};

/** The filters on screen, worded for the title row. */
export function describeCaseListFilter(
  query: CaseListFilter,
  nameOf: (code: string) => string,
): string[] {
  return [
    ...(query.q ? [`zoekterm “${query.q}”`] : []),
    ...(query.state ? [`status ${caseStateLabel[query.state]}`] : []),
    ...(query.municipality ? [`gemeente ${nameOf(query.municipality)}`] : []),
    ...(query.targetGroup ? [`doelgroep ${targetGroupLabel[query.targetGroup]}`] : []),
    ...(query.minWaitingDays !== undefined ? [`wacht minstens ${query.minWaitingDays} dagen`] : []),
    ...(query.isStalled === true ? ['alleen vastgelopen'] : []),
    ...(query.isStalled === false ? ['niet vastgelopen'] : []),
    `gesorteerd op ${sortWording[query.sort][query.direction === 'asc' ? 0 : 1]}`,
  ];
}

/** The sheet of the case list, and the parts of the cases it holds (for the audit log). */
export function caseListSheet(
  seat: Seat,
  query: CaseListFilter,
  items: readonly CaseListItem[],
  total: number,
  nameOf: (code: string) => string,
  madeAt: Date,
): WorkbookSheet & { fields: string[] } {
  const shown = caseListColumnsFor(seat);
  const count =
    total > items.length
      ? `de eerste ${formatDutchInteger(items.length)} van ${formatDutchInteger(total)}`
      : total === 1
        ? '1 casus'
        : `${formatDutchInteger(total)} casussen`;
  return {
    sheetName: 'Casussen',
    title: {
      subject: `Casussen (${count})`,
      filters: describeCaseListFilter(query, nameOf),
      madeAt,
    },
    table: {
      columns: shown.map(({ header, type }) => ({ header, type })),
      rows: items.map((item) => shown.map((column) => column.cell(item, nameOf))),
    },
    fields: [...new Set(shown.map((column) => column.logged))],
  };
}

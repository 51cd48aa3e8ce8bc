import { useId } from 'react';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { TableRowSpec, TableSpec } from './indicator-sections';

/**
 * The figures behind a chart, as a real table: the accessible version of the chart and what goes
 * on paper. With a comparison the own and the region's figures stand in column groups side by side.
 */
export function IndicatorTable({
  spec,
  ownLabel,
  regionLabel,
}: {
  spec: TableSpec;
  ownLabel: string;
  regionLabel: string | null;
}) {
  const captionId = useId();
  const hasRegion =
    regionLabel !== null &&
    spec.groups.some((group) => group.rows.some((row) => row.region !== undefined));
  const width = spec.columns.length;
  return (
    // Focusable so a keyboard can scroll a table wider than the screen; named by its caption. A group,
    // not a region: the section around it is the landmark, with the same name.
    <div
      className={`indicator-table${width * (hasRegion ? 2 : 1) <= 2 ? ' indicator-table--narrow' : ''}`}
      role="group"
      aria-labelledby={captionId}
      tabIndex={0}
    >
      <Table>
        <TableCaption id={captionId} className="indicator-table__caption">
          {spec.caption}
        </TableCaption>
        <TableHeader>
          {hasRegion ? (
            <ComparedHeader spec={spec} ownLabel={ownLabel} regionLabel={regionLabel} />
          ) : (
            <TableRow>
              <TableHeaderCell scope="col">{spec.rowHeader}</TableHeaderCell>
              {spec.columns.map((column) => (
                <TableHeaderCell key={column} scope="col" className="indicator-table__number">
                  {column}
                </TableHeaderCell>
              ))}
            </TableRow>
          )}
        </TableHeader>
        {spec.groups
          .filter((group) => group.rows.length > 0)
          .map((group, groupIndex) => (
            <GroupBody
              key={group.title ?? groupIndex}
              group={group}
              columns={spec.columns}
              hasRegion={hasRegion}
            />
          ))}
      </Table>
    </div>
  );
}

/** Two header rows: the own and the region's column groups, then each side's columns. */
function ComparedHeader({
  spec,
  ownLabel,
  regionLabel,
}: {
  spec: TableSpec;
  ownLabel: string;
  regionLabel: string | null;
}) {
  const width = spec.columns.length;
  return (
    <>
      <TableRow>
        <TableHeaderCell scope="col" rowSpan={2}>
          {spec.rowHeader}
        </TableHeaderCell>
        {[ownLabel, regionLabel].map((side, index) => (
          <TableHeaderCell
            key={index}
            scope="colgroup"
            colSpan={width}
            className="indicator-table__group indicator-table__first"
          >
            {side}
          </TableHeaderCell>
        ))}
      </TableRow>
      <TableRow>
        {[ownLabel, regionLabel].map((side) =>
          spec.columns.map((column, index) => (
            <TableHeaderCell
              key={`${side}-${column}`}
              scope="col"
              className={`indicator-table__number${index === 0 ? ' indicator-table__first' : ''}`}
            >
              {column}
              <span className="visually-hidden"> ({side})</span>
            </TableHeaderCell>
          )),
        )}
      </TableRow>
    </>
  );
}

/** One group of rows, under its title if it has one. */
function GroupBody({
  group,
  columns,
  hasRegion,
}: {
  group: TableSpec['groups'][number];
  columns: readonly string[];
  hasRegion: boolean;
}) {
  return (
    <TableBody className="indicator-table__body">
      {group.title && (
        <TableRow className="indicator-table__group-row">
          <TableHeaderCell scope="rowgroup" colSpan={1 + columns.length * (hasRegion ? 2 : 1)}>
            {group.title}
          </TableHeaderCell>
        </TableRow>
      )}
      {group.rows.map((row) => (
        <FigureRow key={row.key} row={row} columns={columns} hasRegion={hasRegion} />
      ))}
    </TableBody>
  );
}

function FigureRow({
  row,
  columns,
  hasRegion,
}: {
  row: TableRowSpec;
  columns: readonly string[];
  hasRegion: boolean;
}) {
  // A row the one side does not have (the region's other municipalities, beside a municipality's own) stays blank.
  const cells = (values: string[] | null | undefined, side: string) =>
    (values ?? columns.map(() => '')).map((value, index) => (
      <TableCell
        key={`${side}-${index}`}
        className={`indicator-table__number${index === 0 && hasRegion ? ' indicator-table__first' : ''}`}
      >
        {value}
      </TableCell>
    ));
  return (
    <TableRow className={row.isTotal ? 'indicator-table__total' : undefined}>
      <TableHeaderCell scope="row">
        {row.label}
        {row.mark && (
          <>
            {' '}
            <span className="indicator-table__mark">{row.mark}</span>
          </>
        )}
      </TableHeaderCell>
      {cells(row.own, 'own')}
      {hasRegion && cells(row.region, 'region')}
    </TableRow>
  );
}

import type { ReactNode } from 'react';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
} from '@utrecht/component-library-react';

/** One fact: its label and its value. */
export type Fact = readonly [label: string, value: ReactNode];

/** Facts as a data list of labels and values, in the case file's house style (`case-facts`). */
export function Facts({
  facts,
  className = 'case-facts',
}: {
  facts: readonly Fact[];
  className?: string;
}) {
  return (
    <DataList className={className}>
      {facts.map(([label, value]) => (
        <DataListItem key={label}>
          <DataListKey>{label}</DataListKey>
          <DataListValue>{value}</DataListValue>
        </DataListItem>
      ))}
    </DataList>
  );
}

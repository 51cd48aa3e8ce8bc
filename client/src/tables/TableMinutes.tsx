import {
  Button,
  ButtonGroup,
  ButtonLink,
  DataList,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { minutesOf, seatLabel } from '@uitstroom/shared';
import { caseTitle } from '../core/format';
import { minutesUrl, type AgendaEntry, type Table } from './table-api';
import { Fact } from './TableHeader';
import { describeCaseCount } from './table-list';

/**
 * The minutes of a closed table (domain.md §4): who was present, what was decided and what was
 * deferred; the decisions per case follow in the agenda below. Built from the reader's own view of
 * the table, like the PDF, so each seat's copy (on screen, on paper, as PDF) shows only what its
 * role and the residents' consent allow.
 */
export function Minutes({ table, agenda }: { table: Table; agenda: readonly AgendaEntry[] }) {
  const minutes = minutesOf(agenda);
  return (
    <section className="table-card table-minutes" aria-labelledby="notulen-kop">
      <div className="table-minutes__top">
        <Heading level={2} id="notulen-kop">
          Notulen
        </Heading>
        <ButtonGroup className="table-minutes__tools no-print">
          <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
            Afdrukken
          </Button>
          <ButtonLink appearance="secondary-action-button" href={minutesUrl(table.id)} download>
            Notulen downloaden (PDF)
          </ButtonLink>
        </ButtonGroup>
      </div>
      <DataList className="case-facts table-minutes__facts">
        <Fact label="Aanwezig">
          {minutes.present.length === 0 ? (
            'Niet vastgelegd (geen besluiten).'
          ) : (
            <UnorderedList className="table-minutes__present">
              {minutes.present.map((p) => (
                <UnorderedListItem key={p.organisationId}>
                  {p.organisationName}{' '}
                  <span className="agenda-decision__seat">
                    ({p.seats.map((s) => seatLabel[s as keyof typeof seatLabel] ?? s).join(', ')})
                  </span>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </Fact>
        <Fact label="Besloten">{describeCaseCount(minutes.decided.length)}</Fact>
        <Fact label="Uitgesteld">
          {minutes.deferred.length === 0 ? (
            'Geen.'
          ) : (
            <UnorderedList className="table-minutes__deferred">
              {minutes.deferred.map((item) => (
                <UnorderedListItem key={item.id}>
                  <strong>{caseTitle(item.case)}</strong>:{' '}
                  {item.note ??
                    (item.hasNote ? 'reden vastgelegd, niet zichtbaar voor uw rol' : '')}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </Fact>
      </DataList>
      <Paragraph className="table-form__hint table-minutes__confidential">
        Vertrouwelijk. Deze notulen tonen alleen wat uw rol en de toestemming van de bewoners
        toelaten. Niet doorsturen.
      </Paragraph>
    </section>
  );
}

import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../core/query/query-keys';
import { QueryStatus } from '../core/query/QueryState';
import { Link as RouterLink } from 'react-router';
import { Heading, StatusBadge } from '@utrecht/component-library-react';
import { formatDutchDate, offerStatusLabel, type DwellingOffer } from '@uitstroom/shared';
import { formatDutchTimestamp } from '../core/format';
import { fetchDwellingOffers } from './placement-api';
import './placements.css';

/**
 * The offers of one of the corporation's dwellings, newest first: to which case (by its
 * pseudonym), where it stands, and an answer that is overdue flagged. Nothing when it was never offered.
 */
export function DwellingOffers({ dwellingId }: { dwellingId: string }) {
  const offersQuery = useQuery({
    queryKey: queryKeys.dwellingOffers(dwellingId),
    queryFn: ({ signal }) => fetchDwellingOffers(dwellingId, signal),
  });
  const offers: DwellingOffer[] | null = offersQuery.data ?? null;
  if (offersQuery.isError)
    return (
      <QueryStatus query={offersQuery} failure="De aanbiedingen konden niet worden geladen." />
    );
  if (!offers || offers.length === 0) return null;
  return (
    <section className="case-card" aria-labelledby="aanbiedingen-kop">
      <Heading level={2} id="aanbiedingen-kop">
        Aanbiedingen
      </Heading>
      <ul className="placement-history">
        {offers.map((o) => (
          <li key={o.id}>
            {o.isCaseReachable ? (
              <RouterLink className="utrecht-link" to={`/casussen/${o.caseId}`}>
                Casus {o.pseudonym}
              </RouterLink>
            ) : (
              `Casus ${o.pseudonym}`
            )}
            {' — '}
            {offerStatusLabel[o.status]}, aangeboden op {formatDutchTimestamp(o.offeredAt)}
            {o.status === 'open' && `; antwoord uiterlijk ${formatDutchDate(o.answerDueOn)}`}
            {o.isAnswerOverdue && (
              <>
                {' '}
                <StatusBadge status="warning" className="placement-badge placement-badge--overdue">
                  Termijn voor het antwoord verstreken
                </StatusBadge>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

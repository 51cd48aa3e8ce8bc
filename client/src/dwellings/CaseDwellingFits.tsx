import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../core/query/QueryState';
import { queryKeys } from '../core/query/query-keys';
import { Link as RouterLink } from 'react-router';
import { Heading, Paragraph } from '@utrecht/component-library-react';
import {
  dwellingKindLabel,
  formatDutchDate,
  formatDutchEuro,
  type CaseDwellingFits as Fits,
  type Dwelling,
} from '@uitstroom/shared';
import type { RegionMunicipalities } from '../core/region';
import { FitBadge, FitReasons } from './FitReasons';
import { fetchCaseDwellingFits } from './dwelling-api';
import { accessibilitySummary } from './dwelling-format';
import './dwellings.css';

/**
 * "Passende woningen" on the page of a case that searches a dwelling, for a corporation: its own
 * available dwellings in the decided destination, best fit first, with the reason per criterion.
 * `renderAction` adds a step per dwelling (the offers module's "Deze woning aanbieden").
 */
export function CaseDwellingFits({
  caseId,
  region,
  renderAction,
}: {
  caseId: string;
  region: RegionMunicipalities;
  renderAction?: (dwelling: Dwelling) => ReactNode;
}) {
  const fitsQuery = useQuery({
    queryKey: queryKeys.caseDwellingFits(caseId),
    queryFn: ({ signal }) => fetchCaseDwellingFits(caseId, signal),
  });
  const fits: Fits | null = fitsQuery.data ?? null;

  const destination = fits?.destination ? region.nameOf(fits.destination) : null;
  return (
    <section className="case-card case-dwelling-fits" aria-labelledby="passende-woningen-kop">
      <Heading level={2} id="passende-woningen-kop">
        Passende woningen
      </Heading>
      <Paragraph className="case-card__note">
        Uw beschikbare woningen{destination ? ` in ${destination}, de gemeente van bestemming` : ''}
        , de best passende eerst, met per punt de reden.
      </Paragraph>
      <QueryStatus
        query={fitsQuery}
        loading="Passende woningen zoeken…"
        failure="De passende woningen konden niet worden geladen."
      />
      {fits && fits.items.length === 0 && (
        <Paragraph>
          U heeft geen beschikbare woning in {destination ?? 'de gemeente van bestemming'}.{' '}
          <RouterLink className="utrecht-link" to="/woningen">
            Registreer een woning
          </RouterLink>
          .
        </Paragraph>
      )}
      {fits && fits.items.length > 0 && (
        <ol className="fit-list">
          {fits.items.map(({ dwelling: d, fit }) => (
            <li key={d.id} className="fit-list__item">
              <div className="fit-list__top">
                <Heading level={3}>
                  <RouterLink className="utrecht-link" to={`/woningen/${d.id}`}>
                    {d.street} {d.houseNumber}
                  </RouterLink>
                </Heading>
                <FitBadge fit={fit} />
              </div>
              <Paragraph className="case-table__muted">
                {d.neighbourhood} · {dwellingKindLabel[d.kind]} · {formatDutchEuro(d.rent)} ·{' '}
                {accessibilitySummary(d)} · vrij vanaf {formatDutchDate(d.availableFrom)}
              </Paragraph>
              <FitReasons fit={fit} />
              {renderAction?.(d)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

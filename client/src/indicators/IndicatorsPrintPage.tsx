import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../core/query/QueryState';
import { queryKeys } from '../core/query/query-keys';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { Button, ButtonLink, Heading, Paragraph } from '@utrecht/component-library-react';
import type { DashboardView } from '@uitstroom/shared';
import { filterApiQuery, readFilterValues } from './indicator-filters';
import { buildSections } from './indicator-sections';
import { fetchIndicators, indicatorsPdfUrl } from './indicators-api';
import { IndicatorTable } from './IndicatorTable';
import { DashboardFacts, scopeIntro, SuppressionNote } from './IndicatorNotes';
import '../core/layout.css';
import './indicators.css';

/**
 * `/indicatoren/afdrukken`: the whole dashboard with the filters of the URL as tables only, for the
 * quarterly report on A4 (the app's header, menu and buttons stay off the paper). One request, the
 * same as the dashboard's; no chart library in this chunk.
 */
export function IndicatorsPrintPage() {
  const [search] = useSearchParams();
  const query = filterApiQuery(readFilterValues(search));
  const indicatorsQuery = useQuery({
    queryKey: queryKeys.indicators(query),
    queryFn: ({ signal }) => fetchIndicators(query, signal),
  });
  const view: DashboardView | null = indicatorsQuery.data ?? null;

  const sections = useMemo(() => (view ? buildSections(view) : []), [view]);
  const back = `/indicatoren${search.toString() ? `?${search.toString()}` : ''}`;

  return (
    <article className="indicators-print" aria-labelledby="rapport-titel">
      <div className="indicators-print__tools no-print">
        <Paragraph className="case-breadcrumb">
          <RouterLink className="utrecht-link" to={back}>
            Terug naar de indicatoren
          </RouterLink>
        </Paragraph>
        {view && (
          <div className="indicators-page__exports">
            <Button type="button" appearance="primary-action-button" onClick={() => window.print()}>
              Afdrukken
            </Button>
            <ButtonLink
              appearance="secondary-action-button"
              href={indicatorsPdfUrl(query)}
              download
            >
              PDF downloaden
            </ButtonLink>
          </div>
        )}
      </div>
      <Heading level={1} id="rapport-titel">
        Indicatoren{view ? ` ${view.dashboard.scope.label}` : ''}
      </Heading>
      <QueryStatus
        query={indicatorsQuery}
        loading="De rapportage wordt gemaakt…"
        failure="De indicatoren konden niet worden geladen."
      />
      {view && (
        <>
          <Paragraph>{scopeIntro(view)}</Paragraph>
          <DashboardFacts view={view} />
          <SuppressionNote view={view} />
          {sections.map((section) => (
            <section
              key={section.id}
              className="indicators-print__section"
              aria-labelledby={`afdruk-${section.id}`}
            >
              <Heading level={2} id={`afdruk-${section.id}`}>
                {section.title}
              </Heading>
              <Paragraph className="indicator-section__description">
                {section.description}
              </Paragraph>
              {section.isEmpty ? (
                <Paragraph className="indicator-section__empty">{section.emptyText}</Paragraph>
              ) : (
                section.tables.map((table) => (
                  <IndicatorTable
                    key={table.caption}
                    spec={table}
                    ownLabel={view.dashboard.scope.label}
                    regionLabel={view.comparison?.scope.label ?? null}
                  />
                ))
              )}
            </section>
          ))}
        </>
      )}
    </article>
  );
}

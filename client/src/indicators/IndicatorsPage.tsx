import { useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { QueryStatus } from '../core/query/QueryState';
import { queryKeys } from '../core/query/query-keys';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { ButtonLink, Heading, Paragraph } from '@utrecht/component-library-react';
import { useMe } from '../core/session';
import { ApiError } from '../core/api';
import { useRegionMunicipalities } from '../core/region';
import {
  fieldOfIssue,
  filterApiQuery,
  filterSearch,
  readFilterValues,
  type FilterField,
} from './indicator-filters';
import { buildSections, type SectionSpec } from './indicator-sections';
import { fetchIndicators, indicatorExportUrl, indicatorsPdfUrl } from './indicators-api';
import { ExportLinks } from '../core/ExportLinks';
import { IndicatorFilters } from './IndicatorFilters';
import { hasFigure, IndicatorChart } from './IndicatorChart';
import { IndicatorTable } from './IndicatorTable';
import { DashboardFacts, scopeIntro, SuppressionNote } from './IndicatorNotes';
import '../core/layout.css';
import './indicators.css';

type FieldIssues = Partial<Record<FilterField, string>>;
const noFieldIssues: FieldIssues = {};

/** The API's messages about the filters of a refused read, each at the field it is about. */
function fieldIssuesOf(error: unknown): FieldIssues {
  const fieldIssues: FieldIssues = {};
  for (const issue of error instanceof ApiError ? error.issues : []) {
    const field = fieldOfIssue(issue.path);
    if (field && !fieldIssues[field]) fieldIssues[field] = issue.message;
  }
  return fieldIssues;
}

/**
 * `/indicatoren`: what the parties agreed to watch (domain.md §6), one section per indicator with a
 * chart and the table behind it, filtered by period, municipality, corporation and target group.
 * The filters are the URL; the CSVs, the PDF and the printable page take the same filters.
 */
export function IndicatorsPage() {
  const me = useMe();
  const region = useRegionMunicipalities();
  const [search, setSearch] = useSearchParams();
  const values = readFilterValues(search);
  const query = filterApiQuery(values);
  // Other filters are another view; the previous one stays on screen while it loads.
  const indicatorsQuery = useQuery({
    queryKey: queryKeys.indicators(query),
    queryFn: ({ signal }) => fetchIndicators(query, signal),
    placeholderData: keepPreviousData,
  });
  // Figures of other filters than the form shows would mislead: on a failure they go.
  const view = indicatorsQuery.isError ? undefined : indicatorsQuery.data;
  const fieldIssues = useMemo(
    () => (indicatorsQuery.isError ? fieldIssuesOf(indicatorsQuery.error) : noFieldIssues),
    [indicatorsQuery.isError, indicatorsQuery.error],
  );

  const sections = useMemo(() => (view ? buildSections(view) : []), [view]);
  const printSearch = filterSearch(values).toString();

  return (
    <div className="indicators-page">
      <IndicatorsTitle printSearch={printSearch} query={query} />
      <Paragraph className="indicators-page__intro">
        {view
          ? scopeIntro(view)
          : 'Hoe de uitstroom loopt: wachttijden, besluiten, de verdeling over de gemeenten, woningen en wat er na de verhuizing gebeurt. Alleen aantallen, nooit een persoon.'}
      </Paragraph>

      <IndicatorFilters
        values={values}
        appliedPeriod={view?.dashboard.filter ?? null}
        choices={view?.choices ?? null}
        targetGroups={region.targetGroups}
        seat={me.seat}
        apiIssues={fieldIssues}
        onApply={(next) => setSearch(filterSearch(next))}
      />

      <QueryStatus
        query={{
          data: view,
          isError: indicatorsQuery.isError,
          error: indicatorsQuery.error,
          refetch: indicatorsQuery.refetch,
        }}
        failure={
          Object.keys(fieldIssues).length
            ? () => 'De filters kloppen niet; zie de melding bij het veld.'
            : 'De indicatoren konden niet worden geladen.'
        }
      />
      {/* While other filters load, the previous figures stay: this line says so, from the start. */}
      <Paragraph role="status" className="indicators-page__status">
        {indicatorsQuery.isFetching ? 'Indicatoren laden…' : ''}
      </Paragraph>

      {view && (
        <div className="indicators-page__body" aria-busy={indicatorsQuery.isFetching}>
          <DashboardFacts view={view} />
          <SuppressionNote view={view} />
          <SectionsNav sections={sections} />
          {sections.map((section) => (
            <IndicatorSection
              key={section.id}
              section={section}
              query={query}
              ownLabel={view.dashboard.scope.label}
              regionLabel={view.comparison?.scope.label ?? null}
            />
          ))}
        </div>
      )}
    </div>
  );
}

function IndicatorSection({
  section,
  query,
  ownLabel,
  regionLabel,
}: {
  section: SectionSpec;
  query: string;
  ownLabel: string;
  regionLabel: string | null;
}) {
  const headingId = `indicator-${section.id}-kop`;
  // Waiting time has a chart per municipality, corporation and target group: the first that compares at
  // least two groups leads, else the fullest (a municipality's own figure is one row per municipality).
  const [chartIndex, setChartIndex] = useState<number | null>(null);
  const bars = section.charts.map((alternative) => alternative.chart.rows.filter(hasFigure).length);
  const comparing = bars.findIndex((count) => count >= 2);
  const leading = comparing >= 0 ? comparing : Math.max(0, bars.indexOf(Math.max(...bars)));
  const shownIndex = chartIndex ?? leading;
  const chart = section.charts[shownIndex] ?? section.charts[0];
  return (
    <section
      id={`indicator-${section.id}`}
      className="indicator-section"
      aria-labelledby={headingId}
    >
      <div className="indicator-section__head">
        <Heading level={2} id={headingId}>
          {section.title}
        </Heading>
        <ExportLinks
          className="indicator-section__exports no-print"
          urlOf={(format) => indicatorExportUrl(section.id, query, format)}
          text={(format) => (
            <>
              {format} downloaden<span className="visually-hidden">: {section.title}</span>
            </>
          )}
        />
      </div>
      <Paragraph className="indicator-section__description">{section.description}</Paragraph>
      {section.isEmpty ? (
        <Paragraph className="indicator-section__empty">{section.emptyText}</Paragraph>
      ) : (
        <>
          {section.charts.length > 1 && bars.some((count) => count > 0) && (
            <div
              className="indicator-section__chart-choice no-print"
              role="group"
              aria-label={`Grafiek van ${section.title.toLowerCase()}`}
            >
              {section.charts.map((alternative, index) => (
                <button
                  key={alternative.label}
                  type="button"
                  className="indicator-toggle"
                  aria-pressed={index === shownIndex}
                  onClick={() => setChartIndex(index)}
                >
                  {alternative.label}
                </button>
              ))}
            </div>
          )}
          {chart && <IndicatorChart spec={chart.chart} />}
          {section.tables.map((table) => (
            <IndicatorTable
              key={table.caption}
              spec={table}
              ownLabel={ownLabel}
              regionLabel={regionLabel}
            />
          ))}
        </>
      )}
    </section>
  );
}

/** The page title with its print and PDF links, for the filters in the address bar. */
function IndicatorsTitle({ printSearch, query }: { printSearch: string; query: string }) {
  return (
    <div className="page-title">
      <Heading level={1}>Indicatoren</Heading>
      <div className="indicators-page__exports no-print">
        <RouterLink
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
          to={`/indicatoren/afdrukken${printSearch ? `?${printSearch}` : ''}`}
        >
          Afdrukken
        </RouterLink>
        <ButtonLink appearance="secondary-action-button" href={indicatorsPdfUrl(query)} download>
          PDF downloaden
        </ButtonLink>
      </div>
    </div>
  );
}

/** The table of contents of the indicators on the page. */
function SectionsNav({ sections }: { sections: readonly { id: string; title: string }[] }) {
  return (
    <nav aria-label="Indicatoren op deze pagina" className="indicators-page__toc no-print">
      <ul>
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#indicator-${section.id}`}>{section.title}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { Paragraph } from '@utrecht/component-library-react';
import { targetGroupLabel, type DashboardView } from '@uitstroom/shared';
import { generatedText, periodText } from './indicator-format';
import { showsSuppressed } from './indicator-sections';

/** What the page and the printable page both say about a dashboard: whose figures, which filters, what "<5" means. */

export function scopeIntro(view: DashboardView): string {
  const { scope } = view.dashboard;
  if (scope.kind === 'municipality') {
    return view.comparison
      ? `De cijfers van ${scope.label}, met die van ${view.comparison.scope.label} ernaast om te vergelijken.`
      : `De cijfers van ${scope.label}.`;
  }
  if (scope.kind === 'corporation') {
    return `De cijfers van ${scope.label}. Een woningcorporatie ziet alleen wat over haar eigen aanbiedingen, woningen en contingenten gaat; open casussen, besluiten, de verdeling en de uitkomsten ziet zij niet.`;
  }
  // The server leaves the sections about cases out once the figures are cut to one corporation.
  if (view.dashboard.filter.corporation) {
    return `De cijfers van ${scope.label} voor ${view.dashboard.filter.corporation.name}: alleen wat over de aanbiedingen, woningen en contingenten van die corporatie gaat. Open casussen, besluiten, de verdeling en de uitkomsten horen niet bij één corporatie en staan er dan niet bij.`;
  }
  return `De cijfers van ${scope.label}: alleen aantallen, nooit een persoon.`;
}

/** `Gemeente Lelystad · Centrada · Beschermd wonen`, or nothing when no filter narrows the figures. */
export function filterSummary(view: DashboardView): string {
  const { filter } = view.dashboard;
  return [
    filter.municipality?.name,
    filter.corporation?.name,
    filter.targetGroup ? targetGroupLabel[filter.targetGroup] : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function DashboardFacts({ view }: { view: DashboardView }) {
  const { filter, generatedAt } = view.dashboard;
  const narrowed = filterSummary(view);
  return (
    <dl className="indicator-facts">
      <div>
        <dt>Periode</dt>
        <dd>{periodText(filter.from, filter.to)}</dd>
      </div>
      {narrowed && (
        <div>
          <dt>Filters</dt>
          <dd>{narrowed}</dd>
        </div>
      )}
      <div>
        <dt>Gemaakt op</dt>
        <dd>{generatedText(generatedAt)}</dd>
      </div>
    </dl>
  );
}

/** Said once per page, only where small counts are hidden from this seat. */
export function SuppressionNote({ view }: { view: DashboardView }) {
  if (!showsSuppressed(view)) return null;
  return (
    <Paragraph className="indicator-note">
      Aantallen onder de 5 tonen we als &lt;5, en een mediaan, percentiel of aandeel van zo&apos;n
      kleine groep als –, zodat niemand herkenbaar wordt. In de grafieken is &lt;5 een gearceerde
      balk.
    </Paragraph>
  );
}

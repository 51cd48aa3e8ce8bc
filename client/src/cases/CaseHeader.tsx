import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import {
  caseOutcomeLabel,
  caseStateLabel,
  describeWaiting,
  formatDutchDate,
  targetGroupLabel,
} from '@uitstroom/shared';
import { caseTitle, formatDutchTimestamp } from '../core/format';
import { useRegionMunicipalities } from '../core/region';
import type { ProjectedCase } from './case-api';
import { isWaitingTooLong, type CasePanels } from './case-page-parts';
import { CaseHandover } from './CaseHandover';
import { CasePrivacyLinks } from './privacy/CasePrivacyLinks';
import { consentPanelId } from './privacy/ConsentPanel';

/** The case's name, state, waiting clock and owner; the hand-over for a seat that may. */
export function CaseHeader({
  view,
  panels,
  onChange,
}: {
  view: ProjectedCase;
  panels: CasePanels;
  onChange(view: ProjectedCase, notice: string): void;
}) {
  const facts = headerFactsOf(view);
  return (
    <header className="case-header">
      <Heading level={1}>{caseTitle(view)}</Heading>
      <CaseBadges view={view} />
      <Paragraph className="case-clock">{waitingLineOf(view)}</Paragraph>
      {view.consentWarnings && view.consentWarnings.length > 0 && (
        <ConsentWarnings warnings={view.consentWarnings} linkToPanel={panels.ownCase} />
      )}
      {facts.length > 0 && (
        <DataList className="case-facts case-header__facts">
          {facts.map((f) => (
            <DataListItem key={f.label}>
              <DataListKey>{f.label}</DataListKey>
              <DataListValue>{f.value}</DataListValue>
            </DataListItem>
          ))}
        </DataList>
      )}
      {panels.ownCase && view.id && <CasePrivacyLinks caseId={view.id} state={view.state} />}
      {panels.handover && (
        <CaseHandover
          view={view}
          onDone={(next, colleague) =>
            onChange(
              next,
              `De casus is overgedragen aan ${colleague.displayName}. De overdracht is vastgelegd.`,
            )
          }
        />
      )}
    </header>
  );
}

function headerFactsOf(view: ProjectedCase): { label: string; value: ReactNode }[] {
  const facts: { label: string; value: ReactNode }[] = [];
  if (view.owner)
    facts.push({
      label: 'Casemanager',
      value: `${view.owner.displayName} (${view.owner.organisationName})`,
    });
  if (view.stay?.targetGroup)
    facts.push({ label: 'Doelgroep', value: targetGroupLabel[view.stay.targetGroup] });
  if (view.pseudonym) facts.push({ label: 'Kenmerk', value: view.pseudonym });
  if (view.updatedAt)
    facts.push({ label: 'Laatst gewijzigd', value: formatDutchTimestamp(view.updatedAt) });
  if (view.outcome) facts.push({ label: 'Uitkomst', value: caseOutcomeLabel[view.outcome] });
  return facts;
}

/**
 * The waiting clock (domain.md §6): a running one counts since uitstroomgereed; a stopped one names
 * where it stopped (the keys, a closing before them).
 */
function waitingLineOf(view: ProjectedCase): string | null {
  const days = view.waitingDays;
  if (days === null || days === undefined)
    return view.state === 'intake'
      ? 'De wachttijd begint zodra de bewoner uitstroomgereed is.'
      : null;
  const readyOn = view.readyAt ? formatDutchTimestamp(view.readyAt) : null;
  return view.waitingUntil === 'keys' || view.waitingUntil === 'closing'
    ? `${describeWaiting(days, view.waitingUntil)}${readyOn ? ` (uitstroomgereed sinds ${readyOn})` : ''}.`
    : `${describeWaiting(days, 'today')} sinds uitstroomgereed${readyOn ? ` (${readyOn})` : ''}.`;
}

function CaseBadges({ view }: { view: ProjectedCase }) {
  const region = useRegionMunicipalities();
  const isOverTarget = isWaitingTooLong(view, region.waitingTargetDays);
  return (
    <div className="case-header__badges">
      {view.state && (
        <StatusBadge status="neutral" className="case-badge case-badge--state">
          {caseStateLabel[view.state]}
        </StatusBadge>
      )}
      {view.isStalled && (
        <StatusBadge status="warning" className="case-badge case-badge--stalled">
          Vastgelopen
        </StatusBadge>
      )}
      {isOverTarget && (
        <StatusBadge status="warning" className="case-badge case-badge--waiting">
          Wacht langer dan {region.waitingTargetDays} dagen
        </StatusBadge>
      )}
    </div>
  );
}

/** Consent that ends within 30 days: ask the resident again in time. */
function ConsentWarnings({
  warnings,
  linkToPanel,
}: {
  warnings: NonNullable<ProjectedCase['consentWarnings']>;
  linkToPanel: boolean;
}) {
  const text = (w: (typeof warnings)[number]) =>
    `De toestemming voor ${w.organisationName} verloopt op ${formatDutchDate(w.expiresOn.slice(0, 10))}.`;
  return (
    <Alert type="warning" className="case-consent-warnings">
      {warnings.length === 1 ? (
        <Paragraph>{text(warnings[0]!)}</Paragraph>
      ) : (
        <UnorderedList>
          {warnings.map((w) => (
            <UnorderedListItem key={w.organisationName + w.expiresOn}>{text(w)}</UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      <Paragraph>
        Vraag de bewoner op tijd opnieuw; daarna ziet de organisatie deze gegevens niet meer.
        {linkToPanel && (
          <>
            {' '}
            <RouterLink className="utrecht-link" to={{ hash: consentPanelId }}>
              Naar de toestemmingen
            </RouterLink>
          </>
        )}
      </Paragraph>
    </Alert>
  );
}

import { AppError, type Dashboard, type DashboardView, type Seat } from '@uitstroom/shared';

/**
 * What each seat sees of the indicators (issue 14, domain.md §6). Aggregates name no one, but a
 * small count can: one case in a small municipality is a person. So the projection declares, per
 * seat, which sections of a dashboard it reads, whether it gets the region's figures beside its own,
 * and whether it sees counts below five as counted. The dashboard page, each indicator's CSV and the
 * PDF report are all made from the view this projection let through.
 *
 * A section or a comparison the seat does not read is null, not absent: that is the shape the API
 * has always answered (`dashboardSchema` makes those sections nullable), and the client and the
 * exports name a null section as "not for you". The case managers and the providers hold no
 * `indicator:read` and read nothing.
 */
const meta = [
  'scope',
  'filter',
  'smallCountsSuppressed',
  'generatedAt',
] as const satisfies readonly (keyof Dashboard)[];

const everySection = [
  ...meta,
  'waitingToOffer',
  'waitingToKeys',
  'openCases',
  'decisions',
  'distribution',
  'dwellings',
  'neighbourhoods',
  'outcomes',
  'stillHoused',
] as const satisfies readonly (keyof Dashboard)[];

/**
 * A corporation reads what concerns its own dwellings: its offers, contingents, the moves into its
 * dwellings and the follow-up checks of those moves; not the sections about cases.
 */
const ownDwellingsSections = [
  ...meta,
  'waitingToOffer',
  'waitingToKeys',
  'dwellings',
  'neighbourhoods',
  'stillHoused',
] as const satisfies readonly (keyof Dashboard)[];

export const dashboardFieldsBySeat = {
  chair: everySection,
  regionAdmin: everySection,
  municipality: everySection,
  corporation: ownDwellingsSections,
  casemanager: [],
  provider: [],
} as const satisfies Record<Seat, readonly (keyof Dashboard)[]>;

/** The region's figures beside one's own: for a municipality only. */
export const viewFieldsBySeat = {
  chair: ['dashboard', 'choices'],
  regionAdmin: ['dashboard', 'choices'],
  municipality: ['dashboard', 'comparison', 'choices'],
  corporation: ['dashboard', 'choices'],
  casemanager: [],
  provider: [],
} as const satisfies Record<Seat, readonly (keyof DashboardView)[]>;

/**
 * Counts below five: as counted for the chair and the region's administrator, who run the region;
 * as "<5" (and the figures drawn from them hidden) for every other seat.
 */
export const smallCountsBySeat = {
  chair: 'asCounted',
  regionAdmin: 'asCounted',
  municipality: 'suppressed',
  corporation: 'suppressed',
  casemanager: 'suppressed',
  provider: 'suppressed',
} as const satisfies Record<Seat, 'asCounted' | 'suppressed'>;

/** The sections a dashboard may hold as null (the others every reader reads). */
type NullableSection = {
  [K in keyof Dashboard]: null extends Dashboard[K] ? K : never;
}[keyof Dashboard];

function toDashboard(full: Dashboard, seat: Seat): Dashboard {
  // The counts were cut while they were made (a derived figure needs its own counts); here it is
  // checked, not trusted: a dashboard that shows a seat small counts it may not see never leaves.
  if (full.smallCountsSuppressed !== (smallCountsBySeat[seat] === 'suppressed'))
    throw new Error(`Indicators for ${seat} made with the wrong small-count rule.`);
  const fields = dashboardFieldsBySeat[seat] as readonly (keyof Dashboard)[];
  const withheld = (Object.keys(full) as (keyof Dashboard)[]).filter((f) => !fields.includes(f));
  return {
    ...full,
    ...Object.fromEntries(withheld.map((f) => [f as NullableSection, null])),
  } as Dashboard;
}

/**
 * The seat's view of the indicators: its sections of the dashboard (and of the region's beside it),
 * the rest null. A seat that reads no indicator gets none: as outside its reach.
 */
export function toDashboardView(full: DashboardView, seat: Seat): DashboardView {
  const fields = viewFieldsBySeat[seat] as readonly (keyof DashboardView)[];
  if (fields.length === 0) throw new AppError('NOT_FOUND');
  return {
    dashboard: toDashboard(full.dashboard, seat),
    comparison:
      fields.includes('comparison') && full.comparison ? toDashboard(full.comparison, seat) : null,
    choices: full.choices,
  };
}

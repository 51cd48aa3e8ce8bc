import {
  dashboardSchema,
  dashboardViewSchema,
  seats,
  seesSmallCounts,
  type Dashboard,
  type DashboardView,
  type Seat,
} from '@uitstroom/shared';
import {
  dashboardFieldsBySeat,
  smallCountsBySeat,
  toDashboardView,
  viewFieldsBySeat,
} from '../../server/src/indicators/indicators.projection';

type Mark = 'R' | 'null' | '-';
const row = (
  chair: Mark,
  regionAdmin: Mark,
  municipality: Mark,
  corporation: Mark,
  casemanager: Mark,
  provider: Mark,
): Record<Seat, Mark> => ({ chair, regionAdmin, municipality, corporation, casemanager, provider });

/** The seats with `indicator:read`; the case managers and the providers read no indicator. */
const readers = row('R', 'R', 'R', 'R', '-', '-');
/** A section about cases: not about a corporation's own dwellings, so null for the corporation. */
const aboutCases = row('R', 'R', 'R', 'null', '-', '-');

/**
 * Every seat × every field of a dashboard, written out by hand from issue 14 and domain.md §6.
 * R = the seat reads it, null = the field is there and null (the API's shape), - = no view at all.
 */
const expectedDashboard: Record<keyof Dashboard, Record<Seat, Mark>> = {
  scope: readers,
  filter: readers,
  smallCountsSuppressed: readers,
  generatedAt: readers,
  waitingToOffer: readers,
  waitingToKeys: readers,
  openCases: aboutCases,
  decisions: aboutCases,
  distribution: aboutCases,
  dwellings: readers,
  neighbourhoods: readers,
  outcomes: aboutCases,
  stillHoused: readers,
};

const expectedView: Record<keyof DashboardView, Record<Seat, Mark>> = {
  dashboard: readers,
  comparison: row('null', 'null', 'R', 'null', '-', '-'),
  choices: readers,
};

const total = {
  key: 'total',
  label: 'Totaal',
  count: 12,
  medianDays: 40,
  p75Days: 60,
  overTarget: 2,
  overTargetShare: 0.17,
};
const waiting = { targetDays: 90, total, byMunicipality: [], byCorporation: [], byTargetGroup: [] };

function dashboard(suppressed: boolean): Dashboard {
  return {
    scope: { kind: 'region', label: 'Regio Flevoland' },
    filter: {
      from: '2025-12-01',
      to: '2026-11-30',
      municipality: null,
      corporation: null,
      targetGroup: null,
    },
    smallCountsSuppressed: suppressed,
    generatedAt: '2026-11-30T10:00:00.000Z',
    waitingToOffer: waiting,
    waitingToKeys: waiting,
    openCases: { byState: [], stalled: 3, stalledDays: 30, waitingOverTarget: 1 },
    decisions: [{ key: 'A', label: 'A', count: 7 }],
    distribution: { periodStart: '2026-01-01', periodEnd: '2026-12-31', total: 9, rows: [] },
    dwellings: [],
    neighbourhoods: [],
    outcomes: [],
    stillHoused: [{ months: 6, due: 8, answered: 6, stillHoused: 5, share: 0.83 }],
  };
}

function viewFor(seat: Seat): DashboardView {
  const suppressed = smallCountsBySeat[seat] === 'suppressed';
  return {
    dashboard: dashboard(suppressed),
    comparison: dashboard(suppressed),
    choices: { municipalities: [], corporations: [] },
  };
}

const readingSeats = seats.filter((s) => viewFieldsBySeat[s].length > 0);

function rowsOf<F extends string>(expected: Record<F, Record<Seat, Mark>>) {
  return seats.flatMap((seat) =>
    (Object.keys(expected) as F[]).map((field) => [seat, field, expected[field][seat]] as const),
  );
}

describe('the indicators projection: every seat × every field', () => {
  it('covers every field of the dashboard and of the view', () => {
    expect(Object.keys(expectedDashboard).sort()).toEqual(
      Object.keys(dashboardSchema.shape).sort(),
    );
    expect(Object.keys(expectedView).sort()).toEqual(Object.keys(dashboardViewSchema.shape).sort());
  });

  it.each(rowsOf(expectedDashboard))('%s reads dashboard.%s: %s', (seat, field, mark) => {
    expect((dashboardFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    if (mark === '-') {
      expect(() => toDashboardView(viewFor(seat), seat)).toThrow(
        expect.objectContaining({ code: 'NOT_FOUND' }),
      );
      return;
    }
    const shown = toDashboardView(viewFor(seat), seat).dashboard;
    expect(field in shown).toBe(true);
    if (mark === 'null') expect(shown[field]).toBeNull();
    else expect(shown[field]).toEqual(viewFor(seat).dashboard[field]);
  });

  it.each(rowsOf(expectedView))('%s reads view.%s: %s', (seat, field, mark) => {
    expect((viewFieldsBySeat[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    if (mark === '-') return;
    const shown = toDashboardView(viewFor(seat), seat);
    expect(field in shown).toBe(true);
    if (mark === 'null') expect(shown[field]).toBeNull();
    else expect(shown[field]).not.toBeNull();
  });

  it.each(readingSeats)('what %s does not read is a section the schema lets be null', (seat) => {
    const shown = toDashboardView(viewFor(seat), seat);
    expect(() => dashboardViewSchema.parse(shown)).not.toThrow();
  });

  it.each(seats)('%s sees small counts as the shared rule says', (seat) => {
    expect(smallCountsBySeat[seat] === 'asCounted').toBe(seesSmallCounts(seat));
  });

  it.each(readingSeats)(
    'a dashboard made for %s with the wrong small-count rule never leaves',
    (seat) => {
      const wrong = smallCountsBySeat[seat] !== 'suppressed';
      expect(() =>
        toDashboardView({ ...viewFor(seat), dashboard: dashboard(wrong) }, seat),
      ).toThrow(/small-count/);
    },
  );

  it("the municipality's comparison is cut like its own dashboard", () => {
    const shown = toDashboardView(viewFor('municipality'), 'municipality');
    expect(shown.comparison?.smallCountsSuppressed).toBe(true);
    expect(shown.comparison?.openCases).not.toBeNull();
  });
});

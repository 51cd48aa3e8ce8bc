import {
  offerViewSchema,
  seats,
  type MoveInView,
  type OfferView,
  type PlacementView,
  type Seat,
} from '@uitstroom/shared';
import {
  readsOffers,
  toOfferView,
  toPlacementView,
  type OfferViewField,
} from '../../server/src/placements/placements.projection';

/**
 * Every seat × every field of an offer, written out by hand from domain.md §3.5 and the placements
 * policy, so that a change to the projection table shows up here as a decision, not by accident.
 * R = the seat reads it, P = only as a party to the offer (the corporation that offers it, the
 * destination municipality, the case manager of the case), - = never.
 */
const expected: Record<OfferViewField, Record<Seat, 'R' | 'P' | '-'>> = {
  id: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  version: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  status: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  corporation: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  isOwnOffer: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  dwelling: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  dwellingAddress: {
    casemanager: 'P',
    chair: '-',
    municipality: 'P',
    corporation: 'P',
    provider: 'P',
    regionAdmin: '-',
  },
  offeredAt: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  answerDueOn: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  isAnswerOverdue: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  waitedDays: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  answeredAt: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  declineReason: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: '-',
    regionAdmin: '-',
  },
  withdrawnAt: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  withdrawalReason: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: '-',
    regionAdmin: '-',
  },
  decidedAt: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  supportArranged: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  supportIntensity: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  refusalReason: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: '-',
    regionAdmin: '-',
  },
  completedAt: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  neighbourhoodLoad: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: '-',
    regionAdmin: '-',
  },
};

/** An offer with every field filled, as the service builds it from the database. */
const full: OfferView = offerViewSchema.parse({
  id: '11111111-1111-4111-8111-111111111111',
  version: 3,
  status: 'refused',
  corporation: { id: '22222222-2222-4222-8222-222222222222', name: 'Centrada' },
  isOwnOffer: false,
  dwelling: {
    municipalityCode: 'GM0995',
    neighbourhood: 'Zuiderzeewijk',
    kind: 'apartment',
    rooms: 2,
    rent: 612.5,
    floor: 1,
    hasLift: false,
    isWheelchairAccessible: false,
    availableFrom: '2026-12-01',
    tenancyForm: 'viaProvider',
    conversionDate: '2027-12-01',
    conversionConditions: 'Een jaar zonder overlast.',
    address: { street: 'Zilverparkkade', houseNumber: '7', postcode: '8224 JX' },
  },
  offeredAt: '2026-11-02T09:00:00.000Z',
  answerDueOn: '2026-11-16',
  isAnswerOverdue: false,
  waitedDays: 41,
  answeredAt: '2026-11-05T09:00:00.000Z',
  declineReason: 'De bewoner wil dichter bij haar werk wonen.',
  withdrawnAt: null,
  withdrawalReason: 'De woning is toch nodig voor een spoedgeval.',
  decidedAt: '2026-11-09T09:00:00.000Z',
  supportArranged: 'Twee uur per week begeleiding bij het wonen.',
  supportIntensity: 'regular',
  refusalReason: 'De wijk draagt al te veel plaatsingen.',
  completedAt: null,
  neighbourhoodLoad: {
    municipalityCode: 'GM0995',
    neighbourhood: 'Zuiderzeewijk',
    placements: 1,
    threshold: 1,
    level: 'atOrOverThreshold',
    message: 'In deze wijk is de drempel bereikt.',
  },
});

function readsField(view: OfferView, field: OfferViewField): boolean {
  return field === 'dwellingAddress' ? view.dwelling.address !== undefined : field in view;
}

describe('the offer projection: every seat × every field', () => {
  it('covers every field of the offer view, and the fixture fills every one', () => {
    expect(Object.keys(expected).sort()).toEqual(
      [...Object.keys(offerViewSchema.shape), 'dwellingAddress'].sort(),
    );
    for (const field of Object.keys(expected) as OfferViewField[])
      expect(readsField(full, field)).toBe(true);
  });

  describe.each(seats.filter((seat) => seat !== 'regionAdmin'))('%s', (seat) => {
    it.each(Object.keys(expected) as OfferViewField[])('%s', (field) => {
      const rule = expected[field][seat];
      const asParty = toOfferView(full, seat, { seesDwellingAddress: true });
      const asOther = toOfferView(full, seat, { seesDwellingAddress: false });
      expect(readsField(asParty, field)).toBe(rule !== '-');
      expect(readsField(asOther, field)).toBe(rule === 'R');
      if (rule === '-' || field === 'dwellingAddress') return;
      // A field read is the full value; the dwelling less the address where the seat never reads it.
      const { address: _address, ...dwelling } = full.dwelling;
      const value =
        field === 'dwelling' && expected.dwellingAddress[seat] === '-' ? dwelling : full[field];
      expect(asParty[field]).toStrictEqual(value);
    });
  });

  it('a seat that reaches no case reads no offer at all', () => {
    expect(seats.filter((seat) => !readsOffers(seat))).toEqual(['regionAdmin']);
    expect(() => toOfferView(full, 'regionAdmin', { seesDwellingAddress: true })).toThrow();
  });

  it('a hidden field is absent, not null, and the rest of the dwelling stays', () => {
    const view = toOfferView(full, 'provider', { seesDwellingAddress: false });
    expect(view).not.toHaveProperty('declineReason');
    expect(view.dwelling).not.toHaveProperty('address');
    expect(view.dwelling).toEqual({ ...full.dwelling, address: undefined });
    expect(full.dwelling.address).toBeDefined();
  });
});

describe('the move of a placement, per seat', () => {
  const moveIn: MoveInView = {
    keyHandoverDate: '2026-12-01',
    tenancyForm: 'viaProvider',
    agreementConditions: 'Begeleiding twee uur per week.',
    agreementDocumentId: null,
    providerContact: { name: 'Kwintes', phone: '0320 123 456', emergencyPhone: '0320 654 321' },
    waitedDaysToOffer: 41,
    waitedDaysToKeys: 70,
    recordedAt: '2026-12-01T12:00:00.000Z',
    recordedBy: 'Centrada',
  };
  const placement = (isOwnOffer: boolean): PlacementView => ({
    caseId: '33333333-3333-4333-8333-333333333333',
    caseVersion: 9,
    state: 'moved',
    current: { ...full, status: 'completed', isOwnOffer },
    history: [],
    moveIn,
    followUpProvider: 'Kwintes',
    followUpProviderContact: null,
    can: {
      offer: false,
      answer: false,
      withdraw: false,
      confirm: false,
      refuse: false,
      moveIn: false,
    },
  });

  it.each([
    ['casemanager', true, true],
    ['chair', true, true],
    ['municipality', true, true],
    ['provider', true, true],
    ['corporation', true, false],
    ['regionAdmin', false, false],
  ] as const)('%s reads the move of its own dwelling: %s, of another: %s', (seat, own, other) => {
    expect(toPlacementView(seat, placement(true)).moveIn).toEqual(own ? moveIn : null);
    expect(toPlacementView(seat, placement(false)).moveIn).toEqual(other ? moveIn : null);
  });

  it('leaves the rest of the placement as it is', () => {
    const { moveIn: _moveIn, ...rest } = placement(false);
    expect(toPlacementView('corporation', placement(false))).toEqual({ ...rest, moveIn: null });
  });
});

import {
  caseViewSchema,
  seats,
  type CaseView,
  type CaseViewField,
  type ConsentCategory,
  type Seat,
} from '@uitstroom/shared';
import {
  readableFields,
  readableWhileHousing,
  toCaseView,
} from '../../server/src/cases/cases.projection';

/**
 * Every seat × every field of the case view, written out by hand from domain.md §3 (decision 5)
 * and §5, so that a change to the projection table shows up here as a decision, not by accident.
 * R = the seat reads it (from its own organisation, or with full consent), H = only while its
 * organisation houses the resident (its offer is open or accepted, or the resident moved into its
 * dwelling) and with consent, - = never.
 */
const expected: Record<CaseViewField, Record<Seat, 'R' | 'H' | '-'>> = {
  id: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  pseudonym: {
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
  state: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  allowedTransitions: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  // Herstel (issue 27.2): whether this reader may correct the last step, like the steps it may take.
  correction: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  readyAt: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  waitingDays: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  waitingUntil: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  isStalled: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  outcome: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  closedAt: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  createdAt: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  updatedAt: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  lastActivityAt: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  owner: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: '-',
    provider: 'R',
    regionAdmin: '-',
  },
  identity: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'H',
    provider: 'R',
    regionAdmin: '-',
  },
  contact: {
    casemanager: 'R',
    chair: '-',
    municipality: '-',
    corporation: 'H',
    provider: 'R',
    regionAdmin: '-',
  },
  household: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  stay: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: '-',
    provider: 'R',
    regionAdmin: '-',
  },
  addresses: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: '-',
    provider: '-',
    regionAdmin: '-',
  },
  isOriginUntraceable: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: '-',
    provider: '-',
    regionAdmin: '-',
  },
  origin: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: '-',
    provider: '-',
    regionAdmin: '-',
  },
  wishes: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: '-',
    provider: 'R',
    regionAdmin: '-',
  },
  housingNeeds: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: 'R',
    provider: 'R',
    regionAdmin: '-',
  },
  supportNeeds: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: '-',
    provider: 'R',
    regionAdmin: '-',
  },
  sensitive: {
    casemanager: 'R',
    chair: '-',
    municipality: '-',
    corporation: '-',
    provider: '-',
    regionAdmin: '-',
  },
  exceptions: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: '-',
    provider: '-',
    regionAdmin: '-',
  },
  excluded: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: '-',
    provider: '-',
    regionAdmin: '-',
  },
  proposal: {
    casemanager: 'R',
    chair: 'R',
    municipality: 'R',
    corporation: '-',
    provider: '-',
    regionAdmin: '-',
  },
  missingForReady: {
    casemanager: 'R',
    chair: '-',
    municipality: '-',
    corporation: '-',
    provider: '-',
    regionAdmin: '-',
  },
  consentWarnings: {
    casemanager: 'R',
    chair: '-',
    municipality: '-',
    corporation: '-',
    provider: '-',
    regionAdmin: '-',
  },
};

const allCategories = new Set<ConsentCategory>([
  'identityContact',
  'housingProfile',
  'supportNeeds',
  'sensitive',
]);

function fullView(
  targetGroup: 'protectedHousing' | 'womensShelter' = 'protectedHousing',
): CaseView {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    pseudonym: 'R-ABCDEFGH',
    version: 3,
    state: 'ready',
    owner: {
      userId: '22222222-2222-4222-8222-222222222222',
      displayName: 'Sanne Willems',
      organisationId: '33333333-3333-4333-8333-333333333333',
      organisationName: 'Kwintes',
    },
    identity: { firstName: 'Noor', lastName: 'de Jong', birthDate: '1990-04-12' },
    contact: { phone: '06 1' },
    household: { adults: 1 },
    stay: { targetGroup, facility: 'X', admissionDate: '2022-03-01' },
    addresses: [
      {
        municipality: 'GM0995',
        kind: 'woonadres',
        from: '2013-08-01',
        source: 'brp',
        street: 'Agoraweg 1',
      },
    ],
    isOriginUntraceable: false,
    origin: 'GM0995',
    wishes: { ownWords: 'rustig' },
    housingNeeds: { rooms: 2 },
    supportNeeds: { housing: 'hulp' },
    sensitive: { diagnoses: 'geheim' },
    exceptions: [{ kind: 'A', motivation: 'Onveilig netwerk in de herkomstgemeente.' }],
    excluded: ['GM0995'],
    proposal: null,
    missingForReady: [],
    readyAt: '2026-10-01T00:00:00.000Z',
    waitingDays: 55,
    waitingUntil: 'today',
    isStalled: false,
    outcome: null,
    closedAt: null,
    createdAt: '2026-09-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    lastActivityAt: '2026-10-01T00:00:00.000Z',
    allowedTransitions: [],
    correction: null,
    consentWarnings: [],
  };
}

const rows = seats.flatMap((seat) =>
  (Object.keys(expected) as CaseViewField[]).map(
    (field) => [seat, field, expected[field][seat]] as const,
  ),
);

describe('the field projection: every seat × every field', () => {
  it('covers every field of the case view', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(caseViewSchema.shape).sort());
  });

  it.each(rows)('%s reads %s: %s', (seat, field, mark) => {
    const read = (housesResident: boolean) =>
      toCaseView(fullView(), seat, {
        isOwningOrganisation: false,
        consented: allCategories,
        relation: { housesResident },
      }).view;
    expect(field in read(false)).toBe(mark === 'R');
    expect(field in read(true)).toBe(mark === 'R' || mark === 'H');
    expect((readableFields[seat] as readonly string[]).includes(field)).toBe(mark === 'R');
    expect((readableWhileHousing[seat] as readonly string[]).includes(field)).toBe(mark === 'H');
  });

  it.each(seats.filter((s) => s !== 'casemanager'))(
    "for a women's shelter resident, %s never gets the address history",
    (seat) => {
      const { view } = toCaseView(fullView('womensShelter'), seat, {
        isOwningOrganisation: false,
        consented: allCategories,
        relation: { housesResident: true },
      });
      expect(view).not.toHaveProperty('addresses');
      expect(JSON.stringify(view)).not.toContain('Agoraweg');
    },
  );

  it.each(seats.filter((s) => s !== 'regionAdmin'))(
    'without consent, %s of another organisation gets no name, contact, support needs or sensitive data',
    (seat) => {
      const { view } = toCaseView(fullView(), seat, {
        isOwningOrganisation: false,
        consented: new Set(['housingProfile']),
        relation: { housesResident: true },
      });
      for (const field of [
        'identity',
        'contact',
        'addresses',
        'supportNeeds',
        'sensitive',
        'exceptions',
        'excluded',
      ])
        expect(view).not.toHaveProperty(field);
      expect(JSON.stringify(view)).not.toMatch(/de Jong|geheim|Onveilig/);
    },
  );

  it('a corporation never sees a diagnosis, an exception motivation or the address history, whatever the consent', () => {
    for (const housesResident of [false, true]) {
      const { view } = toCaseView(fullView(), 'corporation', {
        isOwningOrganisation: false,
        consented: allCategories,
        relation: { housesResident },
      });
      expect(JSON.stringify(view)).not.toMatch(/geheim|Onveilig|Agoraweg/);
    }
  });

  // Consent and the offer, each alone, give a corporation neither name nor contact (issue 26).
  it.each([
    ['consent, no offer', allCategories, false, false],
    ['an offer, no consent', new Set<ConsentCategory>(['housingProfile']), true, false],
    [
      'an offer and consent for other categories',
      new Set<ConsentCategory>(['housingProfile', 'supportNeeds']),
      true,
      false,
    ],
    [
      'an offer and consent for name and contact',
      new Set<ConsentCategory>(['housingProfile', 'identityContact']),
      true,
      true,
    ],
  ] as const)(
    'a corporation with %s: name and contact %p',
    (_label, consented, housesResident, sees) => {
      const { view } = toCaseView(fullView(), 'corporation', {
        isOwningOrganisation: false,
        consented,
        relation: { housesResident },
      });
      expect('identity' in view).toBe(sees);
      expect('contact' in view).toBe(sees);
      expect(JSON.stringify(view).includes('de Jong')).toBe(sees);
      expect(view).not.toHaveProperty('addresses');
    },
  );
});

import { proposalInputSchema, proposalSchema } from './origin-rule.schemas';
import {
  allocateByDistribution,
  isDistributionAllocation,
  proposeDestination,
} from './origin-rule.rules';
import {
  ALMERE,
  AMSTERDAM,
  DEVENTER,
  DRONTEN,
  LELYSTAD,
  NOORDOOSTPOLDER,
  URK,
  ZEEWOLDE,
  briefadres,
  buildCase,
  contractExample,
  exampleAddresses,
  exceptionA,
  exceptionB,
  exceptionD,
  flevoland,
  instelling,
  proposeValid,
  woonadres,
} from './origin-rule.test-support';

type Outcome = 'herkomst' | 'A' | 'B' | 'C' | 'D' | 'buiten_regio';

const propose = proposeValid;

/** Three municipalities of made-up names, for ties. */
const tieRegion = [
  { code: 'GM0002', name: 'Ypenburg', population: 100 },
  { code: 'GM0001', name: 'Xanten', population: 300 },
  { code: 'GM0003', name: 'Zaltbommel', population: 200 },
];
const untraceable = [instelling(ALMERE, '2021-01-01', '2022-03-01')];

// Distribution figures used below (Flevoland, 447,300 inhabitants): shares Almere 50.64%,
// Lelystad 18.29%, Noordoostpolder 11.02%, Dronten 9.66%, Zeewolde 5.39%, Urk 5.01%.
// With placements Almere 4 and Lelystad 1 (N = 5), p × 6 − a: Almere −0.96, Lelystad 0.10,
// Noordoostpolder 0.66, Dronten 0.58, Zeewolde 0.32, Urk 0.30.
const examplePlacements = { [ALMERE]: 4, [LELYSTAD]: 1 };

const decisionRows: [string, unknown, Outcome, string | null, string | null][] = [
  // 1. Origin
  ['the contract example', contractExample(), 'herkomst', LELYSTAD, LELYSTAD],
  [
    'one woonadres',
    buildCase({ addresses: [woonadres(DRONTEN, '2010-01-01', '2022-01-01')] }),
    'herkomst',
    DRONTEN,
    DRONTEN,
  ],
  [
    'the latest woonadres wins whatever the input order',
    buildCase({ addresses: exampleAddresses().reverse() }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
  ],
  [
    'a woonadres without an end date counts',
    buildCase({ addresses: [woonadres(URK, '2015-01-01')] }),
    'herkomst',
    URK,
    URK,
  ],
  [
    'a woonadres starting on the admission date does not count',
    buildCase({
      addresses: [woonadres(URK, '2015-01-01', '2022-03-01'), woonadres(ZEEWOLDE, '2022-03-01')],
    }),
    'herkomst',
    URK,
    URK,
  ],
  [
    'a woonadres starting after the admission does not count',
    buildCase({
      addresses: [woonadres(URK, '2015-01-01', '2020-01-01'), woonadres(ZEEWOLDE, '2023-06-01')],
    }),
    'herkomst',
    URK,
    URK,
  ],
  [
    'a woonadres running past the admission still counts',
    buildCase({
      addresses: [
        woonadres(URK, '2015-01-01', '2020-01-01'),
        woonadres(DRONTEN, '2020-01-01', '2023-01-01'),
      ],
    }),
    'herkomst',
    DRONTEN,
    DRONTEN,
  ],
  [
    'a later briefadres never counts',
    buildCase({
      addresses: [
        woonadres(URK, '2015-01-01', '2020-01-01'),
        briefadres(ZEEWOLDE, '2020-01-01', '2022-03-01'),
      ],
    }),
    'herkomst',
    URK,
    URK,
  ],
  [
    'a later institution never counts',
    buildCase({
      addresses: [woonadres(URK, '2015-01-01', '2020-01-01'), instelling(ZEEWOLDE, '2020-01-01')],
    }),
    'herkomst',
    URK,
    URK,
  ],
  [
    'only institution and briefadres: untraceable (C)',
    buildCase({ addresses: [instelling(ALMERE, '2020-01-01'), briefadres(DRONTEN, '2019-01-01')] }),
    'C',
    null,
    ALMERE,
  ],
  ['no addresses at all: untraceable (C)', buildCase({ addresses: [] }), 'C', null, ALMERE],
  [
    'only a woonadres after the admission: untraceable (C)',
    buildCase({ addresses: [woonadres(URK, '2022-04-01')] }),
    'C',
    null,
    ALMERE,
  ],
  [
    'origin outside the region',
    buildCase({ addresses: [woonadres(AMSTERDAM, '2010-01-01', '2021-01-01')] }),
    'buiten_regio',
    AMSTERDAM,
    null,
  ],
  [
    'origin outside the region, the earlier one inside',
    buildCase({
      addresses: [
        woonadres(ALMERE, '2000-01-01', '2010-01-01'),
        woonadres(DEVENTER, '2010-01-01', '2021-01-01'),
      ],
    }),
    'buiten_regio',
    DEVENTER,
    null,
  ],
  [
    'origin outside the region and a wish inside it',
    buildCase({ addresses: [woonadres(AMSTERDAM, '2010-01-01')], wish: ZEEWOLDE }),
    'buiten_regio',
    AMSTERDAM,
    null,
  ],
  // herkomst and the wish
  ['wish equal to the origin', buildCase({ wish: LELYSTAD }), 'herkomst', LELYSTAD, LELYSTAD],
  [
    'wish outside the region does not move the origin',
    buildCase({ wish: AMSTERDAM }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
  ],
  [
    'an excluded origin without A stays the destination',
    buildCase({ excluded: [LELYSTAD] }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
  ],
  // 2. D
  ['D', buildCase({ exceptions: [exceptionD(DRONTEN)] }), 'D', LELYSTAD, DRONTEN],
  [
    'D before B and A',
    buildCase({ exceptions: [exceptionA(), exceptionB(URK, false), exceptionD(DRONTEN)] }),
    'D',
    LELYSTAD,
    DRONTEN,
  ],
  [
    'D with an untraceable origin',
    buildCase({ addresses: untraceable, exceptions: [exceptionD(DRONTEN)] }),
    'D',
    null,
    DRONTEN,
  ],
  [
    'D with an origin outside the region',
    buildCase({
      addresses: [woonadres(AMSTERDAM, '2010-01-01')],
      exceptions: [exceptionD(ZEEWOLDE)],
    }),
    'D',
    AMSTERDAM,
    ZEEWOLDE,
  ],
  [
    'D naming the origin itself',
    buildCase({ exceptions: [exceptionD(LELYSTAD)] }),
    'D',
    LELYSTAD,
    LELYSTAD,
  ],
  // 3. B
  [
    'B that cannot be reached from the origin',
    buildCase({ exceptions: [exceptionB(DRONTEN, false)] }),
    'B',
    LELYSTAD,
    DRONTEN,
  ],
  [
    'B (netwerk) that cannot be reached',
    buildCase({ exceptions: [exceptionB(URK, false, 'netwerk')], wish: ZEEWOLDE }),
    'B',
    LELYSTAD,
    URK,
  ],
  [
    'B reachable from the origin does not apply',
    buildCase({ exceptions: [exceptionB(DRONTEN, true)] }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
  ],
  [
    'B naming the origin does not apply',
    buildCase({ exceptions: [exceptionB(LELYSTAD, false)] }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
  ],
  [
    'B with an untraceable origin applies',
    buildCase({ addresses: untraceable, exceptions: [exceptionB(DRONTEN, false)] }),
    'B',
    null,
    DRONTEN,
  ],
  [
    'B reachable, untraceable origin: C',
    buildCase({ addresses: untraceable, exceptions: [exceptionB(DRONTEN, true)] }),
    'C',
    null,
    ALMERE,
  ],
  [
    'B with an origin outside the region applies',
    buildCase({
      addresses: [woonadres(AMSTERDAM, '2010-01-01')],
      exceptions: [exceptionB(URK, false)],
    }),
    'B',
    AMSTERDAM,
    URK,
  ],
  [
    'B reachable, origin outside the region',
    buildCase({
      addresses: [woonadres(AMSTERDAM, '2010-01-01')],
      exceptions: [exceptionB(URK, true)],
    }),
    'buiten_regio',
    AMSTERDAM,
    null,
  ],
  [
    'B before A',
    buildCase({ exceptions: [exceptionA(), exceptionB(DRONTEN, false)], wish: ZEEWOLDE }),
    'B',
    LELYSTAD,
    DRONTEN,
  ],
  [
    'B not applying, then A with the wish',
    buildCase({ exceptions: [exceptionB(DRONTEN, true), exceptionA()], wish: ZEEWOLDE }),
    'A',
    LELYSTAD,
    ZEEWOLDE,
  ],
  // 4. A
  [
    'A with an eligible wish',
    buildCase({ exceptions: [exceptionA()], wish: ZEEWOLDE }),
    'A',
    LELYSTAD,
    ZEEWOLDE,
  ],
  [
    'A, wish is the origin: distribution',
    buildCase({ exceptions: [exceptionA()], wish: LELYSTAD }),
    'A',
    LELYSTAD,
    ALMERE,
  ],
  [
    'A, wish excluded: distribution',
    buildCase({ exceptions: [exceptionA()], wish: ZEEWOLDE, excluded: [ZEEWOLDE] }),
    'A',
    LELYSTAD,
    ALMERE,
  ],
  [
    'A, wish outside the region: distribution',
    buildCase({ exceptions: [exceptionA()], wish: AMSTERDAM }),
    'A',
    LELYSTAD,
    ALMERE,
  ],
  [
    'A without a wish: distribution without the origin',
    buildCase({ exceptions: [exceptionA()], placements: examplePlacements }),
    'A',
    LELYSTAD,
    NOORDOOSTPOLDER,
  ],
  [
    'A whose origin is the largest: never the origin',
    buildCase({ addresses: [woonadres(ALMERE, '2010-01-01')], exceptions: [exceptionA()] }),
    'A',
    ALMERE,
    LELYSTAD,
  ],
  [
    'A skips the origin and the excluded',
    buildCase({ exceptions: [exceptionA()], excluded: [ALMERE, NOORDOOSTPOLDER] }),
    'A',
    LELYSTAD,
    DRONTEN,
  ],
  [
    'A with an untraceable origin: A, not C',
    buildCase({ addresses: untraceable, exceptions: [exceptionA()] }),
    'A',
    null,
    ALMERE,
  ],
  [
    'A with an origin outside the region',
    buildCase({ addresses: [woonadres(AMSTERDAM, '2010-01-01')], exceptions: [exceptionA()] }),
    'A',
    AMSTERDAM,
    ALMERE,
  ],
  [
    'A with no candidate left: the table chooses',
    buildCase({
      municipalities: [flevoland[2], flevoland[4]],
      exceptions: [exceptionA()],
      excluded: [URK],
    }),
    'A',
    LELYSTAD,
    null,
  ],
  [
    'A with a motivation of exactly 10 characters after trimming',
    buildCase({ exceptions: [{ kind: 'A', motivation: '  1234567890  ' }], wish: URK }),
    'A',
    LELYSTAD,
    URK,
  ],
  // 5. C and the distribution
  [
    'C without placements: the largest population',
    buildCase({ addresses: untraceable }),
    'C',
    null,
    ALMERE,
  ],
  [
    'C with placements: the largest deficit',
    buildCase({ addresses: untraceable, placements: examplePlacements }),
    'C',
    null,
    NOORDOOSTPOLDER,
  ],
  [
    'C ignores placements outside the region',
    buildCase({ addresses: untraceable, placements: { [AMSTERDAM]: 100 } }),
    'C',
    null,
    ALMERE,
  ],
  [
    'C skips the excluded',
    buildCase({ addresses: untraceable, excluded: [ALMERE] }),
    'C',
    null,
    LELYSTAD,
  ],
  ['C ignores the wish', buildCase({ addresses: untraceable, wish: ZEEWOLDE }), 'C', null, ALMERE],
  [
    'C with every municipality excluded: the table chooses',
    buildCase({ addresses: untraceable, excluded: flevoland.map((m) => m.code) }),
    'C',
    null,
    null,
  ],
  [
    'C tie on deficit: the larger population',
    buildCase({ municipalities: tieRegion, addresses: [], placements: { GM0001: 2, GM0003: 3 } }),
    'C',
    null,
    'GM0001',
  ],
  [
    'C tie on deficit and population: the name',
    buildCase({
      municipalities: [
        { code: 'GM0004', name: 'Beekdaelen', population: 100 },
        { code: 'GM0005', name: 'Aalten', population: 100 },
      ],
      addresses: [],
    }),
    'C',
    null,
    'GM0005',
  ],
  [
    'C tie on everything but the code',
    buildCase({
      municipalities: [
        { code: 'GM0893', name: 'Bergen', population: 100 },
        { code: 'GM0373', name: 'Bergen', population: 100 },
      ],
      addresses: [],
    }),
    'C',
    null,
    'GM0373',
  ],
  [
    'C in an empty region: the table chooses',
    buildCase({ municipalities: [], addresses: [] }),
    'C',
    null,
    null,
  ],
];

describe('proposeDestination: decisions', () => {
  it.each(decisionRows)('%s', (_name, input, outcome, origin, destination) => {
    const proposal = propose(input);
    expect({
      outcome: proposal.outcome,
      origin: proposal.origin,
      destination: proposal.destination,
    }).toEqual({ outcome, origin, destination });
    expect(proposalSchema.safeParse(proposal).success).toBe(true);
    expect(proposal.reasons.length).toBeGreaterThan(0);
  });
});

describe('proposeDestination: reasons', () => {
  it('gives the contract example exactly, sentence by sentence', () => {
    expect(propose(contractExample())).toEqual({
      outcome: 'herkomst',
      origin: 'GM0995',
      destination: 'GM0995',
      reasons: [
        'Het laatste woonadres vóór de opname op 1 maart 2022 lag in Lelystad (1 augustus 2013 tot 15 november 2021).',
        'Het verblijf in een instelling in Almere telt niet mee voor de herkomst.',
        'Uitzondering B geldt niet: Dronten is vanuit Lelystad te bereizen.',
        'De bewoner wil graag naar Zeewolde; zonder uitzondering A of B blijft Lelystad de bestemming.',
      ],
    });
  });

  it('gives the figures of the chosen municipality and of the runner-up', () => {
    expect(
      propose(buildCase({ exceptions: [exceptionA()], placements: examplePlacements })).reasons,
    ).toEqual([
      'Het laatste woonadres vóór de opname op 1 maart 2022 lag in Lelystad (1 augustus 2013 tot 15 november 2021).',
      'Het verblijf in een instelling in Almere telt niet mee voor de herkomst.',
      'Uitzondering A geldt: belemmeringen in Lelystad staan het herstel in de weg, dus Lelystad is niet de bestemming.',
      'De bewoner heeft geen woonwens opgegeven; daarom volgt de bestemming uit de verdeling naar inwoneraantal.',
      'De verdeling naar inwoneraantal gaat over de regio zonder Lelystad (de herkomst); in de regio zijn tot nu toe N = 5 plaatsingen door verdeling gedaan.',
      'Noordoostpolder heeft het grootste tekort: aandeel 11,02% van de inwoners × (N + 1 = 6) − 0 eerdere plaatsingen = 0,66.',
      'Daarna komt Dronten: aandeel 9,66% van de inwoners × (N + 1 = 6) − 0 eerdere plaatsingen = 0,58.',
      'Noordoostpolder is de bestemming.',
    ]);
  });

  it('explains C, the excluded and the ignored placements', () => {
    const proposal = propose(
      buildCase({
        addresses: untraceable,
        excluded: [URK, ALMERE],
        placements: { [AMSTERDAM]: 3, [LELYSTAD]: 1 },
      }),
    );
    expect(proposal.reasons).toEqual([
      'Er is geen woonadres van vóór de opname op 1 maart 2022: de herkomst is niet te achterhalen.',
      'Het verblijf in een instelling in Almere telt niet mee voor de herkomst.',
      'Er is geen uitzondering A, B of D ingevoerd.',
      'Uitzondering C geldt: omdat de herkomst niet te achterhalen is, volgt de bestemming uit de verdeling naar inwoneraantal.',
      'De bewoner heeft geen woonwens opgegeven.',
      'De verdeling naar inwoneraantal gaat over de regio zonder Almere en Urk (uitgesloten); in de regio zijn tot nu toe N = 1 plaatsing door verdeling gedaan.',
      'Plaatsingen bij gemeenten buiten de regio (GM0363) tellen niet mee.',
      'Noordoostpolder heeft het grootste tekort: aandeel 11,02% van de inwoners × (N + 1 = 2) − 0 eerdere plaatsingen = 0,22.',
      'Daarna komt Dronten: aandeel 9,66% van de inwoners × (N + 1 = 2) − 0 eerdere plaatsingen = 0,19.',
      'Noordoostpolder is de bestemming.',
    ]);
  });

  it('prints a negative deficit with a minus sign', () => {
    const region = [
      { code: 'GM0001', name: 'Aa', population: 100 },
      { code: 'GM0002', name: 'Bb', population: 100 },
    ];
    const reasons = propose(
      buildCase({ municipalities: region, addresses: [], placements: { GM0001: 3, GM0002: 1 } }),
    ).reasons;
    expect(reasons).toContain(
      'Bb heeft het grootste tekort: aandeel 50,00% van de inwoners × (N + 1 = 5) − 1 eerdere plaatsing = 1,50.',
    );
    expect(reasons).toContain(
      'Daarna komt Aa: aandeel 50,00% van de inwoners × (N + 1 = 5) − 3 eerdere plaatsingen = −0,50.',
    );
  });

  it('says which tie-break decided', () => {
    const reasons = propose(
      buildCase({ municipalities: tieRegion, addresses: [], placements: { GM0001: 2, GM0003: 3 } }),
    ).reasons;
    expect(reasons).toContain(
      'Xanten heeft het grootste tekort: aandeel 50,00% van de inwoners × (N + 1 = 6) − 2 eerdere plaatsingen = 1,00.',
    );
    expect(reasons).toContain(
      'Ypenburg heeft hetzelfde tekort (aandeel 16,67% van de inwoners × (N + 1 = 6) − 0 eerdere plaatsingen = 1,00); Xanten gaat voor omdat het meer inwoners heeft (300 tegen 100).',
    );
    const byName = propose(
      buildCase({
        municipalities: [
          { code: 'GM0004', name: 'Beekdaelen', population: 100 },
          { code: 'GM0005', name: 'Aalten', population: 100 },
        ],
        addresses: [],
      }),
    );
    expect(byName.reasons.join(' ')).toContain(
      'Aalten gaat voor omdat de naam in het alfabet eerder komt.',
    );
  });

  it('names the table when no candidate is left, and the only candidate when one is', () => {
    expect(
      propose(buildCase({ addresses: untraceable, excluded: flevoland.map((m) => m.code) }))
        .reasons,
    ).toContain(
      'Er blijft geen gemeente over voor de verdeling: de tafel moet de bestemming kiezen.',
    );
    const single = propose(
      buildCase({
        addresses: untraceable,
        excluded: flevoland.filter((m) => m.code !== URK).map((m) => m.code),
      }),
    );
    expect(single.reasons).toContain(
      'Urk is de enige gemeente die overblijft; het tekort is aandeel 5,01% van de inwoners × (N + 1 = 1) − 0 eerdere plaatsingen = 0,05.',
    );
  });

  it('explains why B applies, and that it goes before A', () => {
    const proposal = propose(
      buildCase({
        exceptions: [exceptionA(), exceptionB(DRONTEN, false, 'netwerk')],
        wish: ZEEWOLDE,
      }),
    );
    expect(proposal.reasons.slice(2)).toEqual([
      'Uitzondering B geldt: het steunende netwerk in Dronten draagt beter bij aan het herstel en is niet vanuit Lelystad te bereizen; de bestemming is Dronten.',
      'Uitzondering A wordt niet beoordeeld: uitzondering B gaat voor.',
      'De bewoner wil graag naar Zeewolde; bij uitzondering B is Dronten de bestemming.',
    ]);
  });

  it('explains D and what it overrides', () => {
    const proposal = propose(
      buildCase({
        exceptions: [exceptionB(URK, false), exceptionD(DRONTEN), exceptionA()],
        wish: DRONTEN,
      }),
    );
    expect(proposal.reasons.slice(2)).toEqual([
      'Uitzondering D geldt: terugkeer naar de herkomst is om een andere reden echt niet passend (met schriftelijke motivering); de bestemming is Dronten.',
      'Uitzondering B wordt niet beoordeeld: uitzondering D gaat voor.',
      'Uitzondering A wordt niet beoordeeld: uitzondering D gaat voor.',
      'De bewoner wil graag naar Dronten, en dat is ook de bestemming.',
    ]);
  });

  it.each([
    [
      'B naming the origin',
      buildCase({ exceptions: [exceptionB(LELYSTAD, false)] }),
      'Uitzondering B geldt niet: Lelystad is de herkomst zelf.',
    ],
    [
      'B reachable with an untraceable origin',
      buildCase({ addresses: untraceable, exceptions: [exceptionB(DRONTEN, true)] }),
      'Uitzondering B geldt niet: volgens de invoer is Dronten vanuit de herkomst te bereizen.',
    ],
    [
      'A, wish is the origin',
      buildCase({ exceptions: [exceptionA()], wish: LELYSTAD }),
      'De bewoner wil graag naar Lelystad, maar dat is de herkomst; daarom volgt de bestemming uit de verdeling naar inwoneraantal.',
    ],
    [
      'A, wish excluded',
      buildCase({ exceptions: [exceptionA()], wish: URK, excluded: [URK] }),
      'De bewoner wil graag naar Urk, maar die gemeente is voor deze bewoner uitgesloten; daarom volgt de bestemming uit de verdeling naar inwoneraantal.',
    ],
    [
      'A, wish outside the region',
      buildCase({ exceptions: [exceptionA()], wish: AMSTERDAM }),
      'De bewoner wil graag naar GM0363, maar die gemeente ligt buiten de regio; daarom volgt de bestemming uit de verdeling naar inwoneraantal.',
    ],
    [
      'A, eligible wish',
      buildCase({ exceptions: [exceptionA()], wish: URK }),
      'De bewoner wil graag naar Urk: die gemeente ligt in de regio, is niet de herkomst en is niet uitgesloten, dus Urk is de bestemming.',
    ],
    [
      'origin outside the region',
      buildCase({ addresses: [woonadres(AMSTERDAM, '2010-01-01', '2021-01-01')] }),
      'GM0363 ligt buiten de regio: de casus wordt verwezen naar de herkomstregio, en deze regio wijst geen bestemming toe.',
    ],
    [
      'origin outside the region, named by its code',
      buildCase({ addresses: [woonadres(AMSTERDAM, '2010-01-01', '2021-01-01')] }),
      'Het laatste woonadres vóór de opname op 1 maart 2022 lag in GM0363 (1 januari 2010 tot 1 januari 2021).',
    ],
    [
      'an address without an end date',
      buildCase({ addresses: [woonadres(URK, '2015-07-31')] }),
      'Het laatste woonadres vóór de opname op 1 maart 2022 lag in Urk (vanaf 31 juli 2015).',
    ],
    [
      'a woonadres after the admission',
      buildCase({
        addresses: [woonadres(URK, '2015-01-01', '2022-03-01'), woonadres(ZEEWOLDE, '2022-03-01')],
      }),
      'Het woonadres in Zeewolde (vanaf 1 maart 2022) telt niet mee voor de herkomst: het begint niet vóór de opname.',
    ],
    [
      'a briefadres',
      buildCase({ addresses: [woonadres(URK, '2015-01-01'), briefadres(DRONTEN, '2016-01-01')] }),
      'Het briefadres in Dronten telt niet mee voor de herkomst.',
    ],
    [
      'no exception and no wish',
      buildCase(),
      'De bewoner heeft geen woonwens opgegeven; Lelystad blijft de bestemming.',
    ],
    ['no exception', buildCase(), 'Er is geen uitzondering A, B of D ingevoerd.'],
    [
      'wish equal to the origin',
      buildCase({ wish: LELYSTAD }),
      'De bewoner wil graag in Lelystad blijven, en dat is ook de bestemming.',
    ],
    [
      'an excluded origin',
      buildCase({ excluded: [LELYSTAD] }),
      'Let op: Lelystad staat bij de uitgesloten gemeenten, maar zonder uitzondering A blijft de herkomst de bestemming.',
    ],
    [
      'D naming the origin',
      buildCase({ exceptions: [exceptionD(LELYSTAD)] }),
      'Let op: Lelystad is ook de herkomst.',
    ],
    [
      'C and the wish',
      buildCase({ addresses: untraceable, wish: URK }),
      'De bewoner wil graag naar Urk; bij uitzondering C volgt de bestemming uit de verdeling naar inwoneraantal, niet uit de woonwens.',
    ],
  ])('%s', (_name, input, sentence) => {
    expect(propose(input).reasons).toContain(sentence);
  });

  it('names two stays in one institution once', () => {
    const proposal = propose(
      buildCase({
        addresses: [
          woonadres(URK, '2010-01-01', '2020-01-01'),
          instelling(ALMERE, '2020-01-01', '2021-01-01'),
          instelling(ALMERE, '2021-01-01'),
        ],
      }),
    );
    expect(proposal.reasons.filter((r) => r.includes('instelling'))).toEqual([
      'Het verblijf in een instelling in Almere telt niet mee voor de herkomst.',
    ]);
  });

  it('prints more decimals when two different deficits would print alike', () => {
    // Deficits 0.5 + 1e-4 and 0.5: equal at two decimals, yet not a tie.
    const region = [
      { code: 'GM0001', name: 'Aa', population: 50010 },
      { code: 'GM0002', name: 'Bb', population: 49990 },
    ];
    const reasons = propose(buildCase({ municipalities: region, addresses: [] })).reasons;
    expect(reasons).toContain(
      'Aa heeft het grootste tekort: aandeel 50,01% van de inwoners × (N + 1 = 1) − 0 eerdere plaatsingen = 0,5001.',
    );
    expect(reasons).toContain(
      'Daarna komt Bb: aandeel 49,99% van de inwoners × (N + 1 = 1) − 0 eerdere plaatsingen = 0,4999.',
    );
  });
});

describe('allocateByDistribution', () => {
  it('gives the figures of the contract formula', () => {
    const result = allocateByDistribution(flevoland, examplePlacements);
    expect(result.totalPlacements).toBe(5);
    expect(result.regionPopulation).toBe(447300);
    expect(result.chosen?.code).toBe(NOORDOOSTPOLDER);
    expect(result.chosen?.deficit).toBeCloseTo((49300 / 447300) * 6, 12);
    expect(result.runnerUp?.code).toBe(DRONTEN);
    expect(result.decidedBy).toBe('deficit');
    expect(result.candidates.map((c) => c.code)).toEqual([...flevoland.map((m) => m.code)].sort());
  });

  it('counts N over the region only, and ignores candidates outside it', () => {
    const result = allocateByDistribution(flevoland, { [AMSTERDAM]: 7, [URK]: 1 }, [
      URK,
      ZEEWOLDE,
      AMSTERDAM,
    ]);
    expect(result.totalPlacements).toBe(1);
    expect(result.ignoredCodes).toEqual([AMSTERDAM]);
    expect(result.candidates.map((c) => c.code)).toEqual([ZEEWOLDE, URK]);
    expect(result.chosen?.code).toBe(ZEEWOLDE);
  });

  it('treats deficits within 1e-9 as a tie', () => {
    const result = allocateByDistribution(
      [
        { code: 'GM0001', name: 'B', population: 1e9 + 1 },
        { code: 'GM0002', name: 'A', population: 1e9 },
      ],
      {},
    );
    // Deficits 0.50000000025 and 0.49999999975: within 1e-9, so the larger population decides.
    expect(result.decidedBy).toBe('population');
    expect(result.chosen?.code).toBe('GM0001');
  });

  it('gives no candidate for an empty set', () => {
    expect(allocateByDistribution(flevoland, {}, [])).toMatchObject({
      chosen: null,
      runnerUp: null,
      decidedBy: null,
    });
  });
});

describe('isDistributionAllocation', () => {
  it.each([
    ['C with a destination', buildCase({ addresses: untraceable }), true],
    [
      'C without a destination',
      buildCase({ addresses: untraceable, excluded: flevoland.map((m) => m.code) }),
      false,
    ],
    ['A without a wish', buildCase({ exceptions: [exceptionA()] }), true],
    ['A with an eligible wish', buildCase({ exceptions: [exceptionA()], wish: URK }), false],
    ['herkomst', buildCase(), false],
    ['B', buildCase({ exceptions: [exceptionB(URK, false)] }), false],
  ])('%s', (_name, raw, expected) => {
    const input = proposalInputSchema.parse(raw);
    expect(isDistributionAllocation(input, proposeDestination(input))).toBe(expected);
  });
});

import fc from 'fast-check';
import { addDays, amsterdamDate } from '../calendar/calendar';
import { agreementPeriodOn, compareRuleSets, describeRuleSetChanges } from './rule-set.rules';
import type { Agreement, RuleSetConfig } from './rule-set.schemas';
import { flevolandRuleSet, flevolandWith } from './rule-set.test-support';

const flevoland = {
  agreement: { firstPeriodStart: '2021-07-01', firstPeriodEnd: '2022-12-31', extensionYears: 2 },
};
const middenIJssel = {
  agreement: { firstPeriodStart: '2024-01-01', firstPeriodEnd: '2026-12-31', extensionYears: 2 },
};
const leapEnd = {
  agreement: { firstPeriodStart: '2023-03-01', firstPeriodEnd: '2024-02-29', extensionYears: 1 },
};
const midMonth = {
  agreement: { firstPeriodStart: '2020-01-16', firstPeriodEnd: '2021-01-15', extensionYears: 3 },
};

const periodRows: [string, { agreement: Agreement }, string, string, string, number][] = [
  ['Flevoland: the day of signing', flevoland, '2021-07-01', '2021-07-01', '2022-12-31', 0],
  [
    'Flevoland: before the Akkoord counts in the first period',
    flevoland,
    '2020-03-15',
    '2021-07-01',
    '2022-12-31',
    0,
  ],
  [
    'Flevoland: long before the Akkoord too',
    flevoland,
    '1999-01-01',
    '2021-07-01',
    '2022-12-31',
    0,
  ],
  [
    'Flevoland: the last day of the Akkoord (inclusive)',
    flevoland,
    '2022-12-31',
    '2021-07-01',
    '2022-12-31',
    0,
  ],
  [
    'Flevoland: the first day of the first extension',
    flevoland,
    '2023-01-01',
    '2023-01-01',
    '2024-12-31',
    1,
  ],
  ['Flevoland: inside the first extension', flevoland, '2024-06-30', '2023-01-01', '2024-12-31', 1],
  [
    'Flevoland: the last day of the first extension',
    flevoland,
    '2024-12-31',
    '2023-01-01',
    '2024-12-31',
    1,
  ],
  [
    'Flevoland: the first day of the second extension',
    flevoland,
    '2025-01-01',
    '2025-01-01',
    '2026-12-31',
    2,
  ],
  [
    'Flevoland: the day of the contract example',
    flevoland,
    '2026-11-25',
    '2025-01-01',
    '2026-12-31',
    2,
  ],
  [
    'Flevoland: the start of the third extension',
    flevoland,
    '2027-01-01',
    '2027-01-01',
    '2028-12-31',
    3,
  ],
  ['Flevoland: far ahead', flevoland, '2101-01-01', '2101-01-01', '2102-12-31', 40],
  [
    'Midden-IJssel: inside the regiovisie',
    middenIJssel,
    '2025-05-05',
    '2024-01-01',
    '2026-12-31',
    0,
  ],
  [
    'Midden-IJssel: after the regiovisie',
    middenIJssel,
    '2027-01-01',
    '2027-01-01',
    '2028-12-31',
    1,
  ],
  [
    'an end on 29 February: the next ends on the 28th',
    leapEnd,
    '2024-03-01',
    '2024-03-01',
    '2025-02-28',
    1,
  ],
  [
    'an end on 29 February: in a leap year on the 29th again',
    leapEnd,
    '2028-02-29',
    '2027-03-01',
    '2028-02-29',
    4,
  ],
  ['an end mid-month keeps its day', midMonth, '2024-01-15', '2021-01-16', '2024-01-15', 1],
  ['an end mid-month: the day after', midMonth, '2024-01-16', '2024-01-16', '2027-01-15', 2],
];

describe('agreementPeriodOn', () => {
  it.each(periodRows)('%s (%#)', (_what, config, date, start, end, index) => {
    expect(agreementPeriodOn(config, date)).toEqual({ start, end, index });
  });

  it.each([['2023-02-30'], ['2023-13-01'], ['1-1-2023'], ['2023-01-01T00:00:00Z'], ['']])(
    'refuses the date %j',
    (date) => {
      expect(() => agreementPeriodOn(flevoland, date)).toThrow(RangeError);
    },
  );

  const dateArbitrary = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2200-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => amsterdamDate(d));
  const agreementArbitrary = fc.record({
    firstPeriodStart: fc.constant('2000-01-01'),
    firstPeriodEnd: dateArbitrary.filter((d) => d < '2100-01-01'),
    extensionYears: fc.integer({ min: 1, max: 10 }),
  });

  it('law: from the first start on, a date lies inside its period, and the next period starts the day after', () => {
    fc.assert(
      fc.property(agreementArbitrary, dateArbitrary, (agreement, date) => {
        const period = agreementPeriodOn({ agreement }, date);
        expect(period.start <= date && date <= period.end).toBe(true);
        const dayAfter = addDays(period.end, 1);
        const next = agreementPeriodOn({ agreement }, dayAfter);
        expect(next).toMatchObject({ start: dayAfter, index: period.index + 1 });
      }),
    );
  });
});

function changed(mutate: (config: RuleSetConfig) => void): RuleSetConfig {
  const config = flevolandRuleSet();
  mutate(config);
  return config;
}

const changeRows: [string, RuleSetConfig, string[]][] = [
  ['nothing', flevolandRuleSet(), ['Geen inhoudelijke wijzigingen.']],
  [
    'Almere grew',
    changed((c) => {
      c.municipalities[0]!.population = 228000;
    }),
    ['Inwoners Almere: 226.500 → 228.000'],
  ],
  [
    'Almere grew with a new reference year',
    changed((c) => {
      c.municipalities[0]!.population = 228000;
      c.municipalities[0]!.populationYear = 2025;
    }),
    ['Inwoners Almere: 226.500 → 228.000', 'Peiljaar inwoners Almere: 2024 → 2025'],
  ],
  [
    'a renamed municipality, named by its new name after',
    changed((c) => {
      c.municipalities[4]!.name = 'Urk (eiland)';
      c.municipalities[4]!.population = 22500;
    }),
    ['Naam GM0184: Urk → Urk (eiland)', 'Inwoners Urk (eiland): 22.400 → 22.500'],
  ],
  [
    'a municipality added',
    changed((c) => {
      c.municipalities.push({
        code: 'GM0098',
        name: 'Noordzee',
        population: 1,
        populationYear: 2025,
      });
    }),
    ['Gemeente toegevoegd: Noordzee (GM0098), 1 inwoner (peiljaar 2025)'],
  ],
  [
    'a municipality removed',
    changed((c) => {
      c.municipalities.splice(4, 1);
    }),
    ['Gemeente verwijderd: Urk (GM0184)'],
  ],
  [
    'only the order of municipalities',
    changed((c) => {
      c.municipalities.reverse();
    }),
    ['Geen inhoudelijke wijzigingen.'],
  ],
  [
    'a target group off and the order changed',
    changed((c) => {
      c.targetGroups = ['youthCare', 'shelter', 'protectedHousing'];
    }),
    ['Doelgroep vervallen: Vrouwenopvang'],
  ],
  [
    'the age band',
    changed((c) => {
      c.youthAgeBand = { from: 18, until: 28 };
    }),
    ['Leeftijd jongeren: 18 tot 23 jaar → 18 tot 28 jaar'],
  ],
  [
    'the first period',
    changed((c) => {
      c.agreement.firstPeriodStart = '2021-01-01';
    }),
    [
      'Eerste akkoordperiode: 1 juli 2021 t/m 31 december 2022 → 1 januari 2021 t/m 31 december 2022',
    ],
  ],
  [
    'the extension',
    changed((c) => {
      c.agreement.extensionYears = 1;
    }),
    ['Verlenging akkoord: telkens 2 jaar → telkens 1 jaar'],
  ],
  [
    'the agenda lead to one day',
    changed((c) => {
      c.agendaPublicationDays = 1;
    }),
    ['Agenda delen: 5 dagen → 1 dag vóór de tafel'],
  ],
  [
    'the stalled threshold',
    changed((c) => {
      c.stalledCaseDays = 21;
    }),
    ['Signaal stilstand: na 14 dagen → na 21 dagen zonder activiteit'],
  ],
  [
    'the waiting target',
    changed((c) => {
      c.waitingTargetDays = 60;
    }),
    ['Streeftermijn wachttijd: 90 dagen → 60 dagen na uitstroomgereed'],
  ],
  [
    'the offer answer term',
    changed((c) => {
      c.offerAnswerDays = 1;
    }),
    ['Termijn antwoord op woningaanbod: 10 dagen → 1 dag'],
  ],
  [
    'the neighbourhood threshold',
    changed((c) => {
      c.neighbourhoodLoadThreshold = 1;
    }),
    ['Drempel wijkbelasting: 3 plaatsingen → 1 plaatsing per wijk per jaar'],
  ],
  [
    'the retention',
    changed((c) => {
      c.retentionYears = 10;
    }),
    ['Bewaartermijn afgesloten casussen: 7 jaar → 10 jaar'],
  ],
  [
    'an objection procedure of its own (issue 27.4)',
    changed((c) => {
      c.municipalities[2]!.objectionProcedure =
        'Bezwaar maakt u binnen zes weken bij de gemeente Lelystad, Stadhuisplein 2.';
    }),
    ['Bezwaarprocedure Lelystad: standaardtekst → eigen tekst'],
  ],
  [
    'two-factor on',
    changed((c) => {
      c.twoFactorRequired = true;
    }),
    ['Tweestapsverificatie: niet verplicht → verplicht'],
  ],
  [
    'the binding test switched on',
    changed((c) => {
      c.bindingTest = { isEnabled: true, minYears: 2, withinYears: 5 };
    }),
    ['Minimale binding: uit → aan, 2 van de laatste 5 jaar vóór de opname'],
  ],
  [
    'the binding test made stricter while on',
    changed((c) => {
      c.bindingTest = { isEnabled: true, minYears: 3, withinYears: 5 };
    }),
    ['Minimale binding: uit → aan, 3 van de laatste 5 jaar vóór de opname'],
  ],
  [
    'the binding figures changed while off',
    changed((c) => {
      c.bindingTest = { isEnabled: false, minYears: 3, withinYears: 10 };
    }),
    [
      'Minimale binding (staat uit): 2 van de laatste 5 jaar vóór de opname → 3 van de laatste 10 jaar vóór de opname',
    ],
  ],
];

describe('compareRuleSets', () => {
  it('gives each difference with what holds now and what would hold, for a table side by side', () => {
    const previous = changed((c) => {
      c.bindingTest = { isEnabled: true, minYears: 2, withinYears: 5 };
    });
    const next = changed((c) => {
      c.municipalities[0]!.population = 228000;
      c.targetGroups = c.targetGroups.filter((g) => g !== 'youthCare');
    });
    expect(compareRuleSets(previous, next)).toEqual([
      { label: 'Inwoners Almere', before: '226.500', after: '228.000' },
      { label: 'Doelgroep vervallen', before: 'Jongeren uit verlengde jeugdzorg', after: null },
      {
        label: 'Minimale binding',
        before: 'aan, 2 van de laatste 5 jaar vóór de opname',
        after: 'uit',
      },
    ]);
  });
});

describe('describeRuleSetChanges', () => {
  it('says "Eerste versie." without a previous version', () => {
    expect(describeRuleSetChanges(null, flevolandRuleSet())).toEqual(['Eerste versie.']);
  });

  it.each(changeRows)('%s', (_what, next, lines) => {
    expect(describeRuleSetChanges(flevolandRuleSet(), next)).toEqual(lines);
  });

  it('lists several changes in the order of the form', () => {
    const next = changed((c) => {
      c.twoFactorRequired = true;
      c.municipalities[2]!.population = 82000;
      c.targetGroups.push();
      c.stalledCaseDays = 10;
    });
    expect(describeRuleSetChanges(flevolandRuleSet(), next)).toEqual([
      'Inwoners Lelystad: 81.800 → 82.000',
      'Signaal stilstand: na 14 dagen → na 10 dagen zonder activiteit',
      'Tweestapsverificatie: niet verplicht → verplicht',
    ]);
  });

  it('reports an added target group', () => {
    const previous = flevolandWith('targetGroups', ['protectedHousing']) as RuleSetConfig;
    expect(describeRuleSetChanges(previous, flevolandRuleSet())).toEqual([
      'Doelgroep toegevoegd: Maatschappelijke opvang',
      'Doelgroep toegevoegd: Vrouwenopvang',
      'Doelgroep toegevoegd: Jongeren uit verlengde jeugdzorg',
    ]);
  });
});

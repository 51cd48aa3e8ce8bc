import {
  proposalSchema,
  type ProposalBinding,
  type ProposalOutcome as Outcome,
} from './origin-rule.schemas';
import { validateAndPropose } from './origin-rule.rules';
import { isCertainlyValidProposalInput } from './origin-rule.fast-parse';
import {
  ALMERE,
  AMSTERDAM,
  DRONTEN,
  LELYSTAD,
  NOORDOOSTPOLDER,
  URK,
  briefadres,
  buildCase,
  exampleAddresses,
  exceptionA,
  exceptionB,
  exceptionD,
  instelling,
  proposeValid,
  setAt,
  woonadres,
  type CaseOptions,
} from './origin-rule.test-support';

/**
 * The section "Minimum binding" of rule-engine-contract.md, a row (or a few) per sentence. Every
 * row names the sentence it checks; the admission is 1 March 2022 unless a row says otherwise.
 */

const propose = proposeValid;

const twoOfFive = { minYears: 2, withinYears: 5 };
const oneOfOne = { minYears: 1, withinYears: 1 };
/** With Almere at 4 placements (N = 4) Lelystad has the largest deficit (0.91), Noordoostpolder the next (0.55). */
const lelystadFirst = { [ALMERE]: 4 };
/** 546 days in Lelystad before the admission of 1 March 2022: the contract's example. */
const shortInLelystad = () => [woonadres(LELYSTAD, '2020-09-01', '2022-03-01')];
const bound = (
  municipality: string | null,
  daysBound: number,
  daysRequired: number,
): ProposalBinding => ({ municipality, daysBound, daysRequired, holds: daysBound >= daysRequired });
const withTest = (bindingTest: unknown, options: CaseOptions = {}) =>
  buildCase({ bindingTest, ...options });

type Row = [
  sentence: string,
  input: unknown,
  outcome: Outcome,
  origin: string | null,
  destination: string | null,
  binding: ProposalBinding | undefined,
];

const rows: Row[] = [
  // "A region may require …: both required, whole numbers, 1 ≤ M ≤ W ≤ 20."
  [
    'M = W = 1, the smallest test',
    withTest(oneOfOne, { addresses: [woonadres(LELYSTAD, '2021-03-01')] }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    bound(LELYSTAD, 365, 365),
  ],
  [
    'M = W = 20, the largest test (20 years with five leap days)',
    withTest({ minYears: 20, withinYears: 20 }, { addresses: [woonadres(LELYSTAD, '2002-03-01')] }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    bound(LELYSTAD, 7305, 7300),
  ],
  // "Without a bindingTest nothing below applies and the output has no binding field."
  [
    'without a bindingTest a short stay is still the origin, and no binding field',
    buildCase({ addresses: shortInLelystad() }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    undefined,
  ],
  // "The window runs from admissionDate minus W calendar years …, that day included, up to the
  // admission date, not included."
  [
    'the window’s first day counts (2 of 2 years: from 1 March 2020)',
    withTest(
      { minYears: 2, withinYears: 2 },
      {
        addresses: [woonadres(LELYSTAD, '2019-01-01', '2022-03-01')],
      },
    ),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    bound(LELYSTAD, 730, 730),
  ],
  [
    'days before the window do not count',
    withTest(
      { minYears: 2, withinYears: 2 },
      {
        addresses: [woonadres(LELYSTAD, '2019-01-01', '2022-02-28')],
      },
    ),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 729, 730),
  ],
  [
    'the admission day does not count',
    withTest(oneOfOne, { addresses: [woonadres(LELYSTAD, '2021-03-02')] }),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 364, 365),
  ],
  [
    'an admission on 29 February: the window starts on 28 February',
    withTest(oneOfOne, {
      admissionDate: '2024-02-29',
      addresses: [woonadres(LELYSTAD, '2023-01-01', '2024-02-28')],
    }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    bound(LELYSTAD, 365, 365),
  ],
  [
    '29 February becomes 28 February also when W years back is a leap year',
    withTest(
      { minYears: 4, withinYears: 4 },
      {
        admissionDate: '2024-02-29',
        addresses: [woonadres(LELYSTAD, '2020-02-01', '2024-02-27')],
      },
    ),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    bound(LELYSTAD, 1460, 1460),
  ],
  // "Days bound to the origin found in step 1: … covered by at least one woonadres in that
  // municipality whose from lies before admissionDate."
  [
    'the contract’s own history: Lelystad from 1 March 2017 to 15 November 2021',
    withTest(twoOfFive),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    bound(LELYSTAD, 1720, 730),
  ],
  [
    'earlier woonadressen in the same municipality count too (306 days of 2017 and 181)',
    withTest(
      { minYears: 1, withinYears: 5 },
      {
        addresses: [
          woonadres(LELYSTAD, '2017-01-01', '2018-01-01'),
          woonadres(ALMERE, '2018-01-01', '2021-09-01'),
          woonadres(LELYSTAD, '2021-09-01', '2022-03-01'),
        ],
      },
    ),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    bound(LELYSTAD, 306 + 181, 365),
  ],
  // "An address covers the days from its from (included) up to its to (not included)."
  [
    'from included, to not included: a year to the day is 365 days',
    withTest(oneOfOne, { addresses: [woonadres(LELYSTAD, '2021-03-01', '2022-03-01')] }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    bound(LELYSTAD, 365, 365),
  ],
  [
    'the to day itself is not covered',
    withTest(oneOfOne, { addresses: [woonadres(LELYSTAD, '2021-03-01', '2022-02-28')] }),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 364, 365),
  ],
  // "a to that is absent or after the admission date is read as the admission date"
  [
    'a to after the admission counts up to the admission only',
    withTest(
      { minYears: 1, withinYears: 5 },
      {
        addresses: [woonadres(LELYSTAD, '2021-03-01', '2023-06-01')],
      },
    ),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    bound(LELYSTAD, 365, 365),
  ],
  [
    'an absent to counts up to the admission',
    withTest({ minYears: 1, withinYears: 5 }, { addresses: [woonadres(LELYSTAD, '2021-03-01')] }),
    'herkomst',
    LELYSTAD,
    LELYSTAD,
    bound(LELYSTAD, 365, 365),
  ],
  // "an address whose to is on or before its from covers no day"
  [
    'a to equal to the from covers no day (the address is still step 1’s origin)',
    withTest(oneOfOne, { addresses: [woonadres(LELYSTAD, '2021-06-01', '2021-06-01')] }),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 0, 365),
  ],
  [
    'a to before the from covers no day',
    withTest(oneOfOne, { addresses: [woonadres(LELYSTAD, '2021-06-01', '2020-01-01')] }),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 0, 365),
  ],
  // "Overlapping addresses count each day once."
  [
    'overlapping addresses count each day once (638 days, not 548 + 424)',
    withTest(twoOfFive, {
      addresses: [
        woonadres(LELYSTAD, '2020-06-01', '2021-12-01'),
        woonadres(LELYSTAD, '2021-01-01', '2022-03-01'),
      ],
    }),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 638, 730),
  ],
  // "Addresses in other municipalities, instelling and briefadres never count."
  [
    'a woonadres in another municipality does not count',
    withTest(twoOfFive, {
      addresses: [
        woonadres(ALMERE, '2015-01-01', '2021-09-01'),
        woonadres(LELYSTAD, '2021-09-01', '2022-03-01'),
      ],
    }),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 181, 730),
  ],
  [
    'an instelling in the same municipality does not count',
    withTest(twoOfFive, {
      addresses: [
        instelling(LELYSTAD, '2015-01-01', '2021-09-01'),
        woonadres(LELYSTAD, '2021-09-01', '2022-03-01'),
      ],
    }),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 181, 730),
  ],
  [
    'a briefadres in the same municipality does not count',
    withTest(twoOfFive, {
      addresses: [
        briefadres(LELYSTAD, '2015-01-01', '2021-09-01'),
        woonadres(LELYSTAD, '2021-09-01', '2022-03-01'),
      ],
    }),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 181, 730),
  ],
  // "Days required are M × 365. The test holds when the days bound are at least the days
  // required; then the decision goes on as above."
  [
    'exactly M × 365 days hold, and the decision goes on (A with a wish)',
    withTest(twoOfFive, {
      addresses: [woonadres(LELYSTAD, '2020-03-01', '2022-03-01')],
      exceptions: [exceptionA()],
      wish: URK,
    }),
    'A',
    LELYSTAD,
    URK,
    bound(LELYSTAD, 730, 730),
  ],
  [
    'one day fewer does not hold',
    withTest(twoOfFive, { addresses: [woonadres(LELYSTAD, '2020-03-02', '2022-03-01')] }),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 729, 730),
  ],
  // "When it does not hold (and when step 1 finds no woonadres), the origin is null"
  [
    'the contract’s example: 546 of 730 days, so C',
    withTest(twoOfFive, { addresses: shortInLelystad() }),
    'C',
    null,
    ALMERE,
    bound(LELYSTAD, 546, 730),
  ],
  [
    'no woonadres: municipality null, 0 days, and C',
    withTest(twoOfFive, { addresses: [instelling(ALMERE, '2021-01-01', '2022-03-01')] }),
    'C',
    null,
    ALMERE,
    bound(null, 0, 730),
  ],
  // "So D, B and A are assessed as for an untraceable origin, C applies when none of them does"
  [
    'D still applies',
    withTest(twoOfFive, { addresses: shortInLelystad(), exceptions: [exceptionD(DRONTEN)] }),
    'D',
    null,
    DRONTEN,
    bound(LELYSTAD, 546, 730),
  ],
  [
    'B naming the municipality of step 1 applies, for it is not the origin',
    withTest(twoOfFive, {
      addresses: shortInLelystad(),
      exceptions: [exceptionB(LELYSTAD, false)],
    }),
    'B',
    null,
    LELYSTAD,
    bound(LELYSTAD, 546, 730),
  ],
  [
    'B that can be reached does not apply, so C',
    withTest(twoOfFive, {
      addresses: shortInLelystad(),
      exceptions: [exceptionB(DRONTEN, true)],
      placements: lelystadFirst,
    }),
    'C',
    null,
    LELYSTAD,
    bound(LELYSTAD, 546, 730),
  ],
  [
    'under C the municipality of step 1 is not excluded',
    withTest(twoOfFive, { addresses: shortInLelystad(), placements: lelystadFirst }),
    'C',
    null,
    LELYSTAD,
    bound(LELYSTAD, 546, 730),
  ],
  // "and an origin outside the region is no longer referred"
  [
    'a short stay outside the region is not referred: C',
    withTest(twoOfFive, { addresses: [woonadres(AMSTERDAM, '2021-09-01')] }),
    'C',
    null,
    ALMERE,
    bound(AMSTERDAM, 181, 730),
  ],
  [
    'a long stay outside the region is referred as before',
    withTest(twoOfFive, { addresses: [woonadres(AMSTERDAM, '2010-01-01')] }),
    'buiten_regio',
    AMSTERDAM,
    null,
    bound(AMSTERDAM, 1826, 730),
  ],
  // "One thing stays: under A, the municipality of the origin found in step 1 is excluded as a
  // destination (the obstacles lie there), also when it is not the origin."
  [
    'A without a wish: the distribution skips the municipality of step 1',
    withTest(twoOfFive, {
      addresses: shortInLelystad(),
      exceptions: [exceptionA()],
      placements: lelystadFirst,
    }),
    'A',
    null,
    NOORDOOSTPOLDER,
    bound(LELYSTAD, 546, 730),
  ],
  [
    'A with the municipality of step 1 as the wish: the distribution, without it',
    withTest(twoOfFive, {
      addresses: shortInLelystad(),
      exceptions: [exceptionA()],
      wish: LELYSTAD,
      placements: lelystadFirst,
    }),
    'A',
    null,
    NOORDOOSTPOLDER,
    bound(LELYSTAD, 546, 730),
  ],
  [
    'A with another eligible wish: the wish',
    withTest(twoOfFive, { addresses: shortInLelystad(), exceptions: [exceptionA()], wish: URK }),
    'A',
    null,
    URK,
    bound(LELYSTAD, 546, 730),
  ],
  [
    'A without any woonadres: nothing to skip',
    withTest(twoOfFive, {
      addresses: [],
      exceptions: [exceptionA()],
      placements: lelystadFirst,
    }),
    'A',
    null,
    LELYSTAD,
    bound(null, 0, 730),
  ],
];

describe('minimum binding: a row per sentence of the contract', () => {
  it.each(rows)('%s', (_sentence, input, outcome, origin, destination, binding) => {
    const proposal = propose(input);
    expect({
      outcome: proposal.outcome,
      origin: proposal.origin,
      destination: proposal.destination,
      binding: proposal.binding,
    }).toEqual({ outcome, origin, destination, binding });
    expect('binding' in proposal).toBe(binding !== undefined);
    expect(proposalSchema.safeParse(proposal).success).toBe(true);
  });
});

describe('minimum binding: the reasons', () => {
  it('name the municipality, the days counted and the days required', () => {
    const reasons = propose(withTest(twoOfFive, { addresses: shortInLelystad() })).reasons;
    expect(reasons.slice(0, 4)).toEqual([
      'Het laatste woonadres vóór de opname op 1 maart 2022 lag in Lelystad (1 september 2020 tot 1 maart 2022).',
      'Minimale binding niet gehaald: de regio vraagt dat de bewoner minstens 2 van de laatste 5 jaar vóór de opname in de herkomstgemeente woonde; in die 5 jaar woonde de bewoner 546 dagen in Lelystad, en vereist zijn 730 dagen (2 × 365), dus de herkomst staat niet vast.',
      'Er is geen uitzondering A, B of D ingevoerd.',
      'Uitzondering C geldt: omdat de binding met Lelystad te kort is, staat de herkomst niet vast en volgt de bestemming uit de verdeling naar inwoneraantal.',
    ]);
  });

  it('say so when the test holds', () => {
    expect(propose(withTest(twoOfFive)).reasons).toContain(
      'Minimale binding gehaald: de regio vraagt dat de bewoner minstens 2 van de laatste 5 jaar vóór de opname in de herkomstgemeente woonde; in die 5 jaar woonde de bewoner 1.720 dagen in Lelystad, en vereist zijn 730 dagen (2 × 365), dus Lelystad is de herkomst.',
    );
  });

  it('say that without a woonadres no day counts', () => {
    expect(propose(withTest(twoOfFive, { addresses: [] })).reasons).toContain(
      'Minimale binding niet gehaald: de regio vraagt dat de bewoner minstens 2 van de laatste 5 jaar vóór de opname in de herkomstgemeente woonde, en zonder woonadres vóór de opname zijn dat 0 van de vereiste 730 dagen (2 × 365).',
    );
  });

  it('under A name where the obstacles lie, also without an origin', () => {
    const reasons = propose(
      withTest(twoOfFive, {
        addresses: shortInLelystad(),
        exceptions: [exceptionA()],
        wish: LELYSTAD,
        placements: lelystadFirst,
      }),
    ).reasons;
    expect(reasons).toEqual(
      expect.arrayContaining([
        'Uitzondering A geldt: belemmeringen in Lelystad staan het herstel in de weg, dus Lelystad is niet de bestemming, ook al staat de herkomst niet vast.',
        'De bewoner wil graag naar Lelystad, maar daar liggen de belemmeringen; daarom volgt de bestemming uit de verdeling naar inwoneraantal.',
        'De verdeling naar inwoneraantal gaat over de regio zonder Lelystad (waar de belemmeringen liggen); in de regio zijn tot nu toe N = 4 plaatsingen door verdeling gedaan.',
      ]),
    );
  });

  it('count one day as "1 dag"', () => {
    expect(
      propose(withTest(oneOfOne, { addresses: [woonadres(LELYSTAD, '2022-02-28')] })).reasons.join(
        ' ',
      ),
    ).toContain('woonde de bewoner 1 dag in Lelystad');
  });
});

describe('minimum binding: the year 1', () => {
  it('counts a window that begins before the year 1', () => {
    const proposal = propose(
      withTest(
        { minYears: 1, withinYears: 20 },
        { admissionDate: '0010-06-01', addresses: [woonadres(LELYSTAD, '0001-01-01')] },
      ),
    );
    // From 1 January of the year 1 to 1 June of the year 10: nine years and 151 days, two leap days.
    expect(proposal.binding).toEqual(bound(LELYSTAD, 9 * 365 + 2 + 151, 365));
  });
});

// "Invalid (exit 2): bindingTest null or not an object, a field missing or not named here, a value
// that is not a whole number, M below 1, W above 20; M above W reports the path
// region.bindingTest.minYears."
const objectMessage = 'De bindingstoets is een object met minYears en withinYears.';
const invalidRows: [string, unknown, string, string][] = [
  ['null', null, 'region.bindingTest', objectMessage],
  ['a number', 2, 'region.bindingTest', objectMessage],
  ['a list', [2, 5], 'region.bindingTest', objectMessage],
  ['minYears missing', { withinYears: 5 }, 'region.bindingTest.minYears', 'Dit veld is verplicht.'],
  [
    'withinYears missing',
    { minYears: 2 },
    'region.bindingTest.withinYears',
    'Dit veld is verplicht.',
  ],
  [
    'a field not named',
    { ...twoOfFive, maxYears: 9 },
    'region.bindingTest.maxYears',
    'Dit veld is onbekend.',
  ],
  [
    'minYears not whole',
    { minYears: 1.5, withinYears: 5 },
    'region.bindingTest.minYears',
    'Het minimum aantal jaren is een geheel getal.',
  ],
  [
    'minYears as text',
    { minYears: '2', withinYears: 5 },
    'region.bindingTest.minYears',
    'Het minimum aantal jaren is een geheel getal.',
  ],
  [
    'withinYears not whole',
    { minYears: 2, withinYears: 5.5 },
    'region.bindingTest.withinYears',
    'Het aantal jaren vóór de opname is een geheel getal.',
  ],
  [
    'M below 1',
    { minYears: 0, withinYears: 5 },
    'region.bindingTest.minYears',
    'Het minimum aantal jaren is minstens 1.',
  ],
  [
    'W above 20',
    { minYears: 2, withinYears: 21 },
    'region.bindingTest.withinYears',
    'Het aantal jaren vóór de opname is hoogstens 20.',
  ],
  [
    'M above W, reported at minYears',
    { minYears: 6, withinYears: 5 },
    'region.bindingTest.minYears',
    'Het minimum aantal jaren is niet groter dan het aantal jaren vóór de opname waarin het moet liggen.',
  ],
  [
    'M above a W of 0',
    { minYears: 1, withinYears: 0 },
    'region.bindingTest.minYears',
    'Het minimum aantal jaren is niet groter dan het aantal jaren vóór de opname waarin het moet liggen.',
  ],
];

describe('minimum binding: invalid input', () => {
  it.each(invalidRows)('%s', (_name, bindingTest, path, message) => {
    const input = buildCase({ addresses: exampleAddresses() });
    setAt(input, 'region.bindingTest', bindingTest);
    const result = validateAndPropose(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.error.issues).toContainEqual({ path, message });
    expect(isCertainlyValidProposalInput(input)).toBe(false);
  });

  it('M above W and W above 20 are both reported', () => {
    const result = validateAndPropose(withTest({ minYears: 25, withinYears: 22 }));
    expect(result.ok ? [] : result.error.error.issues.map((issue) => issue.path).sort()).toEqual([
      'region.bindingTest.minYears',
      'region.bindingTest.withinYears',
    ]);
  });

  it('the fast path accepts a valid test as is', () => {
    expect(isCertainlyValidProposalInput(withTest(twoOfFive))).toBe(true);
  });
});

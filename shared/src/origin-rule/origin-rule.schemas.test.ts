import { proposalInputSchema } from './origin-rule.schemas';
import { validateAndPropose } from './origin-rule.rules';
import { isCertainlyValidProposalInput } from './origin-rule.fast-parse';
import {
  ALMERE,
  AMSTERDAM,
  DRONTEN,
  LELYSTAD,
  URK,
  ZEEWOLDE,
  buildCase,
  contractExample,
  exceptionA,
  exceptionB,
  exceptionD,
  instelling,
  motivation,
  setAt,
  woonadres,
} from './origin-rule.test-support';

const codeMessage = 'Geen geldige CBS-gemeentecode (GM gevolgd door vier cijfers).';
const dateMessage = 'Geen geldige datum (jjjj-mm-dd).';
const unknownMessage = 'Dit veld is onbekend.';
const requiredMessage = 'Dit veld is verplicht.';
const populationMessage = 'Het inwoneraantal is een positief geheel getal.';

/** The example with one change at a dotted path (undefined removes the field). */
function exampleWith(dottedPath: string, value: unknown): Record<string, unknown> {
  const input = contractExample();
  setAt(input, dottedPath, value);
  return input;
}

// Each row: what is wrong, the input, the path the error names, and its message.
const invalidRows: [string, unknown, string, string][] = [
  ['not an object', [], '', 'Verwacht een object.'],
  [
    'a field the contract does not name, at the top',
    { ...contractExample(), remark: 'x' },
    'remark',
    unknownMessage,
  ],
  [
    'an unknown field in a municipality',
    exampleWith('region.municipalities.0.inhabitants', 5),
    'region.municipalities.0.inhabitants',
    unknownMessage,
  ],
  [
    'an unknown field in an address',
    exampleWith('resident.addresses.1.postcode', '8232AA'),
    'resident.addresses.1.postcode',
    unknownMessage,
  ],
  [
    'an unknown field in the resident',
    exampleWith('resident.name', 'Jan'),
    'resident.name',
    unknownMessage,
  ],
  [
    'an unknown field in an exception',
    exampleWith('exceptions.0.extra', true),
    'exceptions.0.extra',
    unknownMessage,
  ],
  [
    'an unknown field in the distribution',
    exampleWith('distribution.period', '2026'),
    'distribution.period',
    unknownMessage,
  ],
  [
    'a municipality on an A',
    buildCase({ exceptions: [{ ...exceptionA(), municipality: URK }] }),
    'exceptions.0.municipality',
    unknownMessage,
  ],
  [
    'referenceDate missing',
    exampleWith('referenceDate', undefined),
    'referenceDate',
    requiredMessage,
  ],
  [
    'referenceDate 2023-02-30',
    exampleWith('referenceDate', '2023-02-30'),
    'referenceDate',
    dateMessage,
  ],
  [
    'admissionDate in month 13',
    exampleWith('resident.admissionDate', '2022-13-01'),
    'resident.admissionDate',
    dateMessage,
  ],
  [
    'a 29 February outside a leap year',
    exampleWith('resident.addresses.1.from', '2021-02-29'),
    'resident.addresses.1.from',
    dateMessage,
  ],
  [
    'a date without leading zeros',
    exampleWith('resident.addresses.0.to', '2013-8-1'),
    'resident.addresses.0.to',
    dateMessage,
  ],
  [
    'a date with a time',
    exampleWith('resident.admissionDate', '2022-03-01T00:00:00Z'),
    'resident.admissionDate',
    dateMessage,
  ],
  [
    'an unknown kind of address',
    exampleWith('resident.addresses.0.kind', 'huurwoning'),
    'resident.addresses.0.kind',
    'Kies woonadres, instelling of briefadres.',
  ],
  [
    'an address without a kind',
    exampleWith('resident.addresses.0.kind', undefined),
    'resident.addresses.0.kind',
    requiredMessage,
  ],
  [
    'an address without a from',
    exampleWith('resident.addresses.2.from', undefined),
    'resident.addresses.2.from',
    requiredMessage,
  ],
  [
    'a code in the region twice',
    buildCase({
      municipalities: [
        { code: URK, name: 'Urk', population: 1 },
        { code: ALMERE, name: 'Almere', population: 2 },
        { code: URK, name: 'Urk2', population: 3 },
      ],
    }),
    'region.municipalities.2.code',
    'Gemeente GM0184 staat al eerder in de regio.',
  ],
  [
    'a population of 0',
    exampleWith('region.municipalities.0.population', 0),
    'region.municipalities.0.population',
    populationMessage,
  ],
  [
    'a negative population',
    exampleWith('region.municipalities.1.population', -43200),
    'region.municipalities.1.population',
    populationMessage,
  ],
  [
    'a population with a fraction',
    exampleWith('region.municipalities.2.population', 81800.5),
    'region.municipalities.2.population',
    populationMessage,
  ],
  [
    'a population as text',
    exampleWith('region.municipalities.3.population', '49300'),
    'region.municipalities.3.population',
    populationMessage,
  ],
  [
    'a blank name',
    exampleWith('region.municipalities.4.name', '  '),
    'region.municipalities.4.name',
    'Een naam is verplicht.',
  ],
  [
    'a code without four digits',
    exampleWith('region.municipalities.5.code', 'GM50'),
    'region.municipalities.5.code',
    codeMessage,
  ],
  ['a wish in lower case', exampleWith('resident.wish', 'gm0050'), 'resident.wish', codeMessage],
  [
    'an excluded code that is a name',
    exampleWith('resident.excluded', ['Urk']),
    'resident.excluded.0',
    codeMessage,
  ],
  [
    'two woonadressen with the same from',
    buildCase({
      addresses: [
        woonadres(URK, '2010-01-01'),
        instelling(ALMERE, '2010-01-01'),
        woonadres(DRONTEN, '2010-01-01'),
      ],
    }),
    'resident.addresses.2.from',
    'Er is al een woonadres met deze begindatum.',
  ],
  [
    'two exceptions of one kind',
    buildCase({ exceptions: [exceptionA(), exceptionD(URK), exceptionA()] }),
    'exceptions.2.kind',
    'Uitzondering A staat er al; geef elke uitzondering één keer.',
  ],
  [
    'exception C',
    buildCase({ exceptions: [{ kind: 'C', motivation }] }),
    'exceptions.0.kind',
    'Uitzondering C wordt niet ingevoerd: die volgt uit een herkomst die niet te achterhalen is.',
  ],
  [
    'exception E',
    buildCase({ exceptions: [{ kind: 'E', motivation }] }),
    'exceptions.0.kind',
    'Geen geldige soort uitzondering: kies A, B of D.',
  ],
  [
    'an exception in lower case',
    buildCase({ exceptions: [{ kind: 'a', motivation }] }),
    'exceptions.0.kind',
    'Geen geldige soort uitzondering: kies A, B of D.',
  ],
  [
    'an exception without a kind',
    buildCase({ exceptions: [{ motivation }] }),
    'exceptions.0.kind',
    'De soort uitzondering is verplicht: A, B of D.',
  ],
  [
    'an exception without a motivation',
    buildCase({ exceptions: [{ kind: 'A' }] }),
    'exceptions.0.motivation',
    'Een motivering is verplicht.',
  ],
  [
    'a blank motivation',
    buildCase({ exceptions: [{ kind: 'A', motivation: ' \n\t ' }] }),
    'exceptions.0.motivation',
    'Een motivering is verplicht.',
  ],
  [
    'a short motivation',
    buildCase({ exceptions: [exceptionD(URK), { kind: 'A', motivation: 'Onveilig' }] }),
    'exceptions.1.motivation',
    'Een motivering heeft minstens 10 tekens.',
  ],
  [
    '9 characters after trimming',
    buildCase({ exceptions: [{ kind: 'A', motivation: '   123456789   ' }] }),
    'exceptions.0.motivation',
    'Een motivering heeft minstens 10 tekens.',
  ],
  [
    'a motivation that is not text',
    buildCase({ exceptions: [{ kind: 'A', motivation: 1234567890 }] }),
    'exceptions.0.motivation',
    'Een motivering is tekst.',
  ],
  [
    'B without a municipality',
    buildCase({
      exceptions: [{ kind: 'B', ground: 'netwerk', canTravelFromOrigin: false, motivation }],
    }),
    'exceptions.0.municipality',
    'Bij uitzondering B is de gemeente verplicht.',
  ],
  [
    'B without a ground',
    buildCase({
      exceptions: [{ kind: 'B', municipality: URK, canTravelFromOrigin: false, motivation }],
    }),
    'exceptions.0.ground',
    'Bij uitzondering B is de grond verplicht: netwerk of daginvulling.',
  ],
  [
    'B without canTravelFromOrigin',
    buildCase({ exceptions: [{ kind: 'B', municipality: URK, ground: 'netwerk', motivation }] }),
    'exceptions.0.canTravelFromOrigin',
    'Bij uitzondering B is verplicht of de bewoner dit vanuit de herkomst kan bereizen.',
  ],
  [
    'B with canTravelFromOrigin as text',
    buildCase({ exceptions: [{ ...exceptionB(URK, false), canTravelFromOrigin: 'nee' }] }),
    'exceptions.0.canTravelFromOrigin',
    'Verwacht waar of onwaar.',
  ],
  [
    'B with an unknown ground',
    buildCase({ exceptions: [exceptionB(URK, false, 'werk')] }),
    'exceptions.0.ground',
    'Kies netwerk of daginvulling.',
  ],
  [
    'B outside the region',
    buildCase({ exceptions: [exceptionB(AMSTERDAM, false)] }),
    'exceptions.0.municipality',
    'Bij uitzondering B moet de gemeente in de regio liggen.',
  ],
  [
    'B among the excluded',
    buildCase({ exceptions: [exceptionB(URK, false)], excluded: [URK] }),
    'exceptions.0.municipality',
    'Bij uitzondering B mag de gemeente niet bij de uitgesloten gemeenten staan.',
  ],
  [
    'D outside the region',
    buildCase({ exceptions: [exceptionA(), exceptionD(AMSTERDAM)] }),
    'exceptions.1.municipality',
    'Bij uitzondering D moet de gemeente in de regio liggen.',
  ],
  [
    'D among the excluded',
    buildCase({ exceptions: [exceptionD(ZEEWOLDE)], excluded: [LELYSTAD, ZEEWOLDE] }),
    'exceptions.0.municipality',
    'Bij uitzondering D mag de gemeente niet bij de uitgesloten gemeenten staan.',
  ],
  [
    'D without a municipality',
    buildCase({ exceptions: [{ kind: 'D', motivation }] }),
    'exceptions.0.municipality',
    'Bij uitzondering D is de gemeente verplicht.',
  ],
  [
    'a placement under a name',
    exampleWith('distribution.placements', { Almere: 4 }),
    'distribution.placements.Almere',
    'Plaatsingen staan onder een CBS-gemeentecode (GM gevolgd door vier cijfers).',
  ],
  [
    'a negative placement count',
    exampleWith('distribution.placements', { [ALMERE]: -1 }),
    'distribution.placements.GM0034',
    'Het aantal plaatsingen is een geheel getal van 0 of meer.',
  ],
  [
    'a distribution without placements',
    exampleWith('distribution.placements', undefined),
    'distribution.placements',
    requiredMessage,
  ],
  ['the region missing', exampleWith('region', undefined), 'region', requiredMessage],
  [
    'the addresses missing',
    exampleWith('resident.addresses', undefined),
    'resident.addresses',
    requiredMessage,
  ],
  [
    'exceptions that are not a list',
    exampleWith('exceptions', { kind: 'A', motivation }),
    'exceptions',
    'Verwacht een lijst.',
  ],
];

describe('proposalInputSchema: invalid input', () => {
  it.each(invalidRows)('%s → %s', (_name, input, path, message) => {
    const result = validateAndPropose(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.error.code).toBe('VALIDATION_FAILED');
    expect(result.error.error.message).toBe('De invoer is ongeldig.');
    expect(result.error.error.issues).toContainEqual({ path, message });
    // The fast path never accepts what the schema refuses.
    expect(isCertainlyValidProposalInput(input)).toBe(false);
  });

  it('reports every problem at once, cross-field rules included', () => {
    const input = buildCase({
      municipalities: [
        { code: URK, name: 'Urk', population: 1 },
        { code: URK, name: 'Urk', population: 1 },
      ],
      exceptions: [{ kind: 'A', motivation: 'kort' }, exceptionD(AMSTERDAM)],
    });
    setAt(input, 'resident.admissionDate', '2022-02-30');
    const result = validateAndPropose(input);
    expect(result.ok ? [] : result.error.error.issues.map((issue) => issue.path).sort()).toEqual([
      'exceptions.0.motivation',
      'exceptions.1.municipality',
      'region.municipalities.1.code',
      'resident.admissionDate',
    ]);
  });
});

describe('proposalInputSchema: valid input', () => {
  it.each([
    ['the contract example', contractExample()],
    ['without wish, excluded, exceptions and distribution', buildCase()],
    [
      'an empty list of exceptions and of placements',
      buildCase({ exceptions: [], placements: {} }),
    ],
    ['placements outside the region', buildCase({ placements: { [AMSTERDAM]: 2 } })],
    ['an excluded code outside the region', buildCase({ excluded: [AMSTERDAM] })],
    ['a wish outside the region', buildCase({ wish: AMSTERDAM })],
    [
      'a motivation of 10 characters after trimming',
      buildCase({ exceptions: [{ kind: 'A', motivation: ' 1234567890 ' }] }),
    ],
    ['a leap day', buildCase({ admissionDate: '2024-02-29' })],
    [
      'two instelling addresses with the same from',
      buildCase({ addresses: [instelling(URK, '2020-01-01'), instelling(ALMERE, '2020-01-01')] }),
    ],
    ['a B that can be reached', buildCase({ exceptions: [exceptionB(DRONTEN, true, 'netwerk')] })],
  ])('%s', (_name, input) => {
    expect(proposalInputSchema.safeParse(input).success).toBe(true);
    expect(isCertainlyValidProposalInput(input)).toBe(true);
  });
});

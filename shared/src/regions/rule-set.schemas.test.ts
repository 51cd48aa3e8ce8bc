import { toErrorIssues } from '../validation';
import {
  engineBindingTest,
  ruleSetConfigSchema,
  ruleSetVersionParamsSchema,
  updateRuleSetRequestSchema,
  ruleSetDefaults,
  storedRuleSetConfigSchema,
} from './rule-set.schemas';
import { flevolandRuleSet, flevolandWith } from './rule-set.test-support';

const unknownMessage = 'Dit veld is onbekend.';
const requiredMessage = 'Dit veld is verplicht.';
const codeMessage = 'Geen geldige CBS-gemeentecode (GM gevolgd door vier cijfers).';
const populationMessage = 'Het inwoneraantal is een positief geheel getal.';
const yearMessage = 'Het peiljaar is een jaartal van 1900 tot en met 2200.';
const ageMessage = 'Vul een leeftijd van 12 tot en met 30 jaar in.';
const dateMessage = 'Geen geldige datum (jjjj-mm-dd).';

const two = () => flevolandRuleSet().municipalities.slice(0, 2);
const manyMunicipalities = Array.from({ length: 401 }, (_, i) => ({
  code: `GM${String(i + 1).padStart(4, '0')}`,
  name: `Gemeente ${i + 1}`,
  population: 1000,
  populationYear: 2024,
}));

// Each row: what is wrong, the input, the path the error names, and its message.
const invalidRows: [string, unknown, string, string][] = [
  ['not an object', 'Flevoland', '', 'Verwacht een object.'],
  [
    'the binding test missing',
    flevolandWith('bindingTest', undefined),
    'bindingTest',
    'Dit veld is verplicht.',
  ],
  [
    'the binding switch missing',
    flevolandWith('bindingTest.isEnabled', undefined),
    'bindingTest.isEnabled',
    'Dit veld is verplicht.',
  ],
  [
    'binding: M above W',
    flevolandWith('bindingTest', { isEnabled: true, minYears: 6, withinYears: 5 }),
    'bindingTest.minYears',
    'Het minimum aantal jaren is niet groter dan het aantal jaren vóór de opname waarin het moet liggen.',
  ],
  [
    'binding: W above 20',
    flevolandWith('bindingTest.withinYears', 21),
    'bindingTest.withinYears',
    'Het aantal jaren vóór de opname is hoogstens 20.',
  ],
  [
    'binding: M of 0, also while off',
    flevolandWith('bindingTest.minYears', 0),
    'bindingTest.minYears',
    'Het minimum aantal jaren is minstens 1.',
  ],
  [
    'binding: a field it does not name',
    flevolandWith('bindingTest.maxYears', 3),
    'bindingTest.maxYears',
    unknownMessage,
  ],
  ['an unknown field at the top', { ...flevolandRuleSet(), remark: 'x' }, 'remark', unknownMessage],
  [
    'an unknown field in a municipality',
    flevolandWith('municipalities.2.inhabitants', 5),
    'municipalities.2.inhabitants',
    unknownMessage,
  ],
  [
    'an unknown field in the age band',
    flevolandWith('youthAgeBand.inclusive', true),
    'youthAgeBand.inclusive',
    unknownMessage,
  ],
  [
    'municipalities missing',
    flevolandWith('municipalities', undefined),
    'municipalities',
    requiredMessage,
  ],
  [
    'municipalities not a list',
    flevolandWith('municipalities', { GM0034: 1 }),
    'municipalities',
    'Verwacht een lijst van gemeenten.',
  ],
  [
    'one municipality',
    flevolandWith('municipalities', two().slice(0, 1)),
    'municipalities',
    'Een regio heeft minstens twee gemeenten.',
  ],
  [
    'more municipalities than the country has',
    flevolandWith('municipalities', manyMunicipalities),
    'municipalities',
    'Een regio heeft hoogstens 400 gemeenten.',
  ],
  [
    'a code twice',
    flevolandWith('municipalities.3.code', 'GM0034'),
    'municipalities.3.code',
    'Gemeente GM0034 staat al eerder in de lijst.',
  ],
  [
    'a name twice (in other case)',
    flevolandWith('municipalities.1.name', 'ALMERE'),
    'municipalities.1.name',
    'De naam ALMERE staat al eerder in de lijst.',
  ],
  [
    'a code without GM',
    flevolandWith('municipalities.0.code', '0034'),
    'municipalities.0.code',
    codeMessage,
  ],
  [
    'a code in lower case',
    flevolandWith('municipalities.0.code', 'gm0034'),
    'municipalities.0.code',
    codeMessage,
  ],
  [
    'a code missing',
    flevolandWith('municipalities.5.code', undefined),
    'municipalities.5.code',
    requiredMessage,
  ],
  [
    'a blank name',
    flevolandWith('municipalities.4.name', '   '),
    'municipalities.4.name',
    'Een naam is verplicht.',
  ],
  [
    'a name of 101 characters',
    flevolandWith('municipalities.4.name', 'x'.repeat(101)),
    'municipalities.4.name',
    'Een naam heeft hoogstens 100 tekens.',
  ],
  [
    'a name that is a number',
    flevolandWith('municipalities.4.name', 34),
    'municipalities.4.name',
    'Een naam is tekst.',
  ],
  [
    'a population of 0',
    flevolandWith('municipalities.0.population', 0),
    'municipalities.0.population',
    populationMessage,
  ],
  [
    'a negative population',
    flevolandWith('municipalities.0.population', -1),
    'municipalities.0.population',
    populationMessage,
  ],
  [
    'a population with a fraction',
    flevolandWith('municipalities.1.population', 43200.5),
    'municipalities.1.population',
    populationMessage,
  ],
  [
    'a population as text',
    flevolandWith('municipalities.1.population', '43200'),
    'municipalities.1.population',
    populationMessage,
  ],
  [
    'a population that is NaN (an empty number field)',
    flevolandWith('municipalities.1.population', Number.NaN),
    'municipalities.1.population',
    populationMessage,
  ],
  [
    'a population missing',
    flevolandWith('municipalities.1.population', undefined),
    'municipalities.1.population',
    requiredMessage,
  ],
  [
    'a reference year of 1850',
    flevolandWith('municipalities.2.populationYear', 1850),
    'municipalities.2.populationYear',
    yearMessage,
  ],
  [
    'a reference year as text',
    flevolandWith('municipalities.2.populationYear', '2024'),
    'municipalities.2.populationYear',
    yearMessage,
  ],
  [
    'no target group',
    flevolandWith('targetGroups', []),
    'targetGroups',
    'Kies minstens één doelgroep.',
  ],
  [
    'an unknown target group',
    flevolandWith('targetGroups', ['protectedHousing', 'beschermdWonen']),
    'targetGroups.1',
    'Geen bekende doelgroep.',
  ],
  [
    'a target group twice',
    flevolandWith('targetGroups', ['shelter', 'youthCare', 'shelter']),
    'targetGroups.2',
    'Deze doelgroep staat er al.',
  ],
  [
    'an age band upside down',
    flevolandWith('youthAgeBand', { from: 23, until: 18 }),
    'youthAgeBand.until',
    'De bovengrens ligt boven de ondergrens.',
  ],
  [
    'an age band of no years',
    flevolandWith('youthAgeBand', { from: 18, until: 18 }),
    'youthAgeBand.until',
    'De bovengrens ligt boven de ondergrens.',
  ],
  ['an age band from 11', flevolandWith('youthAgeBand.from', 11), 'youthAgeBand.from', ageMessage],
  [
    'an age band until 31',
    flevolandWith('youthAgeBand.until', 31),
    'youthAgeBand.until',
    ageMessage,
  ],
  [
    'an age band with a fraction',
    flevolandWith('youthAgeBand.from', 17.5),
    'youthAgeBand.from',
    ageMessage,
  ],
  [
    'a first period that ends before it starts',
    flevolandWith('agreement.firstPeriodEnd', '2021-06-30'),
    'agreement.firstPeriodEnd',
    'Het einde van de eerste periode ligt niet vóór het begin.',
  ],
  [
    'a start date that does not exist',
    flevolandWith('agreement.firstPeriodStart', '2021-02-29'),
    'agreement.firstPeriodStart',
    dateMessage,
  ],
  [
    'an end date in Dutch order',
    flevolandWith('agreement.firstPeriodEnd', '31-12-2022'),
    'agreement.firstPeriodEnd',
    dateMessage,
  ],
  [
    'an end date missing',
    flevolandWith('agreement.firstPeriodEnd', undefined),
    'agreement.firstPeriodEnd',
    requiredMessage,
  ],
  [
    'extensions of 0 years',
    flevolandWith('agreement.extensionYears', 0),
    'agreement.extensionYears',
    'Vul een aantal jaren van 1 tot en met 10 in.',
  ],
  [
    'an agenda published 61 days ahead',
    flevolandWith('agendaPublicationDays', 61),
    'agendaPublicationDays',
    'Vul een aantal dagen van 0 tot en met 60 in.',
  ],
  [
    'a negative agenda lead',
    flevolandWith('agendaPublicationDays', -1),
    'agendaPublicationDays',
    'Vul een aantal dagen van 0 tot en met 60 in.',
  ],
  [
    'a stalled threshold of 0 days',
    flevolandWith('stalledCaseDays', 0),
    'stalledCaseDays',
    'Vul een aantal dagen van 1 tot en met 365 in.',
  ],
  [
    'a waiting target of 0 days',
    flevolandWith('waitingTargetDays', 0),
    'waitingTargetDays',
    'Vul een aantal dagen van 1 tot en met 730 in.',
  ],
  [
    'a waiting target of two years and a day',
    flevolandWith('waitingTargetDays', 731),
    'waitingTargetDays',
    'Vul een aantal dagen van 1 tot en met 730 in.',
  ],
  [
    'a waiting target as text',
    flevolandWith('waitingTargetDays', '90'),
    'waitingTargetDays',
    'Vul een aantal dagen van 1 tot en met 730 in.',
  ],
  [
    'a waiting target missing in a request',
    flevolandWith('waitingTargetDays', undefined),
    'waitingTargetDays',
    requiredMessage,
  ],
  [
    'an offer answer term of 0 days',
    flevolandWith('offerAnswerDays', 0),
    'offerAnswerDays',
    'Vul een aantal dagen van 1 tot en met 90 in.',
  ],
  [
    'an offer answer term of 91 days',
    flevolandWith('offerAnswerDays', 91),
    'offerAnswerDays',
    'Vul een aantal dagen van 1 tot en met 90 in.',
  ],
  [
    'an offer answer term missing in a request',
    flevolandWith('offerAnswerDays', undefined),
    'offerAnswerDays',
    requiredMessage,
  ],
  [
    'a neighbourhood threshold of 0',
    flevolandWith('neighbourhoodLoadThreshold', 0),
    'neighbourhoodLoadThreshold',
    'Vul een aantal plaatsingen van 1 tot en met 1000 in.',
  ],
  [
    'a retention of 31 years',
    flevolandWith('retentionYears', 31),
    'retentionYears',
    'Vul een aantal jaren van 1 tot en met 30 in.',
  ],
  [
    'a retention missing',
    flevolandWith('retentionYears', undefined),
    'retentionYears',
    requiredMessage,
  ],
  [
    'two-factor as text',
    flevolandWith('twoFactorRequired', 'true'),
    'twoFactorRequired',
    'Verwacht waar of onwaar.',
  ],
  [
    'two-factor missing',
    flevolandWith('twoFactorRequired', undefined),
    'twoFactorRequired',
    requiredMessage,
  ],
];

describe('ruleSetConfigSchema refuses', () => {
  it.each(invalidRows)('%s', (_what, input, path, message) => {
    const result = ruleSetConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(toErrorIssues(result.error)).toContainEqual({ path, message });
  });
});

const validRows: [string, unknown][] = [
  ['Flevoland as seeded', flevolandRuleSet()],
  ['two municipalities', flevolandWith('municipalities', two())],
  ['one target group', flevolandWith('targetGroups', ['youthCare'])],
  ['the age band of Midden-IJssel (18-27)', flevolandWith('youthAgeBand', { from: 18, until: 28 })],
  ['the widest age band', flevolandWith('youthAgeBand', { from: 12, until: 30 })],
  [
    'a first period of one day',
    flevolandWith('agreement', {
      firstPeriodStart: '2024-02-29',
      firstPeriodEnd: '2024-02-29',
      extensionYears: 1,
    }),
  ],
  ['an agenda on the day itself', flevolandWith('agendaPublicationDays', 0)],
  ['a retention of 20 years (the Jeugdwet term)', flevolandWith('retentionYears', 20)],
  ['two-factor on', flevolandWith('twoFactorRequired', true)],
  [
    'the product defaults with two municipalities',
    {
      ...ruleSetDefaults,
      municipalities: two(),
      agreement: {
        ...ruleSetDefaults.agreement,
        firstPeriodStart: '2025-01-01',
        firstPeriodEnd: '2026-12-31',
      },
    },
  ],
];

describe('ruleSetConfigSchema accepts', () => {
  it.each(validRows)('%s', (_what, input) => {
    const result = ruleSetConfigSchema.safeParse(input);
    expect(result.success ? [] : toErrorIssues(result.error)).toEqual([]);
  });

  it('reads a version stored before the waiting target existed with the default of 90 days', () => {
    expect(
      storedRuleSetConfigSchema.parse(flevolandWith('waitingTargetDays', undefined))
        .waitingTargetDays,
    ).toBe(90);
    expect(
      storedRuleSetConfigSchema.parse(flevolandWith('waitingTargetDays', 60)).waitingTargetDays,
    ).toBe(60);
    // A stored value that is wrong is not papered over by the default.
    expect(storedRuleSetConfigSchema.safeParse(flevolandWith('waitingTargetDays', 0)).success).toBe(
      false,
    );
  });

  it('reads a version stored before the offer answer term existed with the default of 10 days', () => {
    expect(
      storedRuleSetConfigSchema.parse(flevolandWith('offerAnswerDays', undefined)).offerAnswerDays,
    ).toBe(10);
    expect(
      storedRuleSetConfigSchema.parse(flevolandWith('offerAnswerDays', 14)).offerAnswerDays,
    ).toBe(14);
    const older = flevolandWith('offerAnswerDays', undefined) as Record<string, unknown>;
    delete older['waitingTargetDays'];
    expect(storedRuleSetConfigSchema.parse(older)).toMatchObject({
      offerAnswerDays: 10,
      waitingTargetDays: 90,
    });
    expect(storedRuleSetConfigSchema.safeParse(flevolandWith('offerAnswerDays', 0)).success).toBe(
      false,
    );
  });

  it('reads a version stored before the binding test existed with the test off, at 2 of 5 years', () => {
    expect(
      storedRuleSetConfigSchema.parse(flevolandWith('bindingTest', undefined)).bindingTest,
    ).toEqual({ isEnabled: false, minYears: 2, withinYears: 5 });
  });

  it('gives the engine the test only while it is switched on', () => {
    expect(engineBindingTest({ isEnabled: false, minYears: 2, withinYears: 5 })).toBeUndefined();
    expect(engineBindingTest({ isEnabled: true, minYears: 3, withinYears: 6 })).toEqual({
      minYears: 3,
      withinYears: 6,
    });
    expect(engineBindingTest(null)).toBeUndefined();
  });

  it('trims the names it keeps', () => {
    expect(
      ruleSetConfigSchema.parse(flevolandWith('municipalities.0.name', '  Almere '))
        .municipalities[0]?.name,
    ).toBe('Almere');
  });

  it('reports every problem at once, also across fields', () => {
    const config = flevolandRuleSet() as Record<string, unknown>;
    config['retentionYears'] = 0;
    (config['municipalities'] as { code: string }[])[1]!.code = 'GM0034';
    (config['youthAgeBand'] as { until: number }).until = 10;
    const result = ruleSetConfigSchema.safeParse(config);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(
      toErrorIssues(result.error)
        .map((issue) => issue.path)
        .sort(),
    ).toEqual(['municipalities.1.code', 'retentionYears', 'youthAgeBand.until']);
  });
});

describe('the update request and the version parameter', () => {
  it.each([
    ['a version as text', { expectedVersion: '1', config: flevolandRuleSet() }, 'expectedVersion'],
    ['a negative version', { expectedVersion: -1, config: flevolandRuleSet() }, 'expectedVersion'],
    ['no config', { expectedVersion: 1 }, 'config'],
    [
      'an unknown field',
      { expectedVersion: 1, config: flevolandRuleSet(), regionId: 'x' },
      'regionId',
    ],
    [
      'a nested path',
      { expectedVersion: 1, config: flevolandWith('municipalities.0.population', 0) },
      'config.municipalities.0.population',
    ],
  ])('refuses %s at %s', (_what, input, path) => {
    const result = updateRuleSetRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(toErrorIssues(result.error).map((issue) => issue.path)).toContain(path);
  });

  it('accepts version 0 for a region without a rule set yet', () => {
    expect(
      updateRuleSetRequestSchema.safeParse({ expectedVersion: 0, config: flevolandRuleSet() })
        .success,
    ).toBe(true);
  });

  it.each([['0'], ['-1'], ['1.5'], ['01'], ['abc'], ['1e3'], ['9999999999']])(
    'refuses the version parameter %s',
    (version) => {
      expect(ruleSetVersionParamsSchema.safeParse({ version }).success).toBe(false);
    },
  );

  it('turns a version parameter into a number', () => {
    expect(ruleSetVersionParamsSchema.parse({ version: '12' })).toEqual({ version: 12 });
  });
});

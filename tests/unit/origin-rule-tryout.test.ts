import { contractExample } from '../../shared/src/origin-rule/origin-rule.test-support';
import { tryoutExamples } from '../../client/src/origin-rule/tryout-examples';
import {
  completeValues,
  moveToRegion,
  outsideRegion,
  proposeForForm,
  toEngineInput,
  type TryoutValues,
} from '../../client/src/origin-rule/tryout-form';

// The try-out form of "Zo werkt de herkomstregel": its examples, and how the engine's issues find
// their fields. The browser test (tests/browser/origin-rule-page.test.ts) covers the page itself.
const referenceDate = '2026-11-25';

function example(id: string): TryoutValues {
  const found = tryoutExamples.find((e) => e.id === id);
  if (!found) throw new Error(`no example ${id}`);
  return structuredClone(found.values);
}

describe('the examples of the try-out form', () => {
  it('the first is the contract example, field for field', () => {
    const { input } = toEngineInput(example('contract'), referenceDate);
    expect(JSON.parse(JSON.stringify(input))).toEqual(contractExample());
  });

  it.each(tryoutExamples.map((e) => [e.id, e.outcome] as const))(
    '%s gives outcome %s',
    (id, outcome) => {
      const result = proposeForForm(example(id), referenceDate);
      expect(result.ok && result.proposal.outcome).toBe(outcome);
    },
  );

  it('the binding example is the contract’s: 546 of 730 days in Lelystad, so no origin', () => {
    const result = proposeForForm(example('te-korte-binding'), referenceDate);
    expect(result.ok && result.proposal).toMatchObject({
      outcome: 'C',
      origin: null,
      binding: { municipality: 'GM0995', daysBound: 546, daysRequired: 730, holds: false },
    });
    // Switched off, the same case goes back to Lelystad.
    const off = example('te-korte-binding');
    off.bindingTest.applies = false;
    const without = proposeForForm(off, referenceDate);
    expect(without.ok && without.proposal).toMatchObject({ outcome: 'herkomst', origin: 'GM0995' });
    expect(without.ok && 'binding' in without.proposal).toBe(false);
  });

  it('cover every outcome of the rule', () => {
    expect(new Set(tryoutExamples.map((e) => e.outcome))).toEqual(
      new Set(['herkomst', 'A', 'B', 'C', 'D', 'buiten_regio']),
    );
  });
});

describe('issues of the engine at the fields of the form', () => {
  it.each<[string, (values: TryoutValues) => void, string, string]>([
    [
      'a short motivation of B',
      (v) => {
        v.exceptionB.motivation = ' kort ';
      },
      'exceptionB.motivation',
      'Een motivering heeft minstens 10 tekens.',
    ],
    [
      'a B without an answer on travel',
      (v) => {
        v.exceptionB.canTravelFromOrigin = '';
      },
      'exceptionB.canTravelFromOrigin',
      'Bij uitzondering B is verplicht of de bewoner dit vanuit de herkomst kan bereizen.',
    ],
    [
      'a B municipality among the excluded',
      (v) => {
        v.excluded = ['GM0303'];
      },
      'exceptionB.municipality',
      'Bij uitzondering B mag de gemeente niet bij de uitgesloten gemeenten staan.',
    ],
    [
      'an empty admission date',
      (v) => {
        v.admissionDate = '';
      },
      'admissionDate',
      'Dit veld is verplicht.',
    ],
    [
      'an address without a start',
      (v) => {
        v.addresses[1]!.from = '';
      },
      'addresses.1.from',
      'Dit veld is verplicht.',
    ],
    [
      'two woonadressen from one day',
      (v) => {
        v.addresses[1]!.from = '2004-05-01';
      },
      'addresses.1.from',
      'Er is al een woonadres met deze begindatum.',
    ],
    [
      'a bad CBS code outside the region',
      (v) => {
        v.addresses[0] = {
          ...v.addresses[0]!,
          municipality: outsideRegion,
          outsideCode: 'Amsterdam',
        };
      },
      'addresses.0.outsideCode',
      'Geen geldige CBS-gemeentecode (GM gevolgd door vier cijfers).',
    ],
    [
      'a negative count',
      (v) => {
        v.placements['GM0034'] = '-1';
      },
      'placements.GM0034',
      'Het aantal plaatsingen is een geheel getal van 0 of meer.',
    ],
    [
      'a D motivation missing, with A and B on too',
      (v) => {
        v.exceptionA = { applies: true, motivation: 'Onveilig netwerk in Lelystad.' };
        v.exceptionD = { applies: true, municipality: 'GM0034', motivation: '' };
      },
      'exceptionD.motivation',
      'Een motivering is verplicht.',
    ],
    [
      'a binding test asking more years than its period',
      (v) => {
        v.bindingTest = { applies: true, minYears: '6', withinYears: '5' };
      },
      'bindingTest.minYears',
      'Het minimum aantal jaren is niet groter dan het aantal jaren vóór de opname waarin het moet liggen.',
    ],
    [
      'a binding period over 20 years',
      (v) => {
        v.bindingTest = { applies: true, minYears: '2', withinYears: '25' };
      },
      'bindingTest.withinYears',
      'Het aantal jaren vóór de opname is hoogstens 20.',
    ],
    [
      'a binding test without its years',
      (v) => {
        v.bindingTest = { applies: true, minYears: '', withinYears: '5' };
      },
      'bindingTest.minYears',
      'Dit veld is verplicht.',
    ],
  ])('%s', (_name, change, field, message) => {
    const values = example('contract');
    change(values);
    const result = proposeForForm(values, referenceDate);
    if (result.ok) throw new Error('expected issues');
    expect(result.errorsByField.get(field as never)).toBe(message);
  });
});

describe('switching the region', () => {
  it('keeps the case: municipalities of the old region become ones outside the new region, and back', () => {
    const moved = moveToRegion(example('contract'), 'midden-ijssel');
    expect(moved.addresses.map((a) => [a.municipality, a.outsideCode])).toEqual([
      [outsideRegion, 'GM0034'],
      [outsideRegion, 'GM0995'],
      [outsideRegion, 'GM0034'],
    ]);
    expect(moved.wish).toBe(outsideRegion);
    expect(moved.exceptionB.municipality).toBe('');
    expect(Object.keys(moved.placements).sort()).toEqual([
      'GM0150',
      'GM0177',
      'GM0262',
      'GM0301',
      'GM1773',
    ]);
    const back = moveToRegion(moved, 'flevoland');
    expect(back.addresses.map((a) => a.municipality)).toEqual(['GM0034', 'GM0995', 'GM0034']);
    expect(back.wish).toBe('GM0050');
  });

  it('an origin in the old region is outside the new one', () => {
    const result = proposeForForm(
      moveToRegion(
        completeValues({ ...example('contract'), exceptionB: undefined }),
        'midden-ijssel',
      ),
      referenceDate,
    );
    expect(result.ok && result.proposal.outcome).toBe('buiten_regio');
  });
});

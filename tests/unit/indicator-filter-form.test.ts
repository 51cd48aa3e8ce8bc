import { targetGroupLabel } from '@uitstroom/shared';
import { emptyFilter, type FilterValues } from '../../client/src/indicators/indicator-filters';
import {
  choiceOptions,
  filterResolver,
  shownFilter,
  withCurrentValue,
} from '../../client/src/indicators/indicator-filter-form';

// The dashboard filter form's pure parts (client/src/indicators/indicator-filter-form.ts): what it
// shows, where a message lands, and a URL value that is no choice.

const resolve = async (values: Partial<FilterValues>) =>
  (await filterResolver({ ...emptyFilter, ...values }, undefined, {
    fields: {},
    shouldUseNativeValidation: false,
  })) as { values: object; errors: Record<string, { message?: string }> };

describe('the dashboard filter form', () => {
  it('shows the period the server applied where the URL names none', () => {
    const period = { from: '2026-10-01', to: '2026-12-07' };
    expect(shownFilter({ ...emptyFilter, targetGroup: 'shelter' }, period)).toEqual({
      ...emptyFilter,
      targetGroup: 'shelter',
      ...period,
    });
    expect(shownFilter({ ...emptyFilter, from: '2026-01-01' }, period)).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-07',
    });
    expect(shownFilter(emptyFilter, null)).toEqual(emptyFilter);
  });

  it('passes a correct filter and puts each message at its field', async () => {
    const period = { from: '2026-01-01', to: '2026-03-31' };
    expect(await resolve(period)).toEqual({ values: { ...emptyFilter, ...period }, errors: {} });
    const unknownGroup = await resolve({ ...period, targetGroup: 'x' });
    expect(unknownGroup.values).toEqual({});
    expect(unknownGroup.errors['targetGroup']?.message).toBe('Geen bekende doelgroep.');
    const reversed = await resolve({ from: '2026-03-31', to: '2026-01-01' });
    expect(reversed.values).toEqual({});
    expect(Object.keys(reversed.errors)).toHaveLength(1);
    expect(['from', 'to']).toContain(Object.keys(reversed.errors)[0]);
  });

  it.each([
    ['a choice', 'GM0034', ['GM0034', 'GM0995']],
    ['nothing chosen', '', ['GM0034', 'GM0995']],
    ['a value from the URL that is no choice', 'GM9999', ['GM0034', 'GM0995', 'GM9999']],
  ])('keeps %s visible', (_, current, values) => {
    const options = [
      { value: 'GM0034', label: 'Almere' },
      { value: 'GM0995', label: 'Lelystad' },
    ];
    expect(withCurrentValue(options, current).map((o) => o.value)).toEqual(values);
  });

  it("offers the dashboard's municipalities and corporations, none before it has loaded", () => {
    const choices = {
      municipalities: [{ code: 'GM0995', name: 'Lelystad' }],
      corporations: [{ id: 'c1', name: 'Centrada' }],
    };
    const chosen = { municipality: 'GM0034', corporation: '', targetGroup: 'shelter' };
    expect(choiceOptions(choices, ['shelter'], chosen)).toEqual({
      municipality: [
        { value: 'GM0995', label: 'Lelystad' },
        { value: 'GM0034', label: 'GM0034' },
      ],
      corporation: [{ value: 'c1', label: 'Centrada' }],
      targetGroup: [{ value: 'shelter', label: targetGroupLabel.shelter }],
    });
    expect(choiceOptions(null, [], { ...chosen, municipality: '', targetGroup: '' })).toEqual({
      municipality: [],
      corporation: [],
      targetGroup: [],
    });
  });
});

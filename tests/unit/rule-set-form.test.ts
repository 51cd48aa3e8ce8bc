import { ApiError } from '../../client/src/core/api';
import { parseWholeNumber } from '../../client/src/core/whole-number';
import { messageAt } from '../../client/src/regions/rule-set-form';
import { saveFailureOf, type SaveFailure } from '../../client/src/regions/rule-set-save';

// The rule-set form (client/src/regions): how a typed number is read, where a nested error is
// found, and what the form does with each kind of failed save.

describe('parseWholeNumber', () => {
  it.each<[unknown, unknown]>([
    ['228000', 228000],
    ['228.000', 228000],
    ['228 000', 228000],
    ['1\u00a0234', 1234],
    [' 7 ', 7],
    ['', Number.NaN],
    ['   ', Number.NaN],
    ['12a', Number.NaN],
    ['-3', -3],
    [14, 14],
    [undefined, undefined],
  ])('%j → %s', (text, expected) => {
    expect(parseWholeNumber(text)).toEqual(expected);
  });
});

describe('messageAt', () => {
  const errors = {
    stalledCaseDays: { type: 'too_small', message: 'Minstens 1 dag.' },
    bindingTest: { minYears: { type: 'custom', message: 'M is hoogstens W.' } },
    municipalities: { 1: { population: { type: 'server', message: 'Meer dan 0.' } } },
    targetGroups: { type: 'too_small', message: '' },
  } as never;
  it.each<[string, string | undefined]>([
    ['stalledCaseDays', 'Minstens 1 dag.'],
    ['bindingTest.minYears', 'M is hoogstens W.'],
    ['bindingTest.withinYears', undefined],
    ['municipalities.1.population', 'Meer dan 0.'],
    ['municipalities.0.population', undefined],
    ['targetGroups', undefined],
    ['retentionYears', undefined],
  ])('%s → %j', (path, expected) => {
    expect(messageAt(errors, path)).toBe(expected);
  });
});

describe('saveFailureOf', () => {
  const apiError = (code: string, extra: Partial<ApiError> = {}) =>
    new ApiError(
      code === 'VERSION_CONFLICT' ? 409 : 400,
      code,
      extra.message ?? 'Door de server geweigerd.',
      extra.issues ?? [],
      extra.details,
    );
  it.each<[string, unknown, SaveFailure]>([
    [
      'a newer version',
      apiError('VERSION_CONFLICT', { details: { currentVersion: 4 } }),
      { kind: 'conflict', conflict: { version: 4, isDraft: false } },
    ],
    [
      'a changed draft',
      apiError('VERSION_CONFLICT', { details: { currentVersion: 3, currentRevision: 2 } }),
      { kind: 'conflict', conflict: { version: 3, isDraft: true } },
    ],
    [
      'a conflict that names no version: the base version',
      apiError('VERSION_CONFLICT'),
      { kind: 'conflict', conflict: { version: 3, isDraft: false } },
    ],
    [
      'refused fields of the rule set, at their paths in the form',
      apiError('VALIDATION_FAILED', {
        issues: [
          { path: 'config.municipalities.0.code', message: 'Onbekende CBS-code.' },
          { path: 'expectedVersion', message: 'Een getal.' },
        ],
      }),
      {
        kind: 'fields',
        issues: [{ path: 'municipalities.0.code', message: 'Onbekende CBS-code.' }],
      },
    ],
    [
      'a refusal outside the rule set: its message',
      apiError('VALIDATION_FAILED', {
        message: 'Het verzoek klopt niet.',
        issues: [{ path: 'expectedVersion', message: 'Een getal.' }],
      }),
      { kind: 'message', message: 'Het verzoek klopt niet.' },
    ],
    [
      'another refusal: its message',
      apiError('FORBIDDEN', { message: 'Dit mag u niet.' }),
      { kind: 'message', message: 'Dit mag u niet.' },
    ],
    [
      'anything else: the fallback',
      new TypeError('Failed to fetch'),
      { kind: 'message', message: 'Opslaan is niet gelukt. Probeer het opnieuw.' },
    ],
  ])('%s', (_, error, expected) => {
    expect(saveFailureOf(error, 3)).toEqual(expected);
  });
});

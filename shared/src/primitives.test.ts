import { z } from 'zod';
import {
  invalidDateMessage,
  yearZeroMessage,
  isoDate,
  isoDateTime,
  isoDateWith,
  safeText,
  safeUrl,
  unstorableTextMessage,
} from './primitives';
import { toErrorIssues } from './validation';

function issuesOf(schema: z.ZodType, value: unknown) {
  const result = z.strictObject({ field: schema }).safeParse({ field: value });
  return result.success ? [] : toErrorIssues(result.error);
}

describe('the text primitive', () => {
  it.each([
    ['plain text', 'Jan de Vries', true],
    ['emoji (a surrogate pair)', 'thuis 🏠', true],
    ['an empty string', '', true],
    ['NUL', 'a\u0000b', false],
    ['a lone high surrogate', 'a\uD800b', false],
    ['a lone low surrogate', 'a\uDC00', false],
    ['a reversed pair', '\uDC00\uD800', false],
  ])('%s', (_name, value, isValid) => {
    const issues = issuesOf(safeText().trim().max(100), value);
    expect(issues).toEqual(isValid ? [] : [{ path: 'field', message: unstorableTextMessage }]);
  });

  it('keeps the chained checks of z.string()', () => {
    expect(issuesOf(safeText().max(3), 'abcd')).toHaveLength(1);
    expect(safeText().trim().parse('  a  ')).toBe('a');
  });

  it('refuses NUL in a URL too', () => {
    expect(issuesOf(safeUrl(), 'https://example.nl/a\u0000b')).toEqual([
      { path: 'field', message: unstorableTextMessage },
    ]);
    expect(issuesOf(safeUrl(), 'https://example.nl/a')).toEqual([]);
  });
});

describe('the date primitive', () => {
  it.each([
    ['2026-03-01', []],
    ['2024-02-29', []],
    ['1899-12-31', []],
    ['2026-02-30', [invalidDateMessage]],
    ['2025-02-29', [invalidDateMessage]],
    ['0000-00-00', [invalidDateMessage]],
    ['2026-13-01', [invalidDateMessage]],
    ['01-01-2026', [invalidDateMessage]],
    ['0000-01-01', [yearZeroMessage]],
    ['0000-02-29', [yearZeroMessage]],
    // Any other year stays valid: what was stored before must stay readable.
    ['0001-01-01', []],
    ['9999-12-31', []],
  ])('%s', (value, messages) => {
    expect(issuesOf(isoDate, value).map((issue) => issue.message)).toEqual(messages);
  });

  it('keeps a message of its own for a missing date', () => {
    const schema = isoDateWith({
      error: (issue) => (issue.input === undefined ? 'Vul de datum in.' : invalidDateMessage),
    });
    expect(issuesOf(schema, undefined).map((issue) => issue.message)).toEqual(['Vul de datum in.']);
  });

  it.each([
    ['2026-03-01T10:00:00+01:00', true],
    ['2026-03-01T10:00:00Z', true],
    ['0000-01-01T10:00:00Z', false],
    ['2026-02-30T10:00:00Z', false],
  ])('timestamp %s', (value, isValid) => {
    expect(isoDateTime().safeParse(value).success).toBe(isValid);
  });
});

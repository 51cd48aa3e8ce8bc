import type { z } from 'zod';
import { toErrorIssues } from '../validation';
import { transitions } from '../cases/case-transitions.rules';
import {
  formatSignatureHeader,
  nextAttemptAt,
  parseSignatureHeader,
  partnerEventKinds,
  partnerEventOfTransition,
  retryDelayMs,
  signedContent,
} from './webhook.rules';
import { createSubscriptionSchema } from './webhook.schemas';

const minutes = (n: number) => n * 60_000;

describe('retries', () => {
  it.each([
    [1, 30_000],
    [2, minutes(1)],
    [3, minutes(2)],
    [7, minutes(32)],
    [8, minutes(60)],
    [30, minutes(60)],
  ])('after %i failed attempts the wait is %i ms', (attempts, wait) => {
    expect(retryDelayMs(attempts)).toBe(wait);
  });

  const occurred = new Date('2026-12-07T10:00:00Z');
  it.each([
    ['just after the event', 1, '2026-12-07T10:00:01Z', '2026-12-07T10:00:31.000Z'],
    ['an hour in', 9, '2026-12-07T11:00:00Z', '2026-12-07T12:00:00.000Z'],
    ['just inside the day', 25, '2026-12-08T09:00:00Z', '2026-12-08T10:00:00.000Z'],
    ['past the day', 26, '2026-12-08T09:00:01Z', null],
  ])('%s', (_, attempts, failedAt, next) => {
    expect(nextAttemptAt(occurred, attempts, new Date(failedAt))?.toISOString() ?? null).toBe(next);
  });

  it('a day of failures gives up after a few dozen attempts, never hundreds', () => {
    let at = occurred;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const next = nextAttemptAt(occurred, attempts, at);
      if (!next) break;
      at = next;
    }
    expect(attempts).toBeGreaterThan(20);
    expect(attempts).toBeLessThan(40);
  });
});

describe('which steps are told', () => {
  it('names only steps of the state table, and every kind but the signal comes from one', () => {
    for (const name of Object.keys(partnerEventOfTransition))
      expect(transitions).toHaveProperty(name);
    const told = new Set(Object.values(partnerEventOfTransition));
    expect(partnerEventKinds.filter((kind) => !told.has(kind))).toEqual(['signalRaised']);
  });
});

describe('the signature header', () => {
  it('signs the timestamp, a dot and the body', () => {
    expect(signedContent(1765940000, '{"a":1}')).toBe('1765940000.{"a":1}');
  });
  it('reads back what it writes, and several v1 values (during a secret rotation)', () => {
    const hex = 'ab'.repeat(32);
    expect(parseSignatureHeader(formatSignatureHeader(1765940000, hex))).toEqual({
      timestamp: 1765940000,
      signatures: [hex],
    });
    expect(parseSignatureHeader(`t=1,v1=${hex},v1=${'cd'.repeat(32)}`)?.signatures).toHaveLength(2);
  });
  it.each([
    undefined,
    '',
    't=abc,v1=' + 'ab'.repeat(32),
    't=1',
    't=1,v1=zz',
    'v1=' + 'ab'.repeat(32),
  ])('refuses %p', (value) => {
    expect(parseSignatureHeader(value)).toBeNull();
  });
});

describe('createSubscriptionSchema', () => {
  const good = { url: 'https://zaaksysteem.kwintes.example/uitstroom', kinds: ['caseDecided'] };
  function issueOf(schema: z.ZodType, input: unknown): string | null {
    const result = schema.safeParse(input);
    return result.success ? null : (toErrorIssues(result.error)[0]?.path ?? null);
  }
  it.each([
    [{}, null],
    [{ url: 'http://localhost:8080/hook' }, null],
    [{ url: 'ftp://example.nl/hook' }, 'url'],
    [{ url: 'zaaksysteem' }, 'url'],
    [{ kinds: [] }, 'kinds'],
    [{ kinds: ['caseOpened'] }, 'kinds.0'],
    [{ kinds: ['caseDecided', 'caseDecided'] }, 'kinds'],
    [{ secret: 'mine' }, 'secret'],
  ])('%j → issue at %s', (change, path) => {
    expect(issueOf(createSubscriptionSchema, { ...good, ...change })).toBe(path);
  });
});

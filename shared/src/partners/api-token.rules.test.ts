import { grantsBySeat, isGranted, type Permission } from '../permissions';
import { seats } from '../auth/seats';
import {
  apiTokenPattern,
  isTokenPermission,
  latestTokenExpiry,
  permissionLabel,
  permissionsBeyondSeat,
  permissionsNeverOnToken,
  tokenExpiresAt,
  tokenExpiryProblem,
  tokenGrantsOf,
  tokenPrefixOf,
  tokenStatusOf,
} from './api-token.rules';
import { issueTokenSchema } from './api-token.schemas';
import type { z } from 'zod';
import { toErrorIssues } from '../validation';

/** The path of the first issue, or null when the input passes. */
function issueOf(schema: z.ZodType, input: unknown): string | null {
  const result = schema.safeParse(input);
  return result.success ? null : (toErrorIssues(result.error)[0]?.path ?? null);
}

describe('what a token may carry', () => {
  it.each(seats)('a token of %s carries only its seat grants, never a personal one', (seat) => {
    for (const permission of tokenGrantsOf(seat)) {
      if (permission === 'webhook:manage') continue;
      expect({ permission, granted: isGranted(seat, permission) }).toEqual({
        permission,
        granted: true,
      });
      expect(permissionsNeverOnToken as readonly Permission[]).not.toContain(permission);
    }
  });

  it.each([
    ['casemanager', 'case:read', true],
    ['casemanager', 'webhook:manage', true],
    ['casemanager', 'case:create', false],
    ['casemanager', 'case:consent', false],
    ['casemanager', 'task:read', false],
    ['casemanager', 'account:update', false],
    ['chair', 'table:decide', false],
    ['chair', 'table:manage', true],
    ['corporation', 'dwelling:write', true],
    ['municipality', 'dwelling:write', false],
    ['municipality', 'placement:decide', true],
    ['regionAdmin', 'indicator:read', true],
    ['regionAdmin', 'user:create', false],
    ['regionAdmin', 'apiToken:manage', false],
    ['regionAdmin', 'webhook:manage', false],
  ] as const)('%s with %s: %s', (seat, permission, allowed) => {
    expect(tokenGrantsOf(seat).includes(permission)).toBe(allowed);
  });

  it('webhook:manage is a token permission that no session holds', () => {
    expect(isTokenPermission('webhook:manage')).toBe(true);
    for (const seat of seats) expect(isGranted(seat, 'webhook:manage')).toBe(false);
    expect(isTokenPermission('session:read')).toBe(false);
    expect(isTokenPermission('case:read')).toBe(true);
  });

  it('names the permissions beyond the seat by their index', () => {
    expect(
      permissionsBeyondSeat('municipality', ['case:read', 'dwelling:write', 'task:read']),
    ).toEqual([
      { index: 1, permission: 'dwelling:write' },
      { index: 2, permission: 'task:read' },
    ]);
    expect(permissionsBeyondSeat('corporation', [...tokenGrantsOf('corporation')])).toEqual([]);
  });

  it('every permission has a Dutch label', () => {
    for (const seat of seats)
      for (const permission of grantsBySeat[seat]) expect(permissionLabel[permission]).toBeTruthy();
  });
});

describe('expiry', () => {
  it.each([
    ['2026-12-07', '2026-12-07', 'Kies een datum na vandaag.'],
    ['2026-12-07', '2026-12-06', 'Kies een datum na vandaag.'],
    ['2026-12-07', '2026-12-08', null],
    ['2026-12-07', '2027-12-07', null],
    ['2026-12-07', '2027-12-08', 'Een token geldt hoogstens een jaar.'],
    ['2028-02-29', '2029-02-28', null],
    ['2028-02-29', '2029-03-01', 'Een token geldt hoogstens een jaar.'],
  ])('today %s, last day %s: %s', (today, expiresOn, problem) => {
    expect(tokenExpiryProblem(today, expiresOn)).toBe(problem);
  });

  it('the latest last day is a year ahead', () => {
    expect(latestTokenExpiry('2026-12-07')).toBe('2027-12-07');
  });

  it('a token works through its last Dutch day (winter: UTC+1, summer: UTC+2)', () => {
    expect(tokenExpiresAt('2027-01-15').toISOString()).toBe('2027-01-15T23:00:00.000Z');
    expect(tokenExpiresAt('2027-07-15').toISOString()).toBe('2027-07-15T22:00:00.000Z');
  });

  it.each([
    [{ revokedAt: null, expiresAt: '2027-01-01T00:00:00Z' }, '2026-12-31T23:59:59Z', 'active'],
    [{ revokedAt: null, expiresAt: '2027-01-01T00:00:00Z' }, '2027-01-01T00:00:00Z', 'expired'],
    [
      { revokedAt: '2026-12-01T00:00:00Z', expiresAt: '2027-01-01T00:00:00Z' },
      '2026-12-02T00:00:00Z',
      'revoked',
    ],
  ])('status of %j at %s: %s', (token, now, status) => {
    expect(tokenStatusOf(token, new Date(now))).toBe(status);
  });
});

describe('the token text', () => {
  it('is ut_ and 43 base64url characters; its prefix is 12 characters', () => {
    const token = 'ut_' + 'A'.repeat(40) + '-_9';
    expect(apiTokenPattern.test(token)).toBe(true);
    expect(apiTokenPattern.test(token + 'x')).toBe(false);
    expect(apiTokenPattern.test('xx_' + 'A'.repeat(43))).toBe(false);
    expect(tokenPrefixOf(token)).toBe('ut_AAAAAAAAA');
  });
});

describe('issueTokenSchema', () => {
  const good = {
    name: 'Zaaksysteem Kwintes',
    organisationId: '6a1f9a55-0b5f-4bde-9a1e-5b7a2b1e9c11',
    seat: 'casemanager',
    permissions: ['case:read'],
    expiresOn: '2027-06-01',
  };
  it.each([
    [{}, null],
    [{ name: 'x' }, 'name'],
    [{ organisationId: 'kwintes' }, 'organisationId'],
    [{ seat: 'admin' }, 'seat'],
    [{ permissions: [] }, 'permissions'],
    [{ permissions: ['case:fly'] }, 'permissions.0'],
    [{ permissions: ['case:read', 'case:read'] }, 'permissions'],
    [{ expiresOn: '2027-02-30' }, 'expiresOn'],
    [{ extra: true }, 'extra'],
  ])('%j → issue at %s', (change, path) => {
    expect(issueOf(issueTokenSchema, { ...good, ...change })).toBe(path);
  });
});

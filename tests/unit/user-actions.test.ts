import type { UserSummary } from '@uitstroom/shared';
import { userActionsOf } from '../../client/src/users/user-actions';

// The buttons of a user's row on "Organisaties en gebruikers" (client/src/users/user-actions.ts):
// which actions, in which order, for each state of an account.

const user = (overrides: Partial<UserSummary> = {}): UserSummary => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: 'sanne@example.nl',
  displayName: 'Sanne de Vries',
  seat: 'casemanager',
  organisation: { id: '00000000-0000-4000-8000-0000000000aa', name: 'Kwintes', kind: 'provider' },
  status: 'active',
  hasTwoFactor: false,
  isLinkedToProvider: false,
  createdAt: '2026-01-05T09:00:00Z',
  lockedUntil: null,
  ...overrides,
});
const plain = { isSelf: false, hasIdentityProvider: false };

describe('userActionsOf', () => {
  it.each<[string, UserSummary, typeof plain, string[]]>([
    ['an active user', user(), plain, ['password-reset', 'deactivate']],
    ['oneself: never deactivate', user(), { ...plain, isSelf: true }, ['password-reset']],
    ['an invited user', user({ status: 'invited' }), plain, ['invitation', 'deactivate']],
    [
      'an active user of an organisation with its own sign-in, not yet linked',
      user(),
      { ...plain, hasIdentityProvider: true },
      ['invitation', 'password-reset', 'deactivate'],
    ],
    [
      'an active user already linked to the identity provider',
      user({ isLinkedToProvider: true }),
      { ...plain, hasIdentityProvider: true },
      ['password-reset', 'deactivate'],
    ],
    ['a deactivated user', user({ status: 'deactivated' }), plain, ['activate']],
    [
      'a deactivated user with two-factor',
      user({ status: 'deactivated', hasTwoFactor: true }),
      plain,
      ['two-factor-reset', 'activate'],
    ],
    [
      'a locked user with two-factor: lifting the lock first',
      user({ lockedUntil: '2026-12-07T18:00:00Z', hasTwoFactor: true }),
      plain,
      ['unlock', 'password-reset', 'two-factor-reset', 'deactivate'],
    ],
  ])('%s', (_, summary, context, expected) => {
    expect(userActionsOf(summary, context).map((button) => button.action)).toEqual(expected);
  });

  it('only lifting a lock is the primary action, and each says what was done', () => {
    const buttons = userActionsOf(user({ lockedUntil: '2026-12-07T18:00:00Z' }), plain);
    expect(buttons.map((b) => [b.label, b.isPrimary, b.done])).toEqual([
      ['Blokkade opheffen', true, 'blokkade opgeheven; inloggen kan weer.'],
      ['Herstellink sturen', false, 'herstellink verstuurd.'],
      ['Deactiveren', false, 'gedeactiveerd; alle sessies zijn beëindigd.'],
    ]);
  });
});

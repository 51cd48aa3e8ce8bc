import type { Seat } from './auth/seats';

/**
 * The vocabulary of authorization: `resource:action`. Every route declares one; a seat holds the
 * grants listed below and nothing else (fail closed). Row scope and field projection are the
 * module policies' business; this table only says which actions a seat may attempt at all.
 */
export const permissions = [
  'session:read',
  'rule:try',
  'account:update',
  'organisation:read',
  'organisation:create',
  'user:read',
  'user:create',
  'user:update',
  'outbox:read',
  'ruleSet:read',
  'ruleSet:update',
] as const;
export type Permission = (typeof permissions)[number];

/** What every signed-in user may do: see who they are, try the rule engine, keep their own account. */
const everySeat = ['session:read', 'rule:try', 'account:update'] as const;

export const grantsBySeat = {
  casemanager: [...everySeat],
  chair: [...everySeat],
  municipality: [...everySeat],
  corporation: [...everySeat],
  provider: [...everySeat],
  regionAdmin: [
    ...everySeat,
    'organisation:read', 'organisation:create', 'user:read', 'user:create', 'user:update', 'outbox:read',
    'ruleSet:read', 'ruleSet:update',
  ],
} as const satisfies Record<Seat, readonly Permission[]>;

export function isGranted(seat: Seat, permission: Permission): boolean {
  return (grantsBySeat[seat] as readonly Permission[]).includes(permission);
}

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
  'region:read',
  'organisation:read',
  'organisation:create',
  'user:read',
  'user:create',
  'user:update',
  'outbox:read',
  'ruleSet:read',
  'ruleSet:update',
  'case:create',
  'case:list',
  'case:read',
  'case:update',
  'case:transition',
  'case:handover',
  'case:consent',
  'table:read',
  'table:manage',
  'table:agenda',
  'table:decide',
  'case:letter',
  'case:document:read',
  'case:document:write',
  'case:accessLog',
  'case:export',
  'audit:search',
] as const;
export type Permission = (typeof permissions)[number];

/** What every signed-in user may do: see who they are, try the rule engine, keep their own account. */
const everySeat = ['session:read', 'rule:try', 'account:update', 'region:read'] as const;
/** Every seat at the table works on cases; which cases and which fields is the cases policy's business. */
const atTheTable = ['case:list', 'case:read', 'case:transition', 'table:read', 'case:document:read'] as const;

export const grantsBySeat = {
  casemanager: [...everySeat, ...atTheTable, 'case:create', 'case:update', 'case:handover', 'case:consent', 'case:document:write', 'case:accessLog', 'case:export', 'table:agenda', 'case:letter'],
  chair: [...everySeat, ...atTheTable, 'table:manage', 'table:agenda', 'table:decide'],
  municipality: [...everySeat, ...atTheTable],
  corporation: [...everySeat, ...atTheTable],
  provider: [...everySeat, ...atTheTable],
  regionAdmin: [
    ...everySeat,
    'organisation:read', 'organisation:create', 'user:read', 'user:create', 'user:update', 'outbox:read',
    'ruleSet:read', 'ruleSet:update',
    // The privacy officer's seat: who did what in the region, never the content of a case.
    'audit:search',
  ],
} as const satisfies Record<Seat, readonly Permission[]>;

export function isGranted(seat: Seat, permission: Permission): boolean {
  return (grantsBySeat[seat] as readonly Permission[]).includes(permission);
}

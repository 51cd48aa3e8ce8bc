import type { Seat } from './auth/seats';

/**
 * The vocabulary of authorization: `resource:action`. Every route declares one; a seat holds the
 * grants listed below and nothing else (fail closed). Row scope and field projection are the
 * module policies' business; this table only says which actions a seat may attempt at all.
 */
export const permissions = [
  'session:read',
  'rule:try',
] as const;
export type Permission = (typeof permissions)[number];

export const grantsBySeat = {
  casemanager: ['session:read', 'rule:try'],
  chair: ['session:read', 'rule:try'],
  municipality: ['session:read', 'rule:try'],
  corporation: ['session:read', 'rule:try'],
  provider: ['session:read', 'rule:try'],
  regionAdmin: ['session:read', 'rule:try'],
} as const satisfies Record<Seat, readonly Permission[]>;

export function isGranted(seat: Seat, permission: Permission): boolean {
  return (grantsBySeat[seat] as readonly Permission[]).includes(permission);
}

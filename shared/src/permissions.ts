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
  'organisation:update',
  'user:read',
  'user:create',
  'user:update',
  'outbox:read',
  'ruleSet:read',
  'ruleSet:update',
  'ruleSet:publish',
  'case:create',
  'case:list',
  'case:read',
  'case:update',
  'case:transition',
  'case:correct',
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
  'notification:read',
  'notification:update',
  'task:read',
  'dwelling:read',
  'dwelling:write',
  'dwelling:match',
  'contingent:read',
  'contingent:write',
  'support:read',
  'support:write',
  'support:agree',
  'support:close',
  'case:erase',
  'offer:create',
  'offer:withdraw',
  'offer:answer',
  'placement:decide',
  'placement:moveIn',
  'neighbourhoodLoad:read',
  'indicator:read',
  'precondition:complete',
  'import:run',
  'apiToken:manage',
  'webhook:manage',
  'organisation:settings',
] as const;
export type Permission = (typeof permissions)[number];

/**
 * What every signed-in user may do: see who they are, try the rule engine, keep their own account,
 * read their own notifications and tasks (each scoped to the signed-in user).
 */
const everySeat = [
  'session:read',
  'rule:try',
  'account:update',
  'region:read',
  'notification:read',
  'notification:update',
  'task:read',
] as const;
/** Every seat at the table works on cases; which cases and which fields is the cases policy's business. */
// Marking a precondition done: the policy lets only its owning organisation or the chair.
const atTheTable = [
  'case:list',
  'case:read',
  'case:transition',
  // Herstel: whether this actor may correct the last step is the shared correction rule's business.
  'case:correct',
  'table:read',
  'case:document:read',
  'precondition:complete',
] as const;

export const grantsBySeat = {
  casemanager: [
    ...everySeat,
    ...atTheTable,
    'case:create',
    'case:update',
    'case:handover',
    'case:consent',
    'case:document:write',
    'case:accessLog',
    'case:export',
    'table:agenda',
    'case:letter',
    // Follow-up support: the case manager reads the whole log (notes included) and may close.
    'support:read',
    'support:close',
    // The resident's answer to an offer, and the move (with the corporation).
    'offer:answer',
    'placement:moveIn',
  ],
  chair: [
    ...everySeat,
    ...atTheTable,
    'table:manage',
    'table:agenda',
    'table:decide',
    'contingent:read',
    'neighbourhoodLoad:read',
    'indicator:read',
  ],
  // The municipality reads the intensity, goals and signals of follow-up support and agrees the relapse plan.
  // The destination municipality also confirms or refuses a placement.
  municipality: [
    ...everySeat,
    ...atTheTable,
    'contingent:read',
    'support:read',
    'support:agree',
    'placement:decide',
    'neighbourhoodLoad:read',
    // Its own figures beside the region's, small counts as "<5".
    'indicator:read',
  ],
  // A corporation keeps its own dwellings and contingents, and matches its dwellings to searching cases.
  // It offers its dwellings (and takes an offer back), and records the move with the case manager.
  corporation: [
    ...everySeat,
    ...atTheTable,
    'dwelling:read',
    'dwelling:write',
    'dwelling:match',
    'contingent:read',
    'contingent:write',
    'offer:create',
    'offer:withdraw',
    'placement:moveIn',
    'neighbourhoodLoad:read',
    // The figures of its own offers, dwellings and contingents only.
    'indicator:read',
  ],
  provider: [
    ...everySeat,
    ...atTheTable,
    'support:read',
    'support:write',
    'support:agree',
    'support:close',
    // Its organisation's contact person and 24/7 number, which the corporation sees at the move.
    'organisation:settings',
  ],
  regionAdmin: [
    ...everySeat,
    'organisation:read',
    'organisation:create',
    // Per organisation its identity provider (OpenID Connect) and whether passwords stay allowed.
    'organisation:update',
    'user:read',
    'user:create',
    'user:update',
    'outbox:read',
    'ruleSet:read',
    'ruleSet:update',
    // Publishing a draft makes it the version every proposal and decision of the region works under.
    'ruleSet:publish',
    // The region's contingents: the numbers promised, kept with the corporations.
    'contingent:read',
    'contingent:write',
    // Placements per neighbourhood: an aggregate for the region's dashboards.
    'neighbourhoodLoad:read',
    // The region's dashboards: aggregates only, never a person.
    'indicator:read',
    // The privacy officer's seat: who did what in the region, never the content of a case.
    'audit:search',
    // Erasure (AVG art. 17) by case id: pseudonym, closing date, outcome and retention date, never content.
    'case:erase',
    // Bringing the region in from a workbook (issue 28): organisations, users, cases, dwellings and
    // contingents. The answer is counts per sheet, never a case's content.
    'import:run',
    // The organisations' own systems: API tokens for a seat of an organisation, and their subscriptions.
    'apiToken:manage',
  ],
} as const satisfies Record<Seat, readonly Permission[]>;

export function isGranted(seat: Seat, permission: Permission): boolean {
  return (grantsBySeat[seat] as readonly Permission[]).includes(permission);
}

import type { Seat, SupportViewField } from '@uitstroom/shared';

/**
 * What each seat sees of follow-up support (issue 13). The provider's notes (contacts, respite
 * stays, reasons, signal descriptions) are for the provider and the case manager only; the
 * municipality sees the intensity, the goals, the signals by kind, the plan it agrees and the
 * checks; the corporation and the chair see none of it (they hold no `support:read`). Which cases
 * a seat reaches is the cases policy's row scope: the same 404 outside it.
 */
const everything = [
  'caseId',
  'pseudonym',
  'isStarted',
  'isClosed',
  'keyHandoverDate',
  'startedOn',
  'providerName',
  'landlordName',
  'recordedMove',
  'currentHoursPerWeek',
  'intensity',
  'goals',
  'contacts',
  'respite',
  'signals',
  'plan',
  'checks',
  'can',
] as const satisfies readonly SupportViewField[];

export const supportFieldsBySeat = {
  casemanager: everything,
  provider: everything,
  municipality: [
    'caseId',
    'pseudonym',
    'isStarted',
    'isClosed',
    'keyHandoverDate',
    'startedOn',
    'providerName',
    'landlordName',
    'recordedMove',
    'currentHoursPerWeek',
    'intensity',
    'goals',
    'signals',
    'plan',
    'checks',
    'can',
  ],
  chair: [],
  corporation: [],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly SupportViewField[]>;

/** Free text inside a part a seat does see, which only the provider and the case manager read. */
export function readsProviderNotes(seat: Seat): boolean {
  return seat === 'provider' || seat === 'casemanager';
}

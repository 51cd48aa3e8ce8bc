import {
  supportViewSchema,
  type Seat,
  type SupportView,
  type SupportViewField,
} from '@uitstroom/shared';
import type { z } from 'zod';
import { pickFields } from '../core/projection';

type IntensityField = keyof SupportView['intensity'][number];
type SignalField = keyof SupportView['signals'][number];

/**
 * What each seat sees of follow-up support (issue 13). The provider's notes (contacts, respite
 * stays, reasons, signal descriptions) are for the provider and the case manager only; the
 * municipality sees the intensity, the goals, the signals by kind, the plan it agrees and the
 * checks; the corporation and the chair see none of it (they hold no `support:read`). Which cases
 * a seat reaches is the cases policy's row scope: the same 404 outside it. Fields not listed are
 * absent, not null.
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
  // What closing lists: the provider and the case manager close (issue 27.1).
  'openPreconditions',
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

/**
 * Inside a part a seat does see, the free text stays with the provider and the case manager: the
 * reason of an intensity change and the description of a signal (they may name a relapse, a debt,
 * a conflict with the neighbours).
 */
const intensityWithReason = [
  'id',
  'date',
  'hoursPerWeek',
  'direction',
  'reason',
] as const satisfies readonly IntensityField[];
const intensityWithoutReason = [
  'id',
  'date',
  'hoursPerWeek',
  'direction',
] as const satisfies readonly IntensityField[];

export const intensityFieldsBySeat = {
  casemanager: intensityWithReason,
  provider: intensityWithReason,
  municipality: intensityWithoutReason,
  chair: [],
  corporation: [],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly IntensityField[]>;

const signalWithDescription = [
  'id',
  'kind',
  'severity',
  'date',
  'description',
  'escalatedToTable',
] as const satisfies readonly SignalField[];
const signalWithoutDescription = [
  'id',
  'kind',
  'severity',
  'date',
  'escalatedToTable',
] as const satisfies readonly SignalField[];

export const signalFieldsBySeat = {
  casemanager: signalWithDescription,
  provider: signalWithDescription,
  municipality: signalWithoutDescription,
  chair: [],
  corporation: [],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly SignalField[]>;

export type ProjectedSupportView = Partial<SupportView>;

const viewSchemas = new Map<Seat, z.ZodType>();
function viewSchemaFor(seat: Seat): z.ZodType {
  let schema = viewSchemas.get(seat);
  if (!schema) {
    schema = supportViewSchema.pick(
      Object.fromEntries(supportFieldsBySeat[seat].map((f) => [f, true])) as Record<
        SupportViewField,
        true
      >,
    );
    viewSchemas.set(seat, schema);
  }
  return schema;
}

/**
 * Picks exactly the seat's parts of the full support log, and inside them the seat's fields, and
 * parses the result with that seat's view schema before it leaves the server.
 */
export function toSupportView(
  full: SupportView,
  seat: Seat,
): { view: ProjectedSupportView; fields: readonly SupportViewField[] } {
  const fields = supportFieldsBySeat[seat] as readonly SupportViewField[];
  const inner: SupportView = {
    ...full,
    intensity: full.intensity.map((i) => pickFields(i, intensityFieldsBySeat[seat])),
    signals: full.signals.map(
      (s) => pickFields(s, signalFieldsBySeat[seat]) as SupportView['signals'][number],
    ),
  };
  return {
    view: viewSchemaFor(seat).parse(pickFields(inner, fields)) as ProjectedSupportView,
    fields,
  };
}

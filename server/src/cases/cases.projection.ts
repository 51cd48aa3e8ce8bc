import {
  caseViewSchema,
  fieldsWithheldForConsent,
  type CaseView,
  type CaseViewField,
  type ConsentCategory,
  type Seat,
} from '@uitstroom/shared';
import type { z } from 'zod';

/** What every seat that reaches a case sees of it: where it stands, not who it is. */
const caseStatus = [
  'id',
  'pseudonym',
  'version',
  'state',
  'allowedTransitions',
  'readyAt',
  'waitingDays',
  'waitingUntil',
  'isStalled',
  'outcome',
  'closedAt',
  'createdAt',
  'updatedAt',
  'lastActivityAt',
] as const;

/**
 * Which fields each seat reads (domain.md §3 decision 5 and §5). A corporation reads the housing
 * profile only: never diagnoses, risks, exception motivations or the address history. The chair's
 * region-wide list leaves out the sensitive section. Fields not listed are absent, not null.
 */
export const readableFields = {
  casemanager: [
    ...caseStatus,
    'owner',
    'identity',
    'contact',
    'household',
    'stay',
    'addresses',
    'isOriginUntraceable',
    'origin',
    'wishes',
    'housingNeeds',
    'supportNeeds',
    'sensitive',
    'exceptions',
    'excluded',
    'proposal',
    'missingForReady',
    'consentWarnings',
  ],
  chair: [
    ...caseStatus,
    'owner',
    'identity',
    'household',
    'stay',
    'addresses',
    'isOriginUntraceable',
    'origin',
    'wishes',
    'housingNeeds',
    'supportNeeds',
    'exceptions',
    'excluded',
    'proposal',
  ],
  municipality: [
    ...caseStatus,
    'owner',
    'identity',
    'household',
    'stay',
    'addresses',
    'isOriginUntraceable',
    'origin',
    'wishes',
    'housingNeeds',
    'supportNeeds',
    'exceptions',
    'excluded',
    'proposal',
  ],
  corporation: [...caseStatus, 'household', 'housingNeeds'],
  provider: [
    ...caseStatus,
    'owner',
    'identity',
    'contact',
    'household',
    'stay',
    'wishes',
    'housingNeeds',
    'supportNeeds',
  ],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly CaseViewField[]>;

/**
 * Who receives the case: the owning organisation (its case managers keep the whole file), or
 * another organisation, which receives only the categories the resident consented to.
 */
export type Recipient =
  | { isOwningOrganisation: true }
  | { isOwningOrganisation: false; consented: ReadonlySet<ConsentCategory> };

/**
 * The seat's fields, less what consent withholds. Residents from a women's shelter: their address
 * history (and with it the street of the origin) is for the case manager alone.
 */
function fieldsFor(seat: Seat, view: CaseView, recipient: Recipient): readonly CaseViewField[] {
  let fields = readableFields[seat] as readonly CaseViewField[];
  if (view.stay.targetGroup === 'womensShelter' && seat !== 'casemanager')
    fields = fields.filter((f) => f !== 'addresses');
  if (!recipient.isOwningOrganisation) {
    const withheld = fieldsWithheldForConsent(recipient.consented);
    fields = fields.filter((f) => !withheld.has(f));
  }
  return fields;
}

export type ProjectedCaseView = Partial<CaseView>;

const viewSchemas = new Map<string, z.ZodType>();
function viewSchemaFor(fields: readonly CaseViewField[]): z.ZodType {
  const key = fields.join(',');
  let schema = viewSchemas.get(key);
  if (!schema) {
    schema = caseViewSchema.pick(
      Object.fromEntries(fields.map((f) => [f, true])) as Record<CaseViewField, true>,
    );
    viewSchemas.set(key, schema);
  }
  return schema;
}

/** Picks exactly the seat's fields and parses the result with that seat's view schema. */
export function toCaseView(
  full: CaseView,
  seat: Seat,
  recipient: Recipient,
): { view: ProjectedCaseView; fields: readonly CaseViewField[] } {
  const fields = fieldsFor(seat, full, recipient);
  const picked = Object.fromEntries(
    fields.filter((f) => full[f] !== undefined).map((f) => [f, full[f]]),
  );
  return { view: viewSchemaFor(fields).parse(picked) as ProjectedCaseView, fields };
}

/** Whether the seat's projection can show the resident's name at all (consent decides per case). */
export function seatReadsNames(seat: Seat): boolean {
  return (readableFields[seat] as readonly CaseViewField[]).includes('identity');
}

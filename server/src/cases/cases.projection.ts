import {
  caseViewSchema,
  fieldsOfSeat,
  fieldsWithheldForConsent,
  readableFields,
  readableWhileHousing,
  type CaseRelation,
  type CaseView,
  type CaseViewField,
  type ConsentCategory,
  type Seat,
} from '@uitstroom/shared';
import type { z } from 'zod';

/**
 * The projection table (which fields each seat reads, and what it reads besides while it houses the
 * resident) lives in `shared`, so that the consent form derives from the same table what an
 * organisation will see; this file applies it.
 */
export { readableFields, readableWhileHousing };

/**
 * Who receives the case: the owning organisation (its case managers keep the whole file), or
 * another organisation, which receives only the categories the resident consented to, and whose
 * relation to the case (does it house the resident?) was read with the case.
 */
export type Recipient =
  | { isOwningOrganisation: true }
  | {
      isOwningOrganisation: false;
      consented: ReadonlySet<ConsentCategory>;
      relation: CaseRelation;
    };

/**
 * The seat's fields, less what consent withholds. Residents from a women's shelter: their address
 * history (and with it the street of the origin) is for the case manager alone.
 */
function fieldsFor(seat: Seat, view: CaseView, recipient: Recipient): readonly CaseViewField[] {
  let fields: readonly CaseViewField[] = recipient.isOwningOrganisation
    ? fieldsOfSeat(seat, { housesResident: false })
    : fieldsOfSeat(seat, recipient.relation);
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

/**
 * Whether the seat's projection can show the resident's name at all: always, or while its
 * organisation houses the resident (a corporation); consent and the offer decide per case.
 */
export function seatReadsNames(seat: Seat): boolean {
  return (
    (readableFields[seat] as readonly CaseViewField[]).includes('identity') ||
    (readableWhileHousing[seat] as readonly CaseViewField[]).includes('identity')
  );
}

import { offerViewSchema, type OfferView, type PlacementView, type Seat } from '@uitstroom/shared';
import type { z } from 'zod';

/**
 * A field of an offer as a seat reads it: the offer view's own fields, and the street address of
 * the dwelling (`dwellingAddress`, the `address` inside `dwelling`), which is personal data once the
 * resident lives there and so a field of its own here.
 */
export type OfferViewField = keyof OfferView | 'dwellingAddress';

/** What every seat that reaches an offer sees of it: where the offer stands and the dwelling's kind. */
const offerStatus = [
  'id',
  'version',
  'status',
  'corporation',
  'isOwnOffer',
  'dwelling',
  'offeredAt',
  'answerDueOn',
  'isAnswerOverdue',
  'waitedDays',
  'answeredAt',
  'withdrawnAt',
  'decidedAt',
  'completedAt',
  'supportArranged',
  'supportIntensity',
] as const;

/** Why an offer failed: free text about the resident. */
const reasons = ['declineReason', 'withdrawalReason', 'refusalReason'] as const;

/**
 * Which fields of an offer each seat reads at most (domain.md §3.5). The reasons the parties gave
 * are for the parties of the placement and the chair who sends the case back to the table; the
 * follow-up provider reads the move, not why earlier offers failed. The neighbourhood's load is for
 * those who weigh it and the case manager. The street address is never the chair's, and for the
 * others only when they are a party to it (the provider once the move is recorded; see
 * `OfferReader`). A seat that
 * reaches no case reads no offer. Fields not listed are absent, not null.
 */
export const readableOfferFields = {
  casemanager: [...offerStatus, ...reasons, 'neighbourhoodLoad', 'dwellingAddress'],
  chair: [...offerStatus, ...reasons, 'neighbourhoodLoad'],
  municipality: [...offerStatus, ...reasons, 'neighbourhoodLoad', 'dwellingAddress'],
  corporation: [...offerStatus, ...reasons, 'neighbourhoodLoad', 'dwellingAddress'],
  provider: [...offerStatus, 'dwellingAddress'],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly OfferViewField[]>;

/**
 * Which parts of the placement each seat reads: the move (keys, agreement, the provider's contact)
 * is for the parties of the agreement and the seats that reach the case; a corporation reads it
 * only for its own dwelling (see `toPlacementView`).
 */
export const readsMoveIn = {
  casemanager: 'always',
  chair: 'always',
  municipality: 'always',
  corporation: 'ownDwelling',
  provider: 'always',
  regionAdmin: 'never',
} as const satisfies Record<Seat, 'always' | 'ownDwelling' | 'never'>;

/**
 * What the reader is to this offer, decided by the placements policy: the street address is for
 * the corporation that offers it, the destination municipality and the case manager of the case.
 */
export interface OfferReader {
  seesDwellingAddress: boolean;
}

/** Whether a seat reads offers at all. */
export function readsOffers(seat: Seat): boolean {
  return readableOfferFields[seat].length > 0;
}

/** The seat's fields of this offer, less the address when the reader is no party to it. */
export function offerFieldsFor(seat: Seat, reader: OfferReader): readonly OfferViewField[] {
  const fields = readableOfferFields[seat] as readonly OfferViewField[];
  return reader.seesDwellingAddress ? fields : fields.filter((f) => f !== 'dwellingAddress');
}

const viewSchemas = new Map<string, z.ZodType>();
function viewSchemaFor(fields: readonly (keyof OfferView)[]): z.ZodType {
  const key = fields.join(',');
  let schema = viewSchemas.get(key);
  if (!schema) {
    schema = offerViewSchema.pick(
      Object.fromEntries(fields.map((f) => [f, true])) as Record<keyof OfferView, true>,
    );
    viewSchemas.set(key, schema);
  }
  return schema;
}

/**
 * Picks exactly the seat's fields of the full offer (built with everything the database holds) and
 * parses the result with that seat's view schema. A seat that reads no offers gets none: ask
 * `readsOffers` first.
 */
export function toOfferView(full: OfferView, seat: Seat, reader: OfferReader): OfferView {
  if (!readsOffers(seat)) throw new Error(`The seat ${seat} reads no offers`);
  const fields = offerFieldsFor(seat, reader);
  const own = fields.filter((f): f is keyof OfferView => f !== 'dwellingAddress');
  const picked: Record<string, unknown> = Object.fromEntries(
    own.filter((f) => full[f] !== undefined).map((f) => [f, full[f]]),
  );
  if (!fields.includes('dwellingAddress')) {
    const { address: _withheld, ...dwelling } = full.dwelling;
    picked.dwelling = dwelling;
  }
  return viewSchemaFor(own).parse(picked) as OfferView;
}

/**
 * The placement as the seat reads it: its offers already projected, the move only where the seat
 * reads it (null otherwise, as the view has always said "no move to show").
 */
export function toPlacementView(seat: Seat, view: PlacementView): PlacementView {
  const readsMove =
    readsMoveIn[seat] === 'always' ||
    (readsMoveIn[seat] === 'ownDwelling' && view.current?.isOwnOffer === true);
  return { ...view, moveIn: readsMove ? view.moveIn : null };
}

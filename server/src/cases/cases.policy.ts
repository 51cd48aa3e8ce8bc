import {
  AppError,
  transitionRefusalCode,
  type CaseSectionName,
  type CorrectionCheck,
  type Seat,
  type TransitionCheck,
  type TransitionName,
} from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { placeholderFor } from '../core/db';

/**
 * Which cases a seat reaches (domain.md §5), as one SQL condition on `case_file c` that every list
 * and lookup of the module uses: a case outside it is "not found". Fail closed: a seat not named
 * reaches nothing.
 */
export function caseScope(actor: Actor, params: unknown[]): string {
  const param = placeholderFor(params);
  switch (actor.seat) {
    case 'casemanager':
      return `c.owner_organisation_id = ${param(actor.organisationId)}`;
    case 'chair':
      // The region's case list (the projection leaves out the sensitive fields).
      return `c.region_id = ${param(actor.regionId)}`;
    case 'municipality': {
      if (!actor.municipalityCode) return 'FALSE';
      const code = param(actor.municipalityCode);
      return `c.region_id = ${param(actor.regionId)} AND (c.origin_code = ${code} OR c.proposed_destination_code = ${code} OR c.decided_destination_code = ${code})`;
    }
    case 'corporation': {
      const organisation = param(actor.organisationId);
      // The cases on the shared agenda of a table it is invited to; and the cases searching for a
      // dwelling in a municipality of its region where it has an available dwelling or a contingent
      // of this year (the housing profile only, by the projection); and the cases its own offers
      // concern while the offer holds the case or the resident lives in its dwelling (an offer
      // that was declined, withdrawn or refused gives no lasting reach).
      return `(EXISTS (SELECT 1 FROM offer f WHERE f.case_id = c.id AND f.organisation_id = ${organisation} AND f.status IN ('open', 'accepted', 'completed'))
      OR EXISTS (SELECT 1 FROM agenda_item ai JOIN outflow_table t ON t.id = ai.table_id
        JOIN outflow_table_invitation inv ON inv.table_id = t.id
        WHERE ai.case_id = c.id AND ai.status IN ('open', 'decided') AND t.state <> 'planned' AND inv.organisation_id = ${organisation})
      OR (c.state = 'searching' AND ${corporationHousingReach(actor, params, organisation)}))`;
    }
    case 'provider':
      // The cases the table gave to its organisation for follow-up support.
      return `EXISTS (SELECT 1 FROM table_decision d WHERE d.case_id = c.id AND d.corrected_at IS NULL AND d.follow_up_provider_id = ${param(actor.organisationId)})`;
    case 'regionAdmin':
      return 'FALSE';
  }
}

/**
 * The corporation's reach by its housing: a case of its region whose decided destination is a
 * municipality where it has an available dwelling or a contingent of this year. Applies while the
 * case searches (caseScope); an offer that came second asks it too, to hear what happened.
 */
export function corporationHousingReach(
  actor: Actor,
  params: unknown[],
  organisationParam?: string,
): string {
  const param = placeholderFor(params);
  const organisation = organisationParam ?? param(actor.organisationId);
  return `(c.region_id = ${param(actor.regionId)} AND (
        EXISTS (SELECT 1 FROM dwelling w WHERE w.organisation_id = ${organisation} AND w.status = 'available' AND w.municipality_code = c.decided_destination_code)
        OR EXISTS (SELECT 1 FROM contingent k WHERE k.organisation_id = ${organisation} AND k.municipality_code = c.decided_destination_code
          AND k.year = extract(year FROM now() AT TIME ZONE 'Europe/Amsterdam')::int)))`;
}

/** The sections each seat may write. A write touching any other section is refused whole. */
export const writableSections = {
  casemanager: [
    'identity',
    'contact',
    'household',
    'stay',
    'addresses',
    'isOriginUntraceable',
    'wishes',
    'housingNeeds',
    'supportNeeds',
    'sensitive',
    'exceptions',
    'excluded',
  ],
  chair: [],
  municipality: [],
  corporation: [],
  provider: [],
  regionAdmin: [],
} as const satisfies Record<Seat, readonly CaseSectionName[]>;

export function sectionsNotWritable(seat: Seat, sections: readonly string[]): string[] {
  const allowed = writableSections[seat] as readonly string[];
  return sections.filter((section) => !allowed.includes(section));
}

/** A case manager works on the cases of their own organisation; handing over stays inside it. */
export function isOwnOrganisationCase(actor: Actor, ownerOrganisationId: string): boolean {
  return actor.seat === 'casemanager' && actor.organisationId === ownerOrganisationId;
}

/** A write that touches a section the seat may not write is refused whole, naming each section. */
export function assertSectionsWritable(actor: Actor, sections: readonly string[]): void {
  const refused = sectionsNotWritable(actor.seat, sections);
  if (refused.length)
    throw new AppError(
      'FORBIDDEN',
      'U mag deze onderdelen van de casus niet wijzigen.',
      refused.map((path) => ({
        path: `changes.${path}`,
        message: 'Uw rol mag dit onderdeel niet wijzigen.',
      })),
    );
}

/**
 * What a seat may do with a case it reaches (the row scope has answered whether it reaches it at
 * all: outside it the case is a 404). The resident's own file is for the case manager of the
 * owning organisation only:
 * - `readAccessLog`: who looked at the file (AVG art. 15);
 * - `exportFile`: the resident's copy of the file;
 * - `withdraw`: take the case off the process (the seats of the state table, and of the case's
 *   own organisation).
 */
export type CaseAction = 'readAccessLog' | 'exportFile' | 'withdraw';

export function canOnCase(
  actor: Actor,
  action: CaseAction,
  c: { owner_organisation_id: string },
): boolean {
  switch (action) {
    case 'readAccessLog':
    case 'exportFile':
    case 'withdraw':
      return isOwnOrganisationCase(actor, c.owner_organisation_id);
  }
}

const caseRefusals: Record<CaseAction, string> = {
  readAccessLog: 'Alleen de casemanager van de casus ziet wie het dossier inzag.',
  exportFile: 'Alleen de casemanager van de casus ziet wie het dossier inzag.',
  withdraw: 'Uw rol mag deze stap niet zetten.',
};

/** A case in reach, an act not allowed: 403. */
export function assertCanOnCase(
  actor: Actor,
  action: CaseAction,
  c: { owner_organisation_id: string },
): void {
  if (!canOnCase(actor, action, c)) throw new AppError('FORBIDDEN', caseRefusals[action]);
}

/**
 * The error of a step the state table refused. The table's seat column is the policy of a case's
 * steps: a seat not named there is a 403; a step that cannot be taken from this state, or whose
 * preconditions are not met yet, is the state's own 409.
 */
export function stepRefusal(check: Exclude<TransitionCheck, { ok: true }>): AppError {
  return new AppError(transitionRefusalCode(check), check.message);
}

/**
 * The error of a refused step of the state table: a 403 when the seat may not take it, or when a
 * case manager of another organisation would withdraw the case; otherwise the state's own code
 * (wrong state, a requirement unmet), with what is missing.
 */
export function transitionRefusal(
  actor: Actor,
  transition: TransitionName,
  check: Exclude<TransitionCheck, { ok: true }>,
  c: { owner_organisation_id: string },
  issues: { path: string; message: string }[],
): AppError {
  const isForbidden =
    check.reason === 'wrongSeat' || (transition === 'withdraw' && !canOnCase(actor, 'withdraw', c));
  return new AppError(
    isForbidden ? 'FORBIDDEN' : transitionRefusalCode(check),
    check.message,
    issues,
  );
}

/**
 * The resident's consents (who may share what with whom) are kept by the case manager of the
 * owning organisation: `read` the list, `record` a new one, `withdraw` one.
 */
export type ConsentAction = 'read' | 'record' | 'withdraw';

export function canOnConsent(
  actor: Actor,
  _action: ConsentAction,
  c: { owner_organisation_id: string },
): boolean {
  return isOwnOrganisationCase(actor, c.owner_organisation_id);
}

export function assertCanOnConsent(
  actor: Actor,
  action: ConsentAction,
  c: { owner_organisation_id: string },
): void {
  if (!canOnConsent(actor, action, c))
    throw new AppError('FORBIDDEN', 'Alleen de casemanager van de casus legt toestemming vast.');
}

/**
 * A case's documents: `add` is for the case manager of the owning organisation. Which documents a
 * seat reads follows the case's projection (the categories its fields cover).
 */
export type DocumentAction = 'add';

export function canOnDocument(
  actor: Actor,
  _action: DocumentAction,
  c: { owner_organisation_id: string },
): boolean {
  return isOwnOrganisationCase(actor, c.owner_organisation_id);
}

export function assertCanOnDocument(
  actor: Actor,
  action: DocumentAction,
  c: { owner_organisation_id: string },
): void {
  if (!canOnDocument(actor, action, c))
    throw new AppError('FORBIDDEN', 'Alleen de casemanager van de casus voegt documenten toe.');
}

/** The municipality the table decided the resident moves to (it confirms the placement, agrees the support plan). */
export function isDestinationMunicipalityOf(
  actor: Actor,
  decidedDestinationCode: string | null,
): boolean {
  return (
    actor.seat === 'municipality' &&
    !!actor.municipalityCode &&
    actor.municipalityCode === decidedDestinationCode
  );
}

/** The organisation the table gave the follow-up support to. */
export function isFollowUpProviderOf(actor: Actor, followUpProviderId: string | null): boolean {
  return actor.seat === 'provider' && followUpProviderId === actor.organisationId;
}

/**
 * Herstel (domain.md §4): the shared rule decides; a step the reader may not take back is refused
 * as forbidden, a step something rests on (or one past its day) as a requirement not met.
 */
export function assertCorrectionAllowed(
  check: CorrectionCheck,
): asserts check is Extract<CorrectionCheck, { ok: true }> {
  if (!check.ok)
    throw new AppError(
      check.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'CASE_REQUIREMENT_UNMET',
      check.message,
    );
}

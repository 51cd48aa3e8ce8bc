import {
  isOverWaitingTarget,
  type BindingTestSetting,
  type Permission,
  type RegionMunicipality,
} from '@uitstroom/shared';
import type { ProjectedCase } from './case-api';
import { checkExceptions, type ExceptionValues } from './exceptions-form';
import type { ProposalState } from './ProposalCard';

/**
 * What the case page shows of a case, decided once, outside the components: which panels a seat
 * reads at the case's state, and which proposal stands beside the wishes.
 */

/** The panels below the wishes; each asks the API for its part only where it is shown. */
export interface CasePanels {
  /** The table's decision, from the day it was taken (a later correction brings it back to ready). */
  decision: boolean;
  /** The offer, the placement and the move, per seat, once a dwelling is being searched for. */
  placement: boolean;
  /** Follow-up support after the move; a seat without support:read does not ask (issue 27.6). */
  support: boolean;
  /** A corporation's own dwellings that fit a case searching for one, each to offer. */
  dwellingFits: boolean;
  /** The sections may be edited: a closed case is read-only (the server refuses with CASE_CLOSED). */
  edit: boolean;
  /** Consent and documents may be recorded on the reader's own case (not once it is closed). */
  recordOnOwnCase: boolean;
  /** The case may be handed to a colleague (not once it is closed). */
  handover: boolean;
  /**
   * The reader is a case manager of the organisation that owns the case: records consent, adds
   * documents, reads the log and the privacy pages.
   */
  ownCase: boolean;
}

/** A case past the table's agenda has a decision (a correction brings it back before it). */
export function hasDecision(view: ProjectedCase): boolean {
  return !!view.id && !!view.state && !['intake', 'ready', 'scheduled'].includes(view.state);
}

export function casePanelsOf(
  view: ProjectedCase,
  can: (permission: Permission) => boolean,
  ownOrganisationId: string,
): CasePanels {
  const state = view.state;
  const isKnown = !!view.id && !!state;
  const isOpen = state !== 'closed';
  const isOwnCase =
    can('case:consent') && !!view.id && view.owner?.organisationId === ownOrganisationId;
  return {
    decision: hasDecision(view),
    placement: isKnown && !!view.version && !['intake', 'scheduled', 'decided'].includes(state!),
    support:
      isKnown &&
      !!view.version &&
      can('support:read') &&
      ['moved', 'aftercare', 'closed'].includes(state!),
    dwellingFits: isKnown && can('offer:create') && state === 'searching',
    edit: can('case:update') && isOpen,
    recordOnOwnCase: isOwnCase && isOpen,
    handover: can('case:handover') && !!view.owner && isOpen,
    ownCase: isOwnCase,
  };
}

/** The region as the live proposal needs it. */
export interface ProposalRegion {
  municipalities: readonly RegionMunicipality[];
  bindingTest: BindingTestSetting | null;
}

const noAdmissionDate = 'Nog geen voorstel: de opnamedatum ontbreekt.';

/**
 * The proposal beside the wishes: while the exceptions are edited (`edited`), the shared engine's
 * answer for the typed exceptions, as the server would give it; otherwise the server's proposal for
 * the file as stored. Null for a seat that does not read the proposal.
 */
export function proposalStateOf(
  view: ProjectedCase,
  edited: ExceptionValues | null,
  region: ProposalRegion,
  referenceDate: string,
): ProposalState | null {
  if (view.proposal === undefined) return null;
  if (edited) {
    const check = checkExceptions(
      edited,
      view,
      region.municipalities,
      referenceDate,
      region.bindingTest,
    );
    if (!check.proposal) return { kind: 'none', reason: noAdmissionDate };
    return check.proposal.ok
      ? { kind: 'live', proposal: check.proposal.proposal }
      : { kind: 'invalid', issues: check.proposal.error.error.issues };
  }
  if (view.proposal)
    return {
      kind: 'stored',
      proposal: view.proposal.result,
      ruleSetVersion: view.proposal.ruleSetVersion,
    };
  return {
    kind: 'none',
    reason: view.stay?.admissionDate
      ? 'De regel kan voor dit dossier nog geen voorstel doen.'
      : noAdmissionDate,
  };
}

/** The region's waiting target (domain.md §6) is flagged until a dwelling is offered. */
export function isWaitingTooLong(view: ProjectedCase, waitingTargetDays: number): boolean {
  return (
    !!view.state &&
    ['ready', 'scheduled', 'decided', 'searching'].includes(view.state) &&
    isOverWaitingTarget(view.waitingDays, waitingTargetDays)
  );
}

import type { DataSource, EntityManager } from 'typeorm';
import {
  dutchToday,
  AppError,
  amsterdamDate,
  answerDueOn,
  assessNeighbourhoodLoad,
  checkTransition,
  isAnswerOverdue,
  keyHandoverDateProblem,
  keysBeforeAvailable,
  neighbourhoodKey,
  neighbourhoodLoadSince,
  ruleSetDefaults,
  transitions,
  waitedDays,
  type AnswerOffer,
  type ConfirmPlacement,
  type DwellingOffer,
  type MakeOffer,
  type MoveIn,
  type ProviderContact,
  type MoveInView,
  type NeighbourhoodLoad,
  type NeighbourhoodLoadList,
  type OfferView,
  type PlacementView,
  type RefusePlacement,
  type WithdrawOffer,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { isUniqueViolation } from '../core/db';
import { writeAudit } from '../core/audit-writer';
import { notify } from '../notifications';
import { getCurrentRuleSet, isMunicipalityOfRegion, returnAllocation } from '../regions';
import {
  markCaseActivity,
  moveCase,
  requireCase,
  isOwnOrganisationCase,
  findCaseInScope,
  stepRefusal,
  type CaseRow,
} from '../cases';
import { findDwellingInScope } from '../dwellings';
import {
  assertCanOnPlacement,
  isDestinationMunicipality,
  mayMakeOffers,
  placementRefusal,
  isOfferingCorporation,
  seesDwellingAddress,
  seesNeighbourhoodLoad,
  seesOffer,
  type CaseFacts,
} from './placements.policy';
import { readsOffers, toOfferView, toPlacementView } from './placements.projection';
import * as repository from './placements.repository';
import type { OfferRow } from './placements.repository';

/**
 * Offers, the destination municipality's confirmation and the move (domain.md §4). Every step that
 * moves the case goes through the state table (`moveCase`) in the same transaction as the offer
 * it changes, with the case's version; the offer carries its own version for the steps that do
 * not move the case. Reasons are free text about the resident: they live on the offer (which
 * erasure can clear), never in the step's details, which also go to the append-only audit log. Which of two concurrent offers wins is the database's call (two partial
 * unique indexes), never a check-then-write in code.
 */

const purpose = 'case_coordination' as const;

function today(): string {
  return dutchToday();
}

const factsOf = (row: CaseRow): CaseFacts => ({
  ownerOrganisationId: row.owner_organisation_id,
  decidedDestinationCode: row.decided_destination_code,
});

// ---- the messages of a lost race, in Dutch: what happened, never more than the loser may know ----

const dwellingTaken = () =>
  new AppError(
    'DWELLING_ALREADY_OFFERED',
    'Deze woning is zojuist aan een andere casus aangeboden. Kies een andere woning.',
    [{ path: 'dwellingId', message: 'Deze woning is al aangeboden aan een andere casus.' }],
  );

/** A case already held by an offer: the corporation that holds it may be named (not its dwelling). */
function caseTaken(
  holder: { organisation_id: string; name: string } | null,
  actor: Actor,
): AppError {
  const message = !holder
    ? 'Voor deze casus is zojuist al een woning aangeboden.'
    : holder.organisation_id === actor.organisationId
      ? 'Voor deze casus heeft uw corporatie zojuist al een woning aangeboden.'
      : `Voor deze casus is zojuist al een woning aangeboden door ${holder.name}.`;
  return new AppError('OFFER_TAKEN', message);
}

/** The follow-up provider's contact from its own settings, or null while it has set none. */
function providerContactOf(
  decision: Awaited<ReturnType<typeof repository.findLatestDecision>>,
): ProviderContact | null {
  if (!decision?.contact_name || !decision.contact_phone || !decision.emergency_phone) return null;
  return {
    name: decision.contact_name,
    phone: decision.contact_phone,
    emergencyPhone: decision.emergency_phone,
  };
}

const noLiveOffer = () =>
  new AppError('NO_OPEN_OFFER', 'Er staat voor deze casus geen woningaanbod open.');

/** A stale offer version: 409 with the offer's current version, as for a case. */
function offerVersionConflict(offer: OfferRow): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    'Iemand anders heeft het aanbod intussen gewijzigd. Laad de casus opnieuw.',
    [],
    { currentOfferVersion: offer.version },
  );
}

/** A stale case version, said before anything is written. */
function caseVersionConflict(row: CaseRow): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    'Iemand anders heeft de casus intussen gewijzigd. Laad de casus opnieuw.',
    [],
    { currentVersion: row.version },
  );
}

/** A refused step of the state table: the seat is 403, the rest says what must happen first. */

// ---- the view ----

async function loadsFor(
  tx: EntityManager,
  regionId: string,
  offers: readonly OfferRow[],
  threshold: number,
  date: string,
): Promise<Map<string, NeighbourhoodLoad>> {
  const loads = new Map<string, NeighbourhoodLoad>();
  if (!offers.length) return loads;
  const counts = await repository.countMovesByNeighbourhood(tx, {
    regionId,
    since: neighbourhoodLoadSince(date),
    municipalityCodes: [...new Set(offers.map((o) => o.municipality_code))],
    excludeOfferIds: offers.map((o) => o.id),
  });
  for (const offer of offers) {
    const key = neighbourhoodKey(offer.neighbourhood);
    const placements =
      counts.find(
        (c) => c.municipality_code === offer.municipality_code && c.neighbourhood_key === key,
      )?.placements ?? 0;
    loads.set(offer.id, {
      municipalityCode: offer.municipality_code,
      neighbourhood: offer.neighbourhood,
      placements,
      threshold,
      ...assessNeighbourhoodLoad(offer.neighbourhood, placements, threshold),
    });
  }
  return loads;
}

/** The offer with everything the database holds; `toOfferView` cuts it to the reader's seat. */
function fullOfferView(
  offer: OfferRow,
  actor: Actor,
  load: NeighbourhoodLoad | undefined,
  date: string,
): OfferView {
  return {
    id: offer.id,
    version: offer.version,
    status: offer.status,
    corporation: { id: offer.organisation_id, name: offer.organisation_name },
    isOwnOffer: isOfferingCorporation(actor, { organisationId: offer.organisation_id }),
    dwelling: {
      municipalityCode: offer.municipality_code,
      neighbourhood: offer.neighbourhood,
      kind: offer.kind,
      rooms: offer.rooms,
      rent: Number(offer.rent),
      floor: offer.floor,
      hasLift: offer.has_lift,
      isWheelchairAccessible: offer.is_wheelchair_accessible,
      availableFrom: offer.available_from,
      tenancyForm: offer.tenancy_form,
      conversionDate: offer.conversion_date,
      conversionConditions: offer.conversion_conditions,
      address: { street: offer.street, houseNumber: offer.house_number, postcode: offer.postcode },
    },
    offeredAt: offer.offered_at.toISOString(),
    answerDueOn: offer.answer_due_on,
    isAnswerOverdue: isAnswerOverdue(offer.status, offer.answer_due_on, date),
    waitedDays: offer.waited_days,
    answeredAt: offer.answered_at?.toISOString() ?? null,
    withdrawnAt: offer.withdrawn_at?.toISOString() ?? null,
    decidedAt: offer.decided_at?.toISOString() ?? null,
    completedAt: offer.completed_at?.toISOString() ?? null,
    ...(offer.decline_reason !== null ? { declineReason: offer.decline_reason } : {}),
    ...(offer.withdrawal_reason !== null ? { withdrawalReason: offer.withdrawal_reason } : {}),
    ...(offer.refusal_reason !== null ? { refusalReason: offer.refusal_reason } : {}),
    ...(offer.support_arranged !== null && offer.support_intensity !== null
      ? { supportArranged: offer.support_arranged, supportIntensity: offer.support_intensity }
      : {}),
    ...(load ? { neighbourhoodLoad: load } : {}),
  };
}

interface BuiltView {
  view: PlacementView;
  fields: string[];
}

/** The case's offers and move as the actor's seat may see them, with the fields that view holds (for the audit row). */
async function placementView(
  tx: EntityManager,
  actor: Actor,
  row: Pick<
    CaseRow,
    'id' | 'version' | 'state' | 'region_id' | 'owner_organisation_id' | 'decided_destination_code'
  >,
): Promise<BuiltView> {
  const facts = {
    ownerOrganisationId: row.owner_organisation_id,
    decidedDestinationCode: row.decided_destination_code,
  };
  const offers = (await repository.findOffersOfCase(tx, row.id)).filter(
    (o) => readsOffers(actor.seat) && seesOffer(actor, { organisationId: o.organisation_id }),
  );
  const date = today();
  const ruleSet = await getCurrentRuleSet(tx, row.region_id);
  const threshold =
    ruleSet?.config.neighbourhoodLoadThreshold ?? ruleSetDefaults.neighbourhoodLoadThreshold;
  const loads = seesNeighbourhoodLoad(actor)
    ? await loadsFor(tx, row.region_id, offers, threshold, date)
    : new Map<string, NeighbourhoodLoad>();
  const views = offers.map((o) =>
    toOfferView(fullOfferView(o, actor, loads.get(o.id), date), actor.seat, {
      seesDwellingAddress: seesDwellingAddress(actor, facts, {
        organisationId: o.organisation_id,
        status: o.status,
      }),
    }),
  );
  const current =
    views.find((o) => o.status === 'open' || o.status === 'accepted' || o.status === 'completed') ??
    null;
  const moveRow = await repository.findMoveIn(tx, row.id);
  const decision = await repository.findLatestDecision(tx, row.id);
  const moveIn: MoveInView | null =
    moveRow && current
      ? {
          keyHandoverDate: moveRow.key_handover_date,
          tenancyForm: moveRow.tenancy_form,
          agreementConditions: moveRow.agreement_conditions,
          agreementDocumentId: moveRow.agreement_document_id,
          providerContact: {
            name: moveRow.provider_contact_name,
            phone: moveRow.provider_contact_phone,
            emergencyPhone: moveRow.provider_emergency_phone,
          },
          waitedDaysToOffer: moveRow.waited_days_to_offer,
          waitedDaysToKeys: moveRow.waited_days_to_keys,
          recordedAt: moveRow.recorded_at.toISOString(),
          recordedBy: moveRow.recorded_by_organisation,
        }
      : null;
  const isOwnCase = isOwnOrganisationCase(actor, row.owner_organisation_id);
  const isDestination = isDestinationMunicipality(actor, facts);
  const isOffered = row.state === 'offered' && current !== null;
  const can = {
    offer: mayMakeOffers(actor) && row.state === 'searching',
    answer: isOwnCase && isOffered && current.status === 'open',
    withdraw: isOffered && current.isOwnOffer,
    confirm: isDestination && isOffered && current.status === 'accepted',
    refuse: isDestination && isOffered,
    moveIn: row.state === 'confirmed' && current !== null && (isOwnCase || current.isOwnOffer),
  };
  const view = toPlacementView(actor.seat, {
    caseId: row.id,
    caseVersion: row.version,
    state: row.state,
    current,
    history: views.filter((v) => v !== current),
    moveIn,
    followUpProvider: decision?.follow_up_provider ?? null,
    followUpProviderContact: providerContactOf(decision),
    can,
  });
  const fields = [
    'placement',
    ...(views.some((v) => v.dwelling.address) ? ['dwellingAddress'] : []),
    ...(view.moveIn ? ['moveIn'] : []),
  ];
  return { view, fields };
}

/** After a write: the view of the case as it is now, even when the actor's own step took it out of their reach. */
async function viewAfterWrite(
  tx: EntityManager,
  actor: Actor,
  before: CaseRow,
  after: { state: CaseRow['state']; version: number },
): Promise<PlacementView> {
  const now = await findCaseInScope(tx, actor, before.id);
  return (await placementView(tx, actor, now ?? { ...before, ...after })).view;
}

// ---- reading ----

/** The case's offers and move for the case page; the look is logged on the case (the new address is personal data). */
export async function getPlacement(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
): Promise<PlacementView> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const { view, fields } = await placementView(tx, actor, row);
    await writeAudit(tx, context, {
      action: 'case.placement.read',
      objectType: 'case',
      objectId: row.id,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields,
    });
    return view;
  });
}

// ---- the corporation's offer ----

/**
 * A corporation offers one of its own available dwellings, in the case's destination, to a case
 * that searches one. The insert comes first: of many concurrent offers of one dwelling, or to one
 * case, the database lets exactly one insert through and the others fail on the unique index
 * (after the winner commits); the loser's transaction rolls back whole and it hears what happened.
 */
export async function makeOffer(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: MakeOffer,
): Promise<PlacementView> {
  try {
    return await db.transaction(async (tx) => {
      const row = await requireCase(tx, actor, caseId).catch(async (error: unknown) => {
        // A second offer that arrives after the first committed: the case left the corporation's reach with it.
        const holder =
          error instanceof AppError && error.code === 'NOT_FOUND' && mayMakeOffers(actor)
            ? await repository.findHolderOfCaseInHousingReach(tx, actor, caseId)
            : null;
        throw holder ? caseTaken(holder, actor) : error;
      });
      // Said first, so that a late second offer hears that it came second, not that a version moved.
      if (row.state !== 'searching') {
        const holder = await repository.findLiveOfferCorporation(tx, row.id);
        if (holder) throw caseTaken(holder, actor);
      }
      const dwelling = await repository.findOfferableDwelling(tx, actor, input.dwellingId);
      if (!dwelling || dwelling.status !== 'available') {
        throw new AppError('VALIDATION_FAILED', undefined, [
          {
            path: 'dwellingId',
            message: dwelling
              ? 'Deze woning is ingetrokken.'
              : 'Kies een woning van uw corporatie.',
          },
        ]);
      }
      const facts = {
        ownDwelling: true,
        dwellingInDestination: dwelling.municipality_code === row.decided_destination_code,
      };
      const check = checkTransition({
        state: row.state,
        transition: 'offerDwelling',
        seat: actor.seat,
        facts,
      });
      if (!check.ok) {
        if (check.reason === 'unmetRequirement')
          throw new AppError('VALIDATION_FAILED', check.message, [
            { path: 'dwellingId', message: check.message },
          ]);
        throw stepRefusal(check);
      }
      if (await repository.findClaimOfDwelling(tx, dwelling.id)) throw dwellingTaken();
      if (row.version !== input.caseVersion) throw caseVersionConflict(row);
      const date = today();
      const ruleSet = await getCurrentRuleSet(tx, row.region_id);
      const offerId = await repository.insertOffer(tx, {
        regionId: row.region_id,
        caseId: row.id,
        dwellingId: dwelling.id,
        organisationId: actor.organisationId,
        offeredBy: actor.userId,
        answerDueOn: answerDueOn(
          date,
          ruleSet?.config.offerAnswerDays ?? ruleSetDefaults.offerAnswerDays,
        ),
        waitedDays: waitedDays(row.ready_at?.toISOString() ?? null, date),
      });
      const moved = await moveCase(tx, context, actor, row.id, input.caseVersion, {
        transition: 'offerDwelling',
        facts,
        details: { offerId, dwellingId: dwelling.id },
      });
      // The case manager records the resident's answer.
      await notify(
        tx,
        {
          kind: 'offerToAnswer',
          regionId: row.region_id,
          caseId: row.id,
          pseudonym: row.pseudonym,
          caseOwnerUserId: row.owner_user_id,
        },
        { actorUserId: actor.userId },
      );
      return viewAfterWrite(tx, actor, row, {
        state: transitions.offerDwelling.to,
        version: moved.version,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'offer_one_live_per_dwelling')) throw dwellingTaken();
    // The winner has committed by now (the index waited for it): its corporation can be named.
    if (isUniqueViolation(error, 'offer_one_live_per_case'))
      throw caseTaken(await repository.findLiveOfferCorporation(db.manager, caseId), actor);
    throw error;
  }
}

/** The corporation takes its offer back, with a reason: the case searches again, the dwelling is free. */
export async function withdrawOffer(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: WithdrawOffer,
): Promise<PlacementView> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const offer = await repository.findLiveOffer(tx, row.id, { lock: true });
    if (!offer) throw noLiveOffer();
    const isOwn = isOfferingCorporation(actor, { organisationId: offer.organisation_id });
    const check = checkTransition({
      state: row.state,
      transition: 'withdrawOffer',
      seat: actor.seat,
      facts: { ownDwelling: isOwn, reason: true },
    });
    if (!check.ok) throw placementRefusal('withdrawOffer', check);
    if (offer.version !== input.offerVersion) throw offerVersionConflict(offer);
    const moved = await moveCase(tx, context, actor, row.id, input.caseVersion, {
      transition: 'withdrawOffer',
      facts: { ownDwelling: true, reason: true },
      details: { offerId: offer.id },
    });
    if (
      !(await repository.updateOfferIfVersion(tx, offer.id, input.offerVersion, {
        status: 'withdrawn',
        actorUserId: actor.userId,
        withdrawalReason: input.reason,
      }))
    )
      throw offerVersionConflict(offer);
    return viewAfterWrite(tx, actor, row, {
      state: transitions.withdrawOffer.to,
      version: moved.version,
    });
  });
}

// ---- the resident's answer, recorded by the case manager ----

/**
 * Accepted: the offer waits for the destination municipality (the case stays "woning aangeboden";
 * acceptance is the fact `residentAccepted` of the confirmation). Declined, with a reason: the case
 * searches again and the dwelling is free. A resident may still decline an offer accepted before,
 * as long as the municipality has not confirmed.
 */
export async function answerOffer(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: AnswerOffer,
): Promise<PlacementView> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    assertCanOnPlacement(actor, 'answer', factsOf(row));
    const offer = await repository.findLiveOffer(tx, row.id, { lock: true });
    if (!offer) throw noLiveOffer();
    if (input.answer === 'declined') {
      const check = checkTransition({
        state: row.state,
        transition: 'declineOffer',
        seat: actor.seat,
        facts: { reason: true },
      });
      if (!check.ok) throw stepRefusal(check);
      if (offer.version !== input.offerVersion) throw offerVersionConflict(offer);
      const moved = await moveCase(tx, context, actor, row.id, input.caseVersion, {
        transition: 'declineOffer',
        facts: { reason: true },
        details: { offerId: offer.id },
      });
      if (
        !(await repository.updateOfferIfVersion(tx, offer.id, input.offerVersion, {
          status: 'declined',
          actorUserId: actor.userId,
          answered: true,
          declineReason: input.reason!,
        }))
      ) {
        throw offerVersionConflict(offer);
      }
      return viewAfterWrite(tx, actor, row, {
        state: transitions.declineOffer.to,
        version: moved.version,
      });
    }
    if (row.state !== 'offered')
      throw new AppError(
        'OFFER_ALREADY_ANSWERED',
        'De plaatsing is al bevestigd; het antwoord van de bewoner staat vast.',
      );
    if (offer.status !== 'open')
      throw new AppError('OFFER_ALREADY_ANSWERED', 'De bewoner heeft dit aanbod al aanvaard.');
    if (offer.version !== input.offerVersion) throw offerVersionConflict(offer);
    if (
      !(await repository.updateOfferIfVersion(tx, offer.id, input.offerVersion, {
        status: 'accepted',
        actorUserId: actor.userId,
        answered: true,
      }))
    )
      throw offerVersionConflict(offer);
    await markCaseActivity(tx, actor, row.id);
    await writeAudit(tx, context, {
      action: 'case.offer.accept',
      objectType: 'case',
      objectId: row.id,
      subjectPseudonym: row.pseudonym,
      purpose,
      outcome: 'success',
      fields: ['placement'],
      details: { offerId: offer.id },
    });
    if (row.decided_destination_code) {
      // The destination municipality confirms or refuses next.
      await notify(
        tx,
        {
          kind: 'placementToConfirm',
          regionId: row.region_id,
          caseId: row.id,
          pseudonym: row.pseudonym,
          destinationMunicipalityCode: row.decided_destination_code,
        },
        { actorUserId: actor.userId },
      );
    }
    return viewAfterWrite(tx, actor, row, { state: row.state, version: row.version });
  });
}

// ---- the destination municipality ----

/** The municipality's steps are checked in a fixed order: the state, then whether it is the destination (403), then the rest. */
function checkMunicipalityStep(
  actor: Actor,
  row: CaseRow,
  transition: 'confirmPlacement' | 'refusePlacement',
  facts: Record<string, boolean>,
): void {
  const isDestination = isDestinationMunicipality(actor, factsOf(row));
  const check = checkTransition({
    state: row.state,
    transition,
    seat: actor.seat,
    facts: { ...facts, isDestinationMunicipality: isDestination },
  });
  if (!check.ok) throw placementRefusal(transition, check);
}

/** The destination municipality confirms the placement, once the resident accepted, and records the support it arranges. */
export async function confirmPlacement(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: ConfirmPlacement,
): Promise<PlacementView> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const offer = await repository.findLiveOffer(tx, row.id, { lock: true });
    if (!offer) throw noLiveOffer();
    const facts = { residentAccepted: offer.status === 'accepted' };
    checkMunicipalityStep(actor, row, 'confirmPlacement', facts);
    if (offer.version !== input.offerVersion) throw offerVersionConflict(offer);
    const moved = await moveCase(tx, context, actor, row.id, input.caseVersion, {
      transition: 'confirmPlacement',
      facts: { ...facts, isDestinationMunicipality: true },
      details: { offerId: offer.id, supportIntensity: input.supportIntensity },
    });
    const ok = await repository.updateOfferIfVersion(tx, offer.id, input.offerVersion, {
      status: 'accepted',
      actorUserId: actor.userId,
      decided: true,
      supportArranged: input.supportArranged,
      supportIntensity: input.supportIntensity,
    });
    if (!ok) throw offerVersionConflict(offer);
    return viewAfterWrite(tx, actor, row, {
      state: transitions.confirmPlacement.to,
      version: moved.version,
    });
  });
}

/**
 * The destination municipality refuses the placement, with a reason: the case goes back to
 * "uitstroomgereed" and so onto the next table (the chair's tasks show it), the waiting clock runs
 * on, the dwelling is free, the case has no decided destination until the table decides again,
 * and a destination taken by population distribution gives its count back to the ledger, under
 * the ledger's lock, in this same transaction.
 */
export async function refusePlacement(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: RefusePlacement,
): Promise<PlacementView> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    const offer = await repository.findLiveOffer(tx, row.id, { lock: true });
    if (!offer) throw noLiveOffer();
    checkMunicipalityStep(actor, row, 'refusePlacement', { reason: true });
    if (offer.version !== input.offerVersion) throw offerVersionConflict(offer);
    const decision = await repository.findLatestDecision(tx, row.id);
    const moved = await moveCase(tx, context, actor, row.id, input.caseVersion, {
      transition: 'refusePlacement',
      facts: { isDestinationMunicipality: true, reason: true },
      // The destination is refused, its count given back: the table decides a destination anew.
      decidedDestinationCode: null,
      details: { offerId: offer.id, allocationReturned: decision?.open_allocation_id ?? null },
    });
    if (
      !(await repository.updateOfferIfVersion(tx, offer.id, input.offerVersion, {
        status: 'refused',
        actorUserId: actor.userId,
        decided: true,
        refusalReason: input.reason,
      }))
    ) {
      throw offerVersionConflict(offer);
    }
    if (decision?.open_allocation_id) await returnAllocation(tx, decision.open_allocation_id);
    return viewAfterWrite(tx, actor, row, {
      state: transitions.refusePlacement.to,
      version: moved.version,
    });
  });
}

// ---- the move ----

/**
 * The case manager or the offering corporation records the move: the key handover, the tenancy
 * form (the dwelling's unless changed), the three-party agreement and the provider's contact for
 * the corporation. The waiting times from "uitstroomgereed" are stored with it.
 */
export async function recordMoveIn(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: MoveIn,
): Promise<PlacementView> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId);
    assertCanOnPlacement(actor, 'moveIn', factsOf(row));
    const offer = await repository.findLiveOffer(tx, row.id, { lock: true });
    if (!offer) throw noLiveOffer();
    const isOwn = isOfferingCorporation(actor, { organisationId: offer.organisation_id });
    const facts = { keyHandoverDate: true, tenancyForm: true, ownDwelling: isOwn };
    const check = checkTransition({
      state: row.state,
      transition: 'moveIn',
      seat: actor.seat,
      facts,
    });
    if (!check.ok) throw placementRefusal('moveIn', check);
    if (offer.version !== input.offerVersion) throw offerVersionConflict(offer);
    const date = today();
    const offeredOn = amsterdamDate(offer.offered_at);
    const issues: { path: string; message: string }[] = [];
    const dateProblem = keyHandoverDateProblem(input.keyHandoverDate, offeredOn, date);
    if (dateProblem) issues.push({ path: 'keyHandoverDate', message: dateProblem });
    if (
      input.agreementDocumentId &&
      !(await repository.isDocumentOfCase(tx, input.agreementDocumentId, row.id))
    ) {
      issues.push({
        path: 'agreementDocumentId',
        message: 'Dit document hoort niet bij deze casus.',
      });
    }
    if (issues.length) throw new AppError('VALIDATION_FAILED', undefined, issues);
    const early = keysBeforeAvailable(input.keyHandoverDate, offer.available_from);
    if (early && input.confirmed !== true)
      throw new AppError('KEYS_BEFORE_AVAILABLE', `${early} Bevestig dan de verhuizing.`, [
        { path: 'keyHandoverDate', message: early },
      ]);
    // The corporation no longer types whom to call: the provider keeps it in its settings (issue 27.2).
    const decision = await repository.findLatestDecision(tx, row.id);
    const providerContact = providerContactOf(decision);
    if (!providerContact)
      throw new AppError(
        'CASE_REQUIREMENT_UNMET',
        `${decision?.follow_up_provider ?? 'De nazorgaanbieder'} heeft nog geen contactpersoon en 24/7-nummer ingesteld. Vraag de aanbieder dat te doen bij Organisatie-instellingen; daarna kan de verhuizing worden vastgelegd.`,
      );
    const tenancyForm = input.tenancyForm ?? offer.tenancy_form;
    const moved = await moveCase(tx, context, actor, row.id, input.caseVersion, {
      transition: 'moveIn',
      facts,
      details: { offerId: offer.id, keyHandoverDate: input.keyHandoverDate, tenancyForm },
    });
    if (
      !(await repository.updateOfferIfVersion(tx, offer.id, input.offerVersion, {
        status: 'completed',
        actorUserId: actor.userId,
        completed: true,
      }))
    )
      throw offerVersionConflict(offer);
    const readyAt = row.ready_at?.toISOString() ?? null;
    const firstOfferAt = await repository.findFirstOfferAt(tx, row.id);
    await repository.insertMoveIn(tx, {
      caseId: row.id,
      offerId: offer.id,
      input,
      providerContact,
      tenancyForm,
      recordedBy: actor.userId,
      waitedDaysToOffer: firstOfferAt ? waitedDays(readyAt, amsterdamDate(firstOfferAt)) : null,
      waitedDaysToKeys: waitedDays(readyAt, input.keyHandoverDate),
    });
    return viewAfterWrite(tx, actor, row, { state: transitions.moveIn.to, version: moved.version });
  });
}

// ---- the dwelling's page and the neighbourhood load ----

/** The offers of one of the corporation's dwellings, newest first, each with its flag. No personal data: a pseudonym and a status. */
export async function listDwellingOffers(
  db: DataSource,
  actor: Actor,
  dwellingId: string,
): Promise<DwellingOffer[]> {
  return db.transaction(async (tx) => {
    if (!(await findDwellingInScope(tx, actor, dwellingId)))
      throw new AppError('NOT_FOUND', 'Deze woning bestaat niet of valt buiten uw bereik.');
    const date = today();
    const rows = await repository.findOffersOfDwelling(tx, dwellingId);
    const reachable = new Set<string>();
    for (const r of rows) if (await findCaseInScope(tx, actor, r.case_id)) reachable.add(r.case_id);
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      pseudonym: r.pseudonym,
      status: r.status,
      offeredAt: r.offered_at.toISOString(),
      answerDueOn: r.answer_due_on,
      isAnswerOverdue: isAnswerOverdue(r.status, r.answer_due_on, date),
      isCaseReachable: reachable.has(r.case_id),
    }));
  });
}

/** Moves per neighbourhood of one municipality of the region in the last twelve months, each against the region's threshold. */
export async function neighbourhoodLoadOf(
  db: DataSource,
  actor: Actor,
  municipalityCode: string,
): Promise<NeighbourhoodLoadList> {
  return db.transaction(async (tx) => {
    if (!(await isMunicipalityOfRegion(tx, actor.regionId, municipalityCode))) {
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'municipality', message: 'Kies een gemeente van uw regio.' },
      ]);
    }
    const ruleSet = await getCurrentRuleSet(tx, actor.regionId);
    const threshold =
      ruleSet?.config.neighbourhoodLoadThreshold ?? ruleSetDefaults.neighbourhoodLoadThreshold;
    const since = neighbourhoodLoadSince(today());
    const counts = await repository.countMovesByNeighbourhood(tx, {
      regionId: actor.regionId,
      since,
      municipalityCodes: [municipalityCode],
    });
    return {
      municipalityCode,
      threshold,
      since,
      // Counted as the placements already there: an assessment "before the next one".
      items: counts.map((c) => ({
        municipalityCode: c.municipality_code,
        neighbourhood: c.neighbourhood,
        placements: c.placements,
        threshold,
        ...assessNeighbourhoodLoad(c.neighbourhood, c.placements, threshold),
      })),
    };
  });
}

// ---- for "Mijn taken" ----

export interface OfferTaskFacts {
  hasDwellingForOffer?: boolean;
  isOfferAccepted?: boolean;
  isOwnDwelling?: boolean;
  offerAnswerDueOn?: string | null;
}

/**
 * The facts of the offers that "Mijn taken" asks the state table about, per case in the seat's
 * reach: whether the corporation has a free dwelling in the destination (an offer to make), whether
 * the resident accepted (the municipality is next), whose dwelling it is and when the answer is due.
 */
export async function offerFactsForTasks(
  tx: EntityManager,
  actor: Actor,
  cases: readonly { id: string; state: string; decidedDestinationCode: string | null }[],
): Promise<Map<string, OfferTaskFacts>> {
  const facts = new Map<string, OfferTaskFacts>();
  const live = await repository.findLiveOfferFacts(
    tx,
    cases.filter((c) => c.state === 'offered' || c.state === 'confirmed').map((c) => c.id),
  );
  for (const offer of live) {
    facts.set(offer.case_id, {
      isOfferAccepted: offer.status === 'accepted',
      isOwnDwelling: isOfferingCorporation(actor, { organisationId: offer.organisation_id }),
      offerAnswerDueOn: offer.status === 'open' ? offer.answer_due_on : null,
    });
  }
  if (mayMakeOffers(actor)) {
    const searching = cases.filter((c) => c.state === 'searching' && c.decidedDestinationCode);
    const free = await repository.findMunicipalitiesWithFreeDwelling(tx, actor.organisationId, [
      ...new Set(searching.map((c) => c.decidedDestinationCode!)),
    ]);
    for (const c of searching)
      facts.set(c.id, { hasDwellingForOffer: free.has(c.decidedDestinationCode!) });
  }
  return facts;
}

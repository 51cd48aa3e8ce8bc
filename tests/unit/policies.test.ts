import { AppError, seats, type Seat } from '@uitstroom/shared';
import type { Actor } from '../../server/src/core/request-context';
import {
  assertCanOnCase,
  assertCanOnConsent,
  assertCanOnDocument,
  canOnCase,
  canOnConsent,
  canOnDocument,
} from '../../server/src/cases/cases.policy';
import { assertCanOnTable, canOnTable } from '../../server/src/tables/tables.policy';
import {
  assertCanOnContingent,
  canOnContingent,
  canOnDwelling,
} from '../../server/src/dwellings/dwellings.policy';
import { canOnPlacement, seesDwellingAddress } from '../../server/src/placements/placements.policy';
import { assertCanOnSupport, canOnSupport } from '../../server/src/support/support.policy';
import { canOnRuleSet } from '../../server/src/regions/regions.policy';
import { canOnUser } from '../../server/src/users/users.policy';
import { canOnIndicators } from '../../server/src/indicators/indicators.policy';

/**
 * Who may do what, per resource, seat by seat: the policies asked by the services (issue 23). The
 * API tests and the authorization matrices check the same through HTTP; this table says it in
 * one place, for the record a seat reaches (same organisation, region and municipality as the
 * record), and checks that a refusal is a 403 with the policy's Dutch message.
 */

const own = 'org-own';
const region = 'region-1';
const actorOf = (seat: Seat, overrides: Partial<Actor> = {}): Actor => ({
  userId: 'user-1',
  organisationId: own,
  regionId: region,
  seat,
  municipalityCode: seat === 'municipality' ? '0344' : null,
  ...overrides,
});

/** The seats for which `allowed` holds, in the order of `seats`. */
const allowedSeats = (allowed: (actor: Actor) => boolean): Seat[] =>
  seats.filter((seat) => allowed(actorOf(seat)));

const ownCase = { owner_organisation_id: own };

describe('one policy per resource: who may do what, seat by seat', () => {
  it.each([
    ['case: readAccessLog', (a: Actor) => canOnCase(a, 'readAccessLog', ownCase), ['casemanager']],
    ['case: exportFile', (a: Actor) => canOnCase(a, 'exportFile', ownCase), ['casemanager']],
    ['case: withdraw', (a: Actor) => canOnCase(a, 'withdraw', ownCase), ['casemanager']],
    ['consent: record', (a: Actor) => canOnConsent(a, 'record', ownCase), ['casemanager']],
    ['document: add', (a: Actor) => canOnDocument(a, 'add', ownCase), ['casemanager']],
    [
      'table: chair',
      (a: Actor) => canOnTable(a, 'chair', { region_id: region, state: 'planned' }),
      ['chair'],
    ],
    [
      'table: schedule',
      (a: Actor) => canOnTable(a, 'schedule', { region_id: region, state: 'planned' }),
      ['casemanager', 'chair'],
    ],
    [
      'table: seeAgenda of a planned table',
      (a: Actor) => canOnTable(a, 'seeAgenda', { region_id: region, state: 'planned' }),
      ['casemanager', 'chair'],
    ],
    [
      'dwelling: write',
      (a: Actor) => canOnDwelling(a, 'write', { organisation_id: own }),
      ['corporation'],
    ],
    [
      'contingent: create',
      (a: Actor) => canOnContingent(a, 'create', { organisation_id: own, region_id: region }),
      ['corporation', 'regionAdmin'],
    ],
    [
      'contingent: update',
      (a: Actor) => canOnContingent(a, 'update', { organisation_id: own, region_id: region }),
      ['corporation', 'regionAdmin'],
    ],
    [
      'placement: make an offer',
      (a: Actor) =>
        canOnPlacement(a, 'make', { ownerOrganisationId: own, decidedDestinationCode: '0344' }),
      ['corporation'],
    ],
    [
      'placement: answer',
      (a: Actor) =>
        canOnPlacement(a, 'answer', { ownerOrganisationId: own, decidedDestinationCode: '0344' }),
      ['casemanager'],
    ],
    [
      'support: write',
      (a: Actor) =>
        canOnSupport(a, 'write', { decidedDestinationCode: '0344', providerOrganisationId: own }),
      ['provider'],
    ],
    [
      'support: agreePlan',
      (a: Actor) =>
        canOnSupport(a, 'agreePlan', {
          decidedDestinationCode: '0344',
          providerOrganisationId: own,
        }),
      ['municipality', 'provider'],
    ],
    [
      'support: close',
      (a: Actor) =>
        canOnSupport(a, 'close', { decidedDestinationCode: '0344', providerOrganisationId: own }),
      ['casemanager', 'provider'],
    ],
    [
      'rule set: update',
      (a: Actor) => canOnRuleSet(a, 'update', { regionId: region }),
      ['regionAdmin'],
    ],
    ['user: update', (a: Actor) => canOnUser(a, 'update', { regionId: region }), ['regionAdmin']],
    [
      'indicators: read',
      (a: Actor) => canOnIndicators(a, 'read', { corporationIds: [own] }),
      ['chair', 'municipality', 'corporation', 'regionAdmin'],
    ],
  ] as const)('%s', (_name, allowed, expected) => {
    expect(allowedSeats(allowed)).toEqual(
      seats.filter((seat) => (expected as readonly Seat[]).includes(seat)),
    );
  });

  it.each([
    [
      'case of another organisation',
      () => canOnCase(actorOf('casemanager'), 'exportFile', { owner_organisation_id: 'other' }),
    ],
    [
      'table of another region',
      () => canOnTable(actorOf('chair'), 'chair', { region_id: 'region-2', state: 'planned' }),
    ],
    [
      'contingent of another corporation',
      () =>
        canOnContingent(actorOf('corporation'), 'update', {
          organisation_id: 'other',
          region_id: region,
        }),
    ],
    [
      'contingent asked for another corporation',
      () =>
        canOnContingent(actorOf('corporation'), 'create', {
          organisation_id: 'other',
          region_id: region,
        }),
    ],
    [
      'support kept by another provider',
      () =>
        canOnSupport(actorOf('provider'), 'answerChecks', {
          decidedDestinationCode: null,
          providerOrganisationId: 'other',
        }),
    ],
    [
      'plan of another municipality',
      () =>
        canOnSupport(actorOf('municipality'), 'agreePlan', {
          decidedDestinationCode: '0599',
          providerOrganisationId: own,
        }),
    ],
    [
      'municipality seat without a municipality',
      () =>
        canOnIndicators(actorOf('municipality', { municipalityCode: null }), 'read', {
          corporationIds: [],
        }),
    ],
    [
      'corporation not of the region',
      () => canOnIndicators(actorOf('corporation'), 'read', { corporationIds: ['other'] }),
    ],
    [
      'rule set of another region',
      () => canOnRuleSet(actorOf('regionAdmin'), 'read', { regionId: 'region-2' }),
    ],
  ])('fails for a %s', (_name, ask) => {
    expect(ask()).toBe(false);
  });

  it.each([
    [
      () => assertCanOnConsent(actorOf('chair'), 'record', ownCase),
      'Alleen de casemanager van de casus legt toestemming vast.',
    ],
    [
      () => assertCanOnDocument(actorOf('provider'), 'add', ownCase),
      'Alleen de casemanager van de casus voegt documenten toe.',
    ],
    [
      () => assertCanOnCase(actorOf('chair'), 'readAccessLog', ownCase),
      'Alleen de casemanager van de casus ziet wie het dossier inzag.',
    ],
    [
      () =>
        assertCanOnTable(actorOf('casemanager'), 'chair', { region_id: region, state: 'planned' }),
      'Alleen de tafelvoorzitter doet dit.',
    ],
    [
      () =>
        assertCanOnContingent(actorOf('chair'), 'update', {
          organisation_id: own,
          region_id: region,
        }),
      'Dit contingent houdt de corporatie of de regio-beheerder bij.',
    ],
    [
      () =>
        assertCanOnSupport(actorOf('provider'), 'write', {
          decidedDestinationCode: null,
          providerOrganisationId: 'other',
        }),
      'Alleen de nazorgaanbieder houdt het logboek bij.',
    ],
  ])("an act refused is a 403 with the policy's message (%#)", (act, message) => {
    let thrown: unknown;
    try {
      act();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'FORBIDDEN', status: 403, message });
  });
});

describe("the new dwelling's street address (domain.md §3.5)", () => {
  const otherCase = { ownerOrganisationId: 'org-other', decidedDestinationCode: '0344' };
  const offerOf = (status: string) => ({ organisationId: own, status });
  it.each([
    ['an open offer', 'open', ['municipality', 'corporation']],
    ['an accepted offer', 'accepted', ['municipality', 'corporation']],
    // The follow-up provider visits the resident at home once the move is recorded.
    ['the move recorded', 'completed', ['municipality', 'corporation', 'provider']],
    ['a declined offer', 'declined', ['municipality', 'corporation']],
  ])('%s: read by %j', (_label, status, expected) => {
    expect(allowedSeats((a) => seesDwellingAddress(a, otherCase, offerOf(status)))).toEqual(
      expected,
    );
  });
});

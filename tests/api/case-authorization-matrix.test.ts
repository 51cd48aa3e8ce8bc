import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { isGranted, seats, tokenGrantsOf, type Permission, type Seat } from '@uitstroom/shared';
import type { AnyRoute } from '../../server/src/core/http/route';
import { startTestApp, type TestApp } from '../support/test-app';
import { giveConsent, newCase } from '../support/case-factory';
import { issueToken, organisationOf, tokenAgent } from '../support/api-tokens';

/**
 * Every case route × every seat × {a case in the seat's reach, a case outside it}, generated from
 * the route table and the grants table. Without the grant: 403. With it, a case outside the reach
 * is 404 (it does not exist for that seat); a case inside it is never 401/403/404 for routes whose
 * only id is the case. Reading with and without consent is checked for the non-owning seats. The
 * same again with a token of each seat (issue 31): the seat's reach, the token's permissions.
 */
const accounts: Record<Seat, string> = {
  casemanager: 'regisseur@kwintes.demo',
  chair: 'voorzitter@almere.demo',
  municipality: 'gemeente@lelystad.demo',
  corporation: 'corporatie@centrada.demo',
  provider: 'aanbieder@leger-des-heils.demo',
  regionAdmin: 'beheer@flevoland.demo',
};

let t: TestApp;
let routes: AnyRoute[];
const agents = {} as Record<Seat, request.Agent>;
let insideCase: Record<string, any>;
let outsideCase: Record<string, any>;

beforeAll(async () => {
  t = await startTestApp();
  routes = (t.app.locals.routes as AnyRoute[]).filter((r) => r.path.includes(':caseId'));
  for (const seat of seats) agents[seat] = await t.signIn(accounts[seat]);
  // In reach of the Kwintes case manager, the Flevoland chair and Lelystad (origin); not of the others.
  insideCase = await newCase(agents.casemanager);
  outsideCase = await newCase(await t.signIn('regisseur@tactus.demo'), {
    stay: { targetGroup: 'shelter', facility: 'Opvang Deventer', admissionDate: '2022-03-01' },
    addresses: [
      {
        municipality: 'GM0150',
        kind: 'woonadres',
        from: '2010-01-01',
        to: '2022-01-01',
        source: 'brp',
      },
    ],
    wishes: { ownWords: 'Blijven in Deventer.' },
  });
});
afterAll(async () => {
  await t.close();
});

const reaches: Record<Seat, boolean> = {
  casemanager: true,
  chair: true,
  municipality: true,
  corporation: false,
  provider: false,
  regionAdmin: false,
};

/**
 * A valid body per case route, so that the answer speaks of reach and rights, not of bad input.
 * A new case route without a sample here fails the first test: add one.
 */
const sampleBodies: Record<string, (caseView: Record<string, any>) => unknown> = {
  'patch /api/cases/:caseId': (c) => ({
    version: c.version,
    changes: { contact: { phone: '06 11111111' } },
  }),
  // markReady on an intake without consent: refused by the state table (409), never closes the case.
  'post /api/cases/:caseId/transitions': (c) => ({ transition: 'markReady', version: c.version }),
  // Herstel on an intake case: nothing to correct (409), never written.
  'post /api/cases/:caseId/correction': (c) => ({ version: c.version }),
  'post /api/cases/:caseId/handover': (c) => ({
    version: c.version,
    toUserId: c.owner?.userId ?? randomUUID(),
  }),
  'post /api/cases/:caseId/consents': () => ({
    organisationId: randomUUID(),
    categories: ['identityContact'],
    givenOn: '2026-01-01',
    method: 'verbalWithWitness',
    witnessName: 'Getuige',
  }),
  'post /api/cases/:caseId/consents/:consentId/withdraw': () => ({}),
  'post /api/cases/:caseId/documents': () => Buffer.from('%PDF-1.4\n%%EOF\n'),
  // Follow-up support on an intake case: refused by state (409), never written.
  'post /api/cases/:caseId/support/start': (c) => ({
    version: c.version,
    keyHandoverDate: '2026-01-01',
    startedOn: '2026-01-02',
    landlordOrganisationId: randomUUID(),
    hoursPerWeek: 4,
  }),
  'post /api/cases/:caseId/support/entries': () => ({
    type: 'contact',
    date: '2026-01-01',
    kind: 'phone',
    durationMinutes: 10,
    note: 'Kort contact',
  }),
  'post /api/cases/:caseId/support/signals': () => ({
    kind: 'other',
    severity: 'low',
    date: '2026-01-01',
    description: 'Een signaal om te melden.',
  }),
  'post /api/cases/:caseId/support/plan': () => ({
    basedOnVersion: 0,
    whoTakesOver: 'Het wijkteam neemt het over.',
    howToScaleUp: 'Naar acht uur per week.',
    finalSay: 'De gemeente',
  }),
  'post /api/cases/:caseId/support/plan/agree': () => ({ version: 1 }),
  'post /api/cases/:caseId/support/checks/:checkId': () => ({
    stillLivesThere: true,
    tenancyConverted: false,
  }),
  'post /api/cases/:caseId/support/close': (c) => ({
    version: c.version,
    outcome: 'independentLiving',
    closedOn: '2026-01-01',
  }),
  // Offers and placement on an intake case: no offer to act on, or the wrong state (409), never written.
  'post /api/cases/:caseId/offers': (c) => ({ caseVersion: c.version, dwellingId: randomUUID() }),
  'post /api/cases/:caseId/offer/answer': (c) => ({
    caseVersion: c.version,
    offerVersion: 1,
    answer: 'accepted',
  }),
  'post /api/cases/:caseId/offer/withdraw': (c) => ({
    caseVersion: c.version,
    offerVersion: 1,
    reason: 'De woning is voorlopig niet te verhuren.',
  }),
  'post /api/cases/:caseId/placement/confirm': (c) => ({
    caseVersion: c.version,
    offerVersion: 1,
    supportArranged: 'Wmo-begeleiding, 4 uur per week.',
    supportIntensity: 'light',
  }),
  'post /api/cases/:caseId/placement/refuse': (c) => ({
    caseVersion: c.version,
    offerVersion: 1,
    reason: 'Geen passende begeleiding in te kopen.',
  }),
  'post /api/cases/:caseId/move-in': (c) => ({
    caseVersion: c.version,
    offerVersion: 1,
    keyHandoverDate: '2026-01-01',
    agreementConditions: 'Begeleiding 4 uur per week, huur na een jaar op eigen naam.',
  }),
  // A random precondition of the case: not found (404) for every seat that reaches the case.
  'post /api/cases/:caseId/preconditions/:preconditionId/done': () => ({}),
  // Erasure reaches closed cases of the administrator's own region only: an open case is 404.
  'post /api/retention/cases/:caseId/erase': () => ({
    ground: 'residentRequest',
    confirmPseudonym: 'R-00000000',
  }),
};
const sampleQueries: Record<string, string> = {
  'post /api/cases/:caseId/documents': '?category=housingProfile&filename=test.pdf',
};
const key = (route: AnyRoute) => `${route.method} ${route.path}`;
/** Routes of a case whose sub-resource may not exist yet for a case in reach (404 means "not yet"). */
const mayNotExistYet = new Set([
  'get /api/cases/:caseId/decision-letter',
  'get /api/cases/:caseId/decision',
]);

function call(agent: request.Agent, route: AnyRoute, caseView: Record<string, any>) {
  const path =
    route.path.replace(':caseId', caseView.id).replace(/:(\w+)/g, () => randomUUID()) +
    (sampleQueries[key(route)] ?? '');
  const pending = agent[route.method](path);
  if (route.method === 'get') return pending;
  const body = sampleBodies[key(route)]?.(caseView) ?? {};
  return Buffer.isBuffer(body)
    ? pending.set('Content-Type', 'application/pdf').send(body)
    : pending.send(body as object);
}

describe('case routes × seats × reach', () => {
  it('there are case routes to check, and each writing route has a sample body', () => {
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const route of routes.filter((r) => r.method !== 'get' && r.body))
      expect({ route: key(route), hasSample: key(route) in sampleBodies }).toEqual({
        route: key(route),
        hasSample: true,
      });
  });

  /**
   * The seat's reach through one caller: a session (the seat's grants) or a token (only the
   * permissions it carries, with the very same row scope).
   */
  async function checkReach(seat: Seat, caller: request.Agent, holds: (p: Permission) => boolean) {
    const outcomes: string[] = [];
    for (const route of routes) {
      const permission = (route.access as { permission: Permission }).permission;
      const label = `${route.method.toUpperCase()} ${route.path}`;
      // Read the inside case afresh: an earlier route may have moved its version on.
      const outside = (await call(caller, route, outsideCase)).status;
      const fresh = (await agents.casemanager.get(`/api/cases/${insideCase.id}`)).body;
      const inside = (await call(caller, route, fresh)).status;
      if (!holds(permission)) {
        outcomes.push(`${label}: ${outside}/${inside} (expect 403/403)`);
        expect({ label, outside, inside }).toEqual({ label, outside: 403, inside: 403 });
        continue;
      }
      expect({ label, outside }).toEqual({ label, outside: 404 });
      const onlyCaseId =
        !route.path.replace(':caseId', '').includes(':') && !mayNotExistYet.has(key(route));
      if (reaches[seat] && onlyCaseId) {
        expect({
          label,
          inside: [401, 403, 404].includes(inside) && !(inside === 403 && seat !== 'casemanager'),
        }).toEqual({ label, inside: false });
      }
      if (!reaches[seat]) expect({ label, inside }).toEqual({ label, inside: 404 });
      outcomes.push(`${label}: ${outside}/${inside}`);
    }
    expect(outcomes.length).toBe(routes.length);
  }

  it.each(seats)('seat %s', async (seat) => {
    await checkReach(seat, agents[seat], (permission) => isGranted(seat, permission));
  });

  // The bearer column: a token with all the seat may put on one reaches the same cases, no more.
  it.each(seats)('seat %s with a token', async (seat) => {
    const { token } = await issueToken(agents.regionAdmin, t.db, {
      organisation: await organisationOf(t.db, accounts[seat]),
      seat,
      permissions: tokenGrantsOf(seat),
    });
    await checkReach(seat, tokenAgent(t.app, token), (permission) =>
      tokenGrantsOf(seat).includes(permission),
    );
  });

  it.each(['chair', 'municipality'] as const)(
    '%s reads the name only with consent for its organisation',
    async (seat) => {
      const view = await newCase(agents.casemanager);
      const before = (await agents[seat].get(`/api/cases/${view.id}`)).body;
      expect(before).not.toHaveProperty('identity');
      const organisation =
        seat === 'chair'
          ? 'Regionale coördinatie Flevoland (centrumgemeente Almere)'
          : 'Gemeente Lelystad';
      await giveConsent(agents.casemanager, t.db, view.id, organisation, ['identityContact']);
      expect((await agents[seat].get(`/api/cases/${view.id}`)).body.identity.lastName).toBe(
        'de Jong',
      );
    },
  );
});

import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import { addDays, isGranted, seats, type Permission, type Seat } from '@uitstroom/shared';
import type { AnyRoute } from '../core/http/route';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { newCase } from '../../../tests/support/case-factory';
import { newDwelling, searchingCases } from '../../../tests/support/dwelling-factory';
import {
  answer,
  confirm,
  moveInBody,
  offer,
  todayInAmsterdam,
  versionsOf,
} from '../../../tests/support/placement-flow';

/**
 * Generated from the route table, like the matrices in tests/api: every placements route × every
 * seat against a case (or dwelling) out of the seat's reach (404, never 403 or 200 where granted),
 * and every placements route with bad input (400 at the named field, nothing changed). A new route
 * of the module without samples here fails the first test of each part: add them.
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
/** Searching in Lelystad: Centrada reaches it by its dwellings there. */
let searching: string;
/** Offered by Centrada, waiting for the answer. */
let offered: string;
/** Offered, accepted and confirmed: the keys are next. */
let confirmed: string;
/** A case of Midden-IJssel: outside every Flevoland seat's reach. */
let elsewhere: string;
let dwellings: {
  lelystad: string;
  almere: string;
  withdrawn: string;
  mercatus: string;
  free: string;
};

beforeAll(async () => {
  t = await startTestApp();
  routes = (t.app.locals.routes as AnyRoute[]).filter((r) => r.tag === 'placements');
  for (const seat of seats) agents[seat] = await t.signIn(accounts[seat]);
  const centrada = agents.corporation;
  const mercatus = await t.signIn('corporatie@mercatus.demo');
  [searching, offered, confirmed] = (await searchingCases((email) => t.signIn(email), t.db, [
    {},
    {},
    {},
  ])) as [string, string, string];
  const withdrawn = await newDwelling(centrada);
  await centrada
    .post(`/api/dwellings/${withdrawn.id}/withdraw`)
    .send({ version: withdrawn.version, reason: 'De woning is verkocht aan een particulier.' });
  dwellings = {
    lelystad: (await newDwelling(centrada)).id,
    almere: (await newDwelling(centrada, { municipalityCode: 'GM0034', postcode: '1315 AB' })).id,
    withdrawn: withdrawn.id,
    mercatus: (await newDwelling(mercatus)).id,
    free: (await newDwelling(centrada)).id,
  };
  expect((await offer(centrada, offered, (await newDwelling(centrada)).id)).status).toBe(201);
  expect((await offer(centrada, confirmed, (await newDwelling(centrada)).id)).status).toBe(201);
  expect((await answer(agents.casemanager, confirmed, 'accepted')).status).toBe(200);
  expect((await confirm(agents.municipality, confirmed)).status).toBe(200);
  elsewhere = (
    await newCase(await t.signIn('regisseur@tactus.demo'), {
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
    })
  ).id;
});
afterAll(async () => {
  await t.close();
});

const key = (route: AnyRoute) => `${route.method} ${route.path}`;

/** A valid body per writing route (the versions do not matter where the case is out of reach). */
const validBodies: Record<string, () => unknown> = {
  'post /api/cases/:caseId/offers': () => ({ caseVersion: 1, dwellingId: dwellings.free }),
  'post /api/cases/:caseId/offer/answer': () => ({
    caseVersion: 1,
    offerVersion: 1,
    answer: 'accepted',
  }),
  'post /api/cases/:caseId/offer/withdraw': () => ({
    caseVersion: 1,
    offerVersion: 1,
    reason: 'De woning heeft lekkage en is voorlopig niet te verhuren.',
  }),
  'post /api/cases/:caseId/placement/confirm': () => ({
    caseVersion: 1,
    offerVersion: 1,
    supportArranged: 'Wmo-begeleiding, 4 uur per week.',
    supportIntensity: 'light',
  }),
  'post /api/cases/:caseId/placement/refuse': () => ({
    caseVersion: 1,
    offerVersion: 1,
    reason: 'Er is geen begeleiding in te kopen.',
  }),
  'post /api/cases/:caseId/move-in': () => ({ caseVersion: 1, offerVersion: 1, ...moveInBody() }),
};

function call(
  agent: request.Agent,
  route: AnyRoute,
  ids: { caseId?: string; dwellingId?: string },
  body?: unknown,
  query = '',
) {
  const path =
    route.path
      .replace(':caseId', ids.caseId ?? randomUUID())
      .replace(':dwellingId', ids.dwellingId ?? randomUUID()) + query;
  const pending = agent[route.method](path);
  return route.method === 'get'
    ? pending
    : pending.send((body ?? validBodies[key(route)]?.() ?? {}) as object);
}

describe('placements routes × seats × reach', () => {
  it('there are placements routes, and each writing route has a valid sample body', () => {
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const route of routes.filter((r) => r.body))
      expect({ route: key(route), hasSample: key(route) in validBodies }).toEqual({
        route: key(route),
        hasSample: true,
      });
  });

  it.each(seats)(
    'seat %s: a case or dwelling outside its reach does not exist (404), whatever it asks',
    async (seat) => {
      for (const route of routes.filter(
        (r) => r.path.includes(':caseId') || r.path.includes(':dwellingId'),
      )) {
        const permission = (route.access as { permission: Permission }).permission;
        const label = `${seat} ${route.method.toUpperCase()} ${route.path}`;
        // Another region's case; another corporation's dwelling.
        const status = (
          await call(agents[seat], route, { caseId: elsewhere, dwellingId: dwellings.mercatus })
        ).status;
        expect({ label, status }).toEqual({
          label,
          status: isGranted(seat, permission) ? 404 : 403,
        });
      }
    },
  );

  it.each(['casemanager', 'chair', 'municipality', 'corporation', 'provider'] as const)(
    'seat %s reads the placement of a case in its reach',
    async (seat) => {
      // The provider is Kwintes in these decisions, not Leger des Heils: it does not reach them.
      const expected = seat === 'provider' ? 404 : 200;
      expect((await agents[seat].get(`/api/cases/${offered}/placement`)).status).toBe(expected);
    },
  );

  it('the neighbourhood load: the seats that weigh it, for a municipality of their own region', async () => {
    for (const seat of seats) {
      const status = (await agents[seat].get('/api/neighbourhood-load?municipality=GM0995')).status;
      expect({ seat, status }).toEqual({
        seat,
        status: isGranted(seat, 'neighbourhoodLoad:read') ? 200 : 403,
      });
    }
  });
});

/** Everything a refused request must leave as it was. */
async function snapshot() {
  const [counts] = await t.db.query(`SELECT
    (SELECT count(*)::int FROM offer) AS offers,
    (SELECT string_agg(status || version, ',' ORDER BY id) FROM offer) AS "offerStates",
    (SELECT count(*)::int FROM move_in) AS moves,
    (SELECT coalesce(sum(version), 0)::int FROM case_file) AS "caseVersions",
    (SELECT string_agg(state, ',' ORDER BY id) FROM case_file) AS "caseStates",
    (SELECT count(*)::int FROM case_event) AS "caseEvents",
    (SELECT count(*)::int FROM notification) AS notifications,
    (SELECT count(*)::int FROM distribution_allocation WHERE returned_at IS NULL) AS allocations,
    (SELECT coalesce(sum(version), 0)::int FROM dwelling) AS "dwellingVersions"`);
  return counts;
}

type Target = { caseId?: string; dwellingId?: string };
type BadInput = [
  string,
  () => { ids: Target; body?: unknown; query?: string; seat?: Seat },
  string,
];

/** Per route: bad bodies (or params), each with the field the refusal names. Bodies are built before the request (see `resolve`). */
const badInputs: Record<string, BadInput[]> = {
  'get /api/cases/:caseId/placement': [
    ['a case id that is no id', () => ({ ids: { caseId: 'casus-1' } }), 'caseId'],
  ],
  'post /api/cases/:caseId/offers': [
    ['no dwelling', () => ({ ids: { caseId: searching }, body: { caseVersion: 1 } }), 'dwellingId'],
    [
      'a dwelling id that is no id',
      () => ({ ids: { caseId: searching }, body: { caseVersion: 1, dwellingId: 'woning-12' } }),
      'dwellingId',
    ],
    [
      'a version as text',
      () => ({
        ids: { caseId: searching },
        body: { caseVersion: '3', dwellingId: dwellings.free },
      }),
      'caseVersion',
    ],
    [
      'an organisation named by the caller',
      () => ({
        ids: { caseId: searching },
        body: { caseVersion: 1, dwellingId: dwellings.free, organisationId: randomUUID() },
      }),
      'organisationId',
    ],
    [
      'another corporation’s dwelling',
      () => ({
        ids: { caseId: searching },
        body: { caseVersion: 1, dwellingId: dwellings.mercatus },
      }),
      'dwellingId',
    ],
    [
      'a withdrawn dwelling',
      () => ({
        ids: { caseId: searching },
        body: { caseVersion: 1, dwellingId: dwellings.withdrawn },
      }),
      'dwellingId',
    ],
    [
      'a dwelling outside the destination',
      () => ({
        ids: { caseId: searching },
        body: { caseVersion: 1, dwellingId: dwellings.almere },
      }),
      'dwellingId',
    ],
  ],
  'post /api/cases/:caseId/offer/answer': [
    [
      'an unknown answer',
      () => ({
        ids: { caseId: offered },
        body: { caseVersion: 1, offerVersion: 1, answer: 'misschien' },
        seat: 'casemanager',
      }),
      'answer',
    ],
    [
      'a decline without a reason',
      () => ({
        ids: { caseId: offered },
        body: { caseVersion: 1, offerVersion: 1, answer: 'declined' },
        seat: 'casemanager',
      }),
      'reason',
    ],
    [
      'an offer version of 0',
      () => ({
        ids: { caseId: offered },
        body: { caseVersion: 1, offerVersion: 0, answer: 'accepted' },
        seat: 'casemanager',
      }),
      'offerVersion',
    ],
  ],
  'post /api/cases/:caseId/offer/withdraw': [
    [
      'no reason',
      () => ({ ids: { caseId: offered }, body: { caseVersion: 1, offerVersion: 1 } }),
      'reason',
    ],
    [
      'a reason of three letters',
      () => ({
        ids: { caseId: offered },
        body: { caseVersion: 1, offerVersion: 1, reason: 'Weg' },
      }),
      'reason',
    ],
  ],
  'post /api/cases/:caseId/placement/confirm': [
    [
      'no support',
      () => ({
        ids: { caseId: offered },
        body: { caseVersion: 1, offerVersion: 1, supportIntensity: 'light' },
        seat: 'municipality',
      }),
      'supportArranged',
    ],
    [
      'an unknown intensity',
      () => ({
        ids: { caseId: offered },
        body: {
          caseVersion: 1,
          offerVersion: 1,
          supportArranged: 'Wmo-begeleiding, 4 uur.',
          supportIntensity: 'max',
        },
        seat: 'municipality',
      }),
      'supportIntensity',
    ],
  ],
  'post /api/cases/:caseId/placement/refuse': [
    [
      'no reason',
      () => ({
        ids: { caseId: offered },
        body: { caseVersion: 1, offerVersion: 1 },
        seat: 'municipality',
      }),
      'reason',
    ],
  ],
  'post /api/cases/:caseId/move-in': [
    [
      'a date that is no date',
      () => ({
        ids: { caseId: confirmed },
        body: { caseVersion: 1, offerVersion: 1, ...moveInBody({ keyHandoverDate: '12-03-2026' }) },
      }),
      'keyHandoverDate',
    ],
    [
      'a typed provider contact (it comes from the provider’s settings, issue 27.2)',
      () => ({
        ids: { caseId: confirmed },
        body: {
          caseVersion: 1,
          offerVersion: 1,
          ...moveInBody({ providerContact: { name: 'Petra Bos', phone: '0320 123 456' } }),
        },
      }),
      'providerContact',
    ],
    [
      'an unknown tenancy form',
      () => ({
        ids: { caseId: confirmed },
        body: { caseVersion: 1, offerVersion: 1, ...moveInBody({ tenancyForm: 'koop' }) },
      }),
      'tenancyForm',
    ],
    [
      'no agreement',
      () => ({
        ids: { caseId: confirmed },
        body: { caseVersion: 1, offerVersion: 1, ...moveInBody({ agreementConditions: '' }) },
      }),
      'agreementConditions',
    ],
    [
      'keys tomorrow',
      () => ({
        ids: { caseId: confirmed },
        body: {
          $versions: true,
          ...moveInBody({ keyHandoverDate: addDays(todayInAmsterdam(), 1) }),
        },
      }),
      'keyHandoverDate',
    ],
    [
      'keys before the offer',
      () => ({
        ids: { caseId: confirmed },
        body: { $versions: true, ...moveInBody({ keyHandoverDate: '2020-01-01' }) },
      }),
      'keyHandoverDate',
    ],
    [
      'an agreement of another case',
      () => ({
        ids: { caseId: confirmed },
        body: { $versions: true, ...moveInBody({ agreementDocumentId: randomUUID() }) },
      }),
      'agreementDocumentId',
    ],
  ],
  'get /api/dwellings/:dwellingId/offers': [
    ['a dwelling id that is no id', () => ({ ids: { dwellingId: 'woning' } }), 'dwellingId'],
  ],
  'get /api/neighbourhood-load': [
    ['no municipality', () => ({ ids: {}, query: '' }), 'municipality'],
    [
      'a code that is no code',
      () => ({ ids: {}, query: '?municipality=Lelystad' }),
      'municipality',
    ],
    [
      'a municipality of another region',
      () => ({ ids: {}, query: '?municipality=GM0150' }),
      'municipality',
    ],
    ['an unknown filter', () => ({ ids: {}, query: '?municipality=GM0995&wijk=Atolwijk' }), 'wijk'],
  ],
};

/** A body may ask for the real versions (`$versions`), so that the refusal is about the field, not a stale version. */
async function resolve(body: unknown, caseId: string | undefined, seat: Seat): Promise<unknown> {
  if (!body || typeof body !== 'object' || !('$versions' in body) || !caseId) return body;
  const { $versions: _flag, ...rest } = body as Record<string, unknown>;
  return { ...(await versionsOf(agents[seat], caseId)), ...rest };
}

describe('placements routes × bad input: 400 at the field, nothing changed', () => {
  it('every placements route has bad-input samples', () => {
    for (const route of routes)
      expect({ route: key(route), hasSamples: (badInputs[key(route)]?.length ?? 0) > 0 }).toEqual({
        route: key(route),
        hasSamples: true,
      });
  });

  it.each(
    Object.entries(badInputs).flatMap(([route, cases]) =>
      cases.map(([name, make, path]) => [route, name, make, path] as const),
    ),
  )('%s: %s', async (routeKey, _name, make, path) => {
    const route = routes.find((r) => key(r) === routeKey)!;
    const { ids, body, query, seat = 'corporation' } = make();
    const before = await snapshot();
    const response = await call(
      agents[seat],
      route,
      ids,
      await resolve(body, ids.caseId, seat),
      query ?? '',
    );
    expect({ status: response.status, code: response.body.error?.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    for (const issue of response.body.error.issues)
      expect(issue.message).not.toMatch(/[Ii]nvalid|[Ee]xpected|[Rr]equired/);
    expect(await snapshot()).toEqual(before);
  });

  it('a stale offer version is a 409 with the current one, and changes nothing', async () => {
    const before = await snapshot();
    const versions = await versionsOf(agents.casemanager, offered);
    const stale = await agents.casemanager
      .post(`/api/cases/${offered}/offer/answer`)
      .send({ ...versions, offerVersion: versions.offerVersion + 1, answer: 'accepted' });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentOfferVersion: versions.offerVersion },
    });
    const staleCase = await agents.casemanager.post(`/api/cases/${offered}/offer/answer`).send({
      ...versions,
      caseVersion: versions.caseVersion - 1,
      answer: 'declined',
      reason: 'De bewoner wil liever in Almere wonen.',
    });
    expect(staleCase.status).toBe(409);
    expect(staleCase.body.error.code).toBe('VERSION_CONFLICT');
    expect(await snapshot()).toEqual(before);
  });

  it('a step in the wrong state says what must happen first (409), and changes nothing', async () => {
    const before = await snapshot();
    const early = await agents.casemanager
      .post(`/api/cases/${offered}/move-in`)
      .send({ ...(await versionsOf(agents.casemanager, offered)), ...moveInBody() });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CASE_WRONG_STATE');
    expect(early.body.error.message).toBe(
      'Deze stap kan niet vanuit de status ‘Woning aangeboden’.',
    );
    expect(await snapshot()).toEqual(before);
  });
});

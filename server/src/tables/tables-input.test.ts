import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { isGranted, seats, type Permission, type Seat } from '@uitstroom/shared';
import type { AnyRoute } from '../core/http/route';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { giveConsent, newCase, readyCase } from '../../../tests/support/case-factory';
import { startsLaterToday } from '../../../tests/support/table-flow';

/**
 * Generated from the route table, like the matrices in tests/api: every table route × every seat
 * against a table out of the seat's reach (404, never 403 or 200), and every table route with bad
 * input (400 at the named field, nothing changed). A new table route without samples here fails
 * the first test of each part: add them.
 */
const accounts: Record<Seat, string> = {
  casemanager: 'regisseur@kwintes.demo',
  chair: 'voorzitter@almere.demo',
  municipality: 'gemeente@lelystad.demo',
  corporation: 'corporatie@centrada.demo',
  provider: 'aanbieder@leger-des-heils.demo',
  regionAdmin: 'beheer@flevoland.demo',
};

interface Target {
  tableId: string;
  version: number;
  itemId: string;
  caseId: string;
  caseVersion: number;
}

let t: TestApp;
let routes: AnyRoute[];
const agents = {} as Record<Seat, request.Agent>;
let orgs: Record<string, string>;
/** Flevoland, shared, with Lelystad, Centrada and Leger des Heils invited. */
let invited: Target;
/** Flevoland, shared, only the case manager's own organisation invited: no seat under test reaches it by invitation. */
let uninvited: Target;
/** Midden-IJssel, shared: outside every Flevoland seat's reach. */
let otherRegion: Target;

async function sharedTable(
  chair: request.Agent,
  manager: request.Agent,
  title: string,
  invitedNames: string[],
): Promise<Target> {
  const created = await chair.post('/api/tables').send({
    title,
    startsAt: startsLaterToday(),
    invitedOrganisationIds: invitedNames.map((n) => orgs[n]),
  });
  if (created.status !== 201) throw new Error(`plan failed: ${JSON.stringify(created.body)}`);
  const caseView = title.includes('Deventer')
    ? await readyCaseOf(manager, 'Regionale coördinatie Midden-IJssel (centrumgemeente Deventer)', {
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
    : await readyCase(manager, t.db);
  const scheduled = await manager
    .post(`/api/tables/${created.body.id}/agenda`)
    .send({ version: created.body.version, caseId: caseView.id, caseVersion: caseView.version });
  if (scheduled.status !== 200)
    throw new Error(`schedule failed: ${JSON.stringify(scheduled.body)}`);
  // Scheduling invites the case's municipalities; the chair sets the invitees back to the given
  // ones, so that each table's reach is exactly what the test names.
  const corrected = await chair.put(`/api/tables/${created.body.id}`).send({
    version: scheduled.body.version,
    details: {
      title,
      startsAt: created.body.startsAt,
      invitedOrganisationIds: invitedNames.map((n) => orgs[n]),
    },
  });
  if (corrected.status !== 200)
    throw new Error(`invitees failed: ${JSON.stringify(corrected.body)}`);
  const published = await chair
    .post(`/api/tables/${created.body.id}/publish`)
    .send({ version: corrected.body.version });
  if (published.status !== 200)
    throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  const item = published.body.agenda[0];
  return {
    tableId: created.body.id,
    version: published.body.version,
    itemId: item.id,
    caseId: caseView.id,
    caseVersion: item.case.version ?? 1,
  };
}

/** A ready case in any region: consent for the region's own coordination, then "uitstroomgereed". */
async function readyCaseOf(
  manager: request.Agent,
  coordination: string,
  overrides: Parameters<typeof newCase>[1],
) {
  const view = await newCase(manager, overrides);
  await giveConsent(manager, t.db, view.id, coordination);
  const current = (await manager.get(`/api/cases/${view.id}`)).body;
  const ready = await manager
    .post(`/api/cases/${view.id}/transitions`)
    .send({ transition: 'markReady', version: current.version });
  if (ready.status !== 200) throw new Error(`markReady failed: ${JSON.stringify(ready.body)}`);
  return ready.body;
}

beforeAll(async () => {
  t = await startTestApp();
  // The tables module's routes: the tables, and the decision and letter it gives a case.
  routes = (t.app.locals.routes as AnyRoute[]).filter((r) => r.tag === 'tables');
  for (const seat of seats) agents[seat] = await t.signIn(accounts[seat]);
  orgs = Object.fromEntries(
    (await t.db.query('SELECT name, id FROM organisation')).map(
      (o: { name: string; id: string }) => [o.name, o.id],
    ),
  );
  invited = await sharedTable(agents.chair, agents.casemanager, 'Tafel met genodigden', [
    'Gemeente Lelystad',
    'Centrada',
    'Leger des Heils',
  ]);
  uninvited = await sharedTable(agents.chair, agents.casemanager, 'Tafel zonder genodigden', [
    'Kwintes',
  ]);
  otherRegion = await sharedTable(
    await t.signIn('voorzitter@deventer.demo'),
    await t.signIn('regisseur@tactus.demo'),
    'Tafel Deventer',
    ['Tactus'],
  );
});
afterAll(async () => {
  await t.close();
});

const key = (route: AnyRoute) => `${route.method} ${route.path}`;

/** A valid body per table route, so that an answer speaks of reach, not of input. */
const validBodies: Record<string, (target: Target) => unknown> = {
  'post /api/tables': () => ({
    title: 'Nieuwe tafel',
    startsAt: '2027-03-12T09:00:00Z',
    invitedOrganisationIds: [],
  }),
  'put /api/tables/:tableId': (x) => ({
    version: x.version,
    details: { title: 'Andere naam', startsAt: '2027-03-12T09:00:00Z', invitedOrganisationIds: [] },
  }),
  'post /api/tables/:tableId/agenda': (x) => ({
    version: x.version,
    caseId: x.caseId,
    caseVersion: x.caseVersion,
  }),
  'put /api/tables/:tableId/agenda/order': (x) => ({ version: x.version, itemIds: [x.itemId] }),
  'post /api/tables/:tableId/agenda/:itemId/remove': (x) => ({
    version: x.version,
    reason: 'Toch eerst naar de gemeentelijke tafel.',
  }),
  'post /api/tables/:tableId/agenda/:itemId/defer': (x) => ({
    version: x.version,
    reason: 'Eerst een gesprek met de bewoner.',
  }),
  'post /api/tables/:tableId/agenda/:itemId/decision': (x) => ({
    version: x.version,
    caseVersion: x.caseVersion,
    rule: 'herkomst',
    present: [{ organisationId: orgs['Gemeente Lelystad'], seat: 'municipality' }],
    votes: [],
    preconditions: [],
    followUpProviderId: orgs['Leger des Heils'],
  }),
  'post /api/tables/:tableId/publish': (x) => ({ version: x.version }),
  'post /api/tables/:tableId/close': (x) => ({ version: x.version }),
  'post /api/tables/:tableId/cancel': (x) => ({
    version: x.version,
    reason: 'De zaal is die dag niet beschikbaar.',
  }),
  'post /api/cases/:caseId/preconditions/:preconditionId/done': () => ({}),
};

type Params = Partial<Record<'tableId' | 'itemId' | 'caseId' | 'preconditionId', string>>;

function call(
  agent: request.Agent,
  route: AnyRoute,
  target: Target,
  body?: unknown,
  params: Params = {},
) {
  const path = route.path
    .replace(':tableId', params.tableId ?? target.tableId)
    .replace(':itemId', params.itemId ?? target.itemId)
    .replace(':caseId', params.caseId ?? target.caseId)
    .replace(':preconditionId', params.preconditionId ?? randomUUID());
  const pending = agent[route.method](path);
  return route.method === 'get'
    ? pending
    : pending.send((body ?? validBodies[key(route)]?.(target) ?? {}) as object);
}

describe('table routes × seats × reach', () => {
  it('there are table routes, and each writing route has a valid sample body', () => {
    expect(routes.length).toBeGreaterThanOrEqual(11);
    for (const route of routes.filter((r) => r.body))
      expect({ route: key(route), hasSample: key(route) in validBodies }).toEqual({
        route: key(route),
        hasSample: true,
      });
  });

  it.each(seats)(
    'seat %s: a table outside its reach does not exist (404), whatever it asks',
    async (seat) => {
      const uninvitedSeat = ['municipality', 'corporation', 'provider'].includes(seat);
      for (const route of routes.filter((r) => r.path.includes(':tableId'))) {
        const permission = (route.access as { permission: Permission }).permission;
        const label = `${seat} ${route.method.toUpperCase()} ${route.path}`;
        const elsewhere = (await call(agents[seat], route, otherRegion)).status;
        if (!isGranted(seat, permission)) {
          expect({ label, elsewhere }).toEqual({ label, elsewhere: 403 });
          continue;
        }
        expect({ label, elsewhere }).toEqual({ label, elsewhere: 404 });
        // The chair and the case managers reach every table of their region; the others only where invited.
        if (uninvitedSeat)
          expect({
            label,
            notInvited: (await call(agents[seat], route, uninvited)).status,
          }).toEqual({ label, notInvited: 404 });
      }
      const [other] = await t.db.query('SELECT version, state FROM outflow_table WHERE id = $1', [
        otherRegion.tableId,
      ]);
      expect(other).toEqual({ version: otherRegion.version, state: 'published' });
    },
  );

  it.each(['municipality', 'corporation', 'provider'] as const)(
    'seat %s: reads the table it is invited to, lists only what it reaches',
    async (seat) => {
      expect((await agents[seat].get(`/api/tables/${invited.tableId}`)).status).toBe(200);
      expect((await agents[seat].get(`/api/tables/${invited.tableId}/minutes.pdf`)).status).toBe(
        200,
      );
      const listed = (await agents[seat].get('/api/tables')).body.map((x: { id: string }) => x.id);
      expect(listed).toContain(invited.tableId);
      expect(listed).not.toContain(uninvited.tableId);
      expect(listed).not.toContain(otherRegion.tableId);
    },
  );

  it.each(['chair', 'casemanager'] as const)(
    'seat %s: reaches every table of its region, none of another',
    async (seat) => {
      const listed = (await agents[seat].get('/api/tables')).body.map((x: { id: string }) => x.id);
      expect(listed).toEqual(expect.arrayContaining([invited.tableId, uninvited.tableId]));
      expect(listed).not.toContain(otherRegion.tableId);
    },
  );
});

/** Everything a refused request must leave as it was. */
async function snapshot() {
  const [counts] = await t.db.query(`SELECT
    (SELECT count(*)::int FROM outflow_table) AS tables,
    (SELECT coalesce(sum(version), 0)::int FROM outflow_table) AS versions,
    (SELECT count(*)::int FROM outflow_table_invitation) AS invitations,
    (SELECT string_agg(status || position, ',' ORDER BY id) FROM agenda_item) AS agenda,
    (SELECT count(*)::int FROM table_decision) AS decisions,
    (SELECT count(*)::int FROM precondition) AS preconditions,
    (SELECT count(*)::int FROM distribution_allocation) AS allocations,
    (SELECT coalesce(sum(version), 0)::int FROM case_file) AS caseVersions`);
  return counts;
}

/** Per route: bad bodies (or params), each with the field the refusal names. */
const badInputs: Record<
  string,
  [string, (x: Target) => { body?: unknown; params?: Params; query?: string }, string][]
> = {
  'get /api/cases/:caseId/decision': [
    ['a case id that is no id', () => ({ params: { caseId: 'casus-1' } }), 'caseId'],
  ],
  'get /api/cases/:caseId/decision-letter': [
    ['a case id that is no id', () => ({ params: { caseId: '1' } }), 'caseId'],
  ],
  'get /api/tables': [
    ['an unknown state', () => ({ query: '?state=open' }), 'state'],
    ['an unknown filter', () => ({ query: '?regio=flevoland' }), 'regio'],
  ],
  'post /api/tables': [
    [
      'a title of one letter',
      () => ({
        body: { title: 'X', startsAt: '2027-03-12T09:00:00Z', invitedOrganisationIds: [] },
      }),
      'title',
    ],
    [
      'an organisation of another region',
      () => ({
        body: {
          title: 'Tafel',
          startsAt: '2027-03-12T09:00:00Z',
          invitedOrganisationIds: [orgs['Tactus']],
        },
      }),
      'invitedOrganisationIds',
    ],
    [
      'a municipality of another region',
      () => ({
        body: {
          title: 'Tafel',
          startsAt: '2027-03-12T09:00:00Z',
          invitedOrganisationIds: [],
          municipalityCode: 'GM0150',
        },
      }),
      'municipalityCode',
    ],
  ],
  'get /api/tables/:tableId': [
    ['a table id that is no id', () => ({ params: { tableId: 'tafel-1' } }), 'tableId'],
  ],
  'put /api/tables/:tableId': [
    [
      'a version as text',
      (x) => ({
        body: {
          version: String(x.version),
          details: { title: 'Tafel', startsAt: '2027-03-12T09:00:00Z', invitedOrganisationIds: [] },
        },
      }),
      'version',
    ],
    [
      'a video link over http',
      (x) => ({
        body: {
          version: x.version,
          details: {
            title: 'Tafel',
            startsAt: '2027-03-12T09:00:00Z',
            videoUrl: 'http://x.nl',
            invitedOrganisationIds: [],
          },
        },
      }),
      'details.videoUrl',
    ],
    [
      'an organisation of another region',
      (x) => ({
        body: {
          version: x.version,
          details: {
            title: 'Tafel',
            startsAt: '2027-03-12T09:00:00Z',
            invitedOrganisationIds: [orgs['Gemeente Deventer']],
          },
        },
      }),
      'invitedOrganisationIds',
    ],
  ],
  'post /api/tables/:tableId/agenda': [
    [
      'a case id that is no id',
      (x) => ({ body: { version: x.version, caseId: 'casus', caseVersion: 1 } }),
      'caseId',
    ],
    ['no case version', (x) => ({ body: { version: x.version, caseId: x.caseId } }), 'caseVersion'],
  ],
  'put /api/tables/:tableId/agenda/order': [
    [
      'an item id that is no id',
      (x) => ({ body: { version: x.version, itemIds: ['punt-1'] } }),
      'itemIds.0',
    ],
    [
      'an item of no agenda',
      (x) => ({ body: { version: x.version, itemIds: [x.caseId] } }),
      'itemIds',
    ],
    [
      'an item twice',
      (x) => ({ body: { version: x.version, itemIds: [x.itemId, x.itemId] } }),
      'itemIds',
    ],
  ],
  'post /api/tables/:tableId/agenda/:itemId/remove': [
    [
      'a reason of four letters',
      (x) => ({ body: { version: x.version, reason: 'Weg.' } }),
      'reason',
    ],
    [
      'an item id that is no id',
      (x) => ({
        body: { version: x.version, reason: 'Toch naar een andere tafel.' },
        params: { itemId: 'punt' },
      }),
      'itemId',
    ],
  ],
  'post /api/tables/:tableId/agenda/:itemId/defer': [
    ['no reason', (x) => ({ body: { version: x.version } }), 'reason'],
  ],
  'post /api/tables/:tableId/agenda/:itemId/decision': [
    ['an unknown rule', (x) => ({ body: { ...decision(x), rule: 'E' } }), 'rule'],
    [
      'a dispute without an objection',
      (x) => ({ body: { ...decision(x), isDisputed: true } }),
      'isDisputed',
    ],
    [
      'a seat present from another region',
      (x) => ({
        body: {
          ...decision(x),
          present: [{ organisationId: orgs['Gemeente Deventer'], seat: 'municipality' }],
        },
      }),
      'present',
    ],
    [
      'a vote from someone not present',
      (x) => ({
        body: {
          ...decision(x),
          votes: [{ organisationId: orgs['Centrada'], seat: 'corporation', position: 'agree' }],
        },
      }),
      'votes.0.organisationId',
    ],
    [
      'a precondition owned outside the region',
      (x) => ({
        body: {
          ...decision(x),
          preconditions: [
            {
              lifeDomain: 'housing',
              description: 'Huurcontract',
              ownerOrganisationId: orgs['Tactus'],
              dueDate: '2027-01-01',
            },
          ],
        },
      }),
      'preconditions',
    ],
    [
      'a follow-up provider that is a corporation',
      (x) => ({ body: { ...decision(x), followUpProviderId: orgs['Centrada'] } }),
      'followUpProviderId',
    ],
    [
      'no follow-up provider',
      (x) => ({ body: { ...decision(x), followUpProviderId: undefined } }),
      'followUpProviderId',
    ],
    [
      'a destination outside the region',
      (x) => ({
        body: {
          ...decision(x),
          destination: 'GM0150',
          motivation: 'De bewoner wil terug naar Deventer.',
        },
      }),
      'destination',
    ],
    [
      'a departure without a motivation',
      (x) => ({ body: { ...decision(x), destination: 'GM0303' } }),
      'motivation',
    ],
    [
      'a referral without a summary',
      (x) => ({
        body: {
          ...decision(x),
          rule: 'buiten_regio',
          followUpProviderId: undefined,
          motivation: 'Herkomst ligt buiten de regio.',
        },
      }),
      'referralSummary',
    ],
    // By distribution the ledger is taken first; the refusal after it must give the allocation back (rollback).
    [
      'by distribution with a seat from another region',
      (x) => ({
        body: {
          ...decision(x),
          rule: 'C',
          motivation: 'Herkomst niet vast te stellen.',
          present: [{ organisationId: orgs['Tactus'], seat: 'casemanager' }],
        },
      }),
      'present',
    ],
  ],
  'post /api/tables/:tableId/publish': [['version 0', () => ({ body: { version: 0 } }), 'version']],
  'get /api/tables/:tableId/minutes.pdf': [
    ['a table id that is no id', () => ({ params: { tableId: 'notulen' } }), 'tableId'],
  ],
  'post /api/tables/:tableId/close': [
    ['an extra field', (x) => ({ body: { version: x.version, force: true } }), 'force'],
  ],
  'post /api/tables/:tableId/cancel': [
    ['no reason', (x) => ({ body: { version: x.version } }), 'reason'],
    ['a reason of one word', (x) => ({ body: { version: x.version, reason: 'ziek' } }), 'reason'],
  ],
  'post /api/cases/:caseId/preconditions/:preconditionId/done': [
    [
      'a precondition id that is no id',
      () => ({ body: {}, params: { preconditionId: 'randvoorwaarde-1' } }),
      'preconditionId',
    ],
    ['a date of its own', () => ({ body: { doneAt: '2020-01-01' } }), 'doneAt'],
  ],
};

function decision(x: Target) {
  return validBodies['post /api/tables/:tableId/agenda/:itemId/decision']!(x) as Record<
    string,
    unknown
  >;
}

describe('bad input at every table route', () => {
  it('every table route has bad samples', () => {
    for (const route of routes)
      expect({ route: key(route), hasSamples: (badInputs[key(route)]?.length ?? 0) > 0 }).toEqual({
        route: key(route),
        hasSamples: true,
      });
  });

  const rows = Object.entries(badInputs).flatMap(([route, samples]) =>
    samples.map(([what, make, path]) => [route, what, make, path] as const),
  );
  it.each(rows)('%s: %s → 400 at %s, nothing changed', async (routeKey, _what, make, path) => {
    const route = routes.find((r) => key(r) === routeKey)!;
    const [{ version }] = await t.db.query('SELECT version FROM outflow_table WHERE id = $1', [
      invited.tableId,
    ]);
    const [{ version: caseVersion }] = await t.db.query(
      'SELECT version FROM case_file WHERE id = $1',
      [invited.caseId],
    );
    const target = { ...invited, version, caseVersion };
    const input = make(target);
    // The chair, or the case manager where only that seat holds the grant (the letter): input is judged after the grant.
    const seat = (['chair', 'casemanager'] as const).find((s) =>
      isGranted(s, (route.access as { permission: Permission }).permission),
    )!;
    const before = await snapshot();
    const response =
      input.query !== undefined
        ? await agents[seat].get(`${route.path}${input.query}`)
        : await call(agents[seat], route, target, input.body, input.params);
    expect({ status: response.status, code: response.body.error?.code }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    // Every message the chair reads is Dutch (no zod default in English slips through).
    for (const issue of response.body.error.issues)
      expect(issue.message).not.toMatch(/\b(Invalid|expected|Required)\b/);
    expect(await snapshot()).toEqual(before);
  });
});

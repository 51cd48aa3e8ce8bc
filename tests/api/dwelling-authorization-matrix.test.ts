import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { isGranted, seats, type Permission, type Seat } from '@uitstroom/shared';
import type { AnyRoute } from '../../server/src/core/http/route';
import { startTestApp, type TestApp } from '../support/test-app';
import { newCase } from '../support/case-factory';
import { dwellingInput, newDwelling, searchingCases } from '../support/dwelling-factory';

/**
 * Every dwelling and contingent route × every seat × {a record in the seat's reach, one outside it},
 * generated from the route table and the grants table, like the case matrix. Without the grant:
 * 403. With it: a record outside the reach is 404 (another corporation's dwelling, another region's
 * contingent, a case not searching in the corporation's municipalities); one inside is never
 * 401/403/404. A new dwelling or contingent route is in here the moment it exists, and a writing
 * route without a sample body fails the first test.
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
let mercatus: request.Agent;
/** A case searching in Lelystad (Centrada has dwellings there), and one in intake that no corporation reaches. */
let searchingCaseId: string;
let intakeCaseId: string;

const key = (route: AnyRoute) => `${route.method} ${route.path}`;
const isDwellingRoute = (route: AnyRoute) =>
  /^\/api\/(dwellings|contingents)/.test(route.path) || route.path.endsWith('/dwelling-fits');

beforeAll(async () => {
  t = await startTestApp();
  routes = (t.app.locals.routes as AnyRoute[]).filter(isDwellingRoute);
  for (const seat of seats) agents[seat] = await t.signIn(accounts[seat]);
  mercatus = await t.signIn('corporatie@mercatus.demo');
  [searchingCaseId] = (await searchingCases((email) => t.signIn(email), t.db, [{}])) as [string];
  intakeCaseId = (await newCase(agents.casemanager)).id;
});
afterAll(async () => {
  await t.close();
});

/** The ids a route's parameters take, per side: inside the seat's reach or outside it. */
async function idsFor(seat: Seat, side: 'inside' | 'outside'): Promise<Record<string, string>> {
  const contingentOf = async (sql: string, params: unknown[]) =>
    ((await t.db.query(sql, params))[0]?.id as string | undefined) ?? randomUUID();
  const ownOrganisation = (
    await t.db.query('SELECT organisation_id FROM app_user WHERE email = $1', [accounts[seat]])
  )[0].organisation_id;
  const dwellingId =
    side === 'inside' && seat === 'corporation'
      ? (await newDwelling(agents.corporation)).id
      : (await newDwelling(mercatus)).id;
  // Inside: a contingent the seat reads (its own, its municipality's, its region's); outside: another region's.
  const contingentId =
    side === 'outside'
      ? await contingentOf(
          `SELECT k.id FROM contingent k JOIN region r ON r.id = k.region_id WHERE r.slug = 'midden-ijssel' LIMIT 1`,
          [],
        )
      : seat === 'corporation'
        ? await contingentOf('SELECT id FROM contingent WHERE organisation_id = $1 LIMIT 1', [
            ownOrganisation,
          ])
        : await contingentOf(
            `SELECT id FROM contingent WHERE municipality_code = 'GM0995' LIMIT 1`,
            [],
          );
  return { dwellingId, contingentId, caseId: side === 'inside' ? searchingCaseId : intakeCaseId };
}

/** A valid body per writing route, so that the answer speaks of reach and rights, not of bad input. */
const sampleBodies: Record<string, (ids: Record<string, string>) => Promise<unknown> | unknown> = {
  'post /api/dwellings': () => dwellingInput(),
  'put /api/dwellings/:dwellingId': () => ({ version: 1, dwelling: dwellingInput() }),
  'post /api/dwellings/:dwellingId/withdraw': () => ({
    version: 1,
    reason: 'Verkocht aan een particulier.',
  }),
  'post /api/dwellings/import': () => Buffer.from('straat;huisnummer\r\nAgorahof;1\r\n', 'utf8'),
  'post /api/contingents': () => ({
    municipalityCode: 'GM0050',
    year: 2031,
    promised: 1,
    organisationId: undefined,
  }),
  'patch /api/contingents/:contingentId': async (ids) => {
    const [row] = await t.db.query('SELECT version FROM contingent WHERE id = $1', [
      ids.contingentId,
    ]);
    return { version: row?.version ?? 1, promised: 3 };
  },
};

async function call(seat: Seat, route: AnyRoute, ids: Record<string, string>) {
  const path = route.path.replace(/:(\w+)/g, (_m, name: string) => ids[name] ?? randomUUID());
  const pending = agents[seat][route.method](path);
  if (route.method === 'get') return pending;
  const body = await sampleBodies[key(route)]?.(ids);
  if (Buffer.isBuffer(body)) return pending.set('Content-Type', 'text/csv').send(body);
  // The region's administrator names the corporation of a contingent.
  const withOrganisation =
    key(route) === 'post /api/contingents' && seat === 'regionAdmin'
      ? {
          ...(body as object),
          organisationId: (
            await t.db.query(`SELECT id FROM organisation WHERE name = 'Woonpalet'`)
          )[0].id,
          year: 2032,
        }
      : body;
  return pending.send((withOrganisation ?? {}) as object);
}

/** Which seats reach records of each kind at all (and so must not get a 404 inside). */
const reaches = (seat: Seat, route: AnyRoute): boolean => {
  if (route.path.includes(':dwellingId') || route.path.includes(':caseId'))
    return seat === 'corporation';
  if (route.path.includes(':contingentId')) return seat !== 'casemanager' && seat !== 'provider';
  return true;
};

describe('dwelling and contingent routes × seats × reach', () => {
  it('there are the routes of issue 11 to check, and each writing route has a sample body', () => {
    expect(routes.length).toBeGreaterThanOrEqual(13);
    for (const route of routes.filter((r) => r.method !== 'get'))
      expect({ route: key(route), hasSample: key(route) in sampleBodies }).toEqual({
        route: key(route),
        hasSample: true,
      });
  });

  it.each(seats)('seat %s', async (seat) => {
    const outcomes: string[] = [];
    for (const route of routes) {
      const permission = (route.access as { permission: Permission }).permission;
      const label = `${route.method.toUpperCase()} ${route.path}`;
      const outside = (await call(seat, route, await idsFor(seat, 'outside'))).status;
      const inside = (await call(seat, route, await idsFor(seat, 'inside'))).status;
      outcomes.push(`${label}: ${outside}/${inside}`);
      if (!isGranted(seat, permission)) {
        expect({ label, outside, inside }).toEqual({ label, outside: 403, inside: 403 });
        continue;
      }
      expect({ label, outsideBelow500: outside < 500, insideBelow500: inside < 500 }).toEqual({
        label,
        outsideBelow500: true,
        insideBelow500: true,
      });
      const hasRecord = /:(dwellingId|contingentId|caseId)/.test(route.path);
      if (hasRecord) expect({ label, outside }).toEqual({ label, outside: 404 });
      if (reaches(seat, route))
        expect({ label, inside: [401, 403, 404].includes(inside) }).toEqual({
          label,
          inside: false,
        });
      else expect({ label, inside }).toEqual({ label, inside: 404 });
    }
    if (process.env.SHOW_OUTCOMES) console.log(seat, outcomes.join('\n'));
    expect(outcomes.length).toBe(routes.length);
  });
});

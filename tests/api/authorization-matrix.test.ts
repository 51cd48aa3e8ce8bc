import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { isGranted, seats, tokenGrantsOf, type Permission, type Seat } from '@uitstroom/shared';
import type { AnyRoute } from '../../server/src/core/http/route';
import { startTestApp, type TestApp } from '../support/test-app';
import { issueToken, organisationOf, tokenAgent } from '../support/api-tokens';

/**
 * Generated from the app's own route table and the grants table: every route × every seat. A
 * seat without the route's permission gets 403 before anything else happens; a seat with it never
 * gets 401/403 from the permission layer; without a session, 401. A new route is in here at once.
 *
 * The bearer column (issue 31): per seat a token with half the permissions that seat may put on a
 * token. A route is reached exactly when the token carries its permission, never for the seat's
 * other grants; public routes other than the sessionless ones (health) are closed to tokens.
 */
const seatAccounts: Record<Seat, string> = {
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
const tokens = {} as Record<Seat, request.Agent>;
/**
 * What each seat's token carries: every other permission the seat may put on a token, so that the
 * one run shows both a route reached for a permission the token carries and a 403 for one the
 * seat holds but the token does not.
 */
const carried = (seat: Seat): readonly Permission[] =>
  tokenGrantsOf(seat).filter((_, index) => index % 2 === 0);

beforeAll(async () => {
  t = await startTestApp();
  routes = t.app.locals.routes as AnyRoute[];
  for (const seat of seats) agents[seat] = await t.signIn(seatAccounts[seat]);
  for (const seat of seats) {
    const { token } = await issueToken(agents.regionAdmin, t.db, {
      organisation: await organisationOf(t.db, seatAccounts[seat]),
      seat,
      permissions: carried(seat),
    });
    tokens[seat] = tokenAgent(t.app, token);
  }
});
afterAll(async () => {
  await t.close();
});

function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, () => randomUUID());
}

function call(agent: request.Agent | ReturnType<typeof request>, route: AnyRoute) {
  const path = concretePath(route.path);
  const pending = (agent as request.Agent)[route.method](path);
  return route.method === 'get' ? pending : pending.send({});
}

describe('the authorization matrix', () => {
  it('covers a non-trivial route table, and every route declares its access', () => {
    expect(routes.length).toBeGreaterThan(10);
    for (const route of routes)
      expect('public' in route.access || 'permission' in route.access).toBe(true);
  });

  it('every non-public route answers 401 without a session', async () => {
    for (const route of routes.filter((r) => 'permission' in r.access)) {
      const response = await call(request(t.app) as never, route);
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
    }
  });

  it.each(seats)('seat %s: 403 exactly where the grants table says no', async (seat) => {
    for (const route of routes.filter((r) => 'permission' in r.access)) {
      const permission = (route.access as { permission: Parameters<typeof isGranted>[1] })
        .permission;
      // Logging out would end the agent's session for the routes after it.
      if (route.path === '/api/auth/logout') continue;
      const response = await call(agents[seat], route);
      const label = `${seat} ${route.method.toUpperCase()} ${route.path}`;
      if (isGranted(seat, permission))
        expect({ label, status: response.status }).not.toEqual({ label, status: 403 });
      else expect({ label, status: response.status }).toEqual({ label, status: 403 });
      expect({ label, status: response.status }).not.toEqual({ label, status: 401 });
      expect(response.status).toBeLessThan(500);
    }
  });

  it.each(seats)(
    'seat %s with a token: reached exactly where the token carries the permission',
    async (seat) => {
      const expectations = routes.map((route) => async () => {
        const label = `token ${seat} ${route.method.toUpperCase()} ${route.path}`;
        const status = (await call(tokens[seat], route)).status;
        // Of the public routes a token reaches only those that need no session (health).
        const carries =
          'public' in route.access
            ? route.access.sessionless === true
            : carried(seat).includes(route.access.permission);
        if (carries) expect({ label, status }).not.toEqual({ label, status: 403 });
        else expect({ label, carries, status }).toEqual({ label, carries, status: 403 });
        expect({ label, status }).not.toEqual({ label, status: 401 });
        expect({ label, status: Math.min(status, 500) }).not.toEqual({ label, status: 500 });
      });
      // A few at a time: the token's requests are independent of each other.
      for (let i = 0; i < expectations.length; i += 4)
        await Promise.all(expectations.slice(i, i + 4).map((expectation) => expectation()));
    },
  );
});

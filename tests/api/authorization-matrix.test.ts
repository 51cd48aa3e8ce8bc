import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { isGranted, seats, type Seat } from '@uitstroom/shared';
import type { AnyRoute } from '../../server/src/core/http/route';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Generated from the app's own route table and the grants table: every route × every seat. A
 * seat without the route's permission gets 403 before anything else happens; a seat with it never
 * gets 401/403 from the permission layer; without a session, 401. A new route is in here at once.
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

beforeAll(async () => {
  t = await startTestApp();
  routes = t.app.locals.routes as AnyRoute[];
  for (const seat of seats) agents[seat] = await t.signIn(seatAccounts[seat]);
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
});

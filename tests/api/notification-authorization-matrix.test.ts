import type request from 'supertest';
import { isGranted, seats, type Permission, type Seat } from '@uitstroom/shared';
import type { AnyRoute } from '../../server/src/core/http/route';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The user-scoped routes (notifications, preferences, tasks) × every seat × {the user's own
 * notification, another user's}, generated from the route table: another user's notification does
 * not exist (404, and it stays as it was); the own one is never 401/403/404; a list holds only the
 * user's own. A new route under /api/notifications or /api/tasks is in here at once; a writing
 * route needs a sample body below.
 */
const accounts: Record<Seat, string> = {
  casemanager: 'regisseur@kwintes.demo',
  chair: 'voorzitter@almere.demo',
  municipality: 'gemeente@lelystad.demo',
  corporation: 'corporatie@centrada.demo',
  provider: 'aanbieder@leger-des-heils.demo',
  regionAdmin: 'beheer@flevoland.demo',
};
const stranger = 'gemeente@almere.demo';

let t: TestApp;
let routes: AnyRoute[];
const agents = {} as Record<Seat, request.Agent>;
let caseId = '';

beforeAll(async () => {
  t = await startTestApp();
  routes = (t.app.locals.routes as AnyRoute[]).filter((r) =>
    /^\/api\/(notifications|tasks)(\/|$)/.test(r.path),
  );
  for (const seat of seats) agents[seat] = await t.signIn(accounts[seat]);
  [{ id: caseId }] = await t.db.query('SELECT id FROM case_file LIMIT 1');
});
afterAll(async () => {
  await t.close();
});

async function notificationOf(email: string): Promise<string> {
  const [{ id }] = await t.db.query(
    `INSERT INTO notification (user_id, kind, title, case_id, delivery) SELECT id, 'signal', 'Signaal uit de nazorg bij casus R-TEST0000', $2, 'none' FROM app_user WHERE email = $1 RETURNING id`,
    [email, caseId],
  );
  return id;
}

const sampleBodies: Record<string, unknown> = {
  'put /api/notifications/preferences': { signal: 'digest' },
};
const key = (route: AnyRoute) => `${route.method} ${route.path}`;

function call(agent: request.Agent, route: AnyRoute, notificationId: string) {
  const pending = agent[route.method](route.path.replace(':notificationId', notificationId));
  return route.method === 'get'
    ? pending
    : pending.send((sampleBodies[key(route)] ?? {}) as object);
}

describe('user-scoped routes × seats × own or another user’s', () => {
  it('there are such routes, and each writing route with a body has a sample', () => {
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const route of routes.filter((r) => r.method !== 'get' && r.body))
      expect({ route: key(route), hasSample: key(route) in sampleBodies }).toEqual({
        route: key(route),
        hasSample: true,
      });
  });

  it.each(seats)('seat %s', async (seat) => {
    const strangerBefore = await t.db.query(
      `SELECT (SELECT count(*)::int FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 AND n.read_at IS NULL) AS unread,
              (SELECT count(*)::int FROM notification_preference p JOIN app_user u ON u.id = p.user_id WHERE u.email = $1) AS preferences`,
      [stranger],
    );
    for (const route of routes) {
      const label = `${seat} ${route.method.toUpperCase()} ${route.path}`;
      const own = await notificationOf(accounts[seat]);
      const theirs = await notificationOf(stranger);
      const permission = (route.access as { permission: Permission }).permission;
      const outside = await call(agents[seat], route, theirs);
      const inside = await call(agents[seat], route, own);
      if (!isGranted(seat, permission)) {
        expect({ label, outside: outside.status, inside: inside.status }).toEqual({
          label,
          outside: 403,
          inside: 403,
        });
        continue;
      }
      if (route.path.includes(':notificationId')) {
        expect({ label, outside: outside.status }).toEqual({ label, outside: 404 });
        expect({ label, inside: [401, 403, 404].includes(inside.status) }).toEqual({
          label,
          inside: false,
        });
      } else {
        expect({ label, status: inside.status }).toEqual({ label, status: 200 });
      }
      if (route.path === '/api/notifications' && route.method === 'get') {
        const ids: string[] = inside.body.items.map((n: { id: string }) => n.id);
        expect(ids).toContain(own);
        expect(ids).not.toContain(theirs);
      }
    }
    // Nothing a seat did touched the other user's notifications or choices.
    expect(
      await t.db.query(
        `SELECT (SELECT count(*)::int FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 AND n.read_at IS NULL) AS unread,
              (SELECT count(*)::int FROM notification_preference p JOIN app_user u ON u.id = p.user_id WHERE u.email = $1) AS preferences`,
        [stranger],
      ),
    ).toEqual([{ unread: strangerBefore[0].unread + routes.length, preferences: 0 }]);
  });
});

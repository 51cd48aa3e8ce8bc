import request from 'supertest';
import type { Express } from 'express';
import { addDays, dutchToday, type Permission, type Seat } from '@uitstroom/shared';

type Db = { query(sql: string, params?: unknown[]): Promise<any> };

/**
 * API tokens for tests (issue 31): issued through the regio-beheerder's API, used like a
 * supertest agent whose every request carries `Authorization: Bearer`.
 */
export async function issueToken(
  admin: request.Agent,
  db: Db,
  input: { organisation: string; seat: Seat; permissions: readonly Permission[]; name?: string },
): Promise<{ id: string; token: string; prefix: string }> {
  const [organisation] = await db.query('SELECT id FROM organisation WHERE name = $1', [
    input.organisation,
  ]);
  if (!organisation) throw new Error(`no organisation ${input.organisation}`);
  const response = await admin.post('/api/region/tokens').send({
    name: (input.name ?? `Systeem ${input.organisation} ${input.permissions.join(' ')}`).slice(
      0,
      100,
    ),
    organisationId: organisation.id,
    seat: input.seat,
    permissions: input.permissions,
    expiresOn: addDays(dutchToday(), 30),
  });
  if (response.status !== 201)
    throw new Error(`issue failed ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** The organisation a demo account works at, by its e-mail. */
export async function organisationOf(db: Db, email: string): Promise<string> {
  const [row] = await db.query(
    'SELECT o.name FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = $1',
    [email],
  );
  return row.name;
}

/** A supertest caller that sends the token with each request (and no cookie). */
export function tokenAgent(app: Express, token: string): request.Agent {
  const withToken = (method: 'get' | 'post' | 'put' | 'patch' | 'delete') => (path: string) =>
    request(app)[method](path).set('Authorization', `Bearer ${token}`);
  return {
    get: withToken('get'),
    post: withToken('post'),
    put: withToken('put'),
    patch: withToken('patch'),
    delete: withToken('delete'),
  } as unknown as request.Agent;
}

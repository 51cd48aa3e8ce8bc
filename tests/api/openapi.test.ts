import request from 'supertest';
import { errorCodes } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/openapi.json', () => {
  it('describes every endpoint with its request schema and error responses', async () => {
    const response = await request(t.app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/me',
        '/api/health',
      ]),
    );
    const login = document.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    expect(login.responses).toHaveProperty('400');
    expect(document.paths['/api/auth/me'].get.responses).toHaveProperty('401');
  });

  it('lists every error code with its status in one named schema, and a 409 on routes that can refuse', async () => {
    const document = (await request(t.app).get('/api/openapi.json')).body;
    const codes = document.components.schemas.ErrorCode;
    expect(codes.enum).toEqual(errorCodes);
    expect(codes.enum).not.toContain('CONFLICT');
    expect(codes.description).toContain('OFFER_TAKEN (409)');
    expect(codes.description).toContain('NOT_FOUND (404)');
    const offer = document.paths['/api/cases/{caseId}/offers'].post.responses['409'];
    expect(offer.content['application/json'].schema.properties.error.properties.code).toEqual({
      $ref: '#/components/schemas/ErrorCode',
    });
    expect(document.paths['/api/auth/login'].post.responses).not.toHaveProperty('409');
  });

  it('describes cancelling a table (issue 26): its body with the reason, the table it answers, 403 and 409', async () => {
    const document = (await request(t.app).get('/api/openapi.json')).body;
    const cancel = document.paths['/api/tables/{tableId}/cancel'].post;
    expect(cancel.summary).toContain('annuleren');
    const body = cancel.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties).sort()).toEqual(['reason', 'version']);
    expect(body.required).toEqual(expect.arrayContaining(['reason', 'version']));
    expect(cancel.parameters.map((p: { name: string }) => p.name)).toContain('tableId');
    expect(cancel.responses['200'].content['application/json'].schema).toBeDefined();
    expect(cancel.responses).toHaveProperty('403');
    expect(cancel.responses).toHaveProperty('409');
    expect(document.components.schemas.ErrorCode.description).toContain('TABLE_CANCELLED (409)');
  });
});

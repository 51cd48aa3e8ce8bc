import request from 'supertest';
import { addDays, dutchToday, caseListSchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { giveConsent, newCase } from '../../../tests/support/case-factory';

let t: TestApp;
let kwintes: request.Agent;
let chair: request.Agent;
beforeAll(async () => {
  t = await startTestApp();
  kwintes = await t.signIn('regisseur@kwintes.demo');
  chair = await t.signIn('voorzitter@almere.demo');
});
afterAll(async () => {
  await t.close();
});

const organisationId = async (name: string) =>
  (await t.db.query('SELECT id FROM organisation WHERE name = $1', [name]))[0].id as string;
const coordination = 'Regionale coördinatie Flevoland (centrumgemeente Almere)';
const today = () => dutchToday();

describe('consent gates what another organisation receives', () => {
  it('without consent the chair sees the housing profile only; name, support needs and sensitive data are absent', async () => {
    const view = await newCase(kwintes, {
      identity: { firstName: 'Zonder', lastName: 'Toestemming', birthDate: '1985-05-05' },
    });
    const seen = (await chair.get(`/api/cases/${view.id}`)).body;
    expect(seen).toHaveProperty('household');
    expect(seen).toHaveProperty('housingNeeds');
    for (const field of [
      'identity',
      'contact',
      'addresses',
      'supportNeeds',
      'sensitive',
      'exceptions',
    ])
      expect(seen).not.toHaveProperty(field);
    const list = caseListSchema.parse((await chair.get('/api/cases?q=toestemming')).body);
    expect(list.items).toHaveLength(0); // searching by a name the chair may not see finds nothing
    const all = caseListSchema.parse((await chair.get('/api/cases?pageSize=100')).body);
    const item = all.items.find((i) => i.id === view.id)!;
    expect(item.name).toBeUndefined();
    expect(item.pseudonym).toBe(view.pseudonym);
  });

  it('consent for name and support needs adds exactly those; withdrawal takes effect at the next request', async () => {
    const view = await newCase(kwintes, {
      identity: { firstName: 'Met', lastName: 'Toestemming', birthDate: '1985-05-05' },
    });
    const consent = await giveConsent(kwintes, t.db, view.id, coordination, [
      'identityContact',
      'supportNeeds',
    ]);
    const seen = (await chair.get(`/api/cases/${view.id}`)).body;
    expect(seen.identity.lastName).toBe('Toestemming');
    expect(seen).toHaveProperty('supportNeeds');
    expect(seen).not.toHaveProperty('sensitive');
    const withdrawn = await kwintes
      .post(`/api/cases/${view.id}/consents/${consent.id}/withdraw`)
      .send({});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ isActive: false });
    const after = (await chair.get(`/api/cases/${view.id}`)).body;
    expect(after).not.toHaveProperty('identity');
    expect(after).not.toHaveProperty('supportNeeds');
    expect(
      (await kwintes.post(`/api/cases/${view.id}/consents/${consent.id}/withdraw`).send({})).status,
    ).toBe(404);
  });

  it('consent for one organisation does not reach another', async () => {
    const view = await newCase(kwintes);
    await giveConsent(kwintes, t.db, view.id, 'Gemeente Almere', ['identityContact']);
    const lelystad = await t.signIn('gemeente@lelystad.demo');
    expect((await lelystad.get(`/api/cases/${view.id}`)).body).not.toHaveProperty('identity');
  });

  it('an expired consent no longer counts, and one expiring within 30 days warns the case manager', async () => {
    const view = await newCase(kwintes);
    await giveConsent(kwintes, t.db, view.id, coordination, ['identityContact'], {
      givenOn: '2025-01-01',
      expiresOn: '2025-06-30',
    });
    expect((await chair.get(`/api/cases/${view.id}`)).body).not.toHaveProperty('identity');
    const soon = addDays(dutchToday(), 10);
    await giveConsent(kwintes, t.db, view.id, 'Gemeente Lelystad', ['identityContact'], {
      expiresOn: soon,
    });
    const own = (await kwintes.get(`/api/cases/${view.id}`)).body;
    expect(own.consentWarnings).toEqual([
      { organisationName: 'Gemeente Lelystad', expiresOn: soon },
    ]);
    const consents = (await kwintes.get(`/api/cases/${view.id}/consents`)).body;
    expect(
      consents.map((c: { isActive: boolean; isExpiringSoon: boolean }) => [
        c.isActive,
        c.isExpiringSoon,
      ]),
    ).toEqual([
      [false, false],
      [true, true],
    ]);
  });
});

describe('recording consent: who and what', () => {
  it('only the owning case manager records or reads consent', async () => {
    const view = await newCase(kwintes);
    const body = {
      organisationId: await organisationId('Gemeente Almere'),
      categories: ['identityContact'],
      givenOn: today(),
      method: 'verbalWithWitness',
      witnessName: 'Getuige Een',
    };
    expect((await chair.post(`/api/cases/${view.id}/consents`).send(body)).status).toBe(403);
    expect((await chair.get(`/api/cases/${view.id}/consents`)).status).toBe(403);
    const other = await t.signIn('regisseur@leger-des-heils.demo');
    expect((await other.post(`/api/cases/${view.id}/consents`).send(body)).status).toBe(404);
  });

  it.each([
    ['verbal without a witness', { method: 'verbalWithWitness' }, 'witnessName'],
    ['a signed form without the uploaded form', { method: 'signedForm' }, 'documentId'],
    [
      'an expiry before the date given',
      { method: 'verbalWithWitness', witnessName: 'X Y', expiresOn: '2020-01-01' },
      'expiresOn',
    ],
    [
      'an unknown category',
      { method: 'verbalWithWitness', witnessName: 'X Y', categories: ['everything'] },
      'categories.0',
    ],
    [
      'an organisation of another region',
      { method: 'verbalWithWitness', witnessName: 'X Y', organisation: 'Tactus' },
      'organisationId',
    ],
    [
      'the owning organisation itself',
      { method: 'verbalWithWitness', witnessName: 'X Y', organisation: 'Kwintes' },
      'organisationId',
    ],
    [
      'a document of another case',
      { method: 'signedForm', documentId: '00000000-0000-4000-8000-000000000000' },
      'documentId',
    ],
  ])('refuses %s at its field, and records nothing', async (_label, extra, path) => {
    const view = await newCase(kwintes);
    const { organisation, ...rest } = extra as Record<string, unknown>;
    const body = {
      organisationId: await organisationId((organisation as string) ?? 'Gemeente Almere'),
      categories: ['identityContact'],
      givenOn: '2026-01-01',
      ...rest,
    };
    const before = (await t.db.query('SELECT count(*)::int AS n FROM case_consent'))[0].n;
    const response = await kwintes.post(`/api/cases/${view.id}/consents`).send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect((await t.db.query('SELECT count(*)::int AS n FROM case_consent'))[0].n).toBe(before);
  });

  it('recording and withdrawing consent is audited with the pseudonym', async () => {
    const view = await newCase(kwintes);
    const consent = await giveConsent(kwintes, t.db, view.id, 'Gemeente Almere');
    await kwintes.post(`/api/cases/${view.id}/consents/${consent.id}/withdraw`).send({});
    const rows = await t.db.query(
      `SELECT action, subject_pseudonym FROM audit_log WHERE object_id = $1 AND action LIKE 'case.consent.%' ORDER BY id`,
      [view.id],
    );
    expect(rows).toEqual([
      { action: 'case.consent.record', subject_pseudonym: view.pseudonym },
      { action: 'case.consent.withdraw', subject_pseudonym: view.pseudonym },
    ]);
  });
});

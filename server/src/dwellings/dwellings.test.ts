import request from 'supertest';
import { dwellingSchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { dwellingInput, newDwelling } from '../../../tests/support/dwelling-factory';

let t: TestApp;
let centrada: request.Agent;
let mercatus: request.Agent;
const dwellingCount = async () =>
  (await t.db.query('SELECT count(*)::int AS n FROM dwelling'))[0].n as number;
const auditCount = async (action: string) =>
  (await t.db.query('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]))[0]
    .n as number;

beforeAll(async () => {
  t = await startTestApp();
  centrada = await t.signIn('corporatie@centrada.demo');
  mercatus = await t.signIn('corporatie@mercatus.demo');
});
afterAll(async () => {
  await t.close();
});

describe('registering, editing and withdrawing a dwelling', () => {
  it('registers a dwelling, which its own corporation lists and reads, with every field as given', async () => {
    const input = dwellingInput({
      street: 'Stationsplein',
      houseNumber: '3-B',
      postcode: '8232bx',
      accessibilityNotes: 'Drempelvrij, brede deuren.',
    });
    const created = await centrada.post('/api/dwellings').send(input);
    expect(created.status).toBe(201);
    const dwelling = dwellingSchema.parse(created.body);
    expect(dwelling).toMatchObject({
      ...input,
      postcode: '8232 BX',
      status: 'available',
      version: 1,
      organisationName: 'Centrada',
      withdrawnAt: null,
    });
    expect((await centrada.get(`/api/dwellings/${dwelling.id}`)).body).toEqual(created.body);
    expect((await centrada.get('/api/dwellings')).body.map((d: { id: string }) => d.id)).toContain(
      dwelling.id,
    );
    expect(await auditCount('dwelling.create')).toBeGreaterThan(0);
  });

  it('keeps another corporation’s dwelling out of reach: 404 on read, write and withdraw, absent from its list', async () => {
    const dwelling = await newDwelling(centrada);
    expect((await mercatus.get(`/api/dwellings/${dwelling.id}`)).status).toBe(404);
    expect(
      (
        await mercatus
          .put(`/api/dwellings/${dwelling.id}`)
          .send({ version: 1, dwelling: dwellingInput() })
      ).status,
    ).toBe(404);
    expect(
      (
        await mercatus
          .post(`/api/dwellings/${dwelling.id}/withdraw`)
          .send({ version: 1, reason: 'Niet van ons maar toch.' })
      ).status,
    ).toBe(404);
    expect(
      (await mercatus.get('/api/dwellings?status=all')).body.map((d: { id: string }) => d.id),
    ).not.toContain(dwelling.id);
    expect((await centrada.get(`/api/dwellings/${dwelling.id}`)).body.version).toBe(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative rent', { rent: -5 }, 'rent'],
    ['no street', { street: '' }, 'street'],
    ['a bad postcode', { postcode: '12345' }, 'postcode'],
    [
      'a municipality of another region (Deventer)',
      { municipalityCode: 'GM0150' },
      'municipalityCode',
    ],
    ['an unknown tenancy form', { tenancyForm: 'koop' }, 'tenancyForm'],
    ['a conversion for a regular tenancy', { tenancyForm: 'regular' }, 'conversionDate'],
    ['an unknown field', { garden: true }, 'garden'],
  ])('refuses %s (%j) with 400 at %s, and writes nothing', async (_label, change, path) => {
    const before = await dwellingCount();
    const response = await centrada.post('/api/dwellings').send({ ...dwellingInput(), ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    expect(await dwellingCount()).toBe(before);
  });

  it('refuses a second dwelling on the same address (however written) with 409, and allows it again once the first is withdrawn', async () => {
    const first = await newDwelling(centrada, { postcode: '1315 RA', houseNumber: '7a' });
    const before = await dwellingCount();
    const again = await centrada
      .post('/api/dwellings')
      .send(dwellingInput({ postcode: '1315ra', houseNumber: '7 A' }));
    expect(again.status).toBe(409);
    expect(again.body.error.issues[0].path).toBe('houseNumber');
    expect(await dwellingCount()).toBe(before);
    // Another corporation may have its own dwelling there: the address is a key per corporation.
    expect(
      (
        await mercatus
          .post('/api/dwellings')
          .send(dwellingInput({ postcode: '1315 RA', houseNumber: '7A' }))
      ).status,
    ).toBe(201);
    await centrada
      .post(`/api/dwellings/${first.id}/withdraw`)
      .send({ version: first.version, reason: 'Dubbel ingevoerd, wordt opnieuw geregistreerd.' });
    expect(
      (
        await centrada
          .post('/api/dwellings')
          .send(dwellingInput({ postcode: '1315 RA', houseNumber: '7A' }))
      ).status,
    ).toBe(201);
  });

  it('edits on the version read; a stale version answers 409 with the current dwelling and changes nothing', async () => {
    const dwelling = await newDwelling(centrada);
    const edited = await centrada.put(`/api/dwellings/${dwelling.id}`).send({
      version: 1,
      dwelling: dwellingInput({ rent: 598, houseNumber: dwelling.houseNumber }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ rent: 598, version: 2 });
    const stale = await centrada.put(`/api/dwellings/${dwelling.id}`).send({
      version: 1,
      dwelling: dwellingInput({ rent: 700, houseNumber: dwelling.houseNumber }),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect(stale.body.error.details).toMatchObject({ currentVersion: 2, current: { rent: 598 } });
    expect((await centrada.get(`/api/dwellings/${dwelling.id}`)).body.rent).toBe(598);
  });

  it('refuses an edit that is bad input with 400 and keeps the dwelling as it was', async () => {
    const dwelling = await newDwelling(centrada);
    const response = await centrada
      .put(`/api/dwellings/${dwelling.id}`)
      .send({ version: 1, dwelling: dwellingInput({ rooms: -2 }) });
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe('dwelling.rooms');
    expect((await centrada.get(`/api/dwellings/${dwelling.id}`)).body).toEqual(dwelling);
  });

  it('withdraws with a reason: kept, marked withdrawn, out of the default list, no longer editable', async () => {
    const dwelling = await newDwelling(centrada);
    expect(
      (
        await centrada
          .post(`/api/dwellings/${dwelling.id}/withdraw`)
          .send({ version: 1, reason: 'Kort' })
      ).status,
    ).toBe(400);
    const stale = await centrada
      .post(`/api/dwellings/${dwelling.id}/withdraw`)
      .send({ version: 7, reason: 'Verkocht aan een particulier.' });
    expect(stale.status).toBe(409);
    const withdrawn = await centrada
      .post(`/api/dwellings/${dwelling.id}/withdraw`)
      .send({ version: 1, reason: 'Verkocht aan een particulier.' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'Verkocht aan een particulier.',
      version: 2,
    });
    expect(withdrawn.body.withdrawnAt).toEqual(expect.any(String));
    expect(
      (await centrada.get('/api/dwellings')).body.map((d: { id: string }) => d.id),
    ).not.toContain(dwelling.id);
    expect(
      (await centrada.get('/api/dwellings?status=withdrawn')).body.map((d: { id: string }) => d.id),
    ).toContain(dwelling.id);
    const edit = await centrada
      .put(`/api/dwellings/${dwelling.id}`)
      .send({ version: 2, dwelling: dwellingInput() });
    expect(edit.status).toBe(409);
    expect(edit.body.error).toMatchObject({
      code: 'DWELLING_WITHDRAWN',
      message: 'Deze woning is ingetrokken en kan niet meer worden gewijzigd.',
    });
    expect(
      (
        await centrada
          .post(`/api/dwellings/${dwelling.id}/withdraw`)
          .send({ version: 2, reason: 'Nogmaals ingetrokken.' })
      ).status,
    ).toBe(409);
  });

  it('filters the list by municipality and by street, postcode or neighbourhood', async () => {
    const almere = await newDwelling(centrada, {
      municipalityCode: 'GM0034',
      neighbourhood: 'Stedenwijk',
      street: 'Filmwijkpad',
      postcode: '1325 AB',
    });
    const list = async (query: string) =>
      (await centrada.get(`/api/dwellings?${query}`)).body.map((d: { id: string }) => d.id);
    expect(await list('municipality=GM0034')).toContain(almere.id);
    expect(await list('municipality=GM0995')).not.toContain(almere.id);
    expect(await list('q=stedenw')).toEqual([almere.id]);
    expect(await list('q=1325')).toEqual([almere.id]);
    expect((await centrada.get('/api/dwellings?status=verkocht')).status).toBe(400);
  });

  it('keeps the dwelling in the database for good: the app role may not delete it', async () => {
    await newDwelling(centrada);
    await expect(t.db.query('DELETE FROM dwelling')).rejects.toThrow(/permission denied/);
  });
});

describe('the dwellings export', () => {
  it('is a CSV with a BOM, the import’s columns and status, and neutralizes formula-like text', async () => {
    await newDwelling(centrada, {
      neighbourhood: '=HYPERLINK("http://kwaad.example")',
      street: '+Plusstraat',
    });
    const response = await centrada.get('/api/dwellings.csv?status=all');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="woningen-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = response.text;
    expect(text.startsWith('\uFEFF"straat";"huisnummer";"postcode";"gemeente";"wijk"')).toBe(true);
    expect(text).toContain('"\'=HYPERLINK(""http://kwaad.example"")"');
    expect(text).toContain('"\'+Plusstraat"');
    expect(text).toContain(';612,5;');
    expect(text).not.toMatch(/(^|;)"?[=+@]/m);
    // Only the corporation's own dwellings.
    const lines = text.trim().split('\r\n');
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM dwelling WHERE organisation_id = (SELECT id FROM organisation WHERE name = 'Centrada')`,
    );
    expect(lines.length - 1).toBe(n);
  });
});

import request from 'supertest';
import { caseListSchema, errorBodySchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { giveConsent, newCase, readyCase } from '../../../tests/support/case-factory';
import { planTable, publishTable, scheduleCase } from '../../../tests/support/table-flow';
import { kenmerkPrefix } from './cases.repository';

let t: TestApp;
let kwintes: request.Agent;
beforeAll(async () => {
  t = await startTestApp();
  kwintes = await t.signIn('regisseur@kwintes.demo');
});
afterAll(async () => {
  await t.close();
});

const count = async (table: string) =>
  (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const caseRow = async (id: string) =>
  (await t.db.query('SELECT * FROM case_file WHERE id = $1', [id]))[0];

describe('intake', () => {
  it('creates a case in intake, owned by the case manager and their organisation, with a pseudonym', async () => {
    const response = await kwintes.post('/api/cases').send({
      identity: { firstName: 'Sem', lastName: 'Visser' },
      stay: { targetGroup: 'shelter' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      state: 'intake',
      version: 1,
      identity: { firstName: 'Sem', lastName: 'Visser' },
      owner: { organisationName: 'Kwintes', displayName: 'Sanne Willems' },
    });
    expect(response.body.pseudonym).toMatch(/^R-[0-9A-Z]{8}$/);
    expect(response.body.missingForReady.map((m: { path: string }) => m.path)).toEqual(
      expect.arrayContaining(['identity.birthDate', 'stay.admissionDate', 'addresses', 'wishes']),
    );
  });

  it('shows the proposal of the engine for the file as it stands, beside the wishes', async () => {
    const view = await newCase(kwintes);
    expect(view.proposal.result).toMatchObject({
      outcome: 'herkomst',
      origin: 'GM0995',
      destination: 'GM0995',
    });
    expect(view.proposal.ruleSetVersion).toBe(1);
    expect(view.proposal.result.reasons.join(' ')).toContain('Zeewolde');
    expect(view.wishes.ownWords).toContain('rustig wonen');
    expect(view.origin).toBe('GM0995');
    expect(view.missingForReady.map((m: { path: string }) => m.path)).toEqual(['consents']);
  });

  it('recomputes the proposal when an exception is entered', async () => {
    const view = await newCase(kwintes);
    const b = await kwintes.patch(`/api/cases/${view.id}`).send({
      version: view.version,
      changes: {
        exceptions: [
          {
            kind: 'B',
            municipality: 'GM0303',
            ground: 'daginvulling',
            canTravelFromOrigin: false,
            motivation: 'Vast werk bij een bedrijf in Dronten, niet te bereizen.',
          },
        ],
      },
    });
    expect(b.status).toBe(200);
    expect(b.body.proposal.result).toMatchObject({ outcome: 'B', destination: 'GM0303' });
    const row = await caseRow(view.id);
    expect(row.proposed_destination_code.trim()).toBe('GM0303');
  });

  it('an untraceable origin gives a distribution proposal (C)', async () => {
    const view = await newCase(kwintes, { isOriginUntraceable: true });
    expect(view.proposal.result.outcome).toBe('C');
    expect(view.proposal.result.destination).toBe('GM0034');
  });

  it("the youth group is checked against the region's age band", async () => {
    const view = await newCase(kwintes, {
      identity: { firstName: 'Jay', lastName: 'Kok', birthDate: '1995-01-01' },
      stay: { targetGroup: 'youthCare', facility: 'Jeugdzorg', admissionDate: '2022-03-01' },
    });
    expect(view.missingForReady).toEqual([
      expect.objectContaining({
        path: 'identity.birthDate',
        message: expect.stringContaining('18 tot 23 jaar'),
      }),
      expect.objectContaining({ path: 'consents' }),
    ]);
  });
});

describe('no lost work', () => {
  it('of two concurrent updates on one version, one wins and the other gets 409 with the current version; no field is lost', async () => {
    const view = await newCase(kwintes);
    const [a, b] = await Promise.all([
      kwintes
        .patch(`/api/cases/${view.id}`)
        .send({ version: view.version, changes: { housingNeeds: { rooms: 3 } } }),
      kwintes
        .patch(`/api/cases/${view.id}`)
        .send({ version: view.version, changes: { contact: { phone: '06 99999999' } } }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.error.code).toBe('VERSION_CONFLICT');
    expect(loser.body.error.details.currentVersion).toBe(view.version + 1);
    expect(loser.body.error.details.current.version).toBe(view.version + 1);
    // The loser re-sends on the new version: both changes are in the file.
    const loserChanges =
      loser === a ? { housingNeeds: { rooms: 3 } } : { contact: { phone: '06 99999999' } };
    const retry = await kwintes
      .patch(`/api/cases/${view.id}`)
      .send({ version: winner.body.version, changes: loserChanges });
    expect(retry.status).toBe(200);
    expect(retry.body.housingNeeds.rooms).toBe(3);
    expect(retry.body.contact.phone).toBe('06 99999999');
  });

  it('20 concurrent writes on one version: exactly one wins', async () => {
    const view = await newCase(kwintes);
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        kwintes.patch(`/api/cases/${view.id}`).send({
          version: view.version,
          changes: { household: { adults: 1, children: i % 5, description: `poging ${i}` } },
        }),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 409)).toHaveLength(19);
    expect((await caseRow(view.id)).version).toBe(view.version + 1);
  });
});

describe('states', () => {
  it('marks the case ready once the file is complete; the waiting clock starts once', async () => {
    const incomplete = (
      await kwintes
        .post('/api/cases')
        .send({ identity: { firstName: 'Ad', lastName: 'Hoc' }, stay: { targetGroup: 'shelter' } })
    ).body;
    const refused = await kwintes
      .post(`/api/cases/${incomplete.id}/transitions`)
      .send({ transition: 'markReady', version: incomplete.version });
    expect(refused.status).toBe(409);
    expect(refused.body.error.issues.length).toBeGreaterThan(0);

    const view = await newCase(kwintes);
    const withoutConsent = await kwintes
      .post(`/api/cases/${view.id}/transitions`)
      .send({ transition: 'markReady', version: view.version });
    expect(withoutConsent.status).toBe(409);
    expect(withoutConsent.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'consents',
    ]);
    await giveConsent(kwintes, t.db, view.id, 'Gemeente Lelystad');
    const ready = await kwintes
      .post(`/api/cases/${view.id}/transitions`)
      .send({ transition: 'markReady', version: view.version });
    expect(ready.status).toBe(200);
    expect(ready.body.state).toBe('ready');
    expect(ready.body.readyAt).toBeTruthy();
    expect(ready.body.waitingDays).toBe(0);
    const again = await kwintes
      .post(`/api/cases/${view.id}/transitions`)
      .send({ transition: 'markReady', version: ready.body.version });
    expect(again.status).toBe(409);
    const events = await t.db.query(
      `SELECT kind, details FROM case_event WHERE case_id = $1 ORDER BY id`,
      [view.id],
    );
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'transition']);
  });

  it('withdraws with an outcome and a reason; a closed case can no longer be edited', async () => {
    const view = await newCase(kwintes);
    const short = await kwintes.post(`/api/cases/${view.id}/transitions`).send({
      transition: 'withdraw',
      version: view.version,
      outcome: 'withdrawn',
      reason: 'kort',
    });
    expect(short.status).toBe(400);
    const closed = await kwintes.post(`/api/cases/${view.id}/transitions`).send({
      transition: 'withdraw',
      version: view.version,
      outcome: 'withdrawn',
      reason: 'De bewoner heeft zelf een woning gevonden.',
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', outcome: 'withdrawn' });
    const edit = await kwintes
      .patch(`/api/cases/${view.id}`)
      .send({ version: closed.body.version, changes: { contact: { phone: '06 1' } } });
    expect(edit.status).toBe(409);
  });

  it('hands a case over to a colleague of the same organisation, recorded on the case', async () => {
    await t.db.query(
      `UPDATE app_user SET seat = 'casemanager' WHERE email = 'aanbieder@kwintes.demo'`,
    );
    const colleagues = await kwintes.get('/api/cases-colleagues');
    const bram = colleagues.body.find(
      (c: { displayName: string }) => c.displayName === 'Bram Dekker',
    );
    expect(bram).toBeDefined();
    const view = await newCase(kwintes);
    const handed = await kwintes
      .post(`/api/cases/${view.id}/handover`)
      .send({ version: view.version, toUserId: bram.userId });
    expect(handed.status).toBe(200);
    expect(handed.body.owner.displayName).toBe('Bram Dekker');
    const [event] = await t.db.query(
      `SELECT details FROM case_event WHERE case_id = $1 AND kind = 'handover'`,
      [view.id],
    );
    expect(event.details.toUserId).toBe(bram.userId);
    const [{ id: outsider }] = await t.db.query(
      `SELECT id FROM app_user WHERE email = 'regisseur@leger-des-heils.demo'`,
    );
    const refused = await kwintes
      .post(`/api/cases/${view.id}/handover`)
      .send({ version: handed.body.version, toUserId: outsider });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0].path).toBe('toUserId');
  });
});

describe('herstel (issue 27.2)', () => {
  it('the case manager takes back its own "uitstroomgereed" the same day: back to intake, the waiting clock never started; the chair needs a reason', async () => {
    const ready = await readyCase(kwintes, t.db);
    expect(ready.correction).toMatchObject({ transition: 'markReady', needsReason: false });
    const chair = await t.signIn('voorzitter@almere.demo');
    // The chair corrects any day, but only with a reason.
    const unexplained = await chair
      .post(`/api/cases/${ready.id}/correction`)
      .send({ version: ready.version });
    expect(unexplained.status).toBe(409);
    expect(unexplained.body.error.message).toBe('Geef een reden voor het herstel.');
    const bad = await kwintes
      .post(`/api/cases/${ready.id}/correction`)
      .send({ version: ready.version, reason: 'kort' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('reason');
    const back = await kwintes
      .post(`/api/cases/${ready.id}/correction`)
      .send({ version: ready.version });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ state: 'intake', readyAt: null, correction: null });
    expect((await caseRow(ready.id)).ready_at).toBeNull();
    const stale = await kwintes
      .post(`/api/cases/${ready.id}/correction`)
      .send({ version: ready.version });
    expect(stale.status).toBe(409);
  });
});

describe('reach and projection', () => {
  it("another organisation's case manager, a corporation and a provider do not find the case (404)", async () => {
    const view = await newCase(kwintes);
    for (const email of [
      'regisseur@leger-des-heils.demo',
      'corporatie@centrada.demo',
      'aanbieder@leger-des-heils.demo',
      'regisseur@tactus.demo',
    ]) {
      const agent = await t.signIn(email);
      expect({ email, status: (await agent.get(`/api/cases/${view.id}`)).status }).toEqual({
        email,
        status: 404,
      });
      expect({
        email,
        status: (
          await agent
            .patch(`/api/cases/${view.id}`)
            .send({ version: view.version, changes: { contact: {} } })
        ).status,
      }).toEqual({ email, status: email.startsWith('regisseur') ? 404 : 403 });
    }
  });

  it('the origin and proposed destination municipality see the case, without the sensitive section; others do not', async () => {
    const view = await newCase(kwintes);
    await giveConsent(kwintes, t.db, view.id, 'Gemeente Lelystad', [
      'identityContact',
      'supportNeeds',
    ]);
    const lelystad = await t.signIn('gemeente@lelystad.demo');
    const seen = await lelystad.get(`/api/cases/${view.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.identity.lastName).toBe('de Jong');
    expect(seen.body).not.toHaveProperty('sensitive');
    expect(seen.body).not.toHaveProperty('contact');
    expect(seen.body).not.toHaveProperty('exceptions');
    expect(JSON.stringify(seen.body)).not.toContain('Bipolaire');
    const urk = await t.signIn('gemeente@urk.demo');
    expect((await urk.get(`/api/cases/${view.id}`)).status).toBe(404);
  });

  it('for a resident from the vrouwenopvang, the address history is for the case manager alone', async () => {
    const view = await newCase(kwintes, {
      stay: {
        targetGroup: 'womensShelter',
        facility: 'Vrouwenopvang',
        admissionDate: '2022-03-01',
      },
    });
    expect(view.addresses.length).toBe(3);
    await giveConsent(
      kwintes,
      t.db,
      view.id,
      'Regionale coördinatie Flevoland (centrumgemeente Almere)',
      ['identityContact', 'housingProfile', 'supportNeeds', 'sensitive'],
    );
    const chair = await t.signIn('voorzitter@almere.demo');
    const seen = await chair.get(`/api/cases/${view.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).not.toHaveProperty('addresses');
    expect(JSON.stringify(seen.body)).not.toContain('Agoraweg');
  });

  it('every read of the case is audited with the pseudonym, never the name', async () => {
    const view = await newCase(kwintes);
    await kwintes.get(`/api/cases/${view.id}`);
    const rows = await t.db.query(
      `SELECT action, subject_pseudonym, fields, details::text AS details FROM audit_log WHERE object_id = $1 ORDER BY id`,
      [view.id],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual([
      'case.create',
      'case.update',
      'case.read',
    ]);
    for (const row of rows) {
      expect(row.subject_pseudonym).toBe(view.pseudonym);
      expect(row.details).not.toContain('de Jong');
    }
    expect(rows[2].fields).toContain('sensitive');
  });
});

describe('the case list', () => {
  it("filters, searches, sorts and pages within the seat's reach", async () => {
    for (const [firstName, lastName] of [
      ['Anna', 'Zwart'],
      ['Bert', 'Yildiz'],
      ['Cora', 'Xander'],
    ] as const) {
      if (firstName === 'Cora')
        await newCase(kwintes, { identity: { firstName, lastName, birthDate: '1980-01-01' } });
      else
        await readyCase(kwintes, t.db, {
          identity: { firstName, lastName, birthDate: '1980-01-01' },
        });
    }
    const byName = caseListSchema.parse((await kwintes.get('/api/cases?q=yild')).body);
    expect(byName.items.map((i) => i.name)).toEqual(['Bert Yildiz']);
    const ready = caseListSchema.parse(
      (await kwintes.get('/api/cases?state=ready&sort=name&direction=asc&pageSize=100')).body,
    );
    expect(ready.items.map((i) => i.name)).toEqual(
      expect.arrayContaining(['Anna Zwart', 'Bert Yildiz']),
    );
    expect(ready.items.map((i) => i.name)).not.toContain('Cora Xander');
    expect(ready.items.every((i) => i.state === 'ready')).toBe(true);
    expect(
      ready.items
        .filter((i) => ['Anna Zwart', 'Bert Yildiz'].includes(i.name ?? ''))
        .map((i) => i.waitingDays),
    ).toEqual([0, 0]);
    const names = ready.items.map((i) => i.name ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    const page = caseListSchema.parse(
      (await kwintes.get('/api/cases?pageSize=2&page=1&sort=name&direction=asc')).body,
    );
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(2);
    const byMunicipality = caseListSchema.parse(
      (await kwintes.get('/api/cases?municipality=GM0995')).body,
    );
    expect(
      byMunicipality.items.every((i) => i.origin === 'GM0995' || i.destination === 'GM0995'),
    ).toBe(true);
    const other = caseListSchema.parse(
      (await (await t.signIn('regisseur@leger-des-heils.demo')).get('/api/cases')).body,
    );
    expect(other.items.map((i) => i.name)).not.toContain('Anna Zwart');
  });

  it('finds a case by its kenmerk for every seat that reaches it, by name only where the seat sees the name', async () => {
    const chair = await t.signIn('voorzitter@almere.demo');
    const view = await readyCase(kwintes, t.db, {
      identity: { firstName: 'Kees', lastName: 'Kenmerkzoeker', birthDate: '1975-05-05' },
    });
    const table = await planTable(chair, t.db, {
      title: `Tafel ${view.pseudonym}`,
      invited: ['Gemeente Lelystad', 'Centrada'],
    });
    await scheduleCase(kwintes, table.id, view);
    await publishTable(chair, table.id);
    const pseudonym = view.pseudonym as string;
    const found = async (agent: request.Agent, q: string) =>
      caseListSchema
        .parse((await agent.get(`/api/cases?q=${encodeURIComponent(q)}&pageSize=100`)).body)
        .items.map((i) => i.pseudonym);
    const seats = {
      casemanager: kwintes,
      municipality: await t.signIn('gemeente@lelystad.demo'),
      corporation: await t.signIn('corporatie@centrada.demo'),
    };
    for (const [seat, agent] of Object.entries(seats)) {
      for (const q of [
        pseudonym,
        pseudonym.toLowerCase(),
        pseudonym.slice(0, 6),
        pseudonym.slice(2),
        // Its first characters with the prefix, any case ("r-5m3").
        pseudonym.slice(0, 5).toLowerCase(),
      ])
        expect({ seat, q, found: await found(agent, q) }).toEqual({
          seat,
          q,
          found: expect.arrayContaining([pseudonym]),
        });
    }
    // The whole kenmerk finds that case alone.
    expect(await found(seats.municipality, pseudonym)).toEqual([pseudonym]);
    // By name: the owner finds it; seats that may not see the name cannot search by it.
    expect(await found(kwintes, 'kenmerkzoeker')).toEqual([pseudonym]);
    expect(await found(seats.municipality, 'kenmerkzoeker')).toEqual([]);
    expect(await found(seats.corporation, 'kenmerkzoeker')).toEqual([]);
    // A seat that does not reach the case does not find it by its kenmerk either.
    expect(await found(await t.signIn('gemeente@urk.demo'), pseudonym)).toEqual([]);
    expect(await found(await t.signIn('regisseur@leger-des-heils.demo'), pseudonym)).toEqual([]);
    // A short name fragment is no kenmerk: it does not match every case.
    expect(kenmerkPrefix('r')).toBeNull();
    expect(kenmerkPrefix('yil')).toBeNull();
    expect(kenmerkPrefix(' r-5m38 ')).toBe('R-5M38');
    expect(kenmerkPrefix('r-5M3')).toBe('R-5M3');
    expect(kenmerkPrefix('5m38jm94')).toBe('R-5M38JM94');
    expect(kenmerkPrefix('R-%')).toBeNull();
  });

  it("marks a case without activity for the region's threshold as stalled", async () => {
    const view = await newCase(kwintes, {
      identity: { firstName: 'Stil', lastName: 'Staand', birthDate: '1970-01-01' },
    });
    await t.db.query(
      `UPDATE case_file SET last_activity_at = now() - interval '30 days' WHERE id = $1`,
      [view.id],
    );
    const list = caseListSchema.parse((await kwintes.get('/api/cases?isStalled=true')).body);
    expect(list.items.map((i) => i.name)).toContain('Stil Staand');
    expect((await kwintes.get(`/api/cases/${view.id}`)).body.isStalled).toBe(true);
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, string, (id: string, version: number) => unknown][] = [
    ['malformed JSON', 'patch', () => '{"version": 1, "changes": {'],
    [
      'wrong types',
      'patch',
      (_id, version) => ({ version: String(version), changes: { household: { adults: 'twee' } } }),
    ],
    ['unknown section', 'patch', (_id, version) => ({ version, changes: { diagnosis: 'x' } })],
    [
      'unknown field in a section',
      'patch',
      (_id, version) => ({
        version,
        changes: { identity: { firstName: 'A', lastName: 'B', nickname: 'C' } },
      }),
    ],
    [
      'invalid BSN',
      'patch',
      (_id, version) => ({
        version,
        changes: { identity: { firstName: 'A', lastName: 'B', bsn: '123456789' } },
      }),
    ],
    [
      'impossible date',
      'patch',
      (_id, version) => ({
        version,
        changes: { stay: { targetGroup: 'shelter', admissionDate: '2023-02-30' } },
      }),
    ],
    [
      'address ending before it starts',
      'patch',
      (_id, version) => ({
        version,
        changes: {
          addresses: [
            {
              municipality: 'GM0034',
              kind: 'woonadres',
              from: '2020-01-01',
              to: '2019-01-01',
              source: 'brp',
            },
          ],
        },
      }),
    ],
    [
      'exception without motivation',
      'patch',
      (_id, version) => ({ version, changes: { exceptions: [{ kind: 'A', motivation: 'kort' }] } }),
    ],
    ['empty changes', 'patch', (_id, version) => ({ version, changes: {} })],
    [
      'oversized text',
      'patch',
      (_id, version) => ({ version, changes: { sensitive: { diagnoses: 'x'.repeat(5000) } } }),
    ],
    ['unknown transition', 'transition', (_id, version) => ({ transition: 'teleport', version })],
  ];
  it.each(cases)('%s: a 4xx in the error shape and no row changes', async (_label, kind, body) => {
    const view = await newCase(kwintes);
    const before = JSON.stringify(await caseRow(view.id));
    const [events, audits] = [
      await count('case_event'),
      await count(`audit_log WHERE action <> 'case.read'`),
    ];
    const payload = body(view.id, view.version);
    const path = kind === 'patch' ? `/api/cases/${view.id}` : `/api/cases/${view.id}/transitions`;
    const call = kind === 'patch' ? kwintes.patch(path) : kwintes.post(path);
    const response =
      typeof payload === 'string'
        ? await call.set('Content-Type', 'application/json').send(payload)
        : await call.send(payload as object);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    errorBodySchema.parse(response.body);
    expect(JSON.stringify(await caseRow(view.id))).toBe(before);
    expect(await count('case_event')).toBe(events);
    expect(await count(`audit_log WHERE action <> 'case.read'`)).toBe(audits);
  });

  it('a payload over 1 MB is refused (413)', async () => {
    const view = await newCase(kwintes);
    const response = await kwintes
      .patch(`/api/cases/${view.id}`)
      .send({ version: view.version, changes: { contact: { note: 'x'.repeat(1_100_000) } } });
    expect(response.status).toBe(413);
  });

  it("another organisation's case id is a 404 for every endpoint, and a malformed id a 400", async () => {
    const view = await newCase(kwintes);
    const other = await t.signIn('regisseur@leger-des-heils.demo');
    expect(
      (
        await other
          .post(`/api/cases/${view.id}/transitions`)
          .send({ transition: 'markReady', version: view.version })
      ).status,
    ).toBe(404);
    expect(
      (
        await other
          .post(`/api/cases/${view.id}/handover`)
          .send({ version: view.version, toUserId: view.owner.userId })
      ).status,
    ).toBe(404);
    expect((await kwintes.get('/api/cases/niet-een-id')).body.error.issues[0].path).toBe('caseId');
  });

  it('creating needs a name and a target group', async () => {
    const before = await count('case_file');
    for (const body of [
      {},
      { identity: { firstName: 'A' }, stay: { targetGroup: 'shelter' } },
      { identity: { firstName: 'A', lastName: 'B' }, stay: { targetGroup: 'prison' } },
    ]) {
      expect((await kwintes.post('/api/cases').send(body)).status).toBe(400);
    }
    expect(await count('case_file')).toBe(before);
  });
});

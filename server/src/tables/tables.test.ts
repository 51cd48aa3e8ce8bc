import request from 'supertest';
import {
  addDays,
  amsterdamDate,
  allocateByDistribution as chooseByDistribution,
  agendaPublishBy,
  defaultObjectionProcedure,
  dutchToday,
  dutchWallClockToMoment,
  formatDutchDate,
  tableViewSchema,
} from '@uitstroom/shared';
import { startsLaterToday } from '../../../tests/support/table-flow';
import { binaryOf, pdfText } from '../../../tests/support/pdf-text';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { giveConsent, readyCase } from '../../../tests/support/case-factory';

let t: TestApp;
let chair: request.Agent;
let kwintes: request.Agent;
const org = async (name: string) =>
  (await t.db.query('SELECT id FROM organisation WHERE name = $1', [name]))[0].id as string;
const coordination = 'Regionale coördinatie Flevoland (centrumgemeente Almere)';

beforeAll(async () => {
  t = await startTestApp();
  chair = await t.signIn('voorzitter@almere.demo');
  kwintes = await t.signIn('regisseur@kwintes.demo');
});
afterAll(async () => {
  await t.close();
});

/** A table today (tests decide at once; a table decides on or after its own Dutch date), or at `startsAt`. */
async function planTable(
  title = 'Uitstroomtafel Flevoland',
  invited = ['Gemeente Lelystad', 'Gemeente Almere', 'Centrada', 'Kwintes', 'Leger des Heils'],
  startsAt = startsLaterToday(),
) {
  const response = await chair.post('/api/tables').send({
    title,
    startsAt,
    location: 'Stadhuis Almere, zaal 2',
    invitedOrganisationIds: await Promise.all(invited.map(org)),
  });
  if (response.status !== 201)
    throw new Error(`plan failed ${response.status} ${JSON.stringify(response.body)}`);
  return tableViewSchema.parse(response.body);
}

async function schedule(tableId: string, caseView: Record<string, any>, agent = kwintes) {
  const table = (await agent.get(`/api/tables/${tableId}`)).body;
  const response = await agent
    .post(`/api/tables/${tableId}/agenda`)
    .send({ version: table.version, caseId: caseView.id, caseVersion: caseView.version });
  if (response.status !== 200)
    throw new Error(`schedule failed ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function decisionBody(
  table: Record<string, any>,
  item: Record<string, any>,
  overrides: Record<string, unknown> = {},
) {
  return {
    version: table.version,
    caseVersion: item.case.version,
    rule: item.case.proposal?.result?.outcome ?? 'herkomst',
    present: [
      { organisationId: await org('Gemeente Lelystad'), seat: 'municipality' },
      { organisationId: await org('Centrada'), seat: 'corporation' },
    ],
    votes: [
      { organisationId: await org('Gemeente Lelystad'), seat: 'municipality', position: 'agree' },
    ],
    preconditions: [
      {
        lifeDomain: 'incomeAndDebts',
        description: 'Bewindvoering overgedragen aan Lelystad',
        ownerOrganisationId: await org('Gemeente Lelystad'),
        dueDate: '2027-01-15',
      },
    ],
    followUpProviderId: await org('Leger des Heils'),
    ...overrides,
  };
}

describe('a table from planning to minutes', () => {
  it('plans, puts cases on the agenda, shares it, decides, defers and closes', async () => {
    const table = await planTable();
    expect(table.state).toBe('planned');
    const first = await readyCase(kwintes, t.db);
    const second = await readyCase(kwintes, t.db, {
      identity: { firstName: 'Tweede', lastName: 'Casus', birthDate: '1980-01-01' },
    });
    await schedule(table.id, first);
    let view = await schedule(table.id, second);
    expect(view.agenda.map((a: { status: string }) => a.status)).toEqual(['open', 'open']);
    expect((await kwintes.get(`/api/cases/${first.id}`)).body.state).toBe('scheduled');

    // Before it is shared, an invited corporation does not see the table, nor the case.
    const centrada = await t.signIn('corporatie@centrada.demo');
    expect((await centrada.get(`/api/tables/${table.id}`)).status).toBe(404);
    expect((await centrada.get(`/api/cases/${first.id}`)).status).toBe(404);

    view = (await chair.post(`/api/tables/${table.id}/publish`).send({ version: view.version }))
      .body;
    expect(view.state).toBe('published');
    const seenByCorporation = (await centrada.get(`/api/tables/${table.id}`)).body;
    expect(seenByCorporation.agenda).toHaveLength(2);
    expect(seenByCorporation.agenda[0].case).toHaveProperty('housingNeeds');
    expect(JSON.stringify(seenByCorporation)).not.toMatch(/Bipolaire|Alcohol|de Jong/);
    // A corporation that is not invited sees nothing.
    expect(
      (await (await t.signIn('corporatie@ymere.demo')).get(`/api/tables/${table.id}`)).status,
    ).toBe(404);

    const item = view.agenda[0];
    const decided = await chair
      .post(`/api/tables/${table.id}/agenda/${item.id}/decision`)
      .send(await decisionBody(view, item));
    expect(decided.status).toBe(200);
    expect(decided.body.agenda[0].status).toBe('decided');
    expect(decided.body.agenda[0].decision).toMatchObject({
      rule: 'herkomst',
      destination: 'GM0995',
      departsFromProposal: false,
      followUpProvider: 'Leger des Heils',
    });
    const afterDecision = (await kwintes.get(`/api/cases/${first.id}`)).body;
    expect(afterDecision.state).toBe('searching');

    // The follow-up provider now reaches the case.
    const ldh = await t.signIn('aanbieder@leger-des-heils.demo');
    expect((await ldh.get(`/api/cases/${first.id}`)).status).toBe(200);

    const deferred = await chair
      .post(`/api/tables/${table.id}/agenda/${decided.body.agenda[1].id}/defer`)
      .send({
        version: decided.body.version,
        reason: 'Eerst een gesprek met de bewoner over de wens.',
      });
    expect(deferred.status).toBe(200);
    expect((await kwintes.get(`/api/cases/${second.id}`)).body).toMatchObject({
      state: 'ready',
      readyAt: second.readyAt,
    });

    const closed = await chair
      .post(`/api/tables/${table.id}/close`)
      .send({ version: deferred.body.version });
    expect(closed.body.state).toBe('closed');
  });

  it('a departure from the proposal, or an exception, needs a motivation', async () => {
    const table = await planTable('Tafel motivering');
    const view0 = await schedule(table.id, await readyCase(kwintes, t.db));
    const view = (
      await chair.post(`/api/tables/${table.id}/publish`).send({ version: view0.version })
    ).body;
    const item = view.agenda[0];
    const depart = await chair
      .post(`/api/tables/${table.id}/agenda/${item.id}/decision`)
      .send(await decisionBody(view, item, { destination: 'GM0050' }));
    expect(depart.status).toBe(400);
    expect(depart.body.error.issues.map((i: { path: string }) => i.path)).toContain('motivation');
    const motivated = await chair.post(`/api/tables/${table.id}/agenda/${item.id}/decision`).send(
      await decisionBody(view, item, {
        destination: 'GM0050',
        motivation: 'De zus van de bewoner woont in Zeewolde en biedt dagelijks steun.',
      }),
    );
    expect(motivated.status).toBe(200);
    expect(motivated.body.agenda[0].decision).toMatchObject({
      destination: 'GM0050',
      departsFromProposal: true,
    });
  });

  it('a case from outside the region is closed as referred, with a referral summary', async () => {
    const table = await planTable('Tafel buiten regio');
    const outside = await readyCase(kwintes, t.db, {
      addresses: [
        {
          municipality: 'GM0363',
          kind: 'woonadres',
          from: '2010-01-01',
          to: '2021-12-01',
          source: 'brp',
        },
      ],
    });
    expect(outside.proposal.result.outcome).toBe('buiten_regio');
    const v0 = await schedule(table.id, outside);
    const view = (await chair.post(`/api/tables/${table.id}/publish`).send({ version: v0.version }))
      .body;
    const item = view.agenda[0];
    const missing = await chair
      .post(`/api/tables/${table.id}/agenda/${item.id}/decision`)
      .send(
        await decisionBody(view, item, { rule: 'buiten_regio', followUpProviderId: undefined }),
      );
    expect(missing.body.error.issues.map((i: { path: string }) => i.path)).toContain(
      'referralSummary',
    );
    const referred = await chair.post(`/api/tables/${table.id}/agenda/${item.id}/decision`).send(
      await decisionBody(view, item, {
        rule: 'buiten_regio',
        followUpProviderId: undefined,
        referralSummary: 'Herkomst Amsterdam; overdracht aan de regio Amsterdam-Amstelland.',
      }),
    );
    expect(referred.status).toBe(200);
    expect((await kwintes.get(`/api/cases/${outside.id}`)).body).toMatchObject({
      state: 'closed',
      outcome: 'referredToOriginRegion',
    });
  });
});

describe('who may do what at the table', () => {
  it('only the chair plans, publishes and decides; a case manager may put an own case on the agenda', async () => {
    const table = await planTable('Tafel rechten');
    for (const email of [
      'regisseur@kwintes.demo',
      'gemeente@lelystad.demo',
      'corporatie@centrada.demo',
    ]) {
      const agent = await t.signIn(email);
      expect(
        (
          await agent
            .post('/api/tables')
            .send({ title: 'Nee', startsAt: new Date().toISOString(), invitedOrganisationIds: [] })
        ).status,
      ).toBe(403);
      expect([403, 404]).toContain(
        (await agent.post(`/api/tables/${table.id}/publish`).send({ version: table.version }))
          .status,
      );
    }
    const lhd = await t.signIn('regisseur@leger-des-heils.demo');
    const kwintesCase = await readyCase(kwintes, t.db);
    // A case manager of another organisation does not reach the case.
    const refused = await lhd
      .post(`/api/tables/${table.id}/agenda`)
      .send({ version: table.version, caseId: kwintesCase.id, caseVersion: kwintesCase.version });
    expect(refused.status).toBe(404);
    // The chair of another region does not reach the table.
    expect(
      (await (await t.signIn('voorzitter@deventer.demo')).get(`/api/tables/${table.id}`)).status,
    ).toBe(404);
  });

  it.each([
    [{ title: 'X', startsAt: '2026-13-01T10:00:00Z', invitedOrganisationIds: [] }, 'startsAt'],
    [
      { title: 'Tafel', startsAt: '2026-12-01T10:00:00Z', invitedOrganisationIds: ['niet-een-id'] },
      'invitedOrganisationIds.0',
    ],
    [
      {
        title: 'Tafel',
        startsAt: '2026-12-01T10:00:00Z',
        invitedOrganisationIds: [],
        videoUrl: 'http://onveilig.example',
      },
      'videoUrl',
    ],
    [
      { title: 'Tafel', startsAt: '2026-12-01T10:00:00Z', invitedOrganisationIds: [], extra: 1 },
      'extra',
    ],
  ])('refuses a bad plan %j at %s and writes nothing', async (body, path) => {
    const [{ n: before }] = await t.db.query('SELECT count(*)::int AS n FROM outflow_table');
    const response = await chair.post('/api/tables').send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    const [{ n: after }] = await t.db.query('SELECT count(*)::int AS n FROM outflow_table');
    expect(after).toBe(before);
  });

  it('an organisation of another region cannot be invited', async () => {
    const response = await chair.post('/api/tables').send({
      title: 'Tafel',
      startsAt: '2026-12-01T10:00:00Z',
      invitedOrganisationIds: [await org('Tactus')],
    });
    expect(response.status).toBe(400);
  });

  it('a case is on one open agenda at a time', async () => {
    const a = await planTable('Tafel A');
    const b = await planTable('Tafel B');
    const view = await readyCase(kwintes, t.db);
    await schedule(a.id, view);
    const fresh = (await kwintes.get(`/api/cases/${view.id}`)).body;
    const second = await kwintes
      .post(`/api/tables/${b.id}/agenda`)
      .send({ version: b.version, caseId: view.id, caseVersion: fresh.version });
    expect(second.status).toBe(409);
  });
});

describe('fair distribution under concurrency', () => {
  it('20 decisions by distribution at 20 tables at once: the ledger equals 20 sequential decisions, no two read the same counts', async () => {
    const tables = [];
    for (let i = 0; i < 20; i++) {
      const table = await planTable(`Verdeeltafel ${i + 1}`);
      const untraceable = await readyCase(kwintes, t.db, {
        isOriginUntraceable: true,
        identity: { firstName: `Zwerver${i}`, lastName: 'Onbekend', birthDate: '1975-01-01' },
      });
      const scheduled = await schedule(table.id, untraceable);
      const published = (
        await chair.post(`/api/tables/${table.id}/publish`).send({ version: scheduled.version })
      ).body;
      tables.push(published);
    }
    const [{ n: existing }] = await t.db.query(
      'SELECT count(*)::int AS n FROM distribution_allocation WHERE returned_at IS NULL',
    );
    expect(existing).toBe(0);
    const responses = await Promise.all(
      tables.map(async (table) => {
        const item = table.agenda[0];
        return chair
          .post(`/api/tables/${table.id}/agenda/${item.id}/decision`)
          .send(await decisionBody(table, item, { rule: 'C' }));
      }),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));

    const allocations: { municipality_code: string }[] = await t.db.query(
      'SELECT trim(municipality_code) AS municipality_code FROM distribution_allocation ORDER BY allocated_at, id',
    );
    expect(allocations).toHaveLength(20);
    const [{ config }] = await t.db.query(
      `SELECT config FROM rule_set WHERE region_id = (SELECT id FROM region WHERE slug = 'flevoland') ORDER BY version DESC LIMIT 1`,
    );
    const municipalities = config.municipalities;
    const sequential: Record<string, number> = {};
    for (let i = 0; i < 20; i++) {
      const { chosen } = chooseByDistribution(
        municipalities,
        sequential,
        municipalities.map((m: { code: string }) => m.code),
      );
      sequential[chosen!.code] = (sequential[chosen!.code] ?? 0) + 1;
    }
    const actual: Record<string, number> = {};
    for (const a of allocations)
      actual[a.municipality_code] = (actual[a.municipality_code] ?? 0) + 1;
    expect(actual).toEqual(sequential);
    // In commit order, each allocation is what the sequence gives at that point: no two read the same counts.
    const replay: Record<string, number> = {};
    for (const a of allocations) {
      const { chosen } = chooseByDistribution(
        municipalities,
        replay,
        municipalities.map((m: { code: string }) => m.code),
      );
      expect(a.municipality_code).toBe(chosen!.code);
      replay[a.municipality_code] = (replay[a.municipality_code] ?? 0) + 1;
    }
    const decisions = await t.db.query(
      `SELECT trim(destination_code) AS d FROM table_decision WHERE rule = 'C'`,
    );
    expect(decisions).toHaveLength(20);
  }, 120_000);
});

describe('herstel of a decision (issue 27.2, domain.md §4)', () => {
  it('the chair who decided corrects it the same day: kept as set aside, its count given back, the agenda item open again; the case manager may not', async () => {
    const table = await planTable('Hersteltafel');
    const untraceable = await readyCase(kwintes, t.db, {
      isOriginUntraceable: true,
      identity: { firstName: 'Herstel', lastName: 'Onbekend', birthDate: '1975-01-01' },
    });
    const scheduled = await schedule(table.id, untraceable);
    const published = (
      await chair.post(`/api/tables/${table.id}/publish`).send({ version: scheduled.version })
    ).body;
    const item = published.agenda[0];
    const decided = await chair
      .post(`/api/tables/${table.id}/agenda/${item.id}/decision`)
      .send(await decisionBody(published, item, { rule: 'C' }));
    expect(decided.status).toBe(200);
    const openAllocations = async () =>
      (
        await t.db.query(
          'SELECT count(*)::int AS n FROM distribution_allocation a JOIN table_decision d ON d.allocation_id = a.id WHERE d.case_id = $1 AND a.returned_at IS NULL',
          [untraceable.id],
        )
      )[0].n;
    expect(await openAllocations()).toBe(1);
    const asChair = (await chair.get(`/api/cases/${untraceable.id}`)).body;
    expect(asChair).toMatchObject({
      state: 'searching',
      correction: { transition: 'decide', label: 'Besluit vastleggen', needsReason: false },
    });
    // The case manager took no part in the decision: nothing to correct for it.
    const asOwner = (await kwintes.get(`/api/cases/${untraceable.id}`)).body;
    expect(asOwner.correction).toBeNull();
    const refused = await kwintes
      .post(`/api/cases/${untraceable.id}/correction`)
      .send({ version: asOwner.version });
    expect(refused.status).toBe(403);

    const corrected = await chair
      .post(`/api/cases/${untraceable.id}/correction`)
      .send({ version: asChair.version });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ state: 'scheduled', correction: null });
    expect(await openAllocations()).toBe(0);
    const [kept] = await t.db.query(
      'SELECT corrected_at IS NOT NULL AS is_set_aside FROM table_decision WHERE case_id = $1',
      [untraceable.id],
    );
    expect(kept.is_set_aside).toBe(true);
    expect((await chair.get(`/api/cases/${untraceable.id}/decision`)).status).toBe(404);
    const events = await t.db.query(
      `SELECT kind, details->>'transition' AS transition FROM case_event WHERE case_id = $1 AND kind <> 'created' ORDER BY id`,
      [untraceable.id],
    );
    expect(
      events.map((e: { kind: string; transition: string }) => `${e.kind} ${e.transition}`),
    ).toEqual([
      'transition markReady',
      'transition schedule',
      'transition decide',
      'transition startSearch',
      'correction decide',
    ]);
    const [audit] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'case.correct' AND object_id = $1`,
      [untraceable.id],
    );
    expect(audit.details).toMatchObject({
      transition: 'decide',
      from: 'searching',
      to: 'scheduled',
    });
    // A correction is not corrected again; the table decides anew on the same agenda item.
    expect(
      (
        await chair
          .post(`/api/cases/${untraceable.id}/correction`)
          .send({ version: corrected.body.version })
      ).status,
    ).toBe(409);
    const table2 = (await chair.get(`/api/tables/${table.id}`)).body;
    const again = await chair
      .post(`/api/tables/${table.id}/agenda/${item.id}/decision`)
      .send(await decisionBody(table2, table2.agenda[0], { rule: 'C' }));
    expect(again.status).toBe(200);
    expect(await openAllocations()).toBe(1);
  });
});

describe('consent at the table', () => {
  it('a municipality at the table sees the name only with consent', async () => {
    const table = await planTable('Tafel toestemming');
    const view = await readyCase(kwintes, t.db);
    await giveConsent(kwintes, t.db, view.id, coordination, ['identityContact']);
    const scheduled = await schedule(table.id, view);
    await chair.post(`/api/tables/${table.id}/publish`).send({ version: scheduled.version });
    const lelystad = await t.signIn('gemeente@lelystad.demo');
    const seen = (await lelystad.get(`/api/tables/${table.id}`)).body;
    expect(seen.agenda[0].case).not.toHaveProperty('identity');
    expect((await chair.get(`/api/tables/${table.id}`)).body.agenda[0].case.identity.lastName).toBe(
      'de Jong',
    );
  });
});

describe('minutes and the decision letter', () => {
  it("each seat's PDF copy of the minutes shows only what it may; the letter speaks plain Dutch", async () => {
    const table = await planTable('Tafel notulen');
    const view = await readyCase(kwintes, t.db);
    await giveConsent(kwintes, t.db, view.id, coordination, ['identityContact']);
    const scheduled = await schedule(table.id, view);
    const published = (
      await chair.post(`/api/tables/${table.id}/publish`).send({ version: scheduled.version })
    ).body;
    const item = published.agenda[0];
    const decided = (
      await chair
        .post(`/api/tables/${table.id}/agenda/${item.id}/decision`)
        .send(await decisionBody(published, item))
    ).body;
    await chair.post(`/api/tables/${table.id}/close`).send({ version: decided.version });

    const pdfOf = async (agent: request.Agent) => {
      const response = await agent
        .get(`/api/tables/${table.id}/minutes.pdf`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      return response.body as Buffer;
    };
    const chairPdf = await pdfOf(chair);
    expect(chairPdf.subarray(0, 5).toString()).toBe('%PDF-');
    const centradaPdf = await pdfOf(await t.signIn('corporatie@centrada.demo'));
    // The name is in the chair's copy (consent), never in the corporation's (pdfkit writes text as hex glyph runs, so compare sizes and pseudonyms).
    expect(chairPdf.length).not.toBe(centradaPdf.length);

    const letter = await kwintes.get(`/api/cases/${view.id}/decision-letter`);
    expect(letter.status).toBe(200);
    expect(letter.body.paragraphs[0]).toBe('Beste Noor,');
    expect(letter.body.paragraphs.join(' ')).toContain('u gaat wonen in Lelystad');
    // The letter names the decision's own Dutch day, the day the minutes record.
    expect(letter.body.paragraphs[1]).toMatch(
      new RegExp(
        `^Op ${formatDutchDate(dutchToday())} heeft de Uitstroomtafel over uw woning besloten\\.`,
      ),
    );
    // Dated on the decision's day, addressed to the resident, and the objection goes to the
    // destination municipality by name (the rule set has no text of its own for it: the default).
    expect(letter.body.date).toBe(dutchToday());
    expect(letter.body.addressBlock[0]).toBe('Noor de Jong');
    expect(letter.body.paragraphs).toContain(defaultObjectionProcedure('Lelystad'));
    expect((await chair.get(`/api/cases/${view.id}/decision-letter`)).status).toBe(403);
  });
});

describe('the minutes PDF prints what was written', () => {
  it('embeds a font with the minus sign, diacritics, curly quotes and €; emoji get a readable fallback', async () => {
    const table = await planTable('Tafel “Noord” – café Zoë 🙂');
    const view = await readyCase(kwintes, t.db);
    const scheduled = await schedule(table.id, view);
    const published = (
      await chair.post(`/api/tables/${table.id}/publish`).send({ version: scheduled.version })
    ).body;
    const item = published.agenda[0];
    const decided = await chair.post(`/api/tables/${table.id}/agenda/${item.id}/decision`).send(
      await decisionBody(published, item, {
        preconditions: [
          {
            lifeDomain: 'incomeAndDebts',
            description: 'Huur € 650 per maand, saldo −250 na toeslag 👍🏽 🦄 geen ‘bezwaar’',
            ownerOrganisationId: await org('Gemeente Lelystad'),
            dueDate: '2027-01-15',
          },
        ],
      }),
    );
    expect(decided.status).toBe(200);
    const response = await binaryOf(chair.get(`/api/tables/${table.id}/minutes.pdf`));
    expect(response.status).toBe(200);
    const text = pdfText(response.body as Buffer);
    expect(text).toContain('Notulen: Tafel “Noord” – café Zoë :-)');
    expect(text).toContain(
      '• Inkomen en schulden: Huur € 650 per maand, saldo −250 na toeslag (duim omhoog) [symbool] geen ‘bezwaar’ — Gemeente Lelystad, uiterlijk 15 januari 2027',
    );
    expect(text).not.toMatch(/[\u{1F300}-\u{1FAFF}]/u);
  });
});

describe('a table decides on or after its own Dutch date (domain.md §4)', () => {
  it("refuses a decision before the table's day with its own code and a Dutch message, and records nothing", async () => {
    const tomorrow = addDays(dutchToday(), 1);
    const table = await planTable(
      'Tafel van morgen',
      undefined,
      dutchWallClockToMoment(tomorrow, '10:00')!.toISOString(),
    );
    // Planned after its own sharing deadline: late from the start, never overdue before it existed.
    expect(new Date(table.plannedAt).getTime()).toBeGreaterThan(
      new Date(table.publishBy).getTime(),
    );
    const view = await readyCase(kwintes, t.db);
    const scheduled = await schedule(table.id, view);
    const published = (
      await chair.post(`/api/tables/${table.id}/publish`).send({ version: scheduled.version })
    ).body;
    const item = published.agenda[0];
    const refused = await chair
      .post(`/api/tables/${table.id}/agenda/${item.id}/decision`)
      .send(await decisionBody(published, item));
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: {
        code: 'TABLE_NOT_YET_HELD',
        message: `Deze tafel is op ${formatDutchDate(tomorrow)}. Een besluit kan pas vanaf die dag worden vastgelegd.`,
        issues: [],
        details: { tableDate: tomorrow },
      },
    });
    const [row] = await t.db.query(
      'SELECT a.status, c.state, (SELECT count(*)::int FROM table_decision d WHERE d.agenda_item_id = a.id) AS decisions FROM agenda_item a JOIN case_file c ON c.id = a.case_id WHERE a.id = $1',
      [item.id],
    );
    expect(row).toEqual({ status: 'open', state: 'scheduled', decisions: 0 });
    // Closing it before its day is refused too (it would send its cases back as "not discussed").
    const closing = await chair
      .post(`/api/tables/${table.id}/close`)
      .send({ version: published.version });
    expect(closing.status).toBe(409);
    expect(closing.body.error).toMatchObject({
      code: 'TABLE_NOT_YET_HELD',
      message: `Deze tafel is op ${formatDutchDate(tomorrow)}. Een tafel kan pas vanaf die dag worden gesloten.`,
    });
    const [after] = await t.db.query(
      'SELECT t.state, c.state AS case_state FROM outflow_table t JOIN agenda_item a ON a.table_id = t.id JOIN case_file c ON c.id = a.case_id WHERE t.id = $1',
      [table.id],
    );
    expect(after).toEqual({ state: 'published', case_state: 'scheduled' });
  });

  it("decides on the table's own Dutch day, at any hour of it", async () => {
    const table = await planTable('Tafel van vandaag');
    expect(table.publishBy).toBe(agendaPublishBy(table.startsAt, 5));
    const view = await readyCase(kwintes, t.db);
    const published = (
      await chair
        .post(`/api/tables/${table.id}/publish`)
        .send({ version: (await schedule(table.id, view)).version })
    ).body;
    const decided = await chair
      .post(`/api/tables/${table.id}/agenda/${published.agenda[0].id}/decision`)
      .send(await decisionBody(published, published.agenda[0]));
    expect(decided.status).toBe(200);
  });
});

describe('the decision on the case page', () => {
  it('shows destination, preconditions and provider; the motivation only to seats that read exceptions', async () => {
    const table = await planTable('Tafel besluit op casus');
    const view = await readyCase(kwintes, t.db);
    const scheduled = await schedule(table.id, view);
    const published = (
      await chair.post(`/api/tables/${table.id}/publish`).send({ version: scheduled.version })
    ).body;
    const item = published.agenda[0];
    await chair.post(`/api/tables/${table.id}/agenda/${item.id}/decision`).send(
      await decisionBody(published, item, {
        destination: 'GM0050',
        motivation: 'De zus woont in Zeewolde en helpt dagelijks.',
      }),
    );
    const own = await kwintes.get(`/api/cases/${view.id}/decision`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      rule: 'herkomst',
      destination: 'GM0050',
      departsFromProposal: true,
      followUpProvider: 'Leger des Heils',
      motivation: 'De zus woont in Zeewolde en helpt dagelijks.',
    });
    expect(own.body.preconditions).toEqual([
      expect.objectContaining({
        lifeDomain: 'incomeAndDebts',
        ownerName: 'Gemeente Lelystad',
        dueDate: '2027-01-15',
        isDone: false,
      }),
    ]);
    const centrada = await t.signIn('corporatie@centrada.demo');
    const seen = await centrada.get(`/api/cases/${view.id}/decision`);
    expect(seen.status).toBe(200);
    expect(seen.body).not.toHaveProperty('motivation');
  });
});

describe('sharing the agenda', () => {
  it('refuses to share an empty agenda, in the one error shape, and changes nothing', async () => {
    const table = await planTable('Tafel zonder agenda');
    const refused = await chair
      .post(`/api/tables/${table.id}/publish`)
      .send({ version: table.version });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({
      error: {
        code: 'AGENDA_EMPTY',
        message:
          'De agenda is nog leeg. Zet eerst een casus op de agenda; een lege agenda wordt niet gedeeld.',
        issues: [],
      },
    });
    const [row] = await t.db.query(
      'SELECT state, version, published_at FROM outflow_table WHERE id = $1',
      [table.id],
    );
    expect(row).toEqual({ state: 'planned', version: table.version, published_at: null });
    // A case taken off again leaves the agenda empty too.
    const scheduled = await schedule(table.id, await readyCase(kwintes, t.db));
    const removed = await chair
      .post(`/api/tables/${table.id}/agenda/${scheduled.agenda[0].id}/remove`)
      .send({ version: scheduled.version, reason: 'Toch eerst naar de gemeentelijke tafel.' });
    expect(removed.status).toBe(200);
    expect(
      (await chair.post(`/api/tables/${table.id}/publish`).send({ version: removed.body.version }))
        .status,
    ).toBe(409);
  });

  it('refuses to share an agenda twice: the table is no longer planned, in its own code', async () => {
    const table = await planTable('Tafel twee keer gedeeld');
    const scheduled = await schedule(table.id, await readyCase(kwintes, t.db));
    const published = await chair
      .post(`/api/tables/${table.id}/publish`)
      .send({ version: scheduled.version });
    expect(published.status).toBe(200);
    const again = await chair
      .post(`/api/tables/${table.id}/publish`)
      .send({ version: published.body.version });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      code: 'TABLE_NOT_PLANNED',
      message: 'Dit kan niet bij een tafel met status ‘agenda gedeeld’.',
      issues: [],
    });
  });

  it("says by when: the region's number of calendar days before the table", async () => {
    const table = await planTable('Tafel deadline');
    expect(new Date(table.startsAt).getTime() - new Date(table.publishBy).getTime()).toBe(
      5 * 86_400_000,
    );
  });
});

describe("the minutes page: each seat's copy shows only what its projection allows", () => {
  it('names and motivations go only where the projection lets them', async () => {
    const table = await planTable('Tafel notulen per zetel');
    const safety = 'Onveilig netwerk in Lelystad: de ex-partner woont in dezelfde wijk.';
    const aCase = await readyCase(kwintes, t.db, {
      exceptions: [{ kind: 'A', motivation: safety }],
    });
    expect(aCase.proposal.result).toMatchObject({ outcome: 'A', destination: 'GM0050' });
    // Lelystad (the origin) has the resident's consent for sensitive information; the chair's organisation has not.
    await giveConsent(kwintes, t.db, aCase.id, 'Gemeente Lelystad', [
      'identityContact',
      'sensitive',
    ]);
    const other = await readyCase(kwintes, t.db, {
      identity: { firstName: 'Uitgesteld', lastName: 'Persoon', birthDate: '1970-03-03' },
    });
    await schedule(table.id, aCase);
    const scheduled = await schedule(table.id, other);
    const published = (
      await chair.post(`/api/tables/${table.id}/publish`).send({ version: scheduled.version })
    ).body;
    const [aItem] = published.agenda;
    const motivation =
      'De tafel volgt uitzondering A: Lelystad is niet veilig, Zeewolde wel (de zus woont er).';
    const decided = await chair
      .post(`/api/tables/${table.id}/agenda/${aItem.id}/decision`)
      .send(await decisionBody(published, aItem, { rule: 'A', motivation }));
    expect(decided.status).toBe(200);
    const closed = await chair
      .post(`/api/tables/${table.id}/close`)
      .send({ version: decided.body.version });
    expect(closed.status).toBe(200);
    expect(closed.body.agenda.map((a: { status: string }) => a.status)).toEqual([
      'decided',
      'deferred',
    ]);
    // The chair's organisation has no consent for sensitive information: it learns that a reason was recorded, not which.
    expect(closed.body.agenda[1]).toMatchObject({ hasNote: true });
    expect(closed.body.agenda[1]).not.toHaveProperty('note');

    const copyOf = async (agent: request.Agent) => {
      const response = await agent.get(`/api/tables/${table.id}`);
      expect(response.status).toBe(200);
      return tableViewSchema.parse(response.body);
    };
    const owner = await copyOf(kwintes);
    const chairs = await copyOf(chair);
    const lelystad = await copyOf(await t.signIn('gemeente@lelystad.demo'));
    const centrada = await copyOf(await t.signIn('corporatie@centrada.demo'));

    // Everyone sees who was present, by name, and the preconditions with owner and due date.
    for (const copy of [owner, chairs, lelystad, centrada]) {
      expect(copy.agenda![0]!.decision!.present.map((p) => p.organisationName)).toEqual([
        'Gemeente Lelystad',
        'Centrada',
      ]);
      expect(copy.agenda![0]!.decision!.preconditions).toEqual([
        expect.objectContaining({ ownerName: 'Gemeente Lelystad', dueDate: '2027-01-15' }),
      ]);
      expect(copy.agenda![1]!.status).toBe('deferred');
    }
    expect(owner.agenda![1]!.note).toBe('Niet behandeld aan tafel; terug naar uitstroomgereed.');
    // The motivation: the owning case manager and the consented origin municipality; the chair who
    // wrote it reads it back (issue 27.4), though its organisation has no consent; never a corporation.
    expect(owner.agenda![0]!.decision!.motivation).toBe(motivation);
    expect(lelystad.agenda![0]!.decision!.motivation).toBe(motivation);
    expect(chairs.agenda![0]!.decision!.motivation).toBe(motivation);
    expect(chairs.agenda![0]!.decision!.votes.some((v) => v.reason)).toBe(false);
    expect(centrada.agenda![0]!.decision).not.toHaveProperty('motivation');
    // Names: the owner always; the chair with consent; the corporation never.
    expect(owner.agenda![0]!.case).toHaveProperty('identity');
    expect(chairs.agenda![0]!.case).toHaveProperty('identity');
    expect(centrada.agenda![0]!.case).not.toHaveProperty('identity');
    const seenByCorporation = JSON.stringify(centrada);
    for (const secret of [
      safety,
      motivation,
      'de Jong',
      'Noor',
      'Uitgesteld',
      'Bipolaire',
      'Alcohol',
    ])
      expect(seenByCorporation).not.toContain(secret);
  });

  it("every case shown on the table is a read of personal data: one audit row per case, naming the table's day", async () => {
    const table = await planTable('Tafel auditlog');
    const view = await readyCase(kwintes, t.db);
    const scheduled = await schedule(table.id, view);
    await chair.post(`/api/tables/${table.id}/publish`).send({ version: scheduled.version });
    const centrada = await t.signIn('corporatie@centrada.demo');
    const before = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE subject_pseudonym = $1 AND actor_seat = 'corporation'`,
      [view.pseudonym],
    );
    expect((await centrada.get(`/api/tables/${table.id}`)).status).toBe(200);
    const rows = await t.db.query(
      `SELECT action, object_id, fields, purpose, details FROM audit_log WHERE subject_pseudonym = $1 AND actor_seat = 'corporation' ORDER BY at DESC`,
      [view.pseudonym],
    );
    expect(rows.length).toBe(before[0].n + 1);
    expect(rows[0]).toMatchObject({
      action: 'case.read',
      object_id: view.id,
      purpose: 'case_coordination',
      details: { tableId: table.id, tableDate: amsterdamDate(table.startsAt) },
    });
    expect(rows[0].fields).toEqual(expect.arrayContaining(['housingNeeds']));
    expect(rows[0].fields).not.toContain('identity');
  });
});

describe("the waiting target comes from the region's rule set", () => {
  it('a version stored before the setting existed reads as 90 days; a new version sets it', async () => {
    const region = async () =>
      (await kwintes.get('/api/region')).body as {
        ruleSetVersion: number;
        waitingTargetDays: number;
      };
    const [{ region_id: regionId, version, config }] = await t.db.query(
      `SELECT region_id, version, config FROM rule_set WHERE region_id = (SELECT id FROM region WHERE slug = 'flevoland') ORDER BY version DESC LIMIT 1`,
    );
    const { waitingTargetDays: _dropped, ...older } = config;
    await t.db.query('INSERT INTO rule_set (region_id, version, config) VALUES ($1, $2, $3)', [
      regionId,
      version + 1,
      JSON.stringify(older),
    ]);
    expect(await region()).toMatchObject({ ruleSetVersion: version + 1, waitingTargetDays: 90 });

    const admin = await t.signIn('beheer@flevoland.demo');
    const current = (await admin.get('/api/region/rule-set')).body;
    expect(current.config.waitingTargetDays).toBe(90);
    const saved = await admin.put('/api/region/rule-set').send({
      expectedVersion: current.version,
      config: { ...current.config, waitingTargetDays: 60 },
    });
    expect(saved.status).toBe(200);
    expect(await region()).toMatchObject({ ruleSetVersion: version + 2, waitingTargetDays: 60 });
    const history = (await admin.get('/api/region/rule-set/versions')).body;
    expect(history.versions[0].changes).toEqual([
      'Streeftermijn wachttijd: 90 dagen → 60 dagen na uitstroomgereed',
    ]);
    // A request must name it: the default is for stored versions only.
    const { waitingTargetDays: _missing, ...withoutTarget } = saved.body.config;
    const refused = await admin
      .put('/api/region/rule-set')
      .send({ expectedVersion: saved.body.version, config: withoutTarget });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toContainEqual({
      path: 'config.waitingTargetDays',
      message: 'Dit veld is verplicht.',
    });
  });
});

describe('free text about a resident follows the projection (issue 21)', () => {
  it("a deferral reason and an objection reach only the seats that read the case's sensitive fields; the audit log names the field, never the text", async () => {
    const invited = ['Gemeente Lelystad', 'Ymere', 'Timon', 'Kwintes'];
    const shelter = await readyCase(kwintes, t.db, {
      stay: {
        targetGroup: 'womensShelter',
        facility: 'Blijf Groep, Vrouwenopvang Almere',
        admissionDate: '2023-02-01',
      },
    });
    // The chair's organisation and Lelystad have the resident's consent for sensitive information; Ymere and Timon have none.
    await giveConsent(kwintes, t.db, shelter.id, coordination, [
      'identityContact',
      'supportNeeds',
      'sensitive',
    ]);
    await giveConsent(kwintes, t.db, shelter.id, 'Gemeente Lelystad', [
      'identityContact',
      'sensitive',
    ]);
    const reason = 'Eerst stabiliseren: de bewoner is opgenomen na psychose.';
    const first = await planTable('Tafel vrije tekst', invited);
    const scheduled = await schedule(
      first.id,
      (await kwintes.get(`/api/cases/${shelter.id}`)).body,
    );
    const shared = (
      await chair.post(`/api/tables/${first.id}/publish`).send({ version: scheduled.version })
    ).body;
    const deferred = await chair
      .post(`/api/tables/${first.id}/agenda/${shared.agenda[0].id}/defer`)
      .send({ version: shared.version, reason });
    expect(deferred.status).toBe(200);

    const ymere = await t.signIn('corporatie@ymere.demo');
    const timon = await t.signIn('aanbieder@timon.demo');
    const lelystad = await t.signIn('gemeente@lelystad.demo');
    const itemFor = async (agent: request.Agent, tableId = first.id) => {
      const response = await agent.get(`/api/tables/${tableId}`);
      expect(response.status).toBe(200);
      return tableViewSchema.parse(response.body).agenda![0]!;
    };
    for (const agent of [chair, kwintes, lelystad])
      expect(await itemFor(agent)).toMatchObject({
        status: 'deferred',
        note: reason,
        hasNote: true,
      });
    for (const agent of [ymere, timon]) {
      const item = await itemFor(agent);
      expect(item).toMatchObject({ status: 'deferred', hasNote: true });
      expect(item).not.toHaveProperty('note');
      expect(JSON.stringify(item)).not.toContain('psychose');
    }

    // An objection's reason: the same gate as the decision's motivation.
    const objection = 'Bezwaar: in Lelystad woont de ex-partner die haar heeft mishandeld.';
    const second = await planTable('Tafel bezwaar', invited);
    const again = await schedule(second.id, (await kwintes.get(`/api/cases/${shelter.id}`)).body);
    const open = (
      await chair.post(`/api/tables/${second.id}/publish`).send({ version: again.version })
    ).body;
    const lelystadId = await org('Gemeente Lelystad');
    const decided = await chair
      .post(`/api/tables/${second.id}/agenda/${open.agenda[0].id}/decision`)
      .send(
        await decisionBody(open, open.agenda[0], {
          present: [
            { organisationId: lelystadId, seat: 'municipality' },
            { organisationId: await org('Ymere'), seat: 'corporation' },
          ],
          votes: [
            {
              organisationId: lelystadId,
              seat: 'municipality',
              position: 'object',
              reason: objection,
            },
          ],
        }),
      );
    expect(decided.status).toBe(200);
    expect((await itemFor(lelystad, second.id)).decision!.votes).toEqual([
      expect.objectContaining({ position: 'object', reason: objection }),
    ]);
    for (const agent of [ymere, timon]) {
      const { votes } = (await itemFor(agent, second.id)).decision!;
      expect(votes).toEqual([
        expect.objectContaining({ organisationId: lelystadId, position: 'object' }),
      ]);
      expect(votes[0]).not.toHaveProperty('reason');
    }

    const audit = await t.db.query(
      `SELECT details FROM audit_log WHERE subject_pseudonym = $1 AND details->>'transition' = 'unschedule'`,
      [shelter.pseudonym],
    );
    expect(audit).toEqual([
      {
        details: {
          transition: 'unschedule',
          tableId: first.id,
          deferred: true,
          textFields: ['note'],
        },
      },
    ]);
    const [{ leaks }] = await t.db.query(
      `SELECT count(*)::int AS leaks FROM audit_log WHERE details::text LIKE '%psychose%' OR details::text LIKE '%ex-partner%'`,
    );
    expect(leaks).toBe(0);
  });
});

describe("the region's minimum-binding test (issue 32)", () => {
  it('a short stay leaves the origin unknown: the proposal and the decision carry the figures; under A the last woonadres stays excluded', async () => {
    const admin = await t.signIn('beheer@flevoland.demo');
    const setBinding = async (isEnabled: boolean) => {
      const current = (await admin.get('/api/region/rule-set')).body;
      const saved = await admin.put('/api/region/rule-set').send({
        expectedVersion: current.version,
        config: { ...current.config, bindingTest: { isEnabled, minYears: 2, withinYears: 5 } },
      });
      expect(saved.status).toBe(200);
    };
    await setBinding(true);
    try {
      // 546 days in Lelystad before the admission of 1 March 2022: fewer than 2 × 365.
      const shortStay = [
        {
          municipality: 'GM0995',
          kind: 'woonadres' as const,
          from: '2020-09-01',
          to: '2022-03-01',
          source: 'brp' as const,
        },
      ];
      const figures = { municipality: 'GM0995', daysBound: 546, daysRequired: 730, holds: false };
      const short = await readyCase(kwintes, t.db, { addresses: shortStay });
      expect(short.proposal.result).toMatchObject({
        outcome: 'C',
        origin: null,
        binding: figures,
      });
      expect(short.origin).toBeNull();
      expect(short.proposal.result.reasons.join(' ')).toContain(
        'woonde de bewoner 546 dagen in Lelystad, en vereist zijn 730 dagen',
      );

      // Under A with every other municipality excluded, the distribution has no one left: the
      // municipality of the last woonadres stays excluded although it is not the origin.
      const others = ['GM0034', 'GM0303', 'GM0171', 'GM0184', 'GM0050'];
      const obstacles = await readyCase(kwintes, t.db, {
        addresses: shortStay,
        exceptions: [{ kind: 'A', motivation: 'Onveilig netwerk in Lelystad, vastgelegd.' }],
        excluded: others,
      });
      expect(obstacles.proposal.result).toMatchObject({ outcome: 'A', destination: null });

      const table = await planTable('Tafel minimale binding');
      await schedule(table.id, short);
      const scheduled = await schedule(table.id, obstacles);
      const view = (
        await chair.post(`/api/tables/${table.id}/publish`).send({ version: scheduled.version })
      ).body;
      const [shortItem, obstaclesItem] = view.agenda;
      const refused = await chair
        .post(`/api/tables/${table.id}/agenda/${obstaclesItem.id}/decision`)
        .send(
          await decisionBody(view, obstaclesItem, {
            rule: 'A',
            motivation: 'Belemmeringen in Lelystad, zie dossier.',
          }),
        );
      expect(refused.status).toBe(400);
      expect(refused.body.error.issues).toContainEqual({
        path: 'destination',
        message: 'Geen gemeente over voor verdeling: kies de bestemming.',
      });

      const decided = await chair
        .post(`/api/tables/${table.id}/agenda/${shortItem.id}/decision`)
        .send(await decisionBody(view, shortItem, { rule: 'C' }));
      expect(decided.status).toBe(200);
      const decision = decided.body.agenda.find(
        (a: { id: string }) => a.id === shortItem.id,
      ).decision;
      expect(decision.binding).toEqual(figures);
      const [row] = await t.db.query('SELECT binding FROM table_decision WHERE case_id = $1', [
        short.id,
      ]);
      expect(row.binding).toEqual(figures);
    } finally {
      await setBinding(false);
    }
  });
});

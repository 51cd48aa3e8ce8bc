import request from 'supertest';
import { addDays, dutchToday, dutchWallClockToMoment, tableViewSchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { newCase, readyCase, giveConsent } from '../../../tests/support/case-factory';

/**
 * Issue 26, item 1 (server): a planned or shared table is corrected (date, time, place, video
 * link, invitees) and cancelled with a reason; putting a case on an agenda invites the
 * municipalities it concerns; a shared agenda always has invitees.
 */
let t: TestApp;
let chair: request.Agent;
let kwintes: request.Agent;
const coordination = 'Regionale coördinatie Flevoland (centrumgemeente Almere)';
const org = async (name: string) =>
  (await t.db.query('SELECT id FROM organisation WHERE name = $1', [name]))[0].id as string;
const nextWeek = () => dutchWallClockToMoment(addDays(dutchToday(), 7), '10:00')!.toISOString();

beforeAll(async () => {
  t = await startTestApp();
  chair = await t.signIn('voorzitter@almere.demo');
  kwintes = await t.signIn('regisseur@kwintes.demo');
});
afterAll(async () => {
  await t.close();
});

async function plan(title: string, invited: string[] = []) {
  const response = await chair.post('/api/tables').send({
    title,
    startsAt: nextWeek(),
    location: 'Stadhuis Almere, zaal 2',
    invitedOrganisationIds: await Promise.all(invited.map(org)),
  });
  expect(response.status).toBe(201);
  return tableViewSchema.parse(response.body);
}

async function schedule(tableId: string, caseView: Record<string, any>) {
  const table = (await kwintes.get(`/api/tables/${tableId}`)).body;
  const response = await kwintes
    .post(`/api/tables/${tableId}/agenda`)
    .send({ version: table.version, caseId: caseView.id, caseVersion: caseView.version });
  expect(response.status).toBe(200);
  return tableViewSchema.parse(response.body);
}

async function publish(tableId: string) {
  const table = (await chair.get(`/api/tables/${tableId}`)).body;
  return chair.post(`/api/tables/${tableId}/publish`).send({ version: table.version });
}

/** A ready case whose proposal goes to Dronten (exception B), from Lelystad. */
async function caseToDronten() {
  const view = await newCase(kwintes, {
    exceptions: [
      {
        kind: 'B',
        municipality: 'GM0303',
        ground: 'daginvulling',
        canTravelFromOrigin: false,
        motivation: 'Vast werk bij een bedrijf in Dronten, niet te bereizen.',
      },
    ],
  });
  await giveConsent(kwintes, t.db, view.id, coordination);
  const current = (await kwintes.get(`/api/cases/${view.id}`)).body;
  const ready = await kwintes
    .post(`/api/cases/${view.id}/transitions`)
    .send({ transition: 'markReady', version: current.version });
  expect(ready.status).toBe(200);
  expect(ready.body.proposal.result.destination).toBe('GM0303');
  return ready.body;
}

const notificationsOf = async (agent: request.Agent) =>
  (await agent.get('/api/notifications?pageSize=100')).body.items as {
    kind: string;
    title: string;
    link: unknown;
  }[];

describe('putting a case on an agenda invites the municipalities it concerns', () => {
  it('origin and proposed destination are invited; the destination sees the shared table at once', async () => {
    const table = await plan('Tafel zonder genodigden');
    expect(table.invited).toEqual([]);
    const view = await caseToDronten();
    const scheduled = await schedule(table.id, view);
    expect(scheduled.invited.map((o) => o.name)).toEqual(['Gemeente Dronten', 'Gemeente Lelystad']);
    expect((await publish(table.id)).status).toBe(200);
    const dronten = await t.signIn('gemeente@dronten.demo');
    const seen = await dronten.get(`/api/tables/${table.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.agenda.map((a: { caseId: string }) => a.caseId)).toEqual([view.id]);
    expect((await dronten.get(`/api/cases/${view.id}`)).status).toBe(200);
  });

  it('a municipality invited by scheduling on a shared agenda hears of it as the others did', async () => {
    const table = await plan('Tafel al gedeeld', ['Gemeente Lelystad']);
    await schedule(table.id, await readyCase(kwintes, t.db));
    expect((await publish(table.id)).status).toBe(200);
    await schedule(table.id, await caseToDronten());
    const told = (await notificationsOf(await t.signIn('gemeente@dronten.demo'))).filter(
      (n) => n.kind === 'agendaPublished' && n.title.includes('Tafel al gedeeld'),
    );
    expect(told).toHaveLength(1);
  });

  it('an organisation already invited is not invited twice; another case adds only what is missing', async () => {
    const table = await plan('Tafel met Lelystad', ['Gemeente Lelystad', 'Centrada']);
    await schedule(table.id, await readyCase(kwintes, t.db));
    const second = await schedule(table.id, await caseToDronten());
    expect(second.invited.map((o) => o.name).sort()).toEqual([
      'Centrada',
      'Gemeente Dronten',
      'Gemeente Lelystad',
    ]);
  });
});

describe('a shared agenda has invitees', () => {
  it('sharing an agenda with nobody invited is refused at its field, and so is emptying the invitees of a shared table', async () => {
    const table = await plan('Tafel die niemand uitnodigt');
    const scheduled = await schedule(table.id, await readyCase(kwintes, t.db));
    // The chair takes the invited municipality off again before sharing.
    const emptied = await chair.put(`/api/tables/${table.id}`).send({
      version: scheduled.version,
      details: { title: scheduled.title, startsAt: scheduled.startsAt, invitedOrganisationIds: [] },
    });
    expect(emptied.status).toBe(200);
    const refused = await publish(table.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('TABLE_HAS_NO_INVITEES');
    expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'invitedOrganisationIds',
    ]);
    expect((await chair.get(`/api/tables/${table.id}`)).body.state).toBe('planned');

    const lelystad = await org('Gemeente Lelystad');
    const invited = await chair.put(`/api/tables/${table.id}`).send({
      version: emptied.body.version,
      details: {
        title: scheduled.title,
        startsAt: scheduled.startsAt,
        invitedOrganisationIds: [lelystad],
      },
    });
    expect(invited.status).toBe(200);
    const shared = await publish(table.id);
    expect(shared.status).toBe(200);
    const empty = await chair.put(`/api/tables/${table.id}`).send({
      version: shared.body.version,
      details: { title: scheduled.title, startsAt: scheduled.startsAt, invitedOrganisationIds: [] },
    });
    expect(empty.status).toBe(409);
    expect(empty.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'details.invitedOrganisationIds',
    ]);
  });
});

describe('the chair corrects a planned or shared table', () => {
  it.each(['planned', 'published'] as const)(
    'a %s table: date, time, place, video link and invitees change; an invitee added later sees the shared agenda at once',
    async (state) => {
      const table = await plan(`Tafel te corrigeren (${state})`, ['Gemeente Lelystad']);
      const view = await readyCase(kwintes, t.db);
      let current = await schedule(table.id, view);
      if (state === 'published') current = tableViewSchema.parse((await publish(table.id)).body);
      const startsAt = dutchWallClockToMoment(addDays(dutchToday(), 9), '14:30')!.toISOString();
      const [centrada, lelystad] = [await org('Centrada'), await org('Gemeente Lelystad')];
      const updated = await chair.put(`/api/tables/${table.id}`).send({
        version: current.version,
        details: {
          title: current.title,
          startsAt,
          location: 'Stadskantoor Lelystad, zaal 4',
          videoUrl: 'https://meet.example.nl/uitstroomtafel',
          invitedOrganisationIds: [lelystad, centrada],
        },
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        state,
        startsAt,
        location: 'Stadskantoor Lelystad, zaal 4',
        videoUrl: 'https://meet.example.nl/uitstroomtafel',
      });
      expect(updated.body.invited.map((o: { name: string }) => o.name)).toEqual([
        'Centrada',
        'Gemeente Lelystad',
      ]);
      const corporation = await t.signIn('corporatie@centrada.demo');
      const seen = await corporation.get(`/api/tables/${table.id}`);
      if (state === 'published') {
        expect(seen.status).toBe(200);
        expect(seen.body.agenda.map((a: { caseId: string }) => a.caseId)).toEqual([view.id]);
      } else expect(seen.status).toBe(404);
      // Invited to a shared agenda: told as the others were; those invited before are not told twice.
      const sharedNotice = (n: { kind: string; title: string }) =>
        n.kind === 'agendaPublished' && n.title.includes(current.title);
      const expected = state === 'published' ? 1 : 0;
      expect((await notificationsOf(corporation)).filter(sharedNotice)).toHaveLength(expected);
      const municipality = await t.signIn('gemeente@lelystad.demo');
      expect((await notificationsOf(municipality)).filter(sharedNotice)).toHaveLength(expected);
    },
  );
});

describe('POST /api/tables/:tableId/cancel', () => {
  it.each(['planned', 'published'] as const)(
    'cancels a %s table with a reason: its cases go back to uitstroomgereed, invitees are told, it stays readable as cancelled',
    async (state) => {
      const table = await plan(`Tafel die niet doorgaat (${state})`, ['Centrada']);
      const view = await readyCase(kwintes, t.db);
      await schedule(table.id, view);
      if (state === 'published') expect((await publish(table.id)).status).toBe(200);
      const before = (await chair.get(`/api/tables/${table.id}`)).body;
      const lelystad = await t.signIn('gemeente@lelystad.demo');
      const centrada = await t.signIn('corporatie@centrada.demo');
      const told = async (agent: request.Agent) =>
        (await notificationsOf(agent)).filter(
          (n) => n.kind === 'tableCancelled' && n.title.includes(table.title),
        ).length;

      const cancelled = await chair.post(`/api/tables/${table.id}/cancel`).send({
        version: before.version,
        reason: 'De voorzitter is ziek; de casussen gaan mee naar de volgende tafel.',
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({
        state: 'cancelled',
        cancelReason: 'De voorzitter is ziek; de casussen gaan mee naar de volgende tafel.',
      });
      expect(cancelled.body.cancelledAt).toEqual(expect.any(String));
      // The agenda holds no open item: the case was taken off, the reason kept on its item.
      expect(cancelled.body.agenda).toEqual([]);
      expect(
        await t.db.query('SELECT status, note FROM agenda_item WHERE table_id = $1', [table.id]),
      ).toEqual([
        {
          status: 'removed',
          note: 'Tafel geannuleerd: De voorzitter is ziek; de casussen gaan mee naar de volgende tafel.',
        },
      ]);
      expect((await kwintes.get(`/api/cases/${view.id}`)).body.state).toBe('ready');

      // The invitees (Centrada by the chair, Lelystad by the case) and the case manager are told.
      expect(await told(centrada)).toBe(1);
      expect(await told(lelystad)).toBe(1);
      expect(await told(kwintes)).toBe(1);
      expect(await told(chair)).toBe(0);

      // Readable as cancelled, by the chair and by an invitee (without the released agenda).
      const seen = await lelystad.get(`/api/tables/${table.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({
        state: 'cancelled',
        cancelReason: cancelled.body.cancelReason,
      });
      expect(seen.body).not.toHaveProperty('agenda');
      const listed = (await chair.get('/api/tables?state=cancelled')).body.map(
        (x: { id: string }) => x.id,
      );
      expect(listed).toContain(table.id);

      // Nothing more happens on it; the case goes on another table.
      const again = await chair
        .post(`/api/tables/${table.id}/cancel`)
        .send({ version: cancelled.body.version, reason: 'Nog een keer annuleren.' });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('TABLE_CANCELLED');
      const current = (await kwintes.get(`/api/cases/${view.id}`)).body;
      const onCancelled = await kwintes
        .post(`/api/tables/${table.id}/agenda`)
        .send({ version: cancelled.body.version, caseId: view.id, caseVersion: current.version });
      expect(onCancelled.status).toBe(409);
      expect(onCancelled.body.error.code).toBe('TABLE_CANCELLED');
      const next = await plan(`Volgende tafel (${state})`, ['Gemeente Lelystad']);
      await schedule(next.id, current);
    },
  );

  it('only the chair cancels, with a reason of ten characters or more; a closed table is not cancelled', async () => {
    const table = await plan('Tafel van de voorzitter', ['Gemeente Lelystad']);
    const refused = await kwintes
      .post(`/api/tables/${table.id}/cancel`)
      .send({ version: table.version, reason: 'Ik wil deze tafel niet.' });
    expect(refused.status).toBe(403);
    const short = await chair
      .post(`/api/tables/${table.id}/cancel`)
      .send({ version: table.version, reason: 'ziek' });
    expect(short.status).toBe(400);
    expect(short.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['reason']);
    const stale = await chair
      .post(`/api/tables/${table.id}/cancel`)
      .send({ version: table.version + 1, reason: 'De zaal is niet beschikbaar.' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const [row] = await t.db.query(
      'SELECT state, cancelled_at, cancel_reason FROM outflow_table WHERE id = $1',
      [table.id],
    );
    expect(row).toEqual({ state: 'planned', cancelled_at: null, cancel_reason: null });

    await t.db.query(
      `UPDATE outflow_table SET state = 'closed', published_at = now(), closed_at = now() WHERE id = $1`,
      [table.id],
    );
    const closed = await chair
      .post(`/api/tables/${table.id}/cancel`)
      .send({ version: table.version, reason: 'Achteraf toch niet gehouden.' });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('TABLE_CLOSED');
  });
});

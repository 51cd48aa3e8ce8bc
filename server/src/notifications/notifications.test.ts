import type request from 'supertest';
import {
  notificationListSchema,
  notificationPreferencesSchema,
  type NotificationEvent,
} from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { startSmtpServer, type ReceivedMail } from '../../../tests/support/smtp';
import { readyCase } from '../../../tests/support/case-factory';
import {
  decideFirst,
  moveTableToToday,
  planTable,
  publishTable,
  scheduleCase,
  userId,
} from '../../../tests/support/table-flow';
import { liveEventsOf, type LiveEvent } from '../core/live-events';
import { notificationMailsSettled, notify } from './notify';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let chair: request.Agent;
let kwintes: request.Agent;
const live: LiveEvent[] = [];
const publicUrl = 'https://uitstroomtafel.example.nl';
const title = `Uitstroomtafel meldingen ${Date.now().toString(36)}`;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ smtpUrl: smtp.url, publicUrl });
  liveEventsOf(t.db).subscribe((event) => {
    live.push(event);
  });
  chair = await t.signIn('voorzitter@almere.demo');
  kwintes = await t.signIn('regisseur@kwintes.demo');
});
afterAll(async () => {
  await notificationMailsSettled(t.db);
  await t.close();
  await smtp.close();
});

const recipientsOf = async (where: string, id: string) =>
  (
    await t.db.query(
      `SELECT u.email FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.${where} = $1 ORDER BY u.email`,
      [id],
    )
  ).map((r: { email: string }) => r.email);

/** A mail about a notification says who it is for, the region, the kind in general words and a link; nothing about a resident. */
function expectNoResidentIn(mail: ReceivedMail, ...forbidden: string[]) {
  for (const word of ['Noor', 'de Jong', 'Bipolaire', 'Alcohol', 'Bewindvoering', ...forbidden])
    expect(mail.text).not.toContain(word);
  expect(mail.text).not.toMatch(/R-[0-9A-Z]{8}/);
  expect(mail.text).not.toMatch(/casussen|tafels\//);
}

let tableId = '';
let caseView: Record<string, any>;

describe('notifications of a table', () => {
  it('sharing the agenda tells the invited organisations and the owning case manager, in the app, live and by mail', async () => {
    const table = await planTable(chair, t.db, {
      title,
      invited: ['Gemeente Lelystad', 'Centrada'],
      startsAt: '2031-12-03T09:00:00Z',
    });
    tableId = table.id;
    caseView = await readyCase(kwintes, t.db);
    await scheduleCase(kwintes, tableId, caseView);
    live.length = 0;
    await publishTable(chair, tableId);
    await notificationMailsSettled(t.db);

    // Not the chair who shared it, not an organisation that was not invited.
    expect(await recipientsOf('table_id', tableId)).toEqual([
      'corporatie@centrada.demo',
      'gemeente@lelystad.demo',
      'regisseur@kwintes.demo',
    ]);
    const centradaId = await userId(t.db, 'corporatie@centrada.demo');
    expect(live).toContainEqual({ kind: 'notifications', userId: centradaId });
    expect(live).not.toContainEqual({
      kind: 'notifications',
      userId: await userId(t.db, 'voorzitter@almere.demo'),
    });

    const centrada = await t.signIn('corporatie@centrada.demo');
    const list = notificationListSchema.parse((await centrada.get('/api/notifications')).body);
    expect(list.unreadCount).toBe(1);
    expect(list.items[0]).toMatchObject({
      kind: 'agendaPublished',
      title: `Agenda gedeeld: ${title}, 3 december 2031`,
      readAt: null,
      link: { to: `/tafels/${tableId}`, label: 'Naar de tafel' },
    });
    expect((await centrada.get('/api/notifications/unread-count')).body).toEqual({
      unreadCount: 1,
    });

    const mail = await smtp.waitForMail('corporatie@centrada.demo');
    expect(mail.subject).toBe('Nieuwe melding in de Uitstroomtafel: agenda gedeeld');
    expect(mail.text).toContain('Beste Linda Meijer,');
    expect(mail.text).toContain(
      'in de Uitstroomtafel van regio Flevoland: de agenda van een uitstroomtafel is met u gedeeld.',
    );
    expect(mail.text).toContain(`${publicUrl}/meldingen`);
    expect(mail.text).not.toContain(title);
    expectNoResidentIn(mail);
    await smtp.waitForMail('gemeente@lelystad.demo');
    await smtp.waitForMail('regisseur@kwintes.demo');
    expect(smtp.mails.filter((m) => m.to === 'voorzitter@almere.demo')).toEqual([]);
  });

  it('a decision tells the destination, the follow-up provider, the case manager and the precondition owners; no mail names the resident', async () => {
    await moveTableToToday(t.db, tableId);
    await decideFirst(chair, t.db, tableId, {
      preconditionOwners: ['Centrada', 'Gemeente Lelystad'],
      followUpProvider: 'Leger des Heils',
    });
    await notificationMailsSettled(t.db);
    // The provider seat of Leger des Heils, not its case managers; the destination Lelystad (origin rule).
    expect(await recipientsOf('case_id', caseView.id)).toEqual([
      'aanbieder@leger-des-heils.demo',
      'corporatie@centrada.demo',
      'gemeente@lelystad.demo',
      'regisseur@kwintes.demo',
    ]);
    const ldh = await t.signIn('aanbieder@leger-des-heils.demo');
    const [notification] = notificationListSchema.parse(
      (await ldh.get('/api/notifications')).body,
    ).items;
    expect(notification).toMatchObject({
      kind: 'decisionConcerns',
      title: `Besluit over casus ${caseView.pseudonym} (${title})`,
      link: { to: `/casussen/${caseView.id}`, label: 'Naar de casus' },
    });
    expect(notification!.title).not.toMatch(/Noor|de Jong/);
    // The same notification, named as each reader's projection of the case allows: the case manager
    // sees the name, the corporation the kenmerk; the stored row (and so the mail) names no one.
    const decisionTitleOf = async (email: string) =>
      notificationListSchema
        .parse((await (await t.signIn(email)).get('/api/notifications?pageSize=100')).body)
        .items.find((n) => n.kind === 'decisionConcerns' && n.title.endsWith(`(${title})`))?.title;
    expect(await decisionTitleOf('regisseur@kwintes.demo')).toBe(
      `Besluit over Noor de Jong (${title})`,
    );
    expect(await decisionTitleOf('corporatie@centrada.demo')).toBe(
      `Besluit over casus ${caseView.pseudonym} (${title})`,
    );
    const stored = await t.db.query('SELECT title FROM notification WHERE case_id = $1', [
      caseView.id,
    ]);
    expect(stored.map((row: { title: string }) => row.title).join()).not.toMatch(/Noor|de Jong/);
    for (const to of [
      'aanbieder@leger-des-heils.demo',
      'corporatie@centrada.demo',
      'gemeente@lelystad.demo',
      'regisseur@kwintes.demo',
    ]) {
      const mail = await smtp.waitForMail(to);
      expect(mail.subject).toBe('Nieuwe melding in de Uitstroomtafel: besluit dat u aangaat');
      expectNoResidentIn(mail, caseView.pseudonym);
    }
  });
});

describe('preferences', () => {
  it('are "at once" for every kind until chosen; a bad choice changes nothing', async () => {
    const almere = await t.signIn('gemeente@almere.demo');
    const defaults = notificationPreferencesSchema.parse(
      (await almere.get('/api/notifications/preferences')).body,
    );
    expect(Object.values(defaults).every((d) => d === 'immediately')).toBe(true);

    for (const [body, path] of [
      [{ agendaPublished: 'weekly' }, 'agendaPublished'],
      [{ newsletter: 'digest' }, 'newsletter'],
      [{ signal: null }, 'signal'],
    ] as const) {
      const refused = await almere.put('/api/notifications/preferences').send(body);
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await almere.get('/api/notifications/preferences')).body).toEqual(defaults);

    const saved = await almere
      .put('/api/notifications/preferences')
      .send({ agendaPublished: 'digest', signal: 'none' });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...defaults, agendaPublished: 'digest', signal: 'none' });
    expect(
      (await almere.put('/api/notifications/preferences').send({ signal: 'immediately' })).body,
    ).toEqual({ ...defaults, agendaPublished: 'digest' });
    // Another user's choices are their own.
    expect(
      (await (await t.signIn('gemeente@lelystad.demo')).get('/api/notifications/preferences')).body,
    ).toEqual(defaults);
  });

  it('a kind moved to the digest sends no mail at once; it waits for the digest', async () => {
    const almere = await t.signIn('gemeente@almere.demo');
    await almere.put('/api/notifications/preferences').send({ agendaPublished: 'digest' });
    const other = await planTable(chair, t.db, {
      title: `${title} (2)`,
      invited: ['Gemeente Almere', 'Gemeente Lelystad'],
    });
    await scheduleCase(kwintes, other.id, await readyCase(kwintes, t.db));
    await publishTable(chair, other.id);
    await notificationMailsSettled(t.db);
    await smtp.waitForMail('gemeente@lelystad.demo');
    expect(smtp.mails.filter((m) => m.to === 'gemeente@almere.demo')).toEqual([]);
    const [row] = await t.db.query(
      `SELECT n.delivery, n.mailed_at FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = 'gemeente@almere.demo' AND n.table_id = $1`,
      [other.id],
    );
    expect(row).toEqual({ delivery: 'digest', mailed_at: null });
    await smtp.waitForMail('regisseur@kwintes.demo');
  });
});

describe('reading', () => {
  it('marks one read, then all; another user’s notification is not found and stays unread', async () => {
    const lelystad = await t.signIn('gemeente@lelystad.demo');
    const before = notificationListSchema.parse((await lelystad.get('/api/notifications')).body);
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    const first = before.items[0]!;
    expect((await lelystad.post(`/api/notifications/${first.id}/read`).send({})).body).toEqual({
      unreadCount: before.unreadCount - 1,
    });
    // Twice is the same as once.
    expect((await lelystad.post(`/api/notifications/${first.id}/read`).send({})).body).toEqual({
      unreadCount: before.unreadCount - 1,
    });

    const centrada = await t.signIn('corporatie@centrada.demo');
    const theirs = notificationListSchema
      .parse((await centrada.get('/api/notifications')).body)
      .items.find((n) => n.readAt === null)!;
    const foreign = await lelystad.post(`/api/notifications/${theirs.id}/read`).send({});
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    const [{ read_at: readAt }] = await t.db.query(
      'SELECT read_at FROM notification WHERE id = $1',
      [theirs.id],
    );
    expect(readAt).toBeNull();

    expect((await lelystad.post('/api/notifications/not-an-id/read').send({})).status).toBe(400);
    expect(
      (await lelystad.post(`/api/notifications/${first.id}/read`).send({ all: true })).status,
    ).toBe(400);

    live.length = 0;
    expect((await lelystad.post('/api/notifications/read-all').send({})).body).toEqual({
      unreadCount: 0,
    });
    expect(live).toContainEqual({
      kind: 'notifications',
      userId: await userId(t.db, 'gemeente@lelystad.demo'),
    });
    const after = notificationListSchema.parse((await lelystad.get('/api/notifications')).body);
    expect(after.unreadCount).toBe(0);
    expect(after.items.every((n) => n.readAt !== null)).toBe(true);
    expect(
      notificationListSchema.parse((await centrada.get('/api/notifications')).body).unreadCount,
    ).toBeGreaterThan(0);
  });

  it('lists unread first or newest first, a page at a time; a bad query is refused', async () => {
    const own = await t.signIn('regisseur@kwintes.demo');
    const all = notificationListSchema.parse(
      (await own.get('/api/notifications?order=newest')).body,
    );
    expect(all.total).toBeGreaterThanOrEqual(3);
    const times = all.items.map((n) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // Read the newest: with unread first it moves to the back.
    await own.post(`/api/notifications/${all.items[0]!.id}/read`).send({});
    const unreadFirst = notificationListSchema.parse((await own.get('/api/notifications')).body);
    expect(unreadFirst.items.at(-1)!.id).toBe(all.items[0]!.id);
    expect(unreadFirst.items.slice(0, -1).every((n) => n.readAt === null)).toBe(true);
    const page2 = notificationListSchema.parse(
      (await own.get('/api/notifications?order=newest&page=2&pageSize=1')).body,
    );
    expect(page2).toMatchObject({ page: 2, pageSize: 1, total: all.total });
    expect(page2.items.map((n) => n.id)).toEqual([all.items[1]!.id]);

    for (const [query, path] of [
      ['order=oldest', 'order'],
      ['pageSize=500', 'pageSize'],
      ['userId=x', 'userId'],
    ]) {
      const refused = await own.get(`/api/notifications?${query}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
  });

  it('the region administrator has an empty list', async () => {
    const admin = await t.signIn('beheer@flevoland.demo');
    expect((await admin.get('/api/notifications')).body).toMatchObject({
      items: [],
      total: 0,
      unreadCount: 0,
    });
  });
});

describe('notify()', () => {
  it('tells nobody of a change that rolled back: no row, no live event, no mail', async () => {
    const lelystadId = await userId(t.db, 'gemeente@lelystad.demo');
    const [{ region_id: regionId }] = await t.db.query(
      'SELECT region_id FROM case_file WHERE id = $1',
      [caseView.id],
    );
    const event: NotificationEvent = {
      kind: 'placementToConfirm',
      regionId,
      caseId: caseView.id,
      pseudonym: caseView.pseudonym,
      destinationMunicipalityCode: 'GM0995',
    };
    live.length = 0;
    smtp.mails.length = 0;
    await expect(
      t.db.transaction(async (tx) => {
        expect(await notify(tx, event)).toBe(1);
        throw new Error('the change failed after notifying');
      }),
    ).rejects.toThrow('the change failed');
    await notificationMailsSettled(t.db);
    expect(
      await t.db.query(`SELECT id FROM notification WHERE kind = 'placementToConfirm'`),
    ).toEqual([]);
    expect(live).toEqual([]);
    expect(smtp.mails).toEqual([]);

    // The same, committed: one row, one live event and one mail for the destination.
    await t.db.transaction((tx) => notify(tx, event));
    await notificationMailsSettled(t.db);
    expect(live).toEqual([{ kind: 'notifications', userId: lelystadId }]);
    expect((await smtp.waitForMail('gemeente@lelystad.demo')).subject).toBe(
      'Nieuwe melding in de Uitstroomtafel: plaatsing om te bevestigen',
    );
  });

  it('refuses to run outside a transaction', async () => {
    await expect(notify(t.db.manager, [])).rejects.toThrow('inside the transaction');
  });
});

import type request from 'supertest';
import { caseAccessLogSchema, type CaseAccessLogEntry } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { giveConsent, newCase } from '../../../tests/support/case-factory';

// The case manager's access log of one case: who read or changed what, when, why.
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

const coordination = 'Regionale coördinatie Flevoland (centrumgemeente Almere)';

async function accessLog(caseId: string): Promise<CaseAccessLogEntry[]> {
  const response = await kwintes.get(`/api/cases/${caseId}/access-log`);
  expect(response.status).toBe(200);
  return caseAccessLogSchema.parse(response.body).entries;
}

describe('the access log of a case', () => {
  it('shows the owning case manager who looked: the chair by name, organisation and seat, with the fields and the purpose', async () => {
    const view = await newCase(kwintes);
    await giveConsent(kwintes, t.db, view.id, coordination, ['identityContact', 'housingProfile']);
    expect((await chair.get(`/api/cases/${view.id}`)).status).toBe(200);

    const entries = await accessLog(view.id);
    const chairRead = entries.find(
      (e) => e.action === 'case.read' && e.actor?.name === 'Marieke de Vries',
    );
    expect(chairRead).toMatchObject({
      actionLabel: 'Casus bekeken',
      purpose: 'casusregie',
      outcome: 'success',
      outcomeLabel: 'gelukt',
      actor: {
        name: 'Marieke de Vries',
        organisationName: coordination,
        seat: 'chair',
        seatLabel: 'Tafelvoorzitter',
      },
    });
    expect(chairRead!.fields).toContain('Naam en geboortedatum');
    expect(chairRead!.fields).toContain('Woonbehoeften');
    // The chair never reads the sensitive section, and without that consent no support needs either.
    expect(chairRead!.fields).not.toContain('Gevoelige informatie');
    expect(chairRead!.fields).not.toContain('Ondersteuningsbehoefte');

    const labels = entries.map((e) => e.actionLabel);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Casus aangemaakt',
        'Casus gewijzigd',
        'Toestemming vastgelegd',
        'Casus bekeken',
      ]),
    );
    const update = entries.find((e) => e.action === 'case.update')!;
    expect(update.actor).toMatchObject({
      name: 'Sanne Willems',
      organisationName: 'Kwintes',
      seatLabel: 'Casemanager / regisseur',
    });
    expect(update.fields).toEqual(
      expect.arrayContaining(['Gevoelige informatie', 'Adresgeschiedenis', 'Woonwensen']),
    );
    // Newest first.
    expect([...entries].sort((a, b) => b.at.localeCompare(a.at)).map((e) => e.at)).toEqual(
      entries.map((e) => e.at),
    );
  });

  it('reading the log is itself logged, and shows in the log the next time', async () => {
    const view = await newCase(kwintes);
    await accessLog(view.id);
    const rows = await t.db.query(
      `SELECT action, purpose, outcome, fields FROM audit_log WHERE subject_pseudonym = $1 AND action = 'case.accessLog.read'`,
      [view.pseudonym],
    );
    expect(rows).toEqual([
      {
        action: 'case.accessLog.read',
        purpose: 'accountability',
        outcome: 'success',
        fields: ['accessLog'],
      },
    ]);
    const again = await accessLog(view.id);
    expect(again[0]).toMatchObject({
      action: 'case.accessLog.read',
      actionLabel: 'Logboek van de casus bekeken',
      actor: { name: 'Sanne Willems' },
    });
  });

  it('a transition says where the case went, and a look while preparing a table names the table date', async () => {
    const view = await newCase(kwintes);
    await giveConsent(kwintes, t.db, view.id, coordination);
    const current = (await kwintes.get(`/api/cases/${view.id}`)).body;
    expect(
      (
        await kwintes
          .post(`/api/cases/${view.id}/transitions`)
          .send({ transition: 'markReady', version: current.version })
      ).status,
    ).toBe(200);
    // The tables module (a later issue) logs its reads with the table's date; the log reads it so.
    const [chairUser] = await t.db.query(
      `SELECT u.id, u.organisation_id FROM app_user u WHERE u.email = 'voorzitter@almere.demo'`,
    );
    await t.db.query(
      `INSERT INTO audit_log (at, actor_user_id, actor_organisation_id, actor_seat, action, object_type, object_id, subject_pseudonym, fields, purpose, outcome, details)
       VALUES ('2030-02-20T10:00:00Z', $1, $2, 'chair', 'case.read', 'case', $3, $4, '{identity,housingNeeds}', 'case_coordination', 'success', '{"tableDate":"2030-03-12","q":"geheim"}')`,
      [chairUser.id, chairUser.organisation_id, view.id, view.pseudonym],
    );
    const entries = await accessLog(view.id);
    expect(entries.find((e) => e.action === 'case.transition')).toMatchObject({
      actionLabel: 'Status gewijzigd: Uitstroomgereed',
      fields: ['Status'],
    });
    // The database sets the time (issue 21): the back-dated `at` of the insert is not taken, the row is simply the newest.
    expect(entries[0]).toMatchObject({
      purpose: expect.stringMatching(/^voorbereiding tafel 12 maart/),
      actor: { seatLabel: 'Tafelvoorzitter' },
    });
    expect(entries[0]!.at).not.toBe('2030-02-20T10:00:00.000Z');
    expect(JSON.stringify(entries)).not.toContain('geheim');
  });

  it("only the owning organisation's case manager: another organisation's gets 404, every other seat 403", async () => {
    const view = await newCase(kwintes);
    for (const email of ['regisseur@leger-des-heils.demo', 'regisseur@tactus.demo']) {
      expect({
        email,
        status: (await (await t.signIn(email)).get(`/api/cases/${view.id}/access-log`)).status,
      }).toEqual({ email, status: 404 });
    }
    expect((await chair.get(`/api/cases/${view.id}/access-log`)).status).toBe(403);
    for (const email of [
      'gemeente@almere.demo',
      'corporatie@centrada.demo',
      'aanbieder@kwintes.demo',
      'beheer@flevoland.demo',
    ]) {
      expect({
        email,
        status: (await (await t.signIn(email)).get(`/api/cases/${view.id}/access-log`)).status,
      }).toEqual({ email, status: 403 });
    }
    const refused = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE subject_pseudonym = $1 AND action = 'case.accessLog.read'`,
      [view.pseudonym],
    );
    expect(refused[0].n).toBe(0);
  });

  it('refuses a malformed case id and an unknown case', async () => {
    expect((await kwintes.get('/api/cases/niet-een-id/access-log')).status).toBe(400);
    expect(
      (await kwintes.get('/api/cases/00000000-0000-4000-8000-000000000000/access-log')).status,
    ).toBe(404);
    expect(
      (await kwintes.get(`/api/cases/00000000-0000-4000-8000-000000000000/access-log?extra=1`))
        .status,
    ).toBe(400);
  });
});

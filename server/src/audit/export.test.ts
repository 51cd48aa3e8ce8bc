import type request from 'supertest';
import { caseExportSchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { giveConsent, newCase } from '../../../tests/support/case-factory';

// The resident's right of access (AVG art. 15): the file, the consents, the documents and the log.
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

async function addDocument(caseId: string, filename: string, category: string) {
  const [{ id: uploader }] = await t.db.query(
    `SELECT id FROM app_user WHERE email = 'regisseur@kwintes.demo'`,
  );
  await t.db.query(
    `INSERT INTO case_document (case_id, category, filename, content_type, size_bytes, content, uploaded_by) VALUES ($1, $2, $3, 'application/pdf', 9, $4, $5)`,
    [caseId, category, filename, Buffer.from('%PDF-1.4\n'), uploader],
  );
}

describe('the export for the resident', () => {
  it('holds the whole file, the consents, the documents and the log, with staff by organisation and role only', async () => {
    const view = await newCase(kwintes, {
      identity: { firstName: 'Inge', lastName: 'Inzagerecht', birthDate: '1988-08-08' },
    });
    await giveConsent(kwintes, t.db, view.id, coordination, ['identityContact', 'housingProfile']);
    await addDocument(view.id, 'toestemmingsformulier.pdf', 'identityContact');
    await addDocument(view.id, 'behandelplan.pdf', 'sensitive');
    expect((await chair.get(`/api/cases/${view.id}`)).status).toBe(200);

    const response = await kwintes.get(`/api/cases/${view.id}/export`);
    expect(response.status).toBe(200);
    const exported = caseExportSchema.parse(response.body);
    const json = JSON.stringify(response.body);

    // The resident's own data, as the case manager sees it, sensitive section included.
    expect(exported.pseudonym).toBe(view.pseudonym);
    expect(exported.caseFile.identity).toMatchObject({
      firstName: 'Inge',
      lastName: 'Inzagerecht',
    });
    expect(exported.caseFile.sensitive?.diagnoses).toBe('Bipolaire stoornis (stabiel).');
    expect(exported.caseFile.owner).toEqual({ organisationName: 'Kwintes', role: 'casemanager' });
    expect(Date.now() - Date.parse(exported.generatedAt)).toBeLessThan(60_000);
    // Not the workflow's internals.
    for (const internal of ['version', 'allowedTransitions', 'missingForReady', 'consentWarnings'])
      expect(exported.caseFile).not.toHaveProperty(internal);

    expect(exported.consents).toEqual([
      expect.objectContaining({
        organisationName: coordination,
        categories: ['identityContact', 'housingProfile'],
        method: 'verbalWithWitness',
        isActive: true,
      }),
    ]);
    expect(exported.documents.map((d) => [d.filename, d.category])).toEqual([
      ['toestemmingsformulier.pdf', 'identityContact'],
      ['behandelplan.pdf', 'sensitive'],
    ]);
    expect(json).not.toContain('PDF-1.4'); // names, never the bytes

    const chairRead = exported.accessLog.find(
      (e) => e.actionLabel === 'Casus bekeken' && e.role === 'tafelvoorzitter',
    );
    expect(chairRead).toMatchObject({
      by: `${coordination} (tafelvoorzitter)`,
      organisationName: coordination,
      purpose: 'casusregie',
    });
    expect(exported.accessLog.map((e) => e.actionLabel)).toEqual(
      expect.arrayContaining(['Casus aangemaakt', 'Casus gewijzigd', 'Toestemming vastgelegd']),
    );
    expect(json).toContain(coordination);
    // No member of staff by name: not the chair, not the case manager, not the witness of the consent.
    for (const name of ['Marieke de Vries', 'Sanne Willems', 'Petra Bos'])
      expect({ name, found: json.includes(name) }).toEqual({ name, found: false });
  });

  it('is logged with purpose export, and shows in the next export', async () => {
    const view = await newCase(kwintes);
    expect((await kwintes.get(`/api/cases/${view.id}/export`)).status).toBe(200);
    const rows = await t.db.query(
      `SELECT action, purpose, outcome, object_id, fields FROM audit_log WHERE subject_pseudonym = $1 AND action = 'case.export'`,
      [view.pseudonym],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'case.export',
      purpose: 'export',
      outcome: 'success',
      object_id: view.id,
    });
    expect(rows[0].fields).toEqual(
      expect.arrayContaining(['identity', 'sensitive', 'consents', 'documents', 'accessLog']),
    );
    const next = caseExportSchema.parse((await kwintes.get(`/api/cases/${view.id}/export`)).body);
    expect(next.accessLog[0]).toMatchObject({
      actionLabel: 'Inzage-export gemaakt',
      purpose: 'inzageverzoek van de bewoner',
      by: 'Kwintes (casemanager)',
    });
  });

  it("only for the owning organisation's case manager: another organisation's gets 404, the chair and the other seats 403", async () => {
    const view = await newCase(kwintes);
    expect(
      (await (await t.signIn('regisseur@leger-des-heils.demo')).get(`/api/cases/${view.id}/export`))
        .status,
    ).toBe(404);
    expect((await chair.get(`/api/cases/${view.id}/export`)).status).toBe(403);
    for (const email of [
      'gemeente@almere.demo',
      'corporatie@centrada.demo',
      'aanbieder@kwintes.demo',
      'beheer@flevoland.demo',
    ]) {
      expect({
        email,
        status: (await (await t.signIn(email)).get(`/api/cases/${view.id}/export`)).status,
      }).toEqual({ email, status: 403 });
    }
    expect((await kwintes.get('/api/cases/geen-uuid/export')).status).toBe(400);
    const rows = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE subject_pseudonym = $1 AND action = 'case.export'`,
      [view.pseudonym],
    );
    expect(rows[0].n).toBe(0);
  });
});

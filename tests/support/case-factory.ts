import type request from 'supertest';
import type { CaseSections } from '@uitstroom/shared';

/** A complete, ready-to-mark intake for a Flevoland resident (fictional), overridable per section. */
export function completeSections(overrides: Partial<CaseSections> = {}): Partial<CaseSections> {
  return {
    identity: { firstName: 'Noor', lastName: 'de Jong', birthDate: '1990-04-12', bsn: '111222333' },
    contact: { phone: '06 12345678' },
    household: { adults: 1, children: 0 },
    stay: {
      targetGroup: 'protectedHousing',
      facility: 'Kwintes, Beschermd wonen De Wissel',
      admissionDate: '2022-03-01',
    },
    addresses: [
      {
        municipality: 'GM0034',
        kind: 'woonadres',
        from: '2004-05-01',
        to: '2013-08-01',
        source: 'brp',
      },
      {
        municipality: 'GM0995',
        kind: 'woonadres',
        from: '2013-08-01',
        to: '2021-11-15',
        source: 'brp',
        street: 'Agoraweg 1',
      },
      {
        municipality: 'GM0034',
        kind: 'instelling',
        from: '2021-11-15',
        to: '2022-03-01',
        source: 'providerFile',
      },
    ],
    wishes: {
      municipalities: ['GM0050'],
      dwellingType: 'apartment',
      ownWords: 'Ik wil graag rustig wonen, dicht bij mijn zus.',
    },
    housingNeeds: { rooms: 2, groundFloorOrLift: true, maxRent: 650 },
    supportNeeds: {
      incomeAndDebts: 'Bewindvoering loopt.',
      supportAndCare: 'Ambulante begeleiding 4 uur per week.',
    },
    sensitive: {
      diagnoses: 'Bipolaire stoornis (stabiel).',
      addiction: 'Alcohol, 2 jaar abstinent.',
      risks: 'Terugval bij stress.',
      safety: '',
    },
    ...overrides,
  };
}

/** Creates a case through the API as the given case manager and fills it; returns the final view. */
export async function newCase(
  agent: request.Agent,
  overrides: Partial<CaseSections> = {},
): Promise<Record<string, any>> {
  const sections = completeSections(overrides);
  const created = await agent
    .post('/api/cases')
    .send({ identity: sections.identity, stay: sections.stay });
  if (created.status !== 201)
    throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const { identity: _identity, ...rest } = sections;
  const updated = await agent
    .patch(`/api/cases/${created.body.id}`)
    .send({ version: created.body.version, changes: rest });
  if (updated.status !== 200)
    throw new Error(`update failed: ${updated.status} ${JSON.stringify(updated.body)}`);
  return updated.body;
}

/** Records the resident's consent (verbal, with a witness) for one organisation, by its name. */
export async function giveConsent(
  agent: request.Agent,
  db: { query(sql: string, params?: unknown[]): Promise<any> },
  caseId: string,
  organisationName: string,
  categories: string[] = ['identityContact', 'housingProfile', 'supportNeeds'],
  extra: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const [{ id }] = await db.query('SELECT id FROM organisation WHERE name = $1', [
    organisationName,
  ]);
  const response = await agent.post(`/api/cases/${caseId}/consents`).send({
    organisationId: id,
    categories,
    givenOn: new Date().toISOString().slice(0, 10),
    method: 'verbalWithWitness',
    witnessName: 'Petra Bos (begeleider)',
    ...extra,
  });
  if (response.status !== 201)
    throw new Error(`consent failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A complete case with consent recorded, marked "uitstroomgereed". */
export async function readyCase(
  agent: request.Agent,
  db: { query(sql: string, params?: unknown[]): Promise<any> },
  overrides: Partial<CaseSections> = {},
): Promise<Record<string, any>> {
  const view = await newCase(agent, overrides);
  await giveConsent(agent, db, view.id, 'Regionale coördinatie Flevoland (centrumgemeente Almere)');
  const current = (await agent.get(`/api/cases/${view.id}`)).body;
  const ready = await agent
    .post(`/api/cases/${view.id}/transitions`)
    .send({ transition: 'markReady', version: current.version });
  if (ready.status !== 200)
    throw new Error(`markReady failed: ${ready.status} ${JSON.stringify(ready.body)}`);
  return ready.body;
}

import type request from 'supertest';
import type { CaseSections, DwellingInput } from '@uitstroom/shared';
import { readyCase } from './case-factory';
import { startsLaterToday } from './table-flow';

type Db = { query(sql: string, params?: unknown[]): Promise<any> };

/** A valid dwelling in Lelystad (via the provider, converting after a year), overridable per field. */
// Each test file has its own database: a counter gives every dwelling of a file its own address
// (a random number collided now and then — one address is one dwelling per corporation).
let houseNumberSequence = 1000;

export function dwellingInput(overrides: Partial<DwellingInput> = {}): DwellingInput {
  return {
    street: 'Agorahof',
    houseNumber: String(++houseNumberSequence),
    postcode: '8224 JX',
    municipalityCode: 'GM0995',
    neighbourhood: 'Atolwijk',
    kind: 'apartment',
    rooms: 2,
    rent: 612.5,
    floor: 1,
    hasLift: true,
    isWheelchairAccessible: false,
    availableFrom: '2026-01-01',
    tenancyForm: 'viaProvider',
    conversionDate: '2027-01-01',
    conversionConditions: 'Een jaar zonder huurachterstand en begeleiding volgens plan.',
    ...overrides,
  };
}

/** Registers a dwelling through the API as the given corporation; returns the dwelling. */
export async function newDwelling(
  agent: request.Agent,
  overrides: Partial<DwellingInput> = {},
): Promise<Record<string, any>> {
  const response = await agent.post('/api/dwellings').send(dwellingInput(overrides));
  if (response.status !== 201)
    throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Cases that search a dwelling, made the way the product makes them: the Kwintes case manager
 * takes each resident in and marks them ready, the Flevoland chair puts them on one table, shares
 * the agenda and decides by the proposal (origin Lelystad by default). Returns the cases' ids.
 */
export async function searchingCases(
  signIn: (email: string) => Promise<request.Agent>,
  db: Db,
  files: Partial<CaseSections>[],
): Promise<string[]> {
  const kwintes = await signIn('regisseur@kwintes.demo');
  const chair = await signIn('voorzitter@almere.demo');
  const org = async (name: string) =>
    (await db.query('SELECT id FROM organisation WHERE name = $1', [name]))[0].id as string;
  const planned = await chair.post('/api/tables').send({
    title: 'Uitstroomtafel voor woningen',
    startsAt: startsLaterToday(),
    location: 'Stadhuis Almere',
    invitedOrganisationIds: [await org('Gemeente Lelystad'), await org('Kwintes')],
  });
  if (planned.status !== 201)
    throw new Error(`plan failed: ${planned.status} ${JSON.stringify(planned.body)}`);
  const tableId = planned.body.id as string;
  const ids: string[] = [];
  for (const [i, file] of files.entries()) {
    const ready = await readyCase(kwintes, db, {
      identity: {
        firstName: 'Woningzoeker',
        lastName: `Nummer ${i + 1}-${Math.random().toString(36).slice(2, 7)}`,
        birthDate: '1988-05-05',
      },
      ...file,
    });
    const table = (await kwintes.get(`/api/tables/${tableId}`)).body;
    const added = await kwintes
      .post(`/api/tables/${tableId}/agenda`)
      .send({ version: table.version, caseId: ready.id, caseVersion: ready.version });
    if (added.status !== 200)
      throw new Error(`schedule failed: ${added.status} ${JSON.stringify(added.body)}`);
    ids.push(ready.id);
  }
  let table = (await chair.get(`/api/tables/${tableId}`)).body;
  table = (await chair.post(`/api/tables/${tableId}/publish`).send({ version: table.version }))
    .body;
  const lelystad = await org('Gemeente Lelystad');
  for (const id of ids) {
    const item = table.agenda.find((a: { caseId: string }) => a.caseId === id);
    const decided = await chair.post(`/api/tables/${tableId}/agenda/${item.id}/decision`).send({
      version: table.version,
      caseVersion: item.case.version,
      rule: item.case.proposal?.result?.outcome ?? 'herkomst',
      present: [{ organisationId: lelystad, seat: 'municipality' }],
      votes: [{ organisationId: lelystad, seat: 'municipality', position: 'agree' }],
      preconditions: [],
      followUpProviderId: await org('Kwintes'),
    });
    if (decided.status !== 200)
      throw new Error(`decision failed: ${decided.status} ${JSON.stringify(decided.body)}`);
    table = decided.body;
  }
  return ids;
}

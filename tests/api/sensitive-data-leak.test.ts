import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { newDwelling, searchingCases } from '../support/dwelling-factory';
import { answer, offer } from '../support/placement-flow';

/**
 * Reads every demo case as every seat that is not the owning case manager, through every case
 * endpoint it may call, and looks for the sensitive values the case manager sees: diagnoses,
 * addiction, risks, safety notes — and for a corporation also exception motivations and the
 * address history. None may appear, whatever the scope or consent.
 */
let t: TestApp;
/** The case whose resident accepted Centrada's dwelling. */
let offeredCaseId: string;
beforeAll(async () => {
  t = await startTestApp();
  // Two residents the table sent to Lelystad, searching a dwelling: Centrada (dwellings there)
  // reaches them by its dwellings, and reads them beside its dwellings too.
  const [offered] = await searchingCases((email) => t.signIn(email), t.db, [
    {},
    { housingNeeds: { rooms: 1, usesWheelchair: true } },
  ]);
  // One of them is offered a dwelling by Centrada, and the resident accepted: its street is the new address (domain.md §3.5).
  const centrada = await t.signIn('corporatie@centrada.demo');
  const dwelling = await newDwelling(centrada, { street: offeredStreet, neighbourhood: 'Boswijk' });
  if ((await offer(centrada, offered!, dwelling.id)).status !== 201)
    throw new Error('offer failed');
  if ((await answer(await t.signIn('regisseur@kwintes.demo'), offered!, 'accepted')).status !== 200)
    throw new Error('answer failed');
  offeredCaseId = offered!;
});
const offeredStreet = 'Vertrouwelijke Nieuwe Woonstraat';
afterAll(async () => {
  await t.close();
});

/** Sensitive values of the cases NOT owned by the reader's own organisation (its own it may see). */
async function sensitiveValues(
  readerEmail?: string,
): Promise<{ all: string[]; forCorporation: string[] }> {
  const rows: { sections: Record<string, any> }[] = await t.db.query(
    `SELECT sections FROM case_file WHERE owner_organisation_id IS DISTINCT FROM (SELECT organisation_id FROM app_user WHERE email = $1)`,
    [readerEmail ?? ''],
  );
  const texts = (values: unknown[]) =>
    values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 8);
  const all = rows.flatMap((r) => texts(Object.values(r.sections.sensitive ?? {})));
  const forCorporation = rows.flatMap((r) => [
    ...texts((r.sections.exceptions ?? []).map((e: { motivation?: string }) => e.motivation)),
    ...texts((r.sections.addresses ?? []).map((a: { street?: string }) => a.street)),
    ...texts(Object.values(r.sections.supportNeeds ?? {})),
  ]);
  return { all, forCorporation };
}

/**
 * What a seat reads through every case endpoint, for the given cases (all of them by default) and
 * beside each of its dwellings. Six requests at a time: the answers are the same as one by one, and
 * the file reads some ten thousand of them.
 */
async function everythingSeenBy(agent: request.Agent, caseIds?: string[]): Promise<string> {
  const ids =
    caseIds ?? (await t.db.query('SELECT id FROM case_file')).map((row: { id: string }) => row.id);
  const paths = ['/api/cases?pageSize=100'];
  for (const id of ids)
    for (const part of ['', '/consents', '/dwelling-fits', '/placement', '/support'])
      paths.push(`/api/cases/${id}${part}`);
  // A corporation also reads cases beside each of its dwellings.
  const dwellings = (await agent.get('/api/dwellings')).body;
  for (const dwelling of Array.isArray(dwellings) ? dwellings : [])
    paths.push(`/api/dwellings/${dwelling.id}/cases`);
  const bodies: unknown[] = [dwellings];
  for (let start = 0; start < paths.length; start += 6) {
    const batch = paths.slice(start, start + 6);
    bodies.push(...(await Promise.all(batch.map(async (path) => (await agent.get(path)).body))));
  }
  return JSON.stringify(bodies);
}

describe('no sensitive value reaches a seat that may not see it', () => {
  it('the demo data has sensitive values to look for', async () => {
    const { all } = await sensitiveValues();
    expect(all.length).toBeGreaterThan(5);
  });

  it.each([
    'corporatie@centrada.demo',
    'corporatie@mercatus.demo',
    'voorzitter@almere.demo',
    'gemeente@lelystad.demo',
    'gemeente@almere.demo',
    'aanbieder@leger-des-heils.demo',
    'beheer@flevoland.demo',
    'regisseur@tactus.demo',
  ])('%s', async (email) => {
    const { all, forCorporation } = await sensitiveValues(email);
    const seen = await everythingSeenBy(await t.signIn(email));
    const forbidden = email.startsWith('corporatie') ? [...all, ...forCorporation] : all;
    const leaked = forbidden.filter((value) => seen.includes(JSON.stringify(value).slice(1, -1)));
    expect(leaked).toEqual([]);
  });
});

describe('the new dwelling’s address reaches only the offering corporation, the destination municipality and the case manager', () => {
  it.each([
    ['corporatie@centrada.demo', true],
    ['gemeente@lelystad.demo', true],
    ['regisseur@kwintes.demo', true],
    ['voorzitter@almere.demo', false],
    ['gemeente@almere.demo', false],
    ['corporatie@mercatus.demo', false],
    ['aanbieder@kwintes.demo', false],
    ['aanbieder@leger-des-heils.demo', false],
    ['beheer@flevoland.demo', false],
    ['regisseur@tactus.demo', false],
  ])('%s sees it: %s', async (email, expected) => {
    // Through the case list, the offered case's endpoints and the dwellings (a claimed dwelling is no
    // longer among the corporation's fits: it can only come from the placement). The other cases'
    // endpoints answer about other residents; the first describe reads all of them.
    const seen = await everythingSeenBy(await t.signIn(email), [offeredCaseId]);
    expect(seen.includes(offeredStreet)).toBe(expected);
  });
});

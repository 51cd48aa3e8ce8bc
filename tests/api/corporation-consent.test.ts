import type request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { newDwelling, searchingCases } from '../support/dwelling-factory';
import { giveConsent } from '../support/case-factory';
import { answer, confirm, moveIn, offer, withdraw } from '../support/placement-flow';

/**
 * Consent does what the form says (issue 26): with the resident's consent for name and contact, a
 * corporation sees `identity` and `contact` of a case while its own offer on it is open or
 * accepted, and from the move on (it drew up the lease); never before its offer, never after its
 * offer was declined or withdrawn, and never without the consent. Searching by name follows.
 */
let t: TestApp;
let kwintes: request.Agent;
let centrada: request.Agent;
let lelystad: request.Agent;

beforeAll(async () => {
  t = await startTestApp();
  kwintes = await t.signIn('regisseur@kwintes.demo');
  centrada = await t.signIn('corporatie@centrada.demo');
  lelystad = await t.signIn('gemeente@lelystad.demo');
});
afterAll(async () => {
  await t.close();
});

const signIn = (email: string) => t.signIn(email);

/** What Centrada reads of the case: the status, whether it sees name and contact, and whether a name search finds it. */
async function asCentrada(caseId: string) {
  const read = await centrada.get(`/api/cases/${caseId}`);
  const lastName = (await kwintes.get(`/api/cases/${caseId}`)).body.identity.lastName as string;
  const found = await centrada.get('/api/cases').query({ q: lastName });
  return {
    status: read.status,
    identity: read.body.identity ?? null,
    contact: read.body.contact ?? null,
    foundByName: (found.body.items as { id: string }[]).some((c) => c.id === caseId),
  };
}

const hidden = { status: 200, identity: null, contact: null, foundByName: false };
const declineReason = 'De bewoner vindt de woning te ver van het werk.';

describe('a corporation that offered, with consent, sees the identity field', () => {
  let withConsent: string;
  let withoutConsent: string;

  beforeAll(async () => {
    [withConsent, withoutConsent] = (await searchingCases(signIn, t.db, [{}, {}])) as [
      string,
      string,
    ];
    await giveConsent(kwintes, t.db, withConsent, 'Centrada', ['identityContact']);
    // Centrada reaches both cases by its dwellings in Lelystad, the decided destination.
    for (let i = 0; i < 4; i++) await newDwelling(centrada, { availableFrom: '2025-01-01' });
  });

  const freeDwelling = async () => {
    const fits = (await centrada.get(`/api/cases/${withConsent}/dwelling-fits`)).body.items as {
      dwelling: { id: string };
    }[];
    return fits[0]!.dwelling.id;
  };

  it('before its offer: the housing profile, no name, no contact', async () => {
    const before = await asCentrada(withConsent);
    expect(before).toEqual(hidden);
    expect((await centrada.get(`/api/cases/${withConsent}`)).body.housingNeeds).toBeDefined();
  });

  it('with its open offer: name and contact; declined: gone again', async () => {
    expect((await offer(centrada, withConsent, await freeDwelling())).status).toBe(201);
    const open = await asCentrada(withConsent);
    expect(open).toMatchObject({ status: 200, foundByName: true });
    expect(open.identity).toMatchObject({ firstName: 'Woningzoeker', birthDate: '1988-05-05' });
    expect(open.contact).toEqual({ phone: '06 12345678' });
    // The address history is never the corporation's, consent or not.
    expect((await centrada.get(`/api/cases/${withConsent}`)).body).not.toHaveProperty('addresses');

    expect((await answer(kwintes, withConsent, 'declined', declineReason)).status).toBe(200);
    expect(await asCentrada(withConsent)).toEqual(hidden);
  });

  it('a new offer shows them again; withdrawn: gone', async () => {
    expect((await offer(centrada, withConsent, await freeDwelling())).status).toBe(201);
    expect((await asCentrada(withConsent)).identity).not.toBeNull();
    expect((await withdraw(centrada, withConsent)).status).toBe(200);
    expect(await asCentrada(withConsent)).toEqual(hidden);
  });

  it('accepted, confirmed and from the move on: name and contact', async () => {
    expect((await offer(centrada, withConsent, await freeDwelling())).status).toBe(201);
    expect((await answer(kwintes, withConsent, 'accepted')).status).toBe(200);
    expect((await asCentrada(withConsent)).identity).not.toBeNull();
    expect((await confirm(lelystad, withConsent)).status).toBe(200);
    expect((await asCentrada(withConsent)).identity).not.toBeNull();
    expect((await moveIn(centrada, withConsent)).status).toBe(200);
    const moved = await asCentrada(withConsent);
    expect(moved).toMatchObject({ status: 200, foundByName: true });
    expect(moved.identity.lastName).toMatch(/^Nummer/);
  });

  it('without consent: never, not with an offer, not after the move', async () => {
    expect(await asCentrada(withoutConsent)).toEqual(hidden);
    const fits = (await centrada.get(`/api/cases/${withoutConsent}/dwelling-fits`)).body.items as {
      dwelling: { id: string };
    }[];
    expect((await offer(centrada, withoutConsent, fits[0]!.dwelling.id)).status).toBe(201);
    expect(await asCentrada(withoutConsent)).toEqual(hidden);
    expect((await answer(kwintes, withoutConsent, 'accepted')).status).toBe(200);
    expect((await confirm(lelystad, withoutConsent)).status).toBe(200);
    expect((await moveIn(centrada, withoutConsent)).status).toBe(200);
    expect(await asCentrada(withoutConsent)).toEqual(hidden);
  });
});

import type request from 'supertest';
import { addDays, dwellingStateLabel } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { newDwelling, searchingCases } from '../../../tests/support/dwelling-factory';
import { readyCase } from '../../../tests/support/case-factory';
import {
  organisationId,
  planTable,
  publishTable,
  scheduleCase,
} from '../../../tests/support/table-flow';
import {
  answer,
  caseVersionOf,
  confirm,
  moveIn,
  moveInBody,
  offer,
  placementOf,
  refuse,
  todayInAmsterdam,
  versionsOf,
  withdraw,
} from '../../../tests/support/placement-flow';
import { runDueJobs, type Clock } from '../core/scheduler';
import { overdueOffersJob } from './placements.jobs';

/**
 * Offers, the resident's answer, the municipality's confirmation or refusal and the move, through
 * the API against a real PostgreSQL: the state of the case, the offer, the dwelling, the ledger,
 * the audit log, the notifications and the tasks after each step, and who sees the new address.
 */
let t: TestApp;
let kwintes: request.Agent;
let centrada: request.Agent;
let mercatus: request.Agent;
let lelystad: request.Agent;
let almere: request.Agent;
let chair: request.Agent;
let provider: request.Agent;

beforeAll(async () => {
  t = await startTestApp();
  kwintes = await t.signIn('regisseur@kwintes.demo');
  centrada = await t.signIn('corporatie@centrada.demo');
  mercatus = await t.signIn('corporatie@mercatus.demo');
  lelystad = await t.signIn('gemeente@lelystad.demo');
  almere = await t.signIn('gemeente@almere.demo');
  chair = await t.signIn('voorzitter@almere.demo');
  provider = await t.signIn('aanbieder@kwintes.demo');
});
afterAll(async () => {
  await t.close();
});

const signIn = (email: string) => t.signIn(email);
const one = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params))[0];
const tasksOf = async (agent: request.Agent) =>
  (await agent.get('/api/tasks')).body.items as {
    id: string;
    kind: string;
    isOverdue: boolean;
    dueDate: string | null;
  }[];

describe('the whole way: offer, answer, confirmation, keys', () => {
  let caseId: string;
  let otherCaseId: string;
  let dwelling: Record<string, any>;

  beforeAll(async () => {
    [caseId, otherCaseId] = (await searchingCases(signIn, t.db, [{}, {}])) as [string, string];
    dwelling = await newDwelling(centrada, {
      neighbourhood: 'Atolwijk',
      street: 'Schouw',
      availableFrom: '2025-01-01',
      conversionDate: '2026-01-01',
    });
  });

  it('the corporation offers a fitting dwelling: the case is offered, the dwelling claimed, the case manager told', async () => {
    const fits = (await centrada.get(`/api/cases/${caseId}/dwelling-fits`)).body.items.map(
      (i: { dwelling: { id: string } }) => i.dwelling.id,
    );
    expect(fits).toContain(dwelling.id);
    const before = await one(
      `SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND action = 'case.transition'`,
      [caseId],
    );

    const offered = await offer(centrada, caseId, dwelling.id);
    expect(offered.status).toBe(201);
    expect(offered.body).toMatchObject({
      state: 'offered',
      current: {
        status: 'open',
        isOwnOffer: true,
        corporation: { name: 'Centrada' },
        isAnswerOverdue: false,
      },
    });
    expect(offered.body.current.answerDueOn).toBe(addDays(todayInAmsterdam(), 10));
    expect(offered.body.current.dwelling.address).toEqual({
      street: 'Schouw',
      houseNumber: dwelling.houseNumber,
      postcode: '8224 JX',
    });
    expect(offered.body.current.neighbourhoodLoad).toMatchObject({
      neighbourhood: 'Atolwijk',
      threshold: 3,
    });
    expect(offered.body.current.waitedDays).toBe(0);

    const events = await t.db.query(
      `SELECT details FROM case_event WHERE case_id = $1 AND details->>'transition' = 'offerDwelling'`,
      [caseId],
    );
    expect(events).toHaveLength(1);
    expect(
      (
        await one(
          `SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND action = 'case.transition'`,
          [caseId],
        )
      ).n,
    ).toBe(before.n + 1);
    const told = await t.db.query(
      `SELECT u.email FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.case_id = $1 AND n.kind = 'offerToAnswer'`,
      [caseId],
    );
    expect(told).toEqual([{ email: 'regisseur@kwintes.demo' }]);
    // The claimed dwelling no longer fits another case.
    const otherFits = (
      await centrada.get(`/api/cases/${otherCaseId}/dwelling-fits`)
    ).body.items.map((i: { dwelling: { id: string } }) => i.dwelling.id);
    expect(otherFits).not.toContain(dwelling.id);
  });

  it('the new address goes only to the offering corporation, the destination municipality and the case manager', async () => {
    const forCaseManager = await placementOf(kwintes, caseId);
    const forDestination = await placementOf(lelystad, caseId);
    const forChair = await placementOf(chair, caseId);
    const forProvider = await placementOf(provider, caseId);
    expect(forCaseManager.current.dwelling.address.street).toBe('Schouw');
    expect(forDestination.current.dwelling.address.street).toBe('Schouw');
    expect(forChair.current.dwelling).not.toHaveProperty('address');
    expect(forChair.current.dwelling.neighbourhood).toBe('Atolwijk');
    expect(forChair.current.neighbourhoodLoad).toBeDefined();
    expect(forProvider.current.dwelling).not.toHaveProperty('address');
    expect(forProvider.current).not.toHaveProperty('neighbourhoodLoad');
    expect(JSON.stringify([forChair, forProvider])).not.toContain('Schouw');
    // Another corporation, another municipality: the case is not theirs to see at all.
    expect((await mercatus.get(`/api/cases/${caseId}/placement`)).status).toBe(404);
    expect((await almere.get(`/api/cases/${caseId}/placement`)).status).toBe(404);
    // Each look is logged on the case, naming the address where it was seen.
    const looks = await t.db.query(
      `SELECT actor_seat, fields FROM audit_log WHERE object_id = $1 AND action = 'case.placement.read' ORDER BY at DESC, id DESC LIMIT 4`,
      [caseId],
    );
    expect(
      looks.map((l: { actor_seat: string; fields: string[] }) => [
        l.actor_seat,
        l.fields.includes('dwellingAddress'),
      ]),
    ).toEqual([
      ['provider', false],
      ['chair', false],
      ['municipality', true],
      ['casemanager', true],
    ]);
  });

  it('the offering corporation now reaches the case (its housing profile only), the case manager has the answer as a task', async () => {
    const asCorporation = (await centrada.get(`/api/cases/${caseId}`)).body;
    expect(asCorporation.state).toBe('offered');
    expect(asCorporation).not.toHaveProperty('sensitive');
    expect(asCorporation).not.toHaveProperty('identity');
    const answerTask = (await tasksOf(kwintes)).find((task) => task.id === `answerOffer:${caseId}`);
    expect(answerTask).toMatchObject({
      dueDate: addDays(todayInAmsterdam(), 10),
      isOverdue: false,
    });
  });

  it('only the destination confirms, and only once the resident accepted', async () => {
    const tooEarly = await confirm(lelystad, caseId);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.code).toBe('CASE_REQUIREMENT_UNMET');
    expect(tooEarly.body.error.message).toBe(
      'Eerst moet de casemanager vastleggen dat de bewoner het aanbod heeft aanvaard.',
    );

    const accepted = await answer(kwintes, caseId, 'accepted');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'offered', current: { status: 'accepted' } });
    expect(accepted.body.current.answeredAt).not.toBeNull();
    expect(
      (
        await one(
          `SELECT count(*)::int AS n FROM audit_log WHERE object_id = $1 AND action = 'case.offer.accept'`,
          [caseId],
        )
      ).n,
    ).toBe(1);
    const told = await t.db.query(
      `SELECT u.email FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.case_id = $1 AND n.kind = 'placementToConfirm'`,
      [caseId],
    );
    expect(told).toEqual([{ email: 'gemeente@lelystad.demo' }]);
    expect((await answer(kwintes, caseId, 'accepted')).status).toBe(409);
    expect((await tasksOf(lelystad)).map((task) => task.id)).toContain(
      `confirmPlacement:${caseId}`,
    );
    expect((await tasksOf(kwintes)).map((task) => task.id)).not.toContain(`answerOffer:${caseId}`);

    const confirmed = await confirm(lelystad, caseId, { supportIntensity: 'intensive' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      state: 'confirmed',
      current: { status: 'accepted', supportIntensity: 'intensive' },
    });
    expect(confirmed.body.current.supportArranged).toMatch(/Wmo-begeleiding/);
    expect((await confirm(lelystad, caseId)).status).toBe(409);
    expect((await tasksOf(centrada)).map((task) => task.id)).toContain(`recordMoveIn:${caseId}`);
  });

  it('the corporation records the keys: the case has moved, the waiting times are stored, the dwelling is let', async () => {
    expect((await moveIn(mercatus, caseId)).status).toBe(404);
    const future = await moveIn(centrada, caseId, {
      keyHandoverDate: addDays(todayInAmsterdam(), 1),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.issues).toEqual([
      { path: 'keyHandoverDate', message: expect.stringMatching(/in de toekomst/) },
    ]);
    const someoneElsesDocument = await moveIn(centrada, caseId, {
      agreementDocumentId: '6f1b9f7e-4c1d-4d55-9a57-2f8a9c3e1b20',
    });
    expect(someoneElsesDocument.body.error.issues).toEqual([
      { path: 'agreementDocumentId', message: 'Dit document hoort niet bij deze casus.' },
    ]);
    expect((await one('SELECT state FROM case_file WHERE id = $1', [caseId])).state).toBe(
      'confirmed',
    );

    // Issue 27.2: the provider keeps whom to call in its own settings; the corporation reads them
    // with the placement and types nothing; another seat cannot change them.
    const contact = { name: 'Petra Bos', phone: '0320 123 456', emergencyPhone: '0320 999 000' };
    const set = await provider.put('/api/organisation/settings').send({ providerContact: contact });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ organisationName: 'Kwintes', providerContact: contact });
    expect(
      (await centrada.put('/api/organisation/settings').send({ providerContact: contact })).status,
    ).toBe(403);
    expect((await placementOf(centrada, caseId)).followUpProviderContact).toEqual(contact);
    // Issue 27.3: keys before the dwelling is free are asked about, then taken as confirmed.
    await t.db.query(
      // The conversion date moves along: it may not lie before the dwelling is free.
      `UPDATE dwelling SET available_from = (now() AT TIME ZONE 'Europe/Amsterdam')::date + 1,
                           conversion_date = (now() AT TIME ZONE 'Europe/Amsterdam')::date + 366
        WHERE id = $1`,
      [dwelling.id],
    );
    const early = await moveIn(centrada, caseId);
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'KEYS_BEFORE_AVAILABLE',
      issues: [{ path: 'keyHandoverDate' }],
    });
    const moved = await moveIn(centrada, caseId, { confirmed: true });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      state: 'moved',
      current: { status: 'completed' },
      moveIn: {
        keyHandoverDate: todayInAmsterdam(),
        tenancyForm: 'viaProvider',
        providerContact: {
          name: 'Petra Bos',
          phone: '0320 123 456',
          emergencyPhone: '0320 999 000',
        },
        waitedDaysToOffer: 0,
        waitedDaysToKeys: 0,
        recordedBy: 'Centrada',
      },
      followUpProvider: 'Kwintes',
    });
    const stored = await one(
      'SELECT waited_days_to_offer, waited_days_to_keys FROM move_in WHERE case_id = $1',
      [caseId],
    );
    expect(stored).toEqual({ waited_days_to_offer: 0, waited_days_to_keys: 0 });
    // The follow-up provider reads the move and its own contact for the corporation; the address stays with the three.
    const forProvider = await placementOf(provider, caseId);
    expect(forProvider.moveIn.providerContact.emergencyPhone).toBe('0320 999 000');
    // The move is recorded: the follow-up provider visits the resident there (domain.md §3.5).
    expect(forProvider.current.dwelling.address).toEqual({
      street: 'Schouw',
      houseNumber: '1001',
      postcode: '8224 JX',
    });
    // A let dwelling is not offered again.
    const again = await offer(centrada, otherCaseId, dwelling.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DWELLING_ALREADY_OFFERED');
    expect(again.body.error.message).toBe(
      'Deze woning is zojuist aan een andere casus aangeboden. Kies een andere woning.',
    );
    // The dwelling reads "Verhuurd" and is no longer proposed to cases.
    const asLet = (await centrada.get(`/api/dwellings/${dwelling.id}`).expect(200)).body;
    expect({ status: asLet.status, occupancy: asLet.occupancy }).toEqual({
      status: 'available',
      occupancy: 'let',
    });
    expect(dwellingStateLabel(asLet)).toBe('Verhuurd');
    const fits = await centrada.get(`/api/dwellings/${dwelling.id}/cases`);
    expect(fits.status).toBe(409);
    expect(fits.body.error).toMatchObject({
      code: 'DWELLING_LET',
      message: 'Deze woning is verhuurd: er worden geen casussen bij gezocht.',
    });
  });

  it('the waiting clock stops at the keys: the case header, the list column, its sort and the "Wacht minstens" filter', async () => {
    // Ready 200 Dutch days ago at 00:30 (the UTC day before), keys 30 days ago: 170 days of waiting, not 200.
    const today = todayInAmsterdam();
    await t.db.query(
      `UPDATE case_file SET ready_at = ($2::date + time '00:30') AT TIME ZONE 'Europe/Amsterdam' WHERE id = $1`,
      [caseId, addDays(today, -200)],
    );
    await t.db.query('UPDATE move_in SET key_handover_date = $2 WHERE case_id = $1', [
      caseId,
      addDays(today, -30),
    ]);
    const view = (await kwintes.get(`/api/cases/${caseId}`)).body;
    expect(view).toMatchObject({ waitingDays: 170, waitingUntil: 'keys' });
    const listed = async (query: string) =>
      (await kwintes.get(`/api/cases?${query}`)).body.items as {
        id: string;
        waitingDays: number | null;
        waitingUntil: string | null;
      }[];
    expect(
      (await listed('minWaitingDays=170&pageSize=100')).find((c) => c.id === caseId),
    ).toMatchObject({ waitingDays: 170, waitingUntil: 'keys' });
    expect((await listed('minWaitingDays=171&pageSize=100')).map((c) => c.id)).not.toContain(
      caseId,
    );
    // Longest waiting first: the order is the order of the waiting days shown.
    const sorted = (await listed('sort=waitingDays&direction=desc&pageSize=100'))
      .filter((c) => c.waitingDays !== null)
      .map((c) => c.waitingDays!);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    // A case still searching keeps counting until today.
    expect((await kwintes.get(`/api/cases/${otherCaseId}`)).body).toMatchObject({
      waitingUntil: 'today',
    });
  });

  it('the contingent counts the offer, the confirmation and the move; the neighbourhood counts the move', async () => {
    const year = Number(todayInAmsterdam().slice(0, 4));
    const contingents = (await centrada.get(`/api/contingents?year=${year}`)).body.items as {
      municipalityCode: string;
      progress: unknown;
    }[];
    const ours =
      contingents.find((c) => c.municipalityCode === 'GM0995') ??
      (
        await centrada
          .post('/api/contingents')
          .send({ municipalityCode: 'GM0995', year, promised: 4 })
      ).body;
    // Only this file's offers exist in its database; this describe ran first: one dwelling offered, confirmed and moved into.
    expect(ours.progress).toEqual({ offered: 1, accepted: 1, movedIn: 1 });
    const load = (await lelystad.get('/api/neighbourhood-load?municipality=GM0995')).body;
    expect(load.items).toContainEqual(
      expect.objectContaining({ neighbourhood: 'Atolwijk', placements: 1, level: 'below' }),
    );
    expect((await lelystad.get('/api/neighbourhood-load?municipality=GM0150')).status).toBe(400);
  });
});

describe('the resident declines, the corporation withdraws', () => {
  let caseId: string;
  let dwelling: Record<string, any>;

  beforeAll(async () => {
    [caseId] = (await searchingCases(signIn, t.db, [{}])) as [string];
    dwelling = await newDwelling(centrada);
  });

  it('a decline needs a reason; with one, the case searches again and the dwelling is free', async () => {
    expect((await offer(centrada, caseId, dwelling.id)).status).toBe(201);
    const short = await answer(kwintes, caseId, 'declined', 'Nee.');
    expect(short.status).toBe(400);
    expect(short.body.error.issues[0].path).toBe('reason');
    const declined = await answer(
      kwintes,
      caseId,
      'declined',
      'De bewoner wil niet op de vierde verdieping wonen.',
    );
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      state: 'searching',
      current: null,
      history: [
        { status: 'declined', declineReason: 'De bewoner wil niet op de vierde verdieping wonen.' },
      ],
    });
    // The same dwelling may be offered again (the resident may think again).
    expect((await offer(centrada, caseId, dwelling.id)).status).toBe(201);
  });

  it('only the offering corporation withdraws, with a reason', async () => {
    expect((await withdraw(kwintes, caseId)).status).toBe(403);
    expect((await withdraw(lelystad, caseId)).status).toBe(403);
    expect((await withdraw(mercatus, caseId)).status).toBe(404);
    const withdrawn = await withdraw(centrada, caseId);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('searching');
    expect(withdrawn.body.history.map((o: { status: string }) => o.status)).toEqual([
      'withdrawn',
      'declined',
    ]);
    expect(
      (
        await one(
          `SELECT count(*)::int AS n FROM offer WHERE dwelling_id = $1 AND status IN ('open', 'accepted')`,
          [dwelling.id],
        )
      ).n,
    ).toBe(0);
  });

  it('a dwelling held by an offer cannot be withdrawn from the list; the case closed before the move lets go of it', async () => {
    expect((await offer(centrada, caseId, dwelling.id)).status).toBe(201);
    const fresh = (await centrada.get(`/api/dwellings/${dwelling.id}`)).body;
    const blocked = await centrada
      .post(`/api/dwellings/${dwelling.id}/withdraw`)
      .send({ version: fresh.version, reason: 'De woning wordt verkocht aan een particulier.' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('DWELLING_ALREADY_OFFERED');
    expect(blocked.body.error.message).toMatch(/Trek eerst het aanbod in/);

    const closed = await kwintes.post(`/api/cases/${caseId}/transitions`).send({
      transition: 'withdraw',
      version: await caseVersionOf(kwintes, caseId),
      outcome: 'withdrawn',
      reason: 'De bewoner blijft toch in de instelling wonen.',
    });
    expect(closed.status).toBe(200);
    expect(
      (
        await one(`SELECT status FROM offer WHERE case_id = $1 ORDER BY offered_at DESC LIMIT 1`, [
          caseId,
        ])
      ).status,
    ).toBe('cancelled');
    const released = await centrada
      .post(`/api/dwellings/${dwelling.id}/withdraw`)
      .send({ version: fresh.version, reason: 'De woning wordt verkocht aan een particulier.' });
    expect(released.status).toBe(200);
  });

  it('erasure at the resident’s request clears the reasons on the offers; no reason ever reached the audit log', async () => {
    const [{ pseudonym }] = await t.db.query('SELECT pseudonym FROM case_file WHERE id = $1', [
      caseId,
    ]);
    const logged = await t.db.query(
      `SELECT details FROM audit_log WHERE subject_pseudonym = $1 AND details::text LIKE '%vierde verdieping%'`,
      [pseudonym],
    );
    expect(logged).toEqual([]);
    const admin = await signIn('beheer@flevoland.demo');
    const erased = await admin
      .post(`/api/retention/cases/${caseId}/erase`)
      .send({ ground: 'residentRequest', confirmPseudonym: pseudonym });
    expect(erased.status).toBe(200);
    const reasons = await t.db.query(
      'SELECT status, decline_reason, withdrawal_reason FROM offer WHERE case_id = $1 ORDER BY offered_at',
      [caseId],
    );
    expect(reasons).toEqual([
      { status: 'declined', decline_reason: 'Gewist (AVG art. 17)', withdrawal_reason: null },
      { status: 'withdrawn', decline_reason: null, withdrawal_reason: 'Gewist (AVG art. 17)' },
      { status: 'cancelled', decline_reason: null, withdrawal_reason: null },
    ]);
  });
});

describe('a corporation that comes second', () => {
  it('after the first offer committed, hears who was first (409), not that the case is gone; a corporation that never reached it hears nothing', async () => {
    const [caseId] = (await searchingCases(signIn, t.db, [{}])) as [string];
    const ours = await newDwelling(centrada);
    const theirs = await newDwelling(mercatus);
    const version = await caseVersionOf(mercatus, caseId);
    expect((await offer(centrada, caseId, ours.id)).status).toBe(201);
    const late = await mercatus
      .post(`/api/cases/${caseId}/offers`)
      .send({ caseVersion: version, dwellingId: theirs.id });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('OFFER_TAKEN');
    expect(late.body.error.message).toBe(
      'Voor deze casus is zojuist al een woning aangeboden door Centrada.',
    );
    expect(JSON.stringify(late.body)).not.toContain(ours.id);
    // Mercatus no longer reaches the case: its placement is not Mercatus' to read.
    expect((await mercatus.get(`/api/cases/${caseId}/placement`)).status).toBe(404);
    // Ymere has no dwelling or contingent in Lelystad: for it the case does not exist.
    const ymere = await signIn('corporatie@ymere.demo');
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM contingent k JOIN organisation o ON o.id = k.organisation_id WHERE o.name = 'Ymere' AND k.municipality_code = 'GM0995'`,
    );
    if (n === 0)
      expect(
        (
          await ymere
            .post(`/api/cases/${caseId}/offers`)
            .send({ caseVersion: version, dwellingId: theirs.id })
        ).status,
      ).toBe(404);
  });
});

describe('the destination refuses: back to the table, the count given back', () => {
  it('a placement decided by population distribution goes back to "uitstroomgereed" and its allocation is returned', async () => {
    const [caseId] = (await searchingCases(signIn, t.db, [
      { isOriginUntraceable: true, addresses: [] },
    ])) as [string];
    const decided = await one(
      `SELECT trim(c.decided_destination_code) AS code, d.allocation_id, c.ready_at FROM case_file c JOIN table_decision d ON d.case_id = c.id WHERE c.id = $1`,
      [caseId],
    );
    expect(decided.allocation_id).not.toBeNull();
    const [{ email }] = await t.db.query(
      `SELECT u.email FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE o.municipality_code = $1 AND u.seat = 'municipality'`,
      [decided.code],
    );
    const destination = await t.signIn(email);
    const dwelling = await newDwelling(centrada, {
      municipalityCode: decided.code,
      postcode: '1315 AB',
    });
    expect((await offer(centrada, caseId, dwelling.id)).status).toBe(201);

    const short = await destination
      .post(`/api/cases/${caseId}/placement/refuse`)
      .send({ ...(await versionsOf(destination, caseId)), reason: 'Nee' });
    expect(short.status).toBe(400);
    const refused = await refuse(destination, caseId);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({
      state: 'ready',
      current: null,
      history: [{ status: 'refused', refusalReason: expect.stringMatching(/begeleiding/) }],
    });
    const after = await one(
      `SELECT c.state, c.ready_at, trim(c.decided_destination_code) AS destination, a.returned_at
         FROM case_file c JOIN table_decision d ON d.case_id = c.id JOIN distribution_allocation a ON a.id = d.allocation_id WHERE c.id = $1`,
      [caseId],
    );
    expect(after.state).toBe('ready');
    expect(after.destination).toBeNull();
    // The waiting clock runs on from the first ready date.
    expect(after.ready_at).toEqual(decided.ready_at);
    expect(after.returned_at).not.toBeNull();
    expect((await tasksOf(chair)).map((task) => task.kind)).toContain('scheduleCase');
    // The dwelling is free again.
    expect(
      (
        await one(
          `SELECT count(*)::int AS n FROM offer WHERE dwelling_id = $1 AND status IN ('open', 'accepted', 'completed')`,
          [dwelling.id],
        )
      ).n,
    ).toBe(0);
  });

  it('a municipality that reaches the case only as its origin may not decide on the placement (403), the destination may', async () => {
    // Decided against the proposal: origin Lelystad, destination Almere (the table motivates it).
    const table = await planTable(chair, t.db, {
      title: 'Tafel met afwijkend besluit',
      invited: ['Gemeente Lelystad', 'Gemeente Almere'],
    });
    const ready = await readyCase(kwintes, t.db);
    await scheduleCase(kwintes, table.id, ready);
    const published = await publishTable(chair, table.id);
    const item = published.agenda[0];
    const lelystadId = await organisationId(t.db, 'Gemeente Lelystad');
    const decided = await chair.post(`/api/tables/${table.id}/agenda/${item.id}/decision`).send({
      version: published.version,
      caseVersion: item.case.version,
      rule: 'herkomst',
      destination: 'GM0034',
      motivation: 'De bewoner werkt in Almere en heeft daar een steunend netwerk.',
      present: [{ organisationId: lelystadId, seat: 'municipality' }],
      votes: [],
      preconditions: [],
      followUpProviderId: await organisationId(t.db, 'Kwintes'),
    });
    expect(decided.status).toBe(200);
    const dwelling = await newDwelling(centrada, {
      municipalityCode: 'GM0034',
      postcode: '1315 AB',
    });
    expect((await offer(centrada, ready.id, dwelling.id)).status).toBe(201);
    await answer(kwintes, ready.id, 'accepted');
    // Lelystad reaches the case (origin) and reads the offer, without the new address.
    const forOrigin = await placementOf(lelystad, ready.id);
    expect(forOrigin.current.dwelling).not.toHaveProperty('address');
    const byOrigin = await confirm(lelystad, ready.id);
    expect(byOrigin.status).toBe(403);
    expect(byOrigin.body.error.message).toBe(
      'Alleen de gemeente van bestemming mag deze stap zetten.',
    );
    expect((await confirm(almere, ready.id)).status).toBe(200);
  });
});

describe('an answer that does not come', () => {
  it('is flagged on the case, the dwelling and the tasks from the day after its due day, and told once to both', async () => {
    const [caseId] = (await searchingCases(signIn, t.db, [{}])) as [string];
    const dwelling = await newDwelling(centrada);
    expect((await offer(centrada, caseId, dwelling.id)).status).toBe(201);
    // As if it was offered eleven days ago (the region's term is ten days).
    await t.db.query(
      `UPDATE offer SET offered_at = offered_at - interval '11 days', answer_due_on = answer_due_on - 11 WHERE case_id = $1`,
      [caseId],
    );

    expect((await placementOf(kwintes, caseId)).current.isAnswerOverdue).toBe(true);
    const onDwelling = (await centrada.get(`/api/dwellings/${dwelling.id}/offers`)).body;
    expect(onDwelling).toEqual([
      expect.objectContaining({
        caseId,
        status: 'open',
        isAnswerOverdue: true,
        isCaseReachable: true,
      }),
    ]);
    expect(
      (await tasksOf(kwintes)).find((task) => task.id === `answerOffer:${caseId}`)?.isOverdue,
    ).toBe(true);
    expect(
      (await tasksOf(centrada)).find((task) => task.id === `offerUnanswered:${caseId}`)?.isOverdue,
    ).toBe(true);

    let current = new Date(Date.now());
    current.setUTCHours(6, 0, 0, 0);
    const clock: Clock = { now: () => current };
    expect((await runDueJobs(t.db, clock, { jobs: [overdueOffersJob] }))[0]!.outcome).toBe('ran');
    current = new Date(current.getTime() + 86_400_000);
    expect((await runDueJobs(t.db, clock, { jobs: [overdueOffersJob] }))[0]!.outcome).toBe('ran');
    const told = await t.db.query(
      `SELECT u.email, n.title FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.case_id = $1 AND n.kind = 'offerToAnswer' AND n.title LIKE '%termijn%' ORDER BY u.email`,
      [caseId],
    );
    expect(told.map((n: { email: string }) => n.email)).toEqual([
      'corporatie@centrada.demo',
      'regisseur@kwintes.demo',
    ]);
  });
});

describe('moving in by the case manager, with the agreement among the case documents', () => {
  it('takes the dwelling’s tenancy form unless another is chosen, and links the signed agreement', async () => {
    const [caseId] = (await searchingCases(signIn, t.db, [{}])) as [string];
    const dwelling = await newDwelling(centrada, { tenancyForm: 'housingFirst' });
    await offer(centrada, caseId, dwelling.id);
    await answer(kwintes, caseId, 'accepted');
    await confirm(lelystad, caseId);
    const uploaded = await kwintes
      .post(
        `/api/cases/${caseId}/documents?category=housingProfile&filename=driepartijenovereenkomst.pdf`,
      )
      .set('Content-Type', 'application/pdf')
      .send(Buffer.from('%PDF-1.4\n%%EOF\n'));
    expect(uploaded.status).toBe(201);
    const moved = await moveIn(kwintes, caseId, {
      agreementDocumentId: uploaded.body.id,
      tenancyForm: 'viaMunicipality',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.moveIn).toMatchObject({
      tenancyForm: 'viaMunicipality',
      agreementDocumentId: uploaded.body.id,
      recordedBy: 'Kwintes',
    });
    // The offering corporation reads the agreement and the provider's contact; the body it sent is Dutch-validated.
    const forCorporation = await placementOf(centrada, caseId);
    expect(forCorporation.moveIn.agreementConditions).toBe(moveInBody().agreementConditions);
  });
});

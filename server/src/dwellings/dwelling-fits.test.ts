import request from 'supertest';
import { caseDwellingFitsSchema, dwellingCaseFitsSchema } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { readyCase } from '../../../tests/support/case-factory';
import { newDwelling, searchingCases } from '../../../tests/support/dwelling-factory';
import { currentYear } from './contingents.service';

let t: TestApp;
// Neither has a dwelling or a contingent in Lelystad in the demo data.
let goedeStede: request.Agent;
let alliantie: request.Agent;
/** Three residents the Flevoland table sent to Lelystad, each with other housing needs. */
let wheelchairUser: string, couple: string, unknownNeeds: string;

beforeAll(async () => {
  t = await startTestApp();
  goedeStede = await t.signIn('corporatie@goede-stede.demo');
  alliantie = await t.signIn('corporatie@de-alliantie.demo');
  [wheelchairUser, couple, unknownNeeds] = (await searchingCases((email) => t.signIn(email), t.db, [
    {
      housingNeeds: {
        rooms: 1,
        groundFloorOrLift: true,
        usesWheelchair: true,
        maxRent: 600,
        wishedMoveDate: '2026-01-01',
      },
    },
    {
      household: { adults: 2, children: 0 },
      housingNeeds: { rooms: 3, groundFloorOrLift: false, maxRent: 800 },
    },
    { housingNeeds: {} },
  ])) as [string, string, string];
});
afterAll(async () => {
  await t.close();
});

const status = async (agent: request.Agent, path: string) => (await agent.get(path)).status;

describe('which searching cases a corporation reaches', () => {
  it('none before it has a dwelling or a contingent in the destination; the cases search in Lelystad', async () => {
    const kwintes = await t.signIn('regisseur@kwintes.demo');
    for (const id of [wheelchairUser, couple, unknownNeeds]) {
      expect((await kwintes.get(`/api/cases/${id}`)).body).toMatchObject({ state: 'searching' });
      expect(await status(goedeStede, `/api/cases/${id}`)).toBe(404);
      expect(await status(goedeStede, `/api/cases/${id}/dwelling-fits`)).toBe(404);
    }
  });

  it('an available dwelling in the destination brings them in reach, as a housing profile only', async () => {
    const dwelling = await newDwelling(goedeStede, {
      municipalityCode: 'GM0995',
      rooms: 1,
      floor: 0,
      isWheelchairAccessible: true,
      rent: 575,
      availableFrom: '2025-12-01',
    });
    const view = (await goedeStede.get(`/api/cases/${wheelchairUser}`)).body;
    expect(view).toMatchObject({ state: 'searching', housingNeeds: { usesWheelchair: true } });
    expect(Object.keys(view)).not.toEqual(expect.arrayContaining(['identity']));
    for (const hidden of [
      'identity',
      'contact',
      'sensitive',
      'supportNeeds',
      'exceptions',
      'addresses',
      'wishes',
      'proposal',
    ])
      expect(view).not.toHaveProperty(hidden);
    const list = (await goedeStede.get('/api/cases?state=searching&pageSize=100')).body;
    expect(list.items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([wheelchairUser, couple, unknownNeeds]),
    );
    expect(list.items.every((i: { name?: string }) => i.name === undefined)).toBe(true);
    // Another corporation without a dwelling there still reaches none.
    expect(await status(alliantie, `/api/cases/${wheelchairUser}`)).toBe(404);
    // Withdrawn, the dwelling no longer brings them in reach.
    await goedeStede
      .post(`/api/dwellings/${dwelling.id}/withdraw`)
      .send({ version: dwelling.version, reason: 'Toch niet beschikbaar voor de uitstroom.' });
    expect(await status(goedeStede, `/api/cases/${wheelchairUser}`)).toBe(404);
  });

  it('a contingent of this year for the destination does too; one of last year or for another municipality does not', async () => {
    expect(await status(alliantie, `/api/cases/${couple}`)).toBe(404);
    await alliantie
      .post('/api/contingents')
      .send({ municipalityCode: 'GM0995', year: currentYear() - 1, promised: 4 });
    await alliantie
      .post('/api/contingents')
      .send({ municipalityCode: 'GM0303', year: currentYear(), promised: 4 });
    expect(await status(alliantie, `/api/cases/${couple}`)).toBe(404);
    await alliantie
      .post('/api/contingents')
      .send({ municipalityCode: 'GM0995', year: currentYear(), promised: null });
    expect(await status(alliantie, `/api/cases/${couple}`)).toBe(200);
    // With no dwelling of its own there, it reaches the case and has nothing that fits.
    expect((await alliantie.get(`/api/cases/${couple}/dwelling-fits`)).body).toEqual({
      caseId: couple,
      destination: 'GM0995',
      items: [],
    });
  });
});

describe('dwellings that fit a case', () => {
  let groundFloor: Record<string, any>,
    upstairsNoLift: Record<string, any>,
    expensive: Record<string, any>,
    inAlmere: Record<string, any>;

  beforeAll(async () => {
    groundFloor = await newDwelling(goedeStede, {
      street: 'Gelijkvloers',
      rooms: 2,
      floor: 0,
      hasLift: false,
      isWheelchairAccessible: true,
      rent: 580,
      availableFrom: '2025-11-01',
    });
    upstairsNoLift = await newDwelling(goedeStede, {
      street: 'Trappenhuis',
      rooms: 3,
      floor: 3,
      hasLift: false,
      isWheelchairAccessible: false,
      rent: 560,
      availableFrom: '2025-11-01',
    });
    expensive = await newDwelling(goedeStede, {
      street: 'Duurdreef',
      rooms: 2,
      floor: 0,
      hasLift: true,
      isWheelchairAccessible: true,
      rent: 690,
      availableFrom: '2025-11-01',
    });
    inAlmere = await newDwelling(goedeStede, {
      street: 'Elders',
      municipalityCode: 'GM0034',
      rooms: 4,
      floor: 0,
      isWheelchairAccessible: true,
      rent: 400,
    });
  });

  it('ranks the corporation’s own dwellings in the destination, a reason per criterion', async () => {
    const response = await goedeStede.get(`/api/cases/${wheelchairUser}/dwelling-fits`);
    expect(response.status).toBe(200);
    const fits = caseDwellingFitsSchema.parse(response.body);
    expect(fits.destination).toBe('GM0995');
    const streets = fits.items.map((i) => i.dwelling.street);
    expect(streets).not.toContain(inAlmere.street);
    expect(streets.slice(0, 3)).toEqual([
      groundFloor.street,
      expensive.street,
      upstairsNoLift.street,
    ]);
    const [best, second, third] = fits.items;
    expect(best!.fit).toMatchObject({ isFit: true, score: 100 });
    expect(best!.fit.reasons.map((r) => r.verdict)).toEqual([
      'fits',
      'fits',
      'fits',
      'fits',
      'fits',
      'fits',
    ]);
    expect(second!.fit.isFit).toBe(false);
    expect(second!.fit.reasons.find((r) => r.criterion === 'rent')).toEqual({
      criterion: 'rent',
      verdict: 'doesNotFit',
      text: '€ 690 per maand: € 90 boven het budget van € 600.',
    });
    expect(third!.fit.reasons.find((r) => r.criterion === 'accessibility')!.text).toMatch(
      /3e verdieping zonder lift.*Niet rolstoeltoegankelijk|3e verdieping zonder lift/,
    );
    expect(JSON.stringify(fits)).not.toMatch(/Bipolaire|Alcohol|Noor|de Jong/);
  });

  it('says “unknown” where the case has not recorded a need', async () => {
    const fits = caseDwellingFitsSchema.parse(
      (await goedeStede.get(`/api/cases/${unknownNeeds}/dwelling-fits`)).body,
    );
    const reasons = fits.items.find((i) => i.dwelling.id === groundFloor.id)!.fit.reasons;
    expect(reasons.filter((r) => r.verdict === 'unknown').map((r) => r.criterion)).toEqual([
      'rooms',
      'accessibility',
      'rent',
    ]);
  });

  it('from a dwelling: the searching cases in its municipality, best fit first, housing profile only', async () => {
    const response = await goedeStede.get(`/api/dwellings/${upstairsNoLift.id}/cases`);
    expect(response.status).toBe(200);
    const fits = dwellingCaseFitsSchema.parse(response.body);
    const ids = fits.items.map((i) => i.case.id);
    expect(ids).toEqual(expect.arrayContaining([wheelchairUser, couple, unknownNeeds]));
    // Three rooms on the third floor without a lift: right for the couple, wrong for the wheelchair user.
    expect(ids.indexOf(couple)).toBeLessThan(ids.indexOf(unknownNeeds));
    expect(ids.indexOf(unknownNeeds)).toBeLessThan(ids.indexOf(wheelchairUser));
    const coupleItem = fits.items.find((i) => i.case.id === couple)!;
    expect(coupleItem.fit.isFit).toBe(true);
    expect(Object.keys(coupleItem.case).sort()).toEqual([
      'destination',
      'household',
      'housingNeeds',
      'id',
      'pseudonym',
      'state',
      'waitingDays',
    ]);
    expect(JSON.stringify(fits)).not.toMatch(
      /Bipolaire|Alcohol|Noor|de Jong|Bewindvoering|Woningzoeker/,
    );
  });

  it('logs each look at a case’s housing profile on that case', async () => {
    const [{ pseudonym }] = await t.db.query('SELECT pseudonym FROM case_file WHERE id = $1', [
      couple,
    ]);
    const rows = await t.db.query(
      `SELECT action, fields, details FROM audit_log WHERE subject_pseudonym = $1 AND action IN ('case.dwellingFits', 'dwelling.caseFits')`,
      [pseudonym],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['case.dwellingFits', 'dwelling.caseFits']),
    );
    expect(rows.find((r: { action: string }) => r.action === 'dwelling.caseFits').details).toEqual({
      dwellingId: upstairsNoLift.id,
    });
  });

  it('keeps a dwelling of another corporation out of reach (404), and a withdrawn one out of matching (409)', async () => {
    expect(await status(alliantie, `/api/dwellings/${groundFloor.id}/cases`)).toBe(404);
    const gone = await newDwelling(goedeStede, { street: 'Verdwenen' });
    await goedeStede
      .post(`/api/dwellings/${gone.id}/withdraw`)
      .send({ version: 1, reason: 'Brandschade, voorlopig onbewoonbaar.' });
    expect(await status(goedeStede, `/api/dwellings/${gone.id}/cases`)).toBe(409);
  });

  it('answers 409 for a case in reach that is not searching (on a shared agenda)', async () => {
    const kwintes = await t.signIn('regisseur@kwintes.demo');
    const chair = await t.signIn('voorzitter@almere.demo');
    const [{ id: corporationId }] = await t.db.query(
      `SELECT id FROM organisation WHERE name = 'Goede Stede'`,
    );
    const table = (
      await chair.post('/api/tables').send({
        title: 'Tafel met Goede Stede',
        startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        invitedOrganisationIds: [corporationId],
      })
    ).body;
    const ready = await readyCase(kwintes, t.db, {
      identity: { firstName: 'Agenda', lastName: 'Casus', birthDate: '1990-01-01' },
    });
    const added = (
      await kwintes
        .post(`/api/tables/${table.id}/agenda`)
        .send({ version: table.version, caseId: ready.id, caseVersion: ready.version })
    ).body;
    await chair.post(`/api/tables/${table.id}/publish`).send({ version: added.version });
    expect(await status(goedeStede, `/api/cases/${ready.id}`)).toBe(200);
    const response = await goedeStede.get(`/api/cases/${ready.id}/dwelling-fits`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('CASE_NOT_SEEKING_DWELLING');
    expect(response.body.error.message).toMatch(/zoekt \(nog\) geen woning/);
  });

  it('is for corporations only', async () => {
    for (const email of [
      'regisseur@kwintes.demo',
      'voorzitter@almere.demo',
      'gemeente@lelystad.demo',
      'beheer@flevoland.demo',
    ]) {
      const agent = await t.signIn(email);
      expect(await status(agent, `/api/cases/${couple}/dwelling-fits`)).toBe(403);
      expect(await status(agent, `/api/dwellings/${groundFloor.id}/cases`)).toBe(403);
    }
  });
});

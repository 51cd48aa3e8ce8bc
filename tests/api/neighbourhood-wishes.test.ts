import type request from 'supertest';
import type { QueryRunner } from 'typeorm';
import { NeighbourhoodLists1765807200000 } from '../../migrations/1765807200000-neighbourhood-lists';
import { startTestApp, type TestApp } from '../support/test-app';
import { newDwelling, searchingCases } from '../support/dwelling-factory';
import { newCase } from '../support/case-factory';

/**
 * Wished and avoided wijken (issue 26): lists of wijk names in the housing needs, read by the
 * corporation as part of the housing profile and weighed by the dwelling fit with a Dutch reason;
 * a free text from before the lists is kept as a note with the wishes, which a corporation does
 * not read.
 */
let t: TestApp;
let kwintes: request.Agent;
let centrada: request.Agent;

beforeAll(async () => {
  t = await startTestApp();
  kwintes = await t.signIn('regisseur@kwintes.demo');
  centrada = await t.signIn('corporatie@centrada.demo');
});
afterAll(async () => {
  await t.close();
});

const housingNeeds = {
  rooms: 2,
  maxRent: 700,
  wishedNeighbourhoods: ['Bolder'],
  avoidedNeighbourhoods: ['Zuiderzeewijk'],
};

describe('wijken as lists', () => {
  let caseId: string;
  let avoided: Record<string, any>;
  let wished: Record<string, any>;

  beforeAll(async () => {
    [caseId] = (await searchingCases((email) => t.signIn(email), t.db, [
      {
        housingNeeds,
        wishes: { municipalities: ['GM0995'], neighbourhoodNote: 'Niet bij zijn oude vrienden.' },
      },
    ])) as [string];
    avoided = await newDwelling(centrada, {
      neighbourhood: 'Zuiderzeewijk',
      availableFrom: '2025-01-01',
    });
    wished = await newDwelling(centrada, { neighbourhood: 'Bolder', availableFrom: '2025-01-01' });
  });

  it('the corporation reads the lists in the housing needs, not the note', async () => {
    const read = (await centrada.get(`/api/cases/${caseId}`)).body;
    expect(read.housingNeeds).toMatchObject({
      wishedNeighbourhoods: ['Bolder'],
      avoidedNeighbourhoods: ['Zuiderzeewijk'],
    });
    expect(read).not.toHaveProperty('wishes');
    expect(JSON.stringify(read)).not.toContain('oude vrienden');
  });

  it('the avoided wijk does not fit, with its reason; the wished one fits', async () => {
    const fits = (await centrada.get(`/api/cases/${caseId}/dwelling-fits`)).body.items as {
      dwelling: { id: string };
      fit: { isFit: boolean; reasons: { criterion: string; verdict: string; text: string }[] };
    }[];
    const reasonFor = (id: string) =>
      fits
        .find((i) => i.dwelling.id === id)!
        .fit.reasons.find((r) => r.criterion === 'neighbourhood');
    expect(reasonFor(avoided.id)).toEqual({
      criterion: 'neighbourhood',
      verdict: 'doesNotFit',
      text: 'De bewoner wil niet naar de Zuiderzeewijk.',
    });
    expect(reasonFor(wished.id)).toMatchObject({ verdict: 'fits' });
    const ids = fits.map((i) => i.dwelling.id);
    expect(ids.indexOf(wished.id)).toBeLessThan(ids.indexOf(avoided.id));
    expect(fits.find((i) => i.dwelling.id === avoided.id)!.fit.isFit).toBe(false);
    // From the dwelling's side the same reason.
    const cases = (await centrada.get(`/api/dwellings/${avoided.id}/cases`)).body.items as {
      case: { id: string };
      fit: { reasons: { criterion: string; text: string }[] };
    }[];
    expect(
      cases
        .find((i) => i.case.id === caseId)!
        .fit.reasons.find((r) => r.criterion === 'neighbourhood')!.text,
    ).toBe('De bewoner wil niet naar de Zuiderzeewijk.');
  });

  it('a wijk both wished and avoided is refused at its field', async () => {
    const current = (await kwintes.get(`/api/cases/${caseId}`)).body;
    const response = await kwintes.patch(`/api/cases/${caseId}`).send({
      version: current.version,
      changes: { housingNeeds: { ...housingNeeds, wishedNeighbourhoods: ['Zuiderzeewijk'] } },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues).toContainEqual({
      path: 'changes.housingNeeds.wishedNeighbourhoods.0',
      message: 'Zuiderzeewijk staat ook bij de wijken om te vermijden.',
    });
  });

  it('the migration keeps an old free text as a note and makes no list of it', async () => {
    const view = await newCase(kwintes);
    await t.db.query(
      `UPDATE case_file SET sections = jsonb_set(sections #- '{wishes,neighbourhoodNote}', '{wishes,neighbourhoods}', '"niet de Zuiderzeewijk"') WHERE id = $1`,
      [view.id],
    );
    const before = (await t.db.query('SELECT version FROM case_file WHERE id = $1', [view.id]))[0];
    await new NeighbourhoodLists1765807200000().up({
      query: (sql: string) => t.db.query(sql),
    } as unknown as QueryRunner);
    const [after] = await t.db.query('SELECT sections, version FROM case_file WHERE id = $1', [
      view.id,
    ]);
    expect(after.sections.wishes).toMatchObject({ neighbourhoodNote: 'niet de Zuiderzeewijk' });
    expect(after.sections.wishes).not.toHaveProperty('neighbourhoods');
    expect(after.sections.housingNeeds).not.toHaveProperty('wishedNeighbourhoods');
    expect(after.sections.housingNeeds).not.toHaveProperty('avoidedNeighbourhoods');
    expect(after.version).toBe(before.version);
    // The file reads and saves again as it is.
    const read = await kwintes.get(`/api/cases/${view.id}`);
    expect(read.status).toBe(200);
    expect(read.body.wishes.neighbourhoodNote).toBe('niet de Zuiderzeewijk');
  });
});

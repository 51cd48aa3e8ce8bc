import {
  collectErrors,
  startBrowserHarness,
  type BrowserHarness,
  confirmStep,
} from '../support/browser';
import { newDwelling, searchingCases } from '../support/dwelling-factory';
import { giveConsent } from '../support/case-factory';

// Issue 26 in the browser: the resident avoids the Zuiderzeewijk and consented to share name and
// contact with Centrada. Centrada's case page says why its dwelling there does not fit, shows the
// kenmerk until it offers a dwelling, and the name from its offer on. The case manager picks the
// wijken from lists, one column on a phone.
let h: BrowserHarness;
let caseId = '';
let pseudonym = '';
let name = '';
const stamp = Date.now().toString(36);
const avoidedStreet = `Zuiderzeestraat ${stamp}`;
const wishedStreet = `Bolderweg ${stamp}`;

beforeAll(async () => {
  h = await startBrowserHarness();
  [caseId] = (await searchingCases((email) => h.app.signIn(email), h.app.db, [
    {
      housingNeeds: {
        rooms: 2,
        maxRent: 700,
        wishedNeighbourhoods: ['Bolder'],
        avoidedNeighbourhoods: ['Zuiderzeewijk'],
      },
    },
  ])) as [string];
  const kwintes = await h.app.signIn('regisseur@kwintes.demo');
  await giveConsent(kwintes, h.app.db, caseId, 'Centrada', ['identityContact']);
  const centrada = await h.app.signIn('corporatie@centrada.demo');
  await newDwelling(centrada, {
    street: avoidedStreet,
    houseNumber: '1',
    neighbourhood: 'Zuiderzeewijk',
    availableFrom: '2025-01-01',
  });
  await newDwelling(centrada, {
    street: wishedStreet,
    houseNumber: '2',
    neighbourhood: 'Bolder',
    availableFrom: '2025-01-01',
  });
  const [row] = await h.app.db.query(
    `SELECT pseudonym, sections->'identity' AS identity FROM case_file WHERE id = $1`,
    [caseId],
  );
  pseudonym = row.pseudonym;
  name = `${row.identity.firstName} ${row.identity.lastName}`;
});
afterAll(async () => {
  await h?.close();
});

describe('consent and wijken for a corporation', () => {
  it('the avoided wijk does not fit, with its reason; the name comes with the offer', async () => {
    const { context, page } = await h.signedInPage(
      'corporatie@centrada.demo',
      `/casussen/${caseId}`,
    );
    const errors = collectErrors(page);
    await page.getByRole('heading', { level: 1, name: pseudonym }).waitFor();
    const fits = page.getByRole('region', { name: 'Passende woningen' });
    const avoided = fits
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: `${avoidedStreet} 1` }) });
    await avoided.getByText('Wijk: past niet.').waitFor();
    await avoided.getByText('De bewoner wil niet naar de Zuiderzeewijk.').waitFor();
    const wished = fits
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: `${wishedStreet} 2` }) });
    await wished.getByText('Ligt in Bolder, een wijk die de bewoner wenst.').waitFor();
    expect(await page.getByText(name).count()).toBe(0);
    await h.screenshot(page, 'consent-corporation-fits');

    await wished.getByRole('button', { name: /Deze woning aanbieden/ }).click();
    await confirmStep(page, 'Woning aanbieden');
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await h.screenshot(page, 'consent-corporation-offered');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the case manager picks wijken from lists, one column on a phone', async () => {
    const { context, page } = await h.signedInPage(
      'regisseur@kwintes.demo',
      `/casussen/${caseId}/intake?stap=woonbehoeften`,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    const avoided = page.getByRole('group', { name: 'Wijken waar de bewoner niet wil wonen' });
    await avoided.getByText('Lelystad (1 gekozen)').waitFor();
    const box = avoided.getByLabel('Zuiderzeewijk');
    expect(await box.isChecked()).toBe(true);
    const option = avoided.locator('.intake-neighbourhoods__option').first();
    const [first, second] = await avoided
      .locator('.intake-neighbourhoods__option')
      .evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().toJSON()));
    // One column: the second choice sits under the first; every choice is a 44 px tap target.
    expect(second.left).toBe(first.left);
    expect((await option.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await avoided.scrollIntoViewIfNeeded();
    await h.screenshot(page, 'consent-intake-wijken-phone');
    await context.close();
  });
});

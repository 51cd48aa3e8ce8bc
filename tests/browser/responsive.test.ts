import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { collectErrors, startBrowserHarness, type BrowserHarness } from '../support/browser';

// Every page a seat reaches by links, on a phone (390 px) and a tablet (768 px): the page is no
// wider than the screen, breaks no word over two lines on the phone, has no button smaller than a
// finger (44 px), raises no script error, and axe finds no serious or critical WCAG 2.1 AA
// violation. The pages made for printing are pages too. The pages are found by crawling the menu
// and the links inside the pages, one page of each kind (one case, one table, one dwelling), so a
// new page is checked without naming it here.
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
  // A table with a shared agenda, so that every seat has a table page to open.
  const chair = await h.app.signIn('voorzitter@almere.demo');
  const organisations: { id: string }[] = await h.app.db.query(
    `SELECT id FROM organisation WHERE name IN ('Gemeente Lelystad', 'Centrada', 'Kwintes', 'Leger des Heils')`,
  );
  let table = (
    await chair
      .post('/api/tables')
      .send({
        title: 'Uitstroomtafel Flevoland',
        startsAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
        location: 'Stadhuis Almere, zaal 2',
        invitedOrganisationIds: organisations.map((o) => o.id),
      })
      .expect(201)
  ).body;
  const ready: { id: string; version: number }[] = await h.app.db.query(
    `SELECT id, version FROM case_file WHERE state = 'ready' AND region_id = (SELECT id FROM region WHERE slug = 'flevoland') ORDER BY ready_at LIMIT 2`,
  );
  for (const c of ready)
    table = (
      await chair
        .post(`/api/tables/${table.id}/agenda`)
        .send({ version: table.version, caseId: c.id, caseVersion: c.version })
        .expect(200)
    ).body;
  await chair.post(`/api/tables/${table.id}/publish`).send({ version: table.version }).expect(200);
});
afterAll(async () => {
  await h?.close();
});

const phone = { width: 390, height: 844 };
const tablet = { width: 768, height: 1024 };
const seats = [
  'regisseur@kwintes.demo',
  'voorzitter@almere.demo',
  'gemeente@lelystad.demo',
  'corporatie@centrada.demo',
  'aanbieder@leger-des-heils.demo',
  'beheer@flevoland.demo',
];
/** Pages of one kind: a path with its ids taken out, so one case stands for all cases. */
const kindOf = (path: string) =>
  path.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, ':id');
/** Links that leave the app's pages: downloads from the API. */
const skipped = /^\/api\//;

/** The page has its heading and has read its data (each page says "… laden…" while it reads). */
async function settle(page: Page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(
    () => !/laden…/i.test(document.querySelector('main')?.textContent ?? ''),
  );
}

async function linksOn(page: Page): Promise<string[]> {
  const hrefs = await page
    .locator('header a[href], nav a[href], main a[href]')
    .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.filter((href) => href.startsWith('/') && !skipped.test(href.split(/[?#]/)[0] ?? ''));
}

async function widthProblem(page: Page, path: string, width: number): Promise<string | null> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  return scrollWidth <= innerWidth ? null : `${path} is ${scrollWidth} px wide at ${width}`;
}

/** Buttons (and links dressed as buttons) smaller than a finger: 44 × 44 px (WCAG 2.5.5). */
async function smallTapTargets(page: Page, path: string): Promise<string[]> {
  const small = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'header button, nav button, main button, main a.utrecht-button-link, main input[type=submit]',
      ),
    ]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0 && (box.height < 44 || box.width < 44))
      .map(
        ({ element, box }) =>
          `"${(element.textContent ?? '').trim().slice(0, 30) || element.getAttribute('aria-label')}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
  return small.length === 0 ? [] : [`${path} has small buttons: ${small.slice(0, 5).join(', ')}`];
}

/** Words that the page breaks over two lines (a hyphen or slash is a fair place to break). */
async function brokenWords(page: Page, path: string): Promise<string[]> {
  const words = await page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(
      document.querySelector('main') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[^\s\-/–—·,]{2,}/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  });
  return words.length === 0 ? [] : [`${path} breaks inside ${words.slice(0, 5).join(', ')}`];
}

/** One seat's crawl: the problems found, the script errors, and the kinds of page it saw. */
async function crawl(
  email: string,
): Promise<{ problems: string[]; errors: string[]; kinds: string[] }> {
  const { context, page } = await h.signedInPage(email, '/');
  const errors = collectErrors(page);
  // No page asks what its seat is refused (issue 27.6): a 403 from the API is a defect of the page.
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 403 && new URL(response.url()).pathname.startsWith('/api/'))
      refused.push(
        `${new URL(page.url()).pathname} asked ${new URL(response.url()).pathname}: 403`,
      );
  });
  await page.setViewportSize(phone);
  await settle(page);
  const start = new URL(page.url()).pathname;
  const seen = new Map<string, string>([[kindOf(start), start]]);
  const queue: { path: string; depth: number }[] = [{ path: start, depth: 0 }];
  const problems: string[] = [];
  while (queue.length > 0) {
    const { path, depth } = queue.shift()!;
    await page.goto(path);
    await settle(page);
    problems.push(
      ...[await widthProblem(page, path, phone.width)].filter((p): p is string => p !== null),
    );
    problems.push(...(await brokenWords(page, path)));
    problems.push(...(await smallTapTargets(page, path)));
    // axe judges every page for every seat (issue 27.7): each seat's page has its own buttons and forms.
    problems.push(
      ...(await axeViolations(page, ['serious', 'critical'])).map((v) => `${path} ${v}`),
    );
    // The tablet: the menu's pages and the first pages they link to, the width only (axe judged
    // their markup above). The same page resized: the layout follows the width without a reload.
    if (depth <= 1) {
      await page.setViewportSize(tablet);
      problems.push(
        ...[await widthProblem(page, path, tablet.width)].filter((p): p is string => p !== null),
      );
      await page.setViewportSize(phone);
    }
    if (depth >= 2) continue;
    for (const href of await linksOn(page)) {
      const target = new URL(href, h.baseUrl).pathname;
      if (seen.has(kindOf(target))) continue;
      seen.set(kindOf(target), target);
      queue.push({ path: target, depth: depth + 1 });
    }
  }
  await context.close();
  problems.push(...refused);
  return {
    problems: problems.map((p) => `${email} ${p}`),
    errors: errors.map((e) => `${email} ${e}`),
    kinds: [...seen.keys()],
  };
}

it('as six seats, every page reachable by links fits a phone and a tablet', async () => {
  // All six seats at once: the pages wait on the server more than on the processor.
  const results = await Promise.all(seats.map(crawl));
  expect(results.flatMap((r) => r.problems)).toEqual([]);
  expect(results.flatMap((r) => r.errors)).toEqual([]);
  for (const r of results) expect(r.kinds.length).toBeGreaterThan(3);
  console.log(results.map((r, i) => `${seats[i]}: ${r.kinds.length} pages`).join('\n'));
}, 360_000);

it('the menu folds into a button that the keyboard opens and Escape closes', async () => {
  const { context, page } = await h.signedInPage('voorzitter@almere.demo', '/tafels');
  await page.setViewportSize(phone);
  await settle(page);
  const menuButton = page.getByRole('button', { name: 'Menu' });
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(menu.getByRole('link', { name: 'Tafels' }).isVisible()).resolves.toBe(false);
  await menuButton.focus();
  await page.keyboard.press('Enter');
  await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('true');
  await menu.getByRole('link', { name: 'Tafels' }).waitFor();
  // Focus moves into the menu; Escape closes it and gives focus back to the button.
  await expect(
    page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label')),
  ).resolves.toBe('Hoofdmenu');
  await page.keyboard.press('Escape');
  await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/Menu/);
  // Following a link closes the menu too.
  await page.keyboard.press('Enter');
  await menu.getByRole('link', { name: 'Mijn casussen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mijn casussen' }).waitFor();
  await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('false');
  // On a wide screen there is no button: the menu is always there.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menuButton.isVisible()).resolves.toBe(false);
  await expect(menu.getByRole('link', { name: 'Tafels' }).isVisible()).resolves.toBe(true);
  await context.close();
});

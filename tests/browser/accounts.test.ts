import { randomUUID } from 'node:crypto';
import { signInThroughPage, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { currentTotpCode } from '../../server/src/auth/totp';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

async function latestOutboxLink(to: string): Promise<string> {
  const [mail] = await h.app.db.query(
    'SELECT text_body FROM mail_outbox WHERE to_address = $1 ORDER BY id DESC LIMIT 1',
    [to],
  );
  const link = /https?:\/\/\S+/.exec(mail?.text_body ?? '')?.[0];
  if (!link) throw new Error(`no link mailed to ${to}`);
  return link;
}

describe('inviting a colleague, in the browser', () => {
  it('the regio-beheerder invites; the mail is in the demo outbox; the link sets a password; the new user signs in', async () => {
    const admin = await h.signedInPage('beheer@flevoland.demo', '/beheer/gebruikers');
    const { page } = admin;
    await page.getByRole('heading', { level: 1, name: 'Organisaties en gebruikers' }).waitFor();
    const form = page.getByRole('form', { name: 'Gebruiker uitnodigen' });
    await form.getByLabel('Organisatie').selectOption({ label: 'Kwintes' });
    await form.getByLabel('Rol').selectOption({ label: 'Casemanager / regisseur' });
    await form.getByLabel('Naam').fill('Mirthe Groen');
    await form.getByLabel('E-mailadres').fill('mirthe@kwintes.demo');
    await form.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await page.getByText('Mirthe Groen is uitgenodigd op mirthe@kwintes.demo.').waitFor();
    await h.screenshot(page, 'beheer-gebruikers');

    await page.getByRole('link', { name: 'Demo-postvak' }).click();
    await page
      .getByRole('heading', { name: 'Uitnodiging voor de Uitstroomtafel' })
      .first()
      .waitFor();
    await h.screenshot(page, 'beheer-postvak');
    const link = await latestOutboxLink('mirthe@kwintes.demo');
    expect(new URL(link).pathname).toBe('/wachtwoord-instellen');

    const invitee = await h.newPage();
    await invitee.page.goto(link);
    await invitee.page.getByRole('heading', { name: 'Welkom bij de Uitstroomtafel' }).waitFor();
    await invitee.page.getByLabel('Nieuw wachtwoord').fill('kort');
    await invitee.page.getByLabel('Herhaal het wachtwoord').fill('kort');
    await invitee.page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await invitee.page.getByText('Een wachtwoord heeft minstens 12 tekens.').waitFor();
    await h.screenshot(invitee.page, 'wachtwoord-instellen');
    await invitee.page.getByLabel('Nieuw wachtwoord').fill('koffie bij de uitstroomtafel');
    await invitee.page.getByLabel('Herhaal het wachtwoord').fill('koffie bij de uitstroomtafel');
    await invitee.page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await invitee.page
      .getByText('Uw wachtwoord is ingesteld. Log in met uw nieuwe wachtwoord.')
      .waitFor();
    await signInThroughPage(invitee.page, 'mirthe@kwintes.demo', 'koffie bij de uitstroomtafel');
    await invitee.page
      .getByRole('region', { name: 'Ingelogd als' })
      .getByText('Mirthe Groen')
      .waitFor();
    await invitee.context.close();
    await admin.context.close();
  });
});

describe('deactivation, in the browser', () => {
  it("a deactivated user's open page returns to sign-in at the next request", async () => {
    const user = await h.signedInPage('aanbieder@timon.demo', '/casussen');
    await user.page.getByRole('heading', { name: 'Mijn casussen' }).waitFor();
    const admin = await h.signedInPage('beheer@flevoland.demo', '/beheer/gebruikers');
    const row = admin.page.getByRole('row').filter({ hasText: 'aanbieder@timon.demo' });
    await row.getByRole('button', { name: 'Deactiveren' }).click();
    await admin.page
      .getByText('Esther Koster: gedeactiveerd; alle sessies zijn beëindigd.')
      .waitFor();
    await user.page.getByRole('link', { name: 'Mijn account' }).click();
    await user.page.getByText('Uw sessie is verlopen. Log opnieuw in.').waitFor();
    await user.context.close();
    await admin.context.close();
  });
});

describe('a locked account, in the browser (issue 21)', () => {
  it('the sign-in form says the account is locked; the regio-beheerder lifts the lock with one button and the user signs in', async () => {
    const email = 'aanbieder@leger-des-heils.demo';
    // Locked after too many failed attempts (the limits themselves are tested in server/src/auth/account-lockout.test.ts).
    await h.app.db.query(
      `INSERT INTO account_lock (email, locked_at, locked_until) VALUES ($1, now(), now() + interval '15 minutes')`,
      [email],
    );
    const user = await h.browser.newContext({ baseURL: h.baseUrl });
    const page = await user.newPage();
    await signInThroughPage(page, email, 'uitstroom-demo');
    await page.getByText(/tijdelijk geblokkeerd/).waitFor();

    const admin = await h.signedInPage('beheer@flevoland.demo', '/beheer/gebruikers');
    const row = admin.page.getByRole('row').filter({ hasText: email });
    await row.getByText(/Geblokkeerd tot/).waitFor();
    await row.getByRole('button', { name: 'Blokkade opheffen' }).click();
    await admin.page.getByText(/blokkade opgeheven; inloggen kan weer\./).waitFor();
    // The list reloads after the notice: then the lock and its button are gone.
    await row.getByRole('button', { name: 'Blokkade opheffen' }).waitFor({ state: 'detached' });
    expect(await row.getByText(/Geblokkeerd tot/).count()).toBe(0);
    expect(
      await h.app.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.lockout.lift'`,
      ),
    ).toEqual([{ n: 1 }]);

    await signInThroughPage(page, email, 'uitstroom-demo');
    await page.getByRole('heading', { name: 'Mijn casussen' }).waitFor();
    await user.close();
    await admin.context.close();
  });
});

describe('a forgotten password, in the browser', () => {
  it('asks for a link, follows it, sets a new password and signs in', async () => {
    const { context, page } = await h.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    // The page loads in its own chunk, and the router keeps the sign-in page (with its own
    // "E-mailadres") on screen until it is there: fill the field only once the new page stands.
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await page.getByLabel('E-mailadres').fill('gemeente@urk.demo');
    await page.getByRole('button', { name: 'Stuur mij een link' }).click();
    await page.getByText('Als dit adres bij ons bekend is').waitFor();
    await page.goto(await latestOutboxLink('gemeente@urk.demo'));
    await page.getByRole('heading', { name: 'Nieuw wachtwoord kiezen' }).waitFor();
    await page.getByLabel('Nieuw wachtwoord').fill('de vuurtoren van urk');
    await page.getByLabel('Herhaal het wachtwoord').fill('de vuurtoren van urk');
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByText('Uw wachtwoord is ingesteld. Log in met uw nieuwe wachtwoord.').waitFor();
    await signInThroughPage(page, 'gemeente@urk.demo', 'de vuurtoren van urk');
    await page.getByRole('region', { name: 'Ingelogd als' }).getByText('Jannie Brouwer').waitFor();
    await context.close();
  });
});

describe('two-factor sign-in, in the browser', () => {
  it('enrols from Mijn account, keeps the recovery codes, then signs in with a code and with a recovery code', async () => {
    const { context, page } = await h.signedInPage('gemeente@lelystad.demo', '/account');
    await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    await h.screenshot(page, 'tweestaps-instellen');
    await page.getByLabel('Code uit de app').fill(currentTotpCode(secret));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Bewaar uw herstelcodes' }).waitFor();
    const codes = await page
      .getByRole('list', { name: 'Herstelcodes' })
      .getByRole('listitem')
      .allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.getByText('Staat aan. U heeft nog 10 ongebruikte herstelcodes.').waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();

    await signInThroughPage(page, 'gemeente@lelystad.demo', 'uitstroom-demo');
    await page.getByRole('heading', { name: 'Tweestapsverificatie' }).waitFor();
    await page.getByLabel('Code uit de app').fill('000000');
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Deze code klopt niet.').waitFor();
    await h.screenshot(page, 'tweestaps-inloggen');
    await page.getByLabel('Code uit de app').fill(currentTotpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('region', { name: 'Ingelogd als' }).getByText('Sandra Jansen').waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();

    await signInThroughPage(page, 'gemeente@lelystad.demo', 'uitstroom-demo');
    await page
      .getByRole('button', { name: 'Telefoon niet bij de hand? Gebruik een herstelcode' })
      .click();
    await page.getByLabel('Herstelcode').fill(codes[0]!);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByRole('region', { name: 'Ingelogd als' }).getByText('Sandra Jansen').waitFor();
    await context.close();
  });
});

describe('a partner system’s token, in the browser (issue 31)', () => {
  it('the regio-beheerder issues a token, sees it once, and revokes it; the next request is refused', async () => {
    const { page } = await h.signedInPage('beheer@flevoland.demo', '/');
    await page.getByRole('link', { name: 'Koppelingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Koppelingen met eigen systemen' }).waitFor();
    const form = page.getByRole('form', { name: 'Token uitgeven' });
    await form.getByLabel('Naam').fill('Zaaksysteem Kwintes');
    await form.getByLabel('Organisatie').selectOption({ label: 'Kwintes' });
    await form.getByLabel('Rol').selectOption({ label: 'Casemanager / regisseur' });
    await form.getByLabel('Casussen lezen').check();
    await form.getByRole('button', { name: 'Token uitgeven' }).click();
    const shown = page.getByRole('status').getByLabel('Token');
    const token = await shown.inputValue();
    expect(token).toMatch(/^ut_/);
    const read = (t: string) =>
      fetch(`${h.baseUrl}/api/cases/${randomUUID()}`, {
        headers: { Authorization: `Bearer ${t}` },
      });
    // A case it does not reach: 404, not 401.
    expect((await read(token)).status).toBe(404);
    await page.getByRole('button', { name: 'Ik heb het token bewaard' }).click();
    expect(await page.getByText(token).count()).toBe(0);
    const row = page.getByRole('row', { name: /Zaaksysteem Kwintes/ });
    await row.getByRole('button', { name: /Intrekken/ }).click();
    await row.getByText('Ingetrokken').waitFor();
    expect((await read(token)).status).toBe(401);
  });
});

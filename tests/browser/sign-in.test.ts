import { signInThroughPage, startBrowserHarness, type BrowserHarness } from '../support/browser';
import { startTestProvider } from '../support/oidc-provider';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
});
afterAll(async () => {
  await h?.close();
});

const seats = [
  ['regisseur@kwintes.demo', 'Sanne Willems', 'Casemanager / regisseur', 'Kwintes', 'Flevoland'],
  [
    'voorzitter@almere.demo',
    'Marieke de Vries',
    'Tafelvoorzitter',
    'Regionale coördinatie Flevoland (centrumgemeente Almere)',
    'Flevoland',
  ],
  ['gemeente@lelystad.demo', 'Sandra Jansen', 'Gemeente', 'Gemeente Lelystad', 'Flevoland'],
  ['gemeente@almere.demo', 'Fatima El Amrani', 'Gemeente', 'Gemeente Almere', 'Flevoland'],
  ['corporatie@centrada.demo', 'Linda Meijer', 'Woningcorporatie', 'Centrada', 'Flevoland'],
  [
    'aanbieder@leger-des-heils.demo',
    'Nicole van den Berg',
    'Zorgaanbieder (ambulant)',
    'Leger des Heils',
    'Flevoland',
  ],
  [
    'beheer@flevoland.demo',
    'Johan Bakker',
    'Regio-beheerder',
    'Regionale coördinatie Flevoland (centrumgemeente Almere)',
    'Flevoland',
  ],
  ['regisseur@tactus.demo', 'Karin Veldman', 'Casemanager / regisseur', 'Tactus', 'Midden-IJssel'],
] as const;

describe('signing in as every demo seat', () => {
  it.each(seats)(
    '%s signs in through the form and sees the shell',
    async (email, name, seat, organisation, region) => {
      const { context, page } = await h.newPage();
      await signInThroughPage(page, email);
      const user = page.getByRole('region', { name: 'Ingelogd als' });
      await user.getByText(name).waitFor();
      expect(await user.textContent()).toContain(`${seat} · ${organisation} · regio ${region}`);
      expect(await page.getByRole('link', { name: 'Direct naar de inhoud' }).count()).toBe(1);
      await h.screenshot(
        page,
        `shell-${email.split('@')[0]}-${email.split('@')[1]?.split('.')[0]}`,
      );
      await context.close();
    },
  );
});

describe('the sign-in page', () => {
  it('says so at the field when the form is incomplete, and at the top when the password is wrong', async () => {
    const { context, page } = await h.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Inloggen bij de Uitstroomtafel' }).waitFor();
    // The e-mail address first: its domain decides between the organisation's provider and the password.
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByText('Vul een geldig e-mailadres in.').waitFor();
    await page.getByLabel('E-mailadres').fill('regisseur@kwintes.demo');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('Vul uw wachtwoord in.').waitFor();
    await h.screenshot(page, 'sign-in-empty');
    await page.getByLabel('Wachtwoord').fill('niet-goed');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page
      .getByRole('alert')
      .getByText('Het e-mailadres of het wachtwoord klopt niet.')
      .waitFor();
    await context.close();
  });

  it('signing out returns to the sign-in page, and the session is gone', async () => {
    const { context, page } = await h.signedInPage('gemeente@lelystad.demo');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByText('U bent uitgelogd.').waitFor();
    const me = await context.request.get('/api/auth/me');
    expect(me.status()).toBe(401);
    await context.close();
  });

  it('an expired session returns to sign-in with a message', async () => {
    const { context, page } = await h.signedInPage('corporatie@centrada.demo', '/casussen');
    await page.getByRole('heading', { name: 'Mijn casussen' }).waitFor();
    // The server lets the session go (as after the idle lifetime); the next request finds out.
    await h.app.db.query(
      `DELETE FROM session WHERE sess->>'userId' = (SELECT id::text FROM app_user WHERE email = 'corporatie@centrada.demo')`,
    );
    await page.reload();
    await page.getByText('Uw sessie is verlopen. Log opnieuw in.').waitFor();
    await h.screenshot(page, 'sign-in-expired');
    await context.close();
  });

  it('shows the empty "Mijn casussen" page to a seat that reaches no case yet', async () => {
    const { context, page } = await h.signedInPage('aanbieder@timon.demo');
    await page.getByRole('heading', { level: 1, name: 'Mijn casussen' }).waitFor();
    await page.getByText('Nog geen casussen').waitFor();
    await h.screenshot(page, 'my-cases-empty');
    await context.close();
  });
});

describe('signing in with the organisation’s own accounts (OpenID Connect)', () => {
  it('an invited colleague goes to the organisation’s provider and comes back signed in', async () => {
    const provider = await startTestProvider({
      redirectUri: `${h.baseUrl}/api/auth/provider/callback`,
      accounts: [{ email: 'ilse@triade.example', sub: 'triade-ilse', acr: 'mfa', amr: ['mfa'] }],
    });
    try {
      const admin = await h.app.signIn('beheer@flevoland.demo');
      const organisations = (await admin.get('/api/admin/organisations').expect(200)).body as {
        id: string;
        name: string;
      }[];
      const triade = organisations.find((o) => o.name === 'Triade')!;
      await admin
        .put(`/api/admin/organisations/${triade.id}/identity-provider`)
        .send({
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          emailDomains: ['triade.example'],
          isPasswordSignInAllowed: true,
          version: null,
        })
        .expect(200);
      await admin
        .post('/api/admin/users')
        .send({
          organisationId: triade.id,
          email: 'ilse@triade.example',
          displayName: 'Ilse Kramer',
          seat: 'provider',
        })
        .expect(201);

      const { context, page } = await h.newPage();
      await page.goto('/');
      await page.getByLabel('E-mailadres').fill('ilse@triade.example');
      await page.getByRole('button', { name: 'Volgende' }).click();
      const user = page.getByRole('region', { name: 'Ingelogd als' });
      await user.getByText('Ilse Kramer').waitFor();
      expect(await user.textContent()).toContain('Zorgaanbieder (ambulant) · Triade');
      expect(await page.getByLabel('Wachtwoord').count()).toBe(0);
      await context.close();
    } finally {
      await provider.close();
    }
  });
});

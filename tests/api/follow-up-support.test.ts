import type request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { movedCase, searchingCase, startedSupport } from '../support/follow-up-flow';
import { answer, confirm, moveIn, offer, todayInAmsterdam } from '../support/placement-flow';
import { newDwelling } from '../support/dwelling-factory';
import { planTable } from '../support/table-flow';
import { runDueJobs } from '../../server/src/core/scheduler';
import { followUpChecksJob } from '../../server/src/support/support.jobs';
import { amsterdamDate, dutchToday } from '@uitstroom/shared';

/**
 * Follow-up support after the move (issue 13) through the API: the log, what each seat sees of it,
 * signals and who hears of them, escalation to a table (the case stays in aftercare), the relapse
 * plan, the 6/12-month checks by the scheduler, closing, and bad input.
 */
let t: TestApp;
const a = {} as Record<
  | 'casemanager'
  | 'chair'
  | 'provider'
  | 'otherProvider'
  | 'lelystad'
  | 'almere'
  | 'centrada'
  | 'admin',
  request.Agent
>;
let caseView: Record<string, any>;

beforeAll(async () => {
  t = await startTestApp();
  a.casemanager = await t.signIn('regisseur@kwintes.demo');
  a.chair = await t.signIn('voorzitter@almere.demo');
  a.provider = await t.signIn('aanbieder@leger-des-heils.demo');
  a.otherProvider = await t.signIn('aanbieder@triade.demo');
  a.lelystad = await t.signIn('gemeente@lelystad.demo');
  a.almere = await t.signIn('gemeente@almere.demo');
  a.centrada = await t.signIn('corporatie@centrada.demo');
  a.admin = await t.signIn('beheer@flevoland.demo');
  caseView = await movedCase(a, t.db);
});
afterAll(async () => {
  await t.close();
});

const support = (agent: request.Agent, id = caseView.id) => agent.get(`/api/cases/${id}/support`);
const entry = (body: object, agent = a.provider) =>
  agent.post(`/api/cases/${caseView.id}/support/entries`).send(body);
const notificationsOf = async (email: string) =>
  t.db.query(
    `SELECT n.title, n.kind FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = $1 AND n.case_id = $2 AND n.kind = 'signal' ORDER BY n.created_at`,
    [email, caseView.id],
  );

describe('starting follow-up support', () => {
  it('only the follow-up provider starts it, on a moved case', async () => {
    const body = {
      version: caseView.version,
      keyHandoverDate: '2025-11-01',
      startedOn: '2025-11-01',
      landlordOrganisationId: caseView.owner.organisationId,
      hoursPerWeek: 4,
    };
    expect(
      (await a.otherProvider.post(`/api/cases/${caseView.id}/support/start`).send(body)).status,
    ).toBe(404);
    expect(
      (await a.casemanager.post(`/api/cases/${caseView.id}/support/start`).send(body)).status,
    ).toBe(403);
    // Kwintes is a provider, not a corporation: the landlord must be a corporation of the region.
    const wrongLandlord = await a.provider
      .post(`/api/cases/${caseView.id}/support/start`)
      .send(body);
    expect(wrongLandlord.status).toBe(400);
    expect(wrongLandlord.body.error.issues[0].path).toBe('landlordOrganisationId');
    const started = await startedSupport(a.provider, t.db, caseView);
    expect(started).toMatchObject({
      isStarted: true,
      currentHoursPerWeek: 4,
      landlordName: 'Centrada',
      can: { write: true },
    });
    expect((await a.casemanager.get(`/api/cases/${caseView.id}`)).body.state).toBe('aftercare');
  });
});

describe('starting after a recorded move-in', () => {
  it('takes the key handover date and the landlord from the move-in and refuses differing values', async () => {
    const id = await searchingCase(a, t.db);
    const dwelling = await newDwelling(a.centrada, {
      neighbourhood: 'Atolwijk',
      street: 'Schouw',
      availableFrom: '2025-01-01',
      conversionDate: '2026-01-01',
    });
    expect((await offer(a.centrada, id, dwelling.id)).status).toBe(201);
    expect((await answer(a.casemanager, id, 'accepted')).status).toBe(200);
    expect((await confirm(a.lelystad, id)).status).toBe(200);
    const keys = todayInAmsterdam();
    expect((await moveIn(a.casemanager, id, { keyHandoverDate: keys })).status).toBe(200);

    const before = await support(a.provider, id);
    expect(before.body).toMatchObject({
      isStarted: false,
      recordedMove: { keyHandoverDate: keys, landlordName: 'Centrada' },
      can: { start: true },
    });
    const { version } = (await a.casemanager.get(`/api/cases/${id}`)).body;
    const start = (body: object) =>
      a.provider
        .post(`/api/cases/${id}/support/start`)
        .send({ version, startedOn: keys, hoursPerWeek: 4, ...body });

    const otherDate = await start({ keyHandoverDate: '2025-01-02' });
    expect(otherDate.status).toBe(400);
    expect(otherDate.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'keyHandoverDate',
    ]);
    expect(otherDate.body.error.issues[0].message).toMatch(/vastgelegd/);
    const otherLandlord = await start({ landlordOrganisationId: caseView.owner.organisationId });
    expect(otherLandlord.status).toBe(400);
    expect(otherLandlord.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'landlordOrganisationId',
    ]);

    const started = await start({});
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      isStarted: true,
      keyHandoverDate: keys,
      landlordName: 'Centrada',
      currentHoursPerWeek: 4,
    });
    const [row] = await t.db.query(
      `SELECT to_char(s.key_handover_date, 'YYYY-MM-DD') AS keys, o.name FROM follow_up_support s JOIN organisation o ON o.id = s.landlord_organisation_id WHERE s.case_id = $1`,
      [id],
    );
    expect(row).toEqual({ keys, name: 'Centrada' });
  });

  it('without a recorded move-in the key handover date and the landlord stay required', async () => {
    const moved = await movedCase(a, t.db);
    const response = await a.provider
      .post(`/api/cases/${moved.id}/support/start`)
      .send({ version: moved.version, startedOn: '2025-11-01', hoursPerWeek: 4 });
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'keyHandoverDate',
      'landlordOrganisationId',
    ]);
  });
});

describe('the support log', () => {
  it('records contacts, intensity changes, goals with progress and respite stays', async () => {
    expect(
      (
        await entry({
          type: 'contact',
          date: '2025-11-08',
          kind: 'homeVisit',
          durationMinutes: 60,
          note: 'Huisbezoek: post samen doorgenomen, zus was er ook.',
        })
      ).status,
    ).toBe(201);
    const up = await entry({
      type: 'intensity',
      date: '2025-12-01',
      hoursPerWeek: 6,
      reason: 'Meer begeleiding bij de schulden nodig.',
    });
    expect(up.body.intensity.map((i: { direction: string }) => i.direction)).toEqual([
      'start',
      'up',
    ]);
    const down = await entry({
      type: 'intensity',
      date: '2026-03-01',
      hoursPerWeek: 3,
      reason: 'Gaat goed, minder uren volstaan.',
    });
    expect(down.body.intensity.at(-1)).toMatchObject({ hoursPerWeek: 3, direction: 'down' });
    const goal = await entry({
      type: 'goal',
      lifeDomain: 'incomeAndDebts',
      description: 'Vaste lasten automatisch betalen',
    });
    const goalId = goal.body.goals[0].id;
    expect(
      (await entry({ type: 'goalProgress', goalId, progress: 'achieved' })).body.goals[0].progress,
    ).toBe('achieved');
    expect(
      (
        await entry({
          type: 'respite',
          from: '2026-02-01',
          to: '2026-02-03',
          place: 'Logeerhuis De Kim',
          reason: 'Even rust na een moeilijke week.',
        })
      ).status,
    ).toBe(201);
  });

  it('notes go to the provider and the case manager; the municipality sees intensity and goals; corporation and chair nothing', async () => {
    const provider = (await support(a.provider)).body;
    const casemanager = (await support(a.casemanager)).body;
    const lelystad = (await support(a.lelystad)).body;
    for (const view of [provider, casemanager]) {
      expect(view.contacts[0].note).toContain('post samen doorgenomen');
      expect(view.respite[0].place).toBe('Logeerhuis De Kim');
      expect(view.intensity[1].reason).toContain('schulden');
    }
    expect(lelystad.currentHoursPerWeek).toBe(3);
    expect(lelystad.goals[0]).toMatchObject({ lifeDomain: 'incomeAndDebts', progress: 'achieved' });
    expect(lelystad).not.toHaveProperty('contacts');
    expect(lelystad).not.toHaveProperty('respite');
    expect(lelystad.intensity[1]).not.toHaveProperty('reason');
    expect(JSON.stringify(lelystad)).not.toMatch(/post samen|Logeerhuis|schulden nodig/);
    expect((await support(a.centrada)).status).toBe(403);
    expect((await support(a.chair)).status).toBe(403);
    expect((await support(a.admin)).status).toBe(403);
    // Outside the reach: another provider, a municipality the case does not concern.
    expect((await support(a.otherProvider)).status).toBe(404);
    expect((await support(a.almere)).status).toBe(404);
  });

  it('only the follow-up provider writes the log', async () => {
    expect(
      (
        await entry(
          {
            type: 'contact',
            date: '2026-01-01',
            kind: 'phone',
            durationMinutes: 10,
            note: 'Belletje',
          },
          a.casemanager,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await entry(
          {
            type: 'contact',
            date: '2026-01-01',
            kind: 'phone',
            durationMinutes: 10,
            note: 'Belletje',
          },
          a.lelystad,
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await entry(
          {
            type: 'contact',
            date: '2026-01-01',
            kind: 'phone',
            durationMinutes: 10,
            note: 'Belletje',
          },
          a.otherProvider,
        )
      ).status,
    ).toBe(404);
  });

  it.each([
    [
      { type: 'contact', date: '2026-01-01', kind: 'phone', durationMinutes: 0, note: 'x' },
      'durationMinutes',
    ],
    [
      { type: 'contact', date: '01-01-2026', kind: 'phone', durationMinutes: 10, note: 'x' },
      'date',
    ],
    [
      { type: 'intensity', date: '2026-01-01', hoursPerWeek: 50, reason: 'Veel meer nodig nu.' },
      'hoursPerWeek',
    ],
    [{ type: 'goal', lifeDomain: 'hobby', description: 'Tekenen' }, 'lifeDomain'],
    [
      {
        type: 'respite',
        from: '2026-02-03',
        to: '2026-02-01',
        place: 'Logeerhuis',
        reason: 'Even rust na ruzie.',
      },
      'to',
    ],
    [
      {
        type: 'contact',
        date: '2026-01-01',
        kind: 'phone',
        durationMinutes: 10,
        note: 'x',
        extra: true,
      },
      'extra',
    ],
  ])('bad input %# is 400 at %s', async (body, path) => {
    const response = await entry(body);
    expect(response.status).toBe(400);
    expect(response.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('a goal of another case is not found', async () => {
    expect(
      (
        await entry({
          type: 'goalProgress',
          goalId: '00000000-0000-4000-8000-000000000000',
          progress: 'stalled',
        })
      ).status,
    ).toBe(404);
  });
});

describe('signals', () => {
  it('arrears go to the case manager; not to the landlord, which may not see signals (issue 27.6), nor the municipality', async () => {
    const response = await a.provider.post(`/api/cases/${caseView.id}/support/signals`).send({
      kind: 'paymentArrears',
      severity: 'medium',
      date: '2026-04-01',
      description: 'Twee maanden huur niet betaald; schuldhulp loopt vast.',
    });
    expect(response.status).toBe(201);
    expect(await notificationsOf('corporatie@centrada.demo')).toHaveLength(0);
    expect(await notificationsOf('regisseur@kwintes.demo')).toHaveLength(1);
    expect(await notificationsOf('gemeente@lelystad.demo')).toHaveLength(0);
  });

  it('a relapse goes to the municipality and the case manager, escalates to a table with one action, and the case stays in aftercare', async () => {
    const table = await planTable(a.chair, t.db, {
      title: 'Escalatietafel',
      invited: ['Gemeente Lelystad'],
    });
    // A cancelled table meets no more: it is not offered for an escalation.
    const cancelled = await planTable(a.chair, t.db, { title: 'Geannuleerde tafel', invited: [] });
    expect(
      (
        await a.chair
          .post(`/api/tables/${cancelled.id}/cancel`)
          .send({ version: cancelled.version, reason: 'De zaal is niet beschikbaar.' })
      ).status,
    ).toBe(200);
    const tables = (await a.provider.get('/api/support/escalation-tables')).body;
    expect(tables.map((x: { id: string }) => x.id)).toContain(table.id);
    expect(tables.map((x: { id: string }) => x.id)).not.toContain(cancelled.id);
    const before = (await a.casemanager.get(`/api/cases/${caseView.id}`)).body;
    const response = await a.provider.post(`/api/cases/${caseView.id}/support/signals`).send({
      kind: 'relapse',
      severity: 'high',
      date: '2026-05-01',
      description: 'Drinkt weer dagelijks, mist afspraken.',
      escalateToTableId: table.id,
    });
    expect(response.status).toBe(201);
    expect(response.body.signals[0]).toMatchObject({
      kind: 'relapse',
      escalatedToTable: { id: table.id, title: 'Escalatietafel' },
    });
    const after = (await a.casemanager.get(`/api/cases/${caseView.id}`)).body;
    expect(after).toMatchObject({ state: 'aftercare', version: before.version });
    const agenda = (await a.chair.get(`/api/tables/${table.id}`)).body.agenda;
    // The item's note follows the case's sensitive fields (issue 21); the chair's organisation has no such consent here, the kind says enough.
    expect(agenda).toEqual([
      expect.objectContaining({
        caseId: caseView.id,
        status: 'open',
        kind: 'escalation',
        hasNote: true,
      }),
    ]);
    expect(
      (await notificationsOf('gemeente@lelystad.demo')).map((n: { title: string }) => n.title),
    ).toEqual([`Signaal uit de nazorg bij casus ${caseView.pseudonym}`]);
    // A relapse is no business of the landlord either (issue 27.6).
    expect(await notificationsOf('corporatie@centrada.demo')).toHaveLength(0);
    // The municipality reads the signal by kind, not the provider's description.
    const lelystad = (await support(a.lelystad)).body;
    expect(lelystad.signals[0]).toMatchObject({ kind: 'relapse', severity: 'high' });
    expect(lelystad.signals[0]).not.toHaveProperty('description');
    // One open agenda item per case: a second escalation is refused; the table cannot decide a placement on it.
    const again = await a.provider.post(`/api/cases/${caseView.id}/support/signals`).send({
      kind: 'nuisance',
      severity: 'low',
      date: '2026-05-02',
      description: 'Buren klagen over geluid.',
      escalateToTableId: table.id,
    });
    expect(again.status).toBe(409);
    const item = agenda[0];
    const published = await a.chair
      .post(`/api/tables/${table.id}/publish`)
      .send({ version: (await a.chair.get(`/api/tables/${table.id}`)).body.version });
    expect(published.status).toBe(200);
    const decide = await a.chair.post(`/api/tables/${table.id}/agenda/${item.id}/decision`).send({
      version: published.body.version,
      caseVersion: after.version,
      rule: 'herkomst',
      present: [],
      votes: [],
      preconditions: [],
      followUpProviderId: caseView.owner.organisationId,
    });
    expect([400, 409]).toContain(decide.status);
    // Closing the table ends the escalation; the case stays in aftercare.
    const closed = await a.chair
      .post(`/api/tables/${table.id}/close`)
      .send({ version: published.body.version });
    expect(closed.status).toBe(200);
    expect((await a.casemanager.get(`/api/cases/${caseView.id}`)).body.state).toBe('aftercare');
  });

  it('refuses a table outside the region or in the past', async () => {
    const response = await a.provider.post(`/api/cases/${caseView.id}/support/signals`).send({
      kind: 'other',
      severity: 'low',
      date: '2026-05-03',
      description: 'Iets anders om te melden.',
      escalateToTableId: '00000000-0000-4000-8000-000000000000',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.issues[0].path).toBe('escalateToTableId');
  });
});

describe('the relapse-prevention plan', () => {
  it('is versioned and agreed by the provider and the destination municipality', async () => {
    const plan = {
      basedOnVersion: 0,
      whoTakesOver: 'Wijkteam Lelystad neemt het over bij crisis.',
      howToScaleUp: 'Van 3 naar 8 uur per week, dagelijks contact.',
      finalSay: 'Gemeente Lelystad',
    };
    const first = await a.provider.post(`/api/cases/${caseView.id}/support/plan`).send(plan);
    expect(first.status).toBe(201);
    expect(first.body.plan).toMatchObject({ version: 1, isAgreed: false });
    expect(
      (await a.provider.post(`/api/cases/${caseView.id}/support/plan`).send(plan)).status,
    ).toBe(409);
    const second = await a.provider
      .post(`/api/cases/${caseView.id}/support/plan`)
      .send({ ...plan, basedOnVersion: 1, finalSay: 'De casemanager van Kwintes' });
    expect(second.body.plan).toMatchObject({ version: 2, isAgreed: false });
    expect(
      (await a.lelystad.post(`/api/cases/${caseView.id}/support/plan/agree`).send({ version: 1 }))
        .status,
    ).toBe(409);
    expect(
      (await a.almere.post(`/api/cases/${caseView.id}/support/plan/agree`).send({ version: 2 }))
        .status,
    ).toBe(404);
    expect(
      (
        await a.casemanager
          .post(`/api/cases/${caseView.id}/support/plan/agree`)
          .send({ version: 2 })
      ).status,
    ).toBe(403);
    const agreed = await a.lelystad
      .post(`/api/cases/${caseView.id}/support/plan/agree`)
      .send({ version: 2 });
    expect(agreed.status).toBe(200);
    expect(agreed.body.plan).toMatchObject({
      version: 2,
      isAgreed: true,
      finalSay: 'De casemanager van Kwintes',
    });
  });
});

describe('follow-up checks and closing', () => {
  it('the scheduler asks the 6- and 12-month checks once each', async () => {
    const clock = { now: () => new Date('2026-11-20T08:00:00Z') };
    const reports = await runDueJobs(t.db, clock, { jobs: [followUpChecksJob] });
    expect(reports).toEqual([expect.objectContaining({ outcome: 'ran' })]);
    expect((await runDueJobs(t.db, clock, { jobs: [followUpChecksJob] }))[0]!.outcome).toBe(
      'alreadyDone',
    );
    await runDueJobs(
      t.db,
      { now: () => new Date('2026-11-21T08:00:00Z') },
      { jobs: [followUpChecksJob] },
    );
    const view = (await support(a.provider)).body;
    expect(
      view.checks.map((c: { months: number; dueOn: string; isAnswered: boolean }) => [
        c.months,
        c.dueOn,
        c.isAnswered,
      ]),
    ).toEqual([
      [6, '2026-05-01', false],
      [12, '2026-11-01', false],
    ]);
  });

  it('closing needs an outcome that fits and a date; a closed case is read-only but for the checks', async () => {
    // The 12-month check's day, or today when the suite runs before it (a closing is never in the future).
    const closedOn = dutchToday() < '2026-11-01' ? dutchToday() : '2026-11-01';
    const current = (await a.casemanager.get(`/api/cases/${caseView.id}`)).body;
    const bad = await a.provider
      .post(`/api/cases/${caseView.id}/support/close`)
      .send({ version: current.version, outcome: 'withdrawn', closedOn });
    expect(bad.status).toBe(409);
    const future = await a.provider
      .post(`/api/cases/${caseView.id}/support/close`)
      .send({ version: current.version, outcome: 'independentLiving', closedOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(
      (
        await a.lelystad
          .post(`/api/cases/${caseView.id}/support/close`)
          .send({ version: current.version, outcome: 'independentLiving', closedOn })
      ).status,
    ).toBe(403);
    // Issue 27.1: the precondition of the decision is not done: closing lists it and asks why.
    expect((await support(a.casemanager)).body.openPreconditions).toEqual([
      expect.objectContaining({
        description: 'Bewindvoering overdragen',
        lifeDomain: 'incomeAndDebts',
      }),
    ]);
    const unexplained = await a.casemanager
      .post(`/api/cases/${caseView.id}/support/close`)
      .send({ version: current.version, outcome: 'independentLiving', closedOn });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.error.issues).toEqual([
      {
        path: 'openItemsReason',
        message: expect.stringContaining(
          'Randvoorwaarde inkomen en schulden: Bewindvoering overdragen (Gemeente Lelystad',
        ),
      },
    ]);
    const closed = await a.casemanager.post(`/api/cases/${caseView.id}/support/close`).send({
      version: current.version,
      outcome: 'independentLiving',
      closedOn,
      openItemsReason: 'De bewindvoerder is al aangevraagd; de gemeente rondt het af.',
    });
    expect(closed.status).toBe(200);
    // The reason is kept on the case's log, never in the audit log.
    const [event] = await t.db.query(
      `SELECT details FROM case_event WHERE case_id = $1 AND details->>'transition' = 'close'`,
      [caseView.id],
    );
    expect(event.details.openItemsReason).toContain('bewindvoerder');
    const audited = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE details::text LIKE '%bewindvoerder%'`,
    );
    expect(audited[0].n).toBe(0);
    const file = (await a.casemanager.get(`/api/cases/${caseView.id}`)).body;
    expect(file).toMatchObject({ state: 'closed', outcome: 'independentLiving' });
    expect(amsterdamDate(file.closedAt)).toBe(closedOn);
    expect(
      (
        await entry({
          type: 'contact',
          date: closedOn,
          kind: 'phone',
          durationMinutes: 10,
          note: 'Nabellen',
        })
      ).status,
    ).toBe(409);
    const checks = (await support(a.provider)).body.checks;
    const answered = await a.provider
      .post(`/api/cases/${caseView.id}/support/checks/${checks[1].id}`)
      .send({ stillLivesThere: true, tenancyConverted: true });
    expect(answered.status).toBe(200);
    expect(answered.body.checks[1]).toMatchObject({
      isAnswered: true,
      stillLivesThere: true,
      tenancyConverted: true,
    });
    expect(
      (
        await a.provider
          .post(`/api/cases/${caseView.id}/support/checks/${checks[1].id}`)
          .send({ stillLivesThere: false, tenancyConverted: false })
      ).status,
    ).toBe(404);
    expect(
      (
        await a.provider
          .post(`/api/cases/${caseView.id}/support/checks/${checks[0].id}`)
          .send({ stillLivesThere: 'ja' })
      ).status,
    ).toBe(400);
    expect(
      (
        await a.lelystad
          .post(`/api/cases/${caseView.id}/support/checks/${checks[0].id}`)
          .send({ stillLivesThere: true, tenancyConverted: false })
      ).status,
    ).toBe(403);
  });
});

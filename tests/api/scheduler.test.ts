import type request from 'supertest';
import type { NotificationEvent } from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../support/test-app';
import { startSmtpServer } from '../support/smtp';
import { readyCase } from '../support/case-factory';
import { decideFirst, planTable, publishTable, scheduleCase } from '../support/table-flow';
import {
  notificationMailerOf,
  notificationMailsSettled,
  notify,
} from '../../server/src/notifications/notify';
import { digestJob, preconditionsDueJob } from '../../server/src/notifications/notification.jobs';
import {
  runDueJobs,
  startScheduler,
  type Clock,
  type ScheduledJob,
} from '../../server/src/core/scheduler';
import { scheduledJobs } from '../../server/src/scheduled-jobs';
import { amsterdamDate } from '@uitstroom/shared';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let chair: request.Agent;
let kwintes: request.Agent;
let regionId = '';

/** A clock the test moves: Amsterdam is UTC+2 in May. */
let current = new Date('2031-05-06T04:30:00Z');
const clock: Clock = { now: () => current };
const amsterdam = (date: string, time: string) => new Date(`${date}T${time}:00+02:00`);

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await startTestApp({ smtpUrl: smtp.url, publicUrl: 'https://uitstroomtafel.example.nl' });
  chair = await t.signIn('voorzitter@almere.demo');
  kwintes = await t.signIn('regisseur@kwintes.demo');
  [{ id: regionId }] = await t.db.query(`SELECT id FROM region WHERE slug = 'flevoland'`);
});
afterAll(async () => {
  await notificationMailsSettled(t.db);
  await t.close();
  await smtp.close();
});

const mailsTo = (to: string) => smtp.mails.filter((m) => m.to === to);

/** Two notifications for Lelystad, which chose the digest for placements; a case id is needed as reference. */
async function digestNotificationsForLelystad(count: number) {
  const lelystad = await t.signIn('gemeente@lelystad.demo');
  await lelystad.put('/api/notifications/preferences').send({ placementToConfirm: 'digest' });
  const view = await readyCase(kwintes, t.db);
  const event: NotificationEvent = {
    kind: 'placementToConfirm',
    regionId,
    caseId: view.id,
    pseudonym: view.pseudonym,
    destinationMunicipalityCode: 'GM0995',
  };
  await t.db.transaction((tx) =>
    notify(
      tx,
      Array.from({ length: count }, () => event),
    ),
  );
}

describe('the daily digest, exactly once', () => {
  it('is not due before seven, Dutch time', async () => {
    await digestNotificationsForLelystad(2);
    current = amsterdam('2031-05-06', '06:59');
    const reports = await runDueJobs(t.db, clock, { jobs: [digestJob] });
    expect(reports).toEqual([{ job: 'notifications.digest', period: null, outcome: 'notDue' }]);
    expect(mailsTo('gemeente@lelystad.demo')).toEqual([]);
  });

  it('five nodes ticking at the same moment send it once', async () => {
    current = amsterdam('2031-05-06', '07:00');
    const runs = await Promise.all(
      Array.from({ length: 5 }, () => runDueJobs(t.db, clock, { jobs: [digestJob] })),
    );
    const outcomes = runs.flat().map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    expect(outcomes.every((o) => ['ran', 'busy', 'alreadyDone'].includes(o))).toBe(true);
    expect(runs.flat().every((r) => r.period === '2031-05-06')).toBe(true);

    const [mail] = mailsTo('gemeente@lelystad.demo');
    expect(mailsTo('gemeente@lelystad.demo')).toHaveLength(1);
    expect(mail!.subject).toBe('Uw dagelijkse overzicht van de Uitstroomtafel: 2 nieuwe meldingen');
    expect(mail!.text).toContain('Beste Sandra Jansen,');
    expect(mail!.text).toContain('- 2 × plaatsing om te bevestigen');
    expect(mail!.text).toContain('https://uitstroomtafel.example.nl/meldingen');
    expect(mail!.text).not.toMatch(/R-[0-9A-Z]{8}|Noor|de Jong/);
    expect(
      await t.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE delivery = 'digest' AND mailed_at IS NULL`,
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      await t.db.query(
        `SELECT job, period, due_at FROM scheduled_job_run WHERE job = 'notifications.digest'`,
      ),
    ).toEqual([
      {
        job: 'notifications.digest',
        period: '2031-05-06',
        due_at: amsterdam('2031-05-06', '07:00'),
      },
    ]);
  });

  it('a second tick the same day does nothing, even with new notifications', async () => {
    smtp.mails.length = 0;
    await digestNotificationsForLelystad(1);
    current = amsterdam('2031-05-06', '18:00');
    expect(await runDueJobs(t.db, clock, { jobs: [digestJob] })).toEqual([
      { job: 'notifications.digest', period: '2031-05-06', outcome: 'alreadyDone' },
    ]);
    expect(mailsTo('gemeente@lelystad.demo')).toEqual([]);
  });

  it('the next day it runs again, with what came since', async () => {
    current = amsterdam('2031-05-07', '07:01');
    expect(await runDueJobs(t.db, clock, { jobs: [digestJob] })).toEqual([
      { job: 'notifications.digest', period: '2031-05-07', outcome: 'ran' },
    ]);
    expect(mailsTo('gemeente@lelystad.demo').map((m) => m.subject)).toEqual([
      'Uw dagelijkse overzicht van de Uitstroomtafel: 1 nieuwe melding',
    ]);
    // A day with nothing new records its run and sends nothing.
    smtp.mails.length = 0;
    current = amsterdam('2031-05-08', '09:00');
    expect((await runDueJobs(t.db, clock, { jobs: [digestJob] }))[0]!.outcome).toBe('ran');
    expect(smtp.mails).toEqual([]);
  });
});

describe('preconditions that reach their due date', () => {
  let caseId = '';

  it('are flagged once, and the owner organisation is told once, however many nodes tick', async () => {
    const table = await planTable(chair, t.db, {
      title: 'Tafel randvoorwaarden',
      invited: ['Gemeente Lelystad', 'Centrada'],
    });
    const view = await readyCase(kwintes, t.db);
    caseId = view.id;
    await scheduleCase(kwintes, table.id, view);
    await publishTable(chair, table.id);
    await decideFirst(chair, t.db, table.id, {
      preconditionOwners: ['Centrada'],
      dueDate: '2031-06-10',
    });
    await notificationMailsSettled(t.db);
    smtp.mails.length = 0;

    current = amsterdam('2031-06-09', '06:30');
    await runDueJobs(t.db, clock, { jobs: [preconditionsDueJob] });
    expect(await t.db.query(`SELECT id FROM notification WHERE kind = 'preconditionDue'`)).toEqual(
      [],
    );

    current = amsterdam('2031-06-10', '06:30');
    const runs = await Promise.all(
      Array.from({ length: 5 }, () => runDueJobs(t.db, clock, { jobs: [preconditionsDueJob] })),
    );
    expect(runs.flat().filter((r) => r.outcome === 'ran')).toHaveLength(1);
    await notificationMailsSettled(t.db);
    const told = await t.db.query(
      `SELECT u.email, n.title, n.created_at FROM notification n JOIN app_user u ON u.id = n.user_id WHERE n.kind = 'preconditionDue' AND n.case_id = $1`,
      [caseId],
    );
    expect(told).toEqual([
      {
        email: 'corporatie@centrada.demo',
        title: `Randvoorwaarde inkomen en schulden voor casus ${view.pseudonym}: einddatum 10 juni 2031`,
        created_at: current,
      },
    ]);
    const [{ due_flagged_at: flaggedAt }] = await t.db.query(
      'SELECT due_flagged_at FROM precondition WHERE case_id = $1',
      [caseId],
    );
    expect(flaggedAt).toEqual(current);
    expect(mailsTo('corporatie@centrada.demo').map((m) => m.subject)).toEqual([
      'Nieuwe melding in de Uitstroomtafel: randvoorwaarde op de einddatum',
    ]);
    expect(mailsTo('corporatie@centrada.demo')[0]!.text).not.toContain('Bewindvoering');
  });

  it('the next days never tell it again', async () => {
    smtp.mails.length = 0;
    current = amsterdam('2031-06-11', '06:30');
    expect((await runDueJobs(t.db, clock, { jobs: [preconditionsDueJob] }))[0]!.outcome).toBe(
      'ran',
    );
    await notificationMailsSettled(t.db);
    expect(
      await t.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE kind = 'preconditionDue' AND case_id = $1`,
        [caseId],
      ),
    ).toEqual([{ n: 1 }]);
    expect(smtp.mails).toEqual([]);
  });
});

describe('an "at once" mail the mail server refused', () => {
  it('is unmarked again, and the next digest carries it', async () => {
    const notificationMailer = notificationMailerOf(t.db)!;
    const working = notificationMailer.mailer;
    notificationMailer.mailer = {
      kind: 'smtp',
      send: async () => {
        throw new Error('mail server away');
      },
    };
    const view = await readyCase(kwintes, t.db);
    try {
      await t.db.transaction((tx) =>
        notify(tx, [
          {
            kind: 'placementToConfirm',
            regionId,
            caseId: view.id,
            pseudonym: view.pseudonym,
            destinationMunicipalityCode: 'GM0034',
          },
        ]),
      );
      await notificationMailsSettled(t.db);
    } finally {
      notificationMailer.mailer = working;
    }
    const unsent = `SELECT n.delivery, n.mailed_at IS NOT NULL AS mailed FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.email = 'gemeente@almere.demo' AND n.case_id = $1`;
    expect(await t.db.query(unsent, [view.id])).toEqual([
      { delivery: 'immediately', mailed: false },
    ]);

    smtp.mails.length = 0;
    current = amsterdam('2031-06-12', '07:00');
    expect((await runDueJobs(t.db, clock, { jobs: [digestJob] }))[0]!.outcome).toBe('ran');
    await notificationMailsSettled(t.db);
    expect(mailsTo('gemeente@almere.demo')).toHaveLength(1);
    expect(await t.db.query(unsent, [view.id])).toEqual([
      { delivery: 'immediately', mailed: true },
    ]);
  });
});

describe('the scheduler', () => {
  it('runs the product’s jobs in order: due dates before the digest that counts them', () => {
    expect(scheduledJobs().map((j) => j.key)).toEqual([
      'preconditions.due',
      'offers.overdue',
      'notifications.digest',
      'support.followUpChecks',
      'partners.webhookDelivery',
    ]);
  });

  it('a job that runs every tick runs again in the same period and leaves no run record', async () => {
    let runs = 0;
    const everyTick: ScheduledJob = {
      key: 'test.everyTick',
      everyTick: true,
      periodAt: () => 'always',
      async run() {
        runs += 1;
      },
    };
    const outcomes = [
      ...(await runDueJobs(t.db, clock, { jobs: [everyTick] })),
      ...(await runDueJobs(t.db, clock, { jobs: [everyTick] })),
    ].map((r) => r.outcome);
    expect([runs, outcomes]).toEqual([2, ['ran', 'ran']]);
    const records = await t.db.query(
      `SELECT 1 FROM scheduled_job_run WHERE job = 'test.everyTick'`,
    );
    expect(records).toHaveLength(0);
  });

  it('a job that fails rolls back with its record, and the next tick runs it again', async () => {
    let attempts = 0;
    const flaky: ScheduledJob = {
      key: 'test.flaky',
      periodAt: () => 'once',
      async run(tx) {
        attempts += 1;
        await tx.query(`UPDATE notification SET read_at = now() WHERE kind = 'preconditionDue'`);
        if (attempts === 1) throw new Error('first attempt fails');
      },
    };
    expect((await runDueJobs(t.db, clock, { jobs: [flaky] }))[0]!.outcome).toBe('failed');
    expect(
      await t.db.query(
        `SELECT count(*)::int AS n FROM notification WHERE kind = 'preconditionDue' AND read_at IS NOT NULL`,
      ),
    ).toEqual([{ n: 0 }]);
    expect(
      await t.db.query(`SELECT count(*)::int AS n FROM scheduled_job_run WHERE job = 'test.flaky'`),
    ).toEqual([{ n: 0 }]);
    expect((await runDueJobs(t.db, clock, { jobs: [flaky] }))[0]!.outcome).toBe('ran');
    expect((await runDueJobs(t.db, clock, { jobs: [flaky] }))[0]!.outcome).toBe('alreadyDone');
    expect(attempts).toBe(2);
  });

  it('ticks on an interval with the injected clock, and stops', async () => {
    const periods: string[] = [];
    const daily: ScheduledJob = {
      key: 'test.daily',
      periodAt: (now) => amsterdamDate(now),
      async run(_tx, { period }) {
        periods.push(period);
      },
    };
    current = new Date('2031-07-01T10:00:00Z');
    const stop = startScheduler(t.db, { clock, jobs: [daily], intervalMs: 20 });
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
    };
    await until(() => periods.length === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(periods).toEqual(['2031-07-01']);
    current = new Date('2031-07-02T10:00:00Z');
    await until(() => periods.length === 2);
    expect(periods).toEqual(['2031-07-01', '2031-07-02']);
    await stop();
    current = new Date('2031-07-03T10:00:00Z');
    await new Promise((r) => setTimeout(r, 100));
    expect(periods).toEqual(['2031-07-01', '2031-07-02']);
  });
});

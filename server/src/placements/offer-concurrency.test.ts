import { mkdirSync, appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type request from 'supertest';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import { newDwelling, searchingCases } from '../../../tests/support/dwelling-factory';
import { withdraw } from '../../../tests/support/placement-flow';
import { addDays, dutchToday } from '@uitstroom/shared';

/**
 * Exactly one winner (issue 12): 20 concurrent offers of one dwelling to 20 cases, and 20
 * concurrent offers to one case by 20 corporations, each repeated in five runs. Every run: one 201,
 * nineteen 409s in Dutch saying what happened, and nothing half-written (offers, case events, audit
 * rows, notifications and case versions moved by exactly one offer). The pool is large enough for
 * all twenty to be inside the database at once; the winner's offer is withdrawn between runs.
 */
const runs = 5;
const concurrent = 20;
// Each run's successes and conflicts, kept beside the other test results for the note.
const notesFile = join(__dirname, '..', '..', '..', 'test-results', 'offer-concurrency.txt');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { poolSize: concurrent + 5 });
  mkdirSync(dirname(notesFile), { recursive: true });
});
afterAll(async () => {
  await t.close();
});

const signIn = (email: string) => t.signIn(email);

/** What a burst may change, counted before and after. */
async function counts(caseIds: readonly string[]) {
  const [row] = await t.db.query(
    `SELECT
       (SELECT count(*)::int FROM offer WHERE case_id = ANY($1::uuid[])) AS offers,
       (SELECT count(*)::int FROM offer WHERE case_id = ANY($1::uuid[]) AND status IN ('open', 'accepted')) AS "liveOffers",
       (SELECT count(*)::int FROM case_event WHERE case_id = ANY($1::uuid[]) AND details->>'transition' = 'offerDwelling') AS "offerEvents",
       (SELECT count(*)::int FROM audit_log WHERE object_id = ANY($1::text[]) AND action = 'case.transition' AND details->>'transition' = 'offerDwelling') AS "offerAudits",
       (SELECT count(*)::int FROM notification WHERE case_id = ANY($1::uuid[]) AND kind = 'offerToAnswer') AS notifications,
       (SELECT coalesce(sum(version), 0)::int FROM case_file WHERE id = ANY($1::uuid[])) AS "caseVersions",
       (SELECT count(*)::int FROM case_file WHERE id = ANY($1::uuid[]) AND state = 'offered') AS "offeredCases"`,
    [caseIds],
  );
  return row as {
    offers: number;
    liveOffers: number;
    offerEvents: number;
    offerAudits: number;
    notifications: number;
    caseVersions: number;
    offeredCases: number;
  };
}

interface RunResult {
  run: number;
  successes: number;
  conflicts: number;
  other: number;
  ms: number;
  messages: string[];
}

function report(title: string, results: readonly RunResult[]): void {
  const lines = [
    `${title} (${new Date().toISOString()})`,
    ...results.map(
      (r) =>
        `  run ${r.run}: ${r.successes} success, ${r.conflicts} conflict (409), ${r.other} other — ${r.ms} ms; 409 said: ${[...new Set(r.messages)].join(' | ')}`,
    ),
    `  total: ${results.reduce((s, r) => s + r.successes, 0)} success, ${results.reduce((s, r) => s + r.conflicts, 0)} conflict, ${results.reduce((s, r) => s + r.other, 0)} other over ${results.length} runs`,
    '',
  ];
  appendFileSync(notesFile, `${lines.join('\n')}\n`);
}

async function fire(
  requests: readonly (() => Promise<request.Response>)[],
): Promise<{ responses: request.Response[]; ms: number }> {
  const started = Date.now();
  const responses = await Promise.all(requests.map((send) => send()));
  return { responses, ms: Date.now() - started };
}

describe('the database itself decides, whatever the code does', () => {
  it('refuses a second live offer of a dwelling, and a second live offer for a case, by the named indexes', async () => {
    const [first, second] = (await searchingCases(signIn, t.db, [{}, {}])) as [string, string];
    const centrada = await signIn('corporatie@centrada.demo');
    const one = await newDwelling(centrada);
    const other = await newDwelling(centrada);
    const [{ region_id: regionId, organisation_id: organisationId, id: userId }] = await t.db.query(
      `SELECT o.region_id, u.organisation_id, u.id FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.email = 'corporatie@centrada.demo'`,
    );
    const insert = (caseId: string, dwellingId: string) =>
      t.db.query(
        `INSERT INTO offer (region_id, case_id, dwelling_id, organisation_id, offered_by, answer_due_on) VALUES ($1, $2, $3, $4, $5, $6::date)`,
        [regionId, caseId, dwellingId, organisationId, userId, addDays(dutchToday(), 10)],
      );
    await insert(first, one.id);
    await expect(insert(second, one.id)).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'offer_one_live_per_dwelling' },
    });
    await expect(insert(first, other.id)).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'offer_one_live_per_case' },
    });
    // An ended offer holds nothing: the dwelling can go to another case.
    await t.db.query(
      `UPDATE offer SET status = 'withdrawn', withdrawn_at = now(), withdrawal_reason = 'Proef: ingetrokken door de test.' WHERE case_id = $1`,
      [first],
    );
    await insert(second, one.id);
    await t.db.query(
      `UPDATE offer SET status = 'withdrawn', withdrawn_at = now(), withdrawal_reason = 'Proef: ingetrokken door de test.' WHERE case_id = $1`,
      [second],
    );
  });
});

describe('one dwelling, twenty cases', () => {
  it(`${concurrent} concurrent offers of one dwelling to different cases: exactly one wins, ${runs} runs`, async () => {
    const caseIds = await searchingCases(
      signIn,
      t.db,
      Array.from({ length: concurrent }, () => ({})),
    );
    const centrada = await signIn('corporatie@centrada.demo');
    const dwelling = await newDwelling(centrada, { neighbourhood: 'Zuiderzeewijk' });
    const results: RunResult[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const versions = new Map<string, number>();
      for (const id of caseIds)
        versions.set(id, (await centrada.get(`/api/cases/${id}`)).body.version);
      const before = await counts(caseIds);
      const { responses, ms } = await fire(
        caseIds.map(
          (id) => () =>
            centrada
              .post(`/api/cases/${id}/offers`)
              .send({ caseVersion: versions.get(id), dwellingId: dwelling.id }),
        ),
      );
      const after = await counts(caseIds);
      const won = responses.filter((r) => r.status === 201);
      const lost = responses.filter((r) => r.status === 409);
      results.push({
        run,
        successes: won.length,
        conflicts: lost.length,
        other: responses.length - won.length - lost.length,
        ms,
        messages: lost.map((r) => r.body.error.message),
      });

      expect(responses.map((r) => r.status).sort()).toEqual([
        201,
        ...Array(concurrent - 1).fill(409),
      ]);
      for (const r of lost) {
        expect(r.body.error).toMatchObject({
          code: 'DWELLING_ALREADY_OFFERED',
          message:
            'Deze woning is zojuist aan een andere casus aangeboden. Kies een andere woning.',
        });
      }
      // Nothing half-written: exactly one offer, one step, one audit row, one notification, one version more.
      expect(after).toEqual({
        offers: before.offers + 1,
        liveOffers: 1,
        offerEvents: before.offerEvents + 1,
        offerAudits: before.offerAudits + 1,
        notifications: before.notifications + 1,
        caseVersions: before.caseVersions + 1,
        offeredCases: 1,
      });
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM offer WHERE dwelling_id = $1 AND status IN ('open', 'accepted')`,
        [dwelling.id],
      );
      expect(n).toBe(1);

      // Free the dwelling for the next run, the way a corporation does.
      const winner = won[0]!.body.caseId as string;
      expect((await withdraw(centrada, winner)).status).toBe(200);
    }
    report(
      `${concurrent} concurrent offers of ONE dwelling to ${concurrent} different cases`,
      results,
    );
  }, 240_000);
});

describe('one case, twenty corporations', () => {
  it(`${concurrent} concurrent offers to one case from ${concurrent} corporations: exactly one wins, ${runs} runs`, async () => {
    const [caseId] = (await searchingCases(signIn, t.db, [{}])) as [string];
    const admin = await signIn('beheer@flevoland.demo');
    const corporations: { name: string; agent: request.Agent; dwellingId: string }[] = [];
    const demo = await t.db.query(
      `SELECT o.name, min(u.email) AS email FROM organisation o JOIN app_user u ON u.organisation_id = o.id
        WHERE o.kind = 'corporation' AND o.region_id = (SELECT id FROM region WHERE slug = 'flevoland') AND u.seat = 'corporation' GROUP BY o.name ORDER BY o.name`,
    );
    const accounts: { name: string; email: string }[] = demo.map(
      (d: { name: string; email: string }) => ({ name: d.name, email: d.email }),
    );
    // More corporations than the demo has: made by the region's administrator, their allocator given the demo password.
    for (let i = accounts.length + 1; i <= concurrent; i += 1) {
      const name = `Woonstichting Proef ${i}`;
      const email = `verhuur${i}@proef.demo`;
      const organisation = await admin
        .post('/api/admin/organisations')
        .send({ kind: 'corporation', name });
      expect(organisation.status).toBe(201);
      const user = await admin.post('/api/admin/users').send({
        organisationId: organisation.body.id,
        email,
        displayName: `Verhuurder ${i}`,
        seat: 'corporation',
      });
      expect(user.status).toBe(201);
      await t.db.query(
        `UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE email = 'corporatie@centrada.demo') WHERE email = $1`,
        [email],
      );
      accounts.push({ name, email });
    }
    expect(accounts).toHaveLength(concurrent);
    for (const account of accounts) {
      const agent = await signIn(account.email);
      const dwelling = await newDwelling(agent, { neighbourhood: 'Boswijk' });
      corporations.push({ name: account.name, agent, dwellingId: dwelling.id });
    }

    const results: RunResult[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const version = (await corporations[0]!.agent.get(`/api/cases/${caseId}`)).body
        .version as number;
      const before = await counts([caseId]);
      const { responses, ms } = await fire(
        corporations.map(
          (c) => () =>
            c.agent
              .post(`/api/cases/${caseId}/offers`)
              .send({ caseVersion: version, dwellingId: c.dwellingId }),
        ),
      );
      const after = await counts([caseId]);
      const won = responses.filter((r) => r.status === 201);
      const lost = responses.filter((r) => r.status === 409);
      results.push({
        run,
        successes: won.length,
        conflicts: lost.length,
        other: responses.length - won.length - lost.length,
        ms,
        messages: lost.map((r) => r.body.error.message),
      });

      expect(responses.map((r) => r.status).sort()).toEqual([
        201,
        ...Array(concurrent - 1).fill(409),
      ]);
      const winner = corporations[responses.findIndex((r) => r.status === 201)]!;
      for (const r of lost) {
        // What happened, and by whom; never the winner's dwelling.
        expect(r.body.error).toMatchObject({
          code: 'OFFER_TAKEN',
          message: `Voor deze casus is zojuist al een woning aangeboden door ${winner.name}.`,
        });
        expect(JSON.stringify(r.body)).not.toContain(winner.dwellingId);
      }
      expect(after).toEqual({
        offers: before.offers + 1,
        liveOffers: 1,
        offerEvents: before.offerEvents + 1,
        offerAudits: before.offerAudits + 1,
        notifications: before.notifications + 1,
        caseVersions: before.caseVersions + 1,
        offeredCases: 1,
      });
      expect((await withdraw(winner.agent, caseId)).status).toBe(200);
    }
    report(`${concurrent} concurrent offers to ONE case from ${concurrent} corporations`, results);
  }, 240_000);
});

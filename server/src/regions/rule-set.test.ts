import request from 'supertest';
import {
  allocateByDistribution as chooseByDistribution,
  errorBodySchema,
  formatDutchInteger,
  ruleSetDraftStateSchema,
  ruleSetHistorySchema,
  ruleSetSchema,
  type RuleSet,
  type RuleSetConfig,
  type RuleSetMunicipality,
} from '@uitstroom/shared';
import { startTestApp, type TestApp } from '../../../tests/support/test-app';
import type { Actor, RequestContext } from '../core/request-context';
import {
  allocateByDistribution,
  getCurrentRuleSet,
  isTwoFactorRequired,
  readCurrentRuleSet,
  returnAllocation,
  updateRuleSet,
} from './rule-set.service';

let t: TestApp;
let flevolandAdmin: request.Agent;
let flevolandId: string;
let middenIJsselId: string;

beforeAll(async () => {
  t = await startTestApp();
  flevolandAdmin = await t.signIn('beheer@flevoland.demo');
  flevolandId = await regionId('flevoland');
  middenIJsselId = await regionId('midden-ijssel');
});
afterAll(async () => {
  await t.close();
});

async function regionId(slug: string): Promise<string> {
  return (await t.db.query('SELECT id FROM region WHERE slug = $1', [slug]))[0].id;
}
const ruleSetCount = async (region?: string): Promise<number> =>
  (
    await t.db.query(
      'SELECT count(*)::int AS n FROM rule_set WHERE $1::uuid IS NULL OR region_id = $1',
      [region ?? null],
    )
  )[0].n;
const auditCount = async (action: string, outcome: string): Promise<number> =>
  (
    await t.db.query(
      'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND outcome = $2',
      [action, outcome],
    )
  )[0].n;

async function current(agent: request.Agent): Promise<RuleSet> {
  const response = await agent.get('/api/region/rule-set');
  expect(response.status).toBe(200);
  return ruleSetSchema.parse(response.body);
}

/** The current Flevoland config with one municipality's population changed. */
async function withPopulation(
  agent: request.Agent,
  name: string,
  population: number,
): Promise<{ expectedVersion: number; config: RuleSetConfig }> {
  const { version, config } = await current(agent);
  return {
    expectedVersion: version,
    config: {
      ...config,
      municipalities: config.municipalities.map((m) =>
        m.name === name ? { ...m, population } : m,
      ),
    },
  };
}

const endpoints = [
  ['GET', '/api/region/rule-set'],
  ['GET', '/api/region/rule-set/versions'],
  ['GET', '/api/region/rule-set/versions/1'],
  ['PUT', '/api/region/rule-set'],
  ['GET', '/api/region/rule-set/draft'],
  ['PUT', '/api/region/rule-set/draft'],
  ['DELETE', '/api/region/rule-set/draft'],
  ['POST', '/api/region/rule-set/draft/publish'],
] as const;

function call(
  agent: request.SuperTest<request.Test> | request.Agent,
  method: 'GET' | 'PUT' | 'DELETE' | 'POST',
  path: string,
  body?: unknown,
) {
  if (method === 'GET') return agent.get(path);
  if (method === 'DELETE') return agent.delete(path);
  return (method === 'PUT' ? agent.put(path) : agent.post(path)).send(body as object);
}

describe('authorization', () => {
  it.each(endpoints)('without a session %s %s is 401', async (method, path) => {
    const response = await call(request(t.app), method, path, {});
    expect(response.status).toBe(401);
    expect(errorBodySchema.parse(response.body).error.code).toBe('UNAUTHENTICATED');
  });

  const otherSeats = [
    ['casemanager', 'regisseur@kwintes.demo'],
    ['chair', 'voorzitter@almere.demo'],
    ['municipality', 'gemeente@almere.demo'],
    ['corporation', 'corporatie@centrada.demo'],
    ['provider', 'aanbieder@leger-des-heils.demo'],
    ['casemanager of Midden-IJssel', 'regisseur@tactus.demo'],
  ] as const;

  it.each(otherSeats)(
    'the %s (%s) gets 403 on every endpoint and changes nothing',
    async (_seat, email) => {
      const agent = await t.signIn(email);
      const body = await withPopulation(flevolandAdmin, 'Urk', 99999);
      const before = await ruleSetCount();
      for (const [method, path] of endpoints) {
        const response = await call(agent, method, path, body);
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
        expect(errorBodySchema.parse(response.body).error.code).toBe('FORBIDDEN');
      }
      expect(await ruleSetCount()).toBe(before);
    },
  );

  it("the regionAdmin of Midden-IJssel sees and changes only Midden-IJssel's rule set", async () => {
    const agent = await t.signIn('beheer@midden-ijssel.demo');
    const own = await current(agent);
    expect(own.config.municipalities.map((m) => m.name)).toEqual([
      'Deventer',
      'Lochem',
      'Olst-Wijhe',
      'Raalte',
      'Zutphen',
    ]);
    expect(own.config.youthAgeBand).toEqual({ from: 18, until: 28 });
    const old = ruleSetSchema.parse((await agent.get('/api/region/rule-set/versions/1')).body);
    expect(old.config.municipalities.map((m) => m.code)).not.toContain('GM0034');

    const flevolandBefore = await ruleSetCount(flevolandId);
    const saved = await agent
      .put('/api/region/rule-set')
      .send(await withPopulation(agent, 'Deventer', 103000));
    expect(saved.status).toBe(200);
    expect(await ruleSetCount(flevolandId)).toBe(flevolandBefore);
    expect(await ruleSetCount(middenIJsselId)).toBe(own.version + 1);
    const history = ruleSetHistorySchema.parse(
      (await agent.get('/api/region/rule-set/versions')).body,
    );
    expect(history.versions.flatMap((v) => v.changes).join(' ')).not.toMatch(/Almere|Lelystad/);
    // Flevoland's admin does not see it either.
    expect((await current(flevolandAdmin)).config.municipalities.map((m) => m.name)).not.toContain(
      'Deventer',
    );
  });

  it('a regionAdmin cannot take a municipality of another region into its own', async () => {
    const agent = await t.signIn('beheer@midden-ijssel.demo');
    const { version, config } = await current(agent);
    const almere: RuleSetMunicipality = {
      code: 'GM0034',
      name: 'Almere',
      population: 1,
      populationYear: 2024,
    };
    const before = await ruleSetCount();
    const response = await agent.put('/api/region/rule-set').send({
      expectedVersion: version,
      config: { ...config, municipalities: [...config.municipalities, almere] },
    });
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(response.body).error.issues).toEqual([
      {
        path: `config.municipalities.${config.municipalities.length}.code`,
        message: 'Gemeente GM0034 hoort bij een andere regio.',
      },
    ]);
    expect(await ruleSetCount()).toBe(before);
    const [registry] = await t.db.query(
      'SELECT region_id, population FROM municipality WHERE code = $1',
      ['GM0034'],
    );
    expect(registry.region_id).toBe(flevolandId);
    expect(registry.population).not.toBe(1);
  });
});

describe('bad input', () => {
  it.each([
    ['GET', '/api/region/rule-set?region=midden-ijssel', 'region'],
    ['GET', '/api/region/rule-set/versions?limit=5', 'limit'],
    ['GET', '/api/region/rule-set/versions/abc', 'version'],
    ['GET', '/api/region/rule-set/versions/0', 'version'],
    ['GET', '/api/region/rule-set/versions/-1', 'version'],
    ['GET', '/api/region/rule-set/versions/1.5', 'version'],
    ['GET', '/api/region/rule-set/versions/99999999999', 'version'],
  ] as const)('%s %s is 400 at %s', async (_method, path, field) => {
    const response = await flevolandAdmin.get(path);
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(response.body).error.issues.map((i) => i.path)).toContain(field);
  });

  it('a version that does not exist is 404', async () => {
    const response = await flevolandAdmin.get('/api/region/rule-set/versions/9999');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('Versie 9999 bestaat niet.');
  });

  const tooMany = Array.from({ length: 401 }, (_, i) => ({
    code: `GM${String(9000 + i).padStart(4, '0')}`,
    name: `Gemeente ${i}`,
    population: 1,
    populationYear: 2024,
  }));
  const badBodies: [
    string,
    (body: { expectedVersion: number; config: RuleSetConfig }) => unknown,
    string,
  ][] = [
    ['no body fields', () => ({}), 'config'],
    [
      'expectedVersion as text',
      (b) => ({ ...b, expectedVersion: String(b.expectedVersion) }),
      'expectedVersion',
    ],
    ['a config that is a list', (b) => ({ ...b, config: [] }), 'config'],
    ['an unknown field at the top', (b) => ({ ...b, regionId: middenIJsselId }), 'regionId'],
    [
      'an unknown field in the config',
      (b) => ({ ...b, config: { ...b.config, regionId: middenIJsselId } }),
      'config.regionId',
    ],
    [
      'a population as text',
      (b) => ({
        ...b,
        config: {
          ...b.config,
          municipalities: b.config.municipalities.map((m, i) =>
            i === 1 ? { ...m, population: '43.200' } : m,
          ),
        },
      }),
      'config.municipalities.1.population',
    ],
    [
      'a duplicate code',
      (b) => ({
        ...b,
        config: {
          ...b.config,
          municipalities: b.config.municipalities.map((m, i) =>
            i === 3 ? { ...m, code: 'GM0034' } : m,
          ),
        },
      }),
      'config.municipalities.3.code',
    ],
    [
      'an age band upside down',
      (b) => ({ ...b, config: { ...b.config, youthAgeBand: { from: 23, until: 18 } } }),
      'config.youthAgeBand.until',
    ],
    [
      'an impossible date',
      (b) => ({
        ...b,
        config: { ...b.config, agreement: { ...b.config.agreement, firstPeriodEnd: '2022-02-30' } },
      }),
      'config.agreement.firstPeriodEnd',
    ],
    [
      'more than 400 municipalities',
      (b) => ({ ...b, config: { ...b.config, municipalities: tooMany } }),
      'config.municipalities',
    ],
    [
      'a name of 10.000 characters',
      (b) => ({
        ...b,
        config: {
          ...b.config,
          municipalities: b.config.municipalities.map((m, i) =>
            i === 0 ? { ...m, name: 'A'.repeat(10_000) } : m,
          ),
        },
      }),
      'config.municipalities.0.name',
    ],
  ];

  it.each(badBodies)('PUT with %s is 400 and changes nothing', async (_what, makeBody, path) => {
    const { version, config } = await current(flevolandAdmin);
    const before = await ruleSetCount();
    const response = await flevolandAdmin
      .put('/api/region/rule-set')
      .send(makeBody({ expectedVersion: version, config }) as object);
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(response.body);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.issues.map((i) => i.path)).toContain(path);
    expect(await ruleSetCount()).toBe(before);
  });

  it('PUT with malformed JSON is 400, and with more than a megabyte 413; nothing changes', async () => {
    const before = await ruleSetCount();
    const malformed = await flevolandAdmin
      .put('/api/region/rule-set')
      .set('Content-Type', 'application/json')
      .send('{"expectedVersion": 1, "config": {');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
    const huge = await flevolandAdmin
      .put('/api/region/rule-set')
      .send({ expectedVersion: 1, config: { padding: 'x'.repeat(1_100_000) } });
    expect(huge.status).toBe(413);
    expect(await ruleSetCount()).toBe(before);
  });
});

describe('versioning', () => {
  it('a change makes the next version; the history lists both with what changed; the old one stays readable', async () => {
    const before = await current(flevolandAdmin);
    const almereBefore = before.config.municipalities.find((m) => m.name === 'Almere')!.population;
    const saved = await flevolandAdmin
      .put('/api/region/rule-set')
      .send(await withPopulation(flevolandAdmin, 'Almere', 228000));
    expect(saved.status).toBe(200);
    const next = ruleSetSchema.parse(saved.body);
    expect(next.version).toBe(before.version + 1);
    expect(next.createdBy?.displayName).toBe('Johan Bakker');
    expect((await current(flevolandAdmin)).version).toBe(next.version);

    const history = ruleSetHistorySchema.parse(
      (await flevolandAdmin.get('/api/region/rule-set/versions')).body,
    );
    expect(history.versions[0]).toMatchObject({
      version: next.version,
      createdBy: { displayName: 'Johan Bakker' },
    });
    expect(history.versions[0]!.changes).toEqual([
      `Inwoners Almere: ${formatDutchInteger(almereBefore)} → 228.000`,
    ]);
    expect(history.versions.at(-1)).toMatchObject({
      version: 1,
      createdBy: null,
      changes: ['Eerste versie.'],
    });

    const old = ruleSetSchema.parse(
      (await flevolandAdmin.get(`/api/region/rule-set/versions/${before.version}`)).body,
    );
    expect(old.config.municipalities.find((m) => m.name === 'Almere')!.population).toBe(
      almereBefore,
    );
    // The registry of codes follows the newest version.
    expect(
      (await t.db.query(`SELECT population FROM municipality WHERE code = 'GM0034'`))[0].population,
    ).toBe(228000);
  });

  it('a stale expectedVersion is 409 VERSION_CONFLICT with the current version, and nothing is saved', async () => {
    const { version } = await current(flevolandAdmin);
    const stale = await withPopulation(flevolandAdmin, 'Urk', 22500);
    const before = await ruleSetCount();
    const response = await flevolandAdmin
      .put('/api/region/rule-set')
      .send({ ...stale, expectedVersion: version - 1 });
    expect(response.status).toBe(409);
    expect(errorBodySchema.parse(response.body).error).toMatchObject({
      code: 'VERSION_CONFLICT',
      message: `Iemand anders heeft intussen versie ${version} opgeslagen.`,
      details: { currentVersion: version },
    });
    expect(await ruleSetCount()).toBe(before);
  });

  it('of two saves on the same version at once, exactly one wins and the other is 409', async () => {
    const second = await t.signIn('beheer@flevoland.demo');
    const { version } = await current(flevolandAdmin);
    const before = await ruleSetCount(flevolandId);
    const [a, b] = await Promise.all([
      flevolandAdmin
        .put('/api/region/rule-set')
        .send(await withPopulation(flevolandAdmin, 'Dronten', 43300)),
      second.put('/api/region/rule-set').send(await withPopulation(second, 'Zeewolde', 24200)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.details).toEqual({ currentVersion: version + 1 });
    expect(await ruleSetCount(flevolandId)).toBe(before + 1);
  });

  it('ten saves on the same version at once: one wins', async () => {
    const { version, config } = await current(flevolandAdmin);
    const agents = await Promise.all(
      Array.from({ length: 10 }, () => t.signIn('beheer@flevoland.demo')),
    );
    const responses = await Promise.all(
      agents.map((agent, i) =>
        agent.put('/api/region/rule-set').send({
          expectedVersion: version,
          config: { ...config, stalledCaseDays: 20 + i },
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    expect((await current(flevolandAdmin)).version).toBe(version + 1);
  });
});

describe('drafts (issue 32)', () => {
  const draftCount = async (): Promise<number> =>
    (await t.db.query('SELECT count(*)::int AS n FROM rule_set_draft'))[0].n;
  const readDraft = async () =>
    ruleSetDraftStateSchema.parse((await flevolandAdmin.get('/api/region/rule-set/draft')).body)
      .draft;
  const overview = async () => (await flevolandAdmin.get('/api/region')).body;

  it('a draft changes nothing; publishing makes it the current version with who published it and when', async () => {
    const second = await t.signIn('beheer@flevoland.demo');
    const before = await current(flevolandAdmin);
    const versions = await ruleSetCount(flevolandId);
    expect(await readDraft()).toBeNull();
    expect((await overview()).bindingTest).toEqual(before.config.bindingTest);
    const config = {
      ...before.config,
      bindingTest: { isEnabled: true, minYears: 3, withinYears: 6 },
    };
    const saved = await flevolandAdmin
      .put('/api/region/rule-set/draft')
      .send({ basedOnVersion: before.version, expectedRevision: 0, config });
    expect(saved.status).toBe(200);
    const draft = ruleSetDraftStateSchema.parse(saved.body).draft!;
    expect(draft).toMatchObject({
      basedOnVersion: before.version,
      revision: 1,
      isOutdated: false,
      savedBy: { displayName: 'Johan Bakker' },
      changes: ['Minimale binding: uit → aan, 3 van de laatste 6 jaar vóór de opname'],
    });
    // Nothing the region works with has changed.
    expect(await ruleSetCount(flevolandId)).toBe(versions);
    expect((await current(flevolandAdmin)).version).toBe(before.version);
    expect((await overview()).bindingTest.isEnabled).toBe(false);

    // A second save on a revision it did not read is refused; so is a draft on an older version.
    const stale = await second
      .put('/api/region/rule-set/draft')
      .send({ basedOnVersion: before.version, expectedRevision: 0, config });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { currentRevision: 1 },
    });
    expect(
      (await second.post('/api/region/rule-set/draft/publish').send({ revision: 2 })).status,
    ).toBe(409);

    const published = await second.post('/api/region/rule-set/draft/publish').send({ revision: 1 });
    expect(published.status).toBe(200);
    const next = ruleSetSchema.parse(published.body);
    expect(next).toMatchObject({
      version: before.version + 1,
      config: { bindingTest: { isEnabled: true, minYears: 3, withinYears: 6 } },
      createdBy: { displayName: 'Johan Bakker' },
      publishedBy: { displayName: 'Johan Bakker' },
    });
    expect(Date.parse(next.publishedAt)).toBeGreaterThanOrEqual(Date.parse(next.createdAt));
    expect((await current(flevolandAdmin)).version).toBe(next.version);
    expect((await overview()).bindingTest).toEqual({
      isEnabled: true,
      minYears: 3,
      withinYears: 6,
    });
    expect(await readDraft()).toBeNull();
    const history = ruleSetHistorySchema.parse(
      (await flevolandAdmin.get('/api/region/rule-set/versions')).body,
    );
    expect(history.versions[0]).toMatchObject({
      version: next.version,
      publishedBy: { displayName: 'Johan Bakker' },
      changes: ['Minimale binding: uit → aan, 3 van de laatste 6 jaar vóór de opname'],
    });
    const [audit] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'ruleSet.publish' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.details).toMatchObject({ version: next.version });

    // Nothing left to publish.
    const again = await flevolandAdmin
      .post('/api/region/rule-set/draft/publish')
      .send({ revision: 1 });
    expect(again.status).toBe(404);
    // Back off, for the tests after this one.
    expect(
      (
        await flevolandAdmin.put('/api/region/rule-set').send({
          expectedVersion: next.version,
          config: before.config,
        })
      ).status,
    ).toBe(200);
  });

  it('a draft overtaken by a newer version is outdated: publishing it is refused; it can be thrown away', async () => {
    const before = await current(flevolandAdmin);
    const saved = await flevolandAdmin.put('/api/region/rule-set/draft').send({
      basedOnVersion: before.version,
      expectedRevision: 0,
      config: { ...before.config, stalledCaseDays: 21 },
    });
    expect(saved.status).toBe(200);
    expect(
      (
        await flevolandAdmin
          .put('/api/region/rule-set')
          .send(await withPopulation(flevolandAdmin, 'Urk', 22600))
      ).status,
    ).toBe(200);
    expect(await readDraft()).toMatchObject({ isOutdated: true, basedOnVersion: before.version });
    const versions = await ruleSetCount(flevolandId);
    const refused = await flevolandAdmin
      .post('/api/region/rule-set/draft/publish')
      .send({ revision: 1 });
    expect(refused.status).toBe(409);
    expect(errorBodySchema.parse(refused.body).error.code).toBe('RULE_SET_DRAFT_OUTDATED');
    expect(await ruleSetCount(flevolandId)).toBe(versions);
    // Saving it again on an old version is refused; on the newest it is no longer outdated.
    expect(
      (
        await flevolandAdmin.put('/api/region/rule-set/draft').send({
          basedOnVersion: before.version,
          expectedRevision: 1,
          config: before.config,
        })
      ).status,
    ).toBe(409);
    const discarded = await flevolandAdmin.delete('/api/region/rule-set/draft');
    expect(discarded.status).toBe(200);
    expect(discarded.body).toEqual({ draft: null });
    expect(await draftCount()).toBe(0);
  });

  it('a draft is checked like a version: M above W is 400 at its path, and nothing is saved', async () => {
    const { version, config } = await current(flevolandAdmin);
    const response = await flevolandAdmin.put('/api/region/rule-set/draft').send({
      basedOnVersion: version,
      expectedRevision: 0,
      config: { ...config, bindingTest: { isEnabled: true, minYears: 6, withinYears: 5 } },
    });
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(response.body).error.issues).toEqual([
      {
        path: 'config.bindingTest.minYears',
        message:
          'Het minimum aantal jaren is niet groter dan het aantal jaren vóór de opname waarin het moet liggen.',
      },
    ]);
    expect(await draftCount()).toBe(0);
  });
});

describe('audit', () => {
  it('writes a read, a successful change and a conflict to the audit log, for administration', async () => {
    const reads = await auditCount('ruleSet.read', 'success');
    const updates = await auditCount('ruleSet.update', 'success');
    const failures = await auditCount('ruleSet.update', 'failure');
    const body = await withPopulation(flevolandAdmin, 'Lelystad', 82000); // one read
    expect((await flevolandAdmin.put('/api/region/rule-set').send(body)).status).toBe(200);
    expect((await flevolandAdmin.put('/api/region/rule-set').send(body)).status).toBe(409);
    await flevolandAdmin.get('/api/region/rule-set/versions');
    expect(await auditCount('ruleSet.read', 'success')).toBe(reads + 2);
    expect(await auditCount('ruleSet.update', 'success')).toBe(updates + 1);
    expect(await auditCount('ruleSet.update', 'failure')).toBe(failures + 1);
    const [row] = await t.db.query(
      `SELECT a.actor_seat, a.purpose, a.fields, a.details FROM audit_log a
        JOIN app_user u ON u.id = a.actor_user_id
       WHERE a.action = 'ruleSet.update' AND a.outcome = 'success' AND u.email = 'beheer@flevoland.demo'
       ORDER BY a.id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({
      actor_seat: 'regionAdmin',
      purpose: 'administration',
      fields: ['municipalities'],
    });
    expect(row.details.changes).toEqual(['Inwoners Lelystad: 81.800 → 82.000']);
  });

  it('a refused seat leaves no rule set read in the log', async () => {
    const reads = await auditCount('ruleSet.read', 'success');
    await (await t.signIn('gemeente@almere.demo')).get('/api/region/rule-set');
    expect(await auditCount('ruleSet.read', 'success')).toBe(reads);
  });
});

describe('for other modules', () => {
  it('getCurrentRuleSet and isTwoFactorRequired read the newest version; the demo regions have 2FA off', async () => {
    const ruleSet = await getCurrentRuleSet(t.db, flevolandId);
    expect(ruleSet?.version).toBe((await current(flevolandAdmin)).version);
    expect(await isTwoFactorRequired(t.db, flevolandId)).toBe(false);
    expect(await isTwoFactorRequired(t.db.manager, middenIJsselId)).toBe(false);
  });

  it('a region without a rule set: no current version, 2FA required, and expectedVersion 0 makes version 1', async () => {
    const [{ id: newRegion }] = await t.db.query(
      `INSERT INTO region (slug, name) VALUES ('nieuwe-regio', 'Nieuwe regio') RETURNING id`,
    );
    const [{ id: organisationId }] = await t.db.query(
      `INSERT INTO organisation (region_id, kind, name) VALUES ($1, 'coordination', 'Regiobeheer') RETURNING id`,
      [newRegion],
    );
    const [{ id: userId }] = await t.db.query(
      `INSERT INTO app_user (organisation_id, email, display_name, seat) VALUES ($1, 'beheer@nieuw.test', 'Nieuwe Beheerder', 'regionAdmin') RETURNING id`,
      [organisationId],
    );
    const actor: Actor = {
      userId,
      organisationId,
      regionId: newRegion,
      seat: 'regionAdmin',
      municipalityCode: null,
    };
    const context: RequestContext = {
      actor,
      requestId: 'test',
      clientAddress: '127.0.0.1',
      hadExpiredSession: false,
    };
    expect(await getCurrentRuleSet(t.db, newRegion)).toBeNull();
    expect(await isTwoFactorRequired(t.db, newRegion)).toBe(true);
    await expect(readCurrentRuleSet(t.db, context, actor)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Deze regio heeft nog geen instellingen.',
    });
    const config: RuleSetConfig = {
      municipalities: [
        { code: 'GM0150', name: 'Deventer', population: 1, populationYear: 2024 }, // Midden-IJssel's
        { code: 'GM9001', name: 'Nieuwdorp', population: 1000, populationYear: 2024 },
        { code: 'GM9002', name: 'Oudstad', population: 2000, populationYear: 2024 },
      ],
      targetGroups: ['shelter'],
      youthAgeBand: { from: 18, until: 23 },
      agreement: {
        firstPeriodStart: '2025-01-01',
        firstPeriodEnd: '2026-12-31',
        extensionYears: 2,
      },
      agendaPublicationDays: 5,
      stalledCaseDays: 14,
      waitingTargetDays: 90,
      offerAnswerDays: 10,
      neighbourhoodLoadThreshold: 3,
      retentionYears: 7,
      twoFactorRequired: true,
      bindingTest: { isEnabled: false, minYears: 2, withinYears: 5 },
    };
    await expect(
      updateRuleSet(t.db, context, actor, { expectedVersion: 0, config }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(
      updateRuleSet(t.db, context, actor, {
        expectedVersion: 1,
        config: { ...config, municipalities: config.municipalities.slice(1) },
      }),
    ).rejects.toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 0 } });
    const first = await updateRuleSet(t.db, context, actor, {
      expectedVersion: 0,
      config: { ...config, municipalities: config.municipalities.slice(1) },
    });
    expect(first).toMatchObject({ version: 1, createdBy: { displayName: 'Nieuwe Beheerder' } });
    const registry = await t.db.query(
      'SELECT code, region_id FROM municipality WHERE code IN ($1, $2) ORDER BY code',
      ['GM9001', 'GM9002'],
    );
    expect(registry).toEqual([
      { code: 'GM9001', region_id: newRegion },
      { code: 'GM9002', region_id: newRegion },
    ]);
  });
});

describe('the distribution ledger', () => {
  const allocateAlone = (date: string, excluded: string[] = []) =>
    t.db.transaction((tx) =>
      allocateByDistribution(tx, { regionId: flevolandId, date, excluded, caseId: null }),
    );

  it('20 allocations at once land one after the other: the same sequence as 20 in a row, by the law of the method', async () => {
    const date = '2031-06-01'; // a period no other test touches
    const ruleSet = (await getCurrentRuleSet(t.db, flevolandId))!;
    const results = await Promise.all(Array.from({ length: 20 }, () => allocateAlone(date)));

    // No two read the same counts: the totals they read are 0, 1, …, 19.
    const sum = (counts: Record<string, number>) =>
      Object.values(counts).reduce((a, b) => a + b, 0);
    const ordered = [...results].sort((a, b) => sum(a.counts) - sum(b.counts));
    expect(ordered.map((r) => sum(r.counts))).toEqual(Array.from({ length: 20 }, (_, i) => i));

    // The pure function applied 20 times serially gives the same choices in the same order.
    const serial: string[] = [];
    const placements: Record<string, number> = {};
    for (let i = 0; i < 20; i++) {
      const chosen = chooseByDistribution(ruleSet.config.municipalities, placements).chosen!.code;
      serial.push(chosen);
      placements[chosen] = (placements[chosen] ?? 0) + 1;
    }
    expect(ordered.map((r) => r.municipalityCode)).toEqual(serial);

    const rows: { municipality_code: string; n: number }[] = await t.db.query(
      `SELECT municipality_code, count(*)::int AS n FROM distribution_allocation
        WHERE region_id = $1 AND period_start = '2031-01-01' AND returned_at IS NULL GROUP BY municipality_code`,
      [flevolandId],
    );
    const counts = Object.fromEntries(rows.map((r) => [r.municipality_code, r.n]));
    expect(counts).toEqual(placements);
    const total = rows.reduce((a, r) => a + r.n, 0);
    expect(total).toBe(20);
    const population = ruleSet.config.municipalities.reduce((a, m) => a + m.population, 0);
    for (const m of ruleSet.config.municipalities) {
      expect((counts[m.code] ?? 0) - (m.population / population) * total).toBeLessThan(1);
    }
    expect(new Set(results.map((r) => r.ruleSetVersion))).toEqual(new Set([ruleSet.version]));
    const [ledger] = await t.db.query(
      `SELECT period_start::text AS start, period_end::text AS "end" FROM distribution_ledger WHERE region_id = $1 AND period_start = '2031-01-01'`,
      [flevolandId],
    );
    expect(ledger).toEqual({ start: '2031-01-01', end: '2032-12-31' });
  });

  it('skips the excluded, and chooses none when all are excluded', async () => {
    const date = '2041-03-01';
    const first = await allocateAlone(date, ['GM0034']);
    expect(first.municipalityCode).not.toBe('GM0034');
    expect(first.municipalityCode).toBe('GM0995'); // Lelystad: the largest deficit after Almere
    const ruleSet = (await getCurrentRuleSet(t.db, flevolandId))!;
    const none = await allocateAlone(
      date,
      ruleSet.config.municipalities.map((m) => m.code),
    );
    expect(none).toMatchObject({
      allocationId: null,
      municipalityCode: null,
      counts: { GM0995: 1 },
    });
  });

  it('a returned allocation gives its count back, once', async () => {
    const date = '2051-03-01';
    const first = await allocateAlone(date);
    expect(first.municipalityCode).toBe('GM0034');
    await t.db.transaction((tx) => returnAllocation(tx, first.allocationId!));
    const again = await allocateAlone(date);
    expect(again.counts).toEqual({});
    expect(again.municipalityCode).toBe('GM0034');
    await expect(
      t.db.transaction((tx) => returnAllocation(tx, first.allocationId!)),
    ).rejects.toMatchObject({
      code: 'ALLOCATION_ALREADY_RETURNED',
      message: 'Deze toewijzing is al teruggegeven.',
    });
    await expect(
      t.db.transaction((tx) => returnAllocation(tx, '00000000-0000-4000-8000-000000000000')),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

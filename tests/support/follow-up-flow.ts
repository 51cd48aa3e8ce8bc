import type request from 'supertest';
import type { CaseSections } from '@uitstroom/shared';
import { readyCase } from './case-factory';
import { decideFirst, organisationId, planTable, publishTable, scheduleCase } from './table-flow';

type Db = { query(sql: string, params?: unknown[]): Promise<any> };

/**
 * A case through the table to `moved`, with Leger des Heils as its follow-up provider and Lelystad
 * as its destination. The table steps go through the API; the steps from the search to the move
 * (offer, placement, key handover: the placements module) are TEST-ONLY set directly in the test
 * database, so follow-up support can be tested without depending on that module. Replace the SQL
 * with the placements API once it is there.
 */
export async function movedCase(
  agents: { casemanager: request.Agent; chair: request.Agent },
  db: Db,
  overrides: Partial<CaseSections> = {},
  freeText: TableFreeText = {},
): Promise<Record<string, any>> {
  const id = await searchingCase(agents, db, overrides, freeText);
  // TEST-ONLY: stands in for offer → placement confirmed → key handover (issue 12).
  await db.query(
    `UPDATE case_file SET state = 'moved', version = version + 1, last_activity_at = now() WHERE id = $1 AND state = 'searching'`,
    [id],
  );
  return (await agents.casemanager.get(`/api/cases/${id}`)).body;
}

/** The same case up to `searching` after the table's decision (Leger des Heils follow-up provider, Lelystad destination); returns its id. */
export async function searchingCase(
  agents: { casemanager: request.Agent; chair: request.Agent },
  db: Db,
  overrides: Partial<CaseSections> = {},
  freeText: TableFreeText = {},
): Promise<string> {
  let ready = await readyCase(agents.casemanager, db, overrides);
  const invited = ['Gemeente Lelystad', 'Leger des Heils', 'Centrada'];
  if (freeText.deferReason) {
    // First deferred at an earlier table, with the chair's reason.
    const earlier = await planTable(agents.chair, db, {
      title: `Eerdere tafel ${ready.pseudonym}`,
      invited,
    });
    await scheduleCase(agents.casemanager, earlier.id, ready);
    const shared = await publishTable(agents.chair, earlier.id);
    const deferred = await agents.chair
      .post(`/api/tables/${earlier.id}/agenda/${shared.agenda[0].id}/defer`)
      .send({ version: shared.version, reason: freeText.deferReason });
    if (deferred.status !== 200)
      throw new Error(`defer failed ${deferred.status} ${JSON.stringify(deferred.body)}`);
    ready = (await agents.casemanager.get(`/api/cases/${ready.id}`)).body;
  }
  const table = await planTable(agents.chair, db, {
    title: `Uitstroomtafel ${ready.pseudonym}`,
    invited,
  });
  await scheduleCase(agents.casemanager, table.id, ready);
  await publishTable(agents.chair, table.id);
  await decideFirst(agents.chair, db, table.id, {
    followUpProvider: 'Leger des Heils',
    objection: freeText.objection,
  });
  return ready.id;
}

/** Free text written at the table: a deferral's reason at an earlier table, an objection's reason with the decision. */
export interface TableFreeText {
  deferReason?: string;
  objection?: string;
}

/** The provider starts support on a moved case: keys a year ago, Centrada the landlord. */
export async function startedSupport(
  provider: request.Agent,
  db: Db,
  caseView: Record<string, any>,
  keyHandoverDate = '2025-11-01',
): Promise<Record<string, any>> {
  const response = await provider.post(`/api/cases/${caseView.id}/support/start`).send({
    version: caseView.version,
    keyHandoverDate,
    startedOn: keyHandoverDate,
    landlordOrganisationId: await organisationId(db, 'Centrada'),
    hoursPerWeek: 4,
  });
  if (response.status !== 200)
    throw new Error(`start failed ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

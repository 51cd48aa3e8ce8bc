import type request from 'supertest';

/**
 * Offers, the answer, the confirmation and the move by the API, each step reading the versions it
 * needs first, as a page would (for tests that need a placement as a means, or step through one).
 */

export async function caseVersionOf(agent: request.Agent, caseId: string): Promise<number> {
  const response = await agent.get(`/api/cases/${caseId}`);
  if (response.status !== 200)
    throw new Error(`read failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.version;
}

export async function placementOf(
  agent: request.Agent,
  caseId: string,
): Promise<Record<string, any>> {
  const response = await agent.get(`/api/cases/${caseId}/placement`);
  if (response.status !== 200)
    throw new Error(`placement failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** The versions a step on the live offer sends, as the reader sees them now (1 and 1 where it sees nothing: its step is refused anyway). */
export async function versionsOf(
  agent: request.Agent,
  caseId: string,
): Promise<{ caseVersion: number; offerVersion: number }> {
  const response = await agent.get(`/api/cases/${caseId}/placement`);
  if (response.status !== 200) return { caseVersion: 1, offerVersion: 1 };
  return {
    caseVersion: response.body.caseVersion,
    offerVersion: response.body.current?.version ?? 1,
  };
}

export async function offer(corporation: request.Agent, caseId: string, dwellingId: string) {
  return corporation
    .post(`/api/cases/${caseId}/offers`)
    .send({ caseVersion: await caseVersionOf(corporation, caseId), dwellingId });
}

export async function answer(
  manager: request.Agent,
  caseId: string,
  answered: 'accepted' | 'declined',
  reason?: string,
) {
  return manager.post(`/api/cases/${caseId}/offer/answer`).send({
    ...(await versionsOf(manager, caseId)),
    answer: answered,
    ...(reason ? { reason } : {}),
  });
}

export async function withdraw(
  corporation: request.Agent,
  caseId: string,
  reason = 'De woning heeft lekkage en is voorlopig niet te verhuren.',
) {
  return corporation
    .post(`/api/cases/${caseId}/offer/withdraw`)
    .send({ ...(await versionsOf(corporation, caseId)), reason });
}

export async function confirm(
  municipality: request.Agent,
  caseId: string,
  overrides: Record<string, unknown> = {},
) {
  return municipality.post(`/api/cases/${caseId}/placement/confirm`).send({
    ...(await versionsOf(municipality, caseId)),
    supportArranged: 'Wmo-begeleiding via Kwintes, 4 uur per week, het eerste halfjaar.',
    supportIntensity: 'regular',
    ...overrides,
  });
}

export async function refuse(
  municipality: request.Agent,
  caseId: string,
  reason = 'Er is in deze gemeente nu geen passende begeleiding in te kopen.',
) {
  return municipality
    .post(`/api/cases/${caseId}/placement/refuse`)
    .send({ ...(await versionsOf(municipality, caseId)), reason });
}

export const todayInAmsterdam = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());

export function moveInBody(overrides: Record<string, unknown> = {}) {
  return {
    keyHandoverDate: todayInAmsterdam(),
    agreementConditions:
      'Begeleiding van 4 uur per week; na een jaar zonder huurachterstand gaat de huur op naam van de bewoner.',
    ...overrides,
  };
}

export async function moveIn(
  agent: request.Agent,
  caseId: string,
  overrides: Record<string, unknown> = {},
) {
  return agent
    .post(`/api/cases/${caseId}/move-in`)
    .send({ ...(await versionsOf(agent, caseId)), ...moveInBody(overrides) });
}

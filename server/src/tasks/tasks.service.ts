import type { DataSource } from 'typeorm';
import {
  addDays,
  amsterdamDate,
  missingForReady,
  preconditionLeadDays,
  tasksFor,
  type TaskCaseFacts,
  type TaskList,
} from '@uitstroom/shared';
import type { Actor } from '../core/request-context';
import { getCurrentRuleSet } from '../regions';
import * as repository from './tasks.repository';
import { offerFactsForTasks } from '../placements';
import { caseNamesInReach, isDestinationMunicipalityOf, isFollowUpProviderOf } from '../cases';
import { preparesTables } from '../tables';
import { hasTasks } from './tasks.policy';

/**
 * "Mijn taken": the facts within the seat's reach, read in one snapshot, and the shared rules that
 * turn them into tasks. A task names a case as the case list does: by the resident's name where the
 * seat's projection shows it, by its kenmerk otherwise; what is missing is said in general words,
 * never a care detail.
 */
export async function listTasks(
  db: DataSource,
  actor: Actor,
  now: Date = new Date(),
): Promise<TaskList> {
  if (!hasTasks(actor)) return { items: [], count: 0 };
  const today = amsterdamDate(now);
  return db.transaction('REPEATABLE READ', async (tx) => {
    const ruleSet = await getCurrentRuleSet(tx, actor.regionId);
    const caseRows = await repository.listOpenCases(tx, actor);
    const cases: TaskCaseFacts[] = caseRows.map((row) => ({
      id: row.id,
      pseudonym: row.pseudonym,
      state: row.state,
      isOwnCase: row.owner_user_id === actor.userId,
      missingForReady: row.sections
        ? [
            ...missingForReady(row.sections, {
              youthAgeBand: ruleSet?.config.youthAgeBand,
              today,
            }).map((m) => m.path),
            ...(row.has_consent ? [] : ['consents']),
          ]
        : [],
      isOnOpenAgenda: row.is_on_open_agenda,
      decidedAt: row.decided_at?.toISOString() ?? null,
      isLetterGiven: !!row.letter_at && !!row.decided_at && row.letter_at >= row.decided_at,
      isDestinationMunicipality: isDestinationMunicipalityOf(actor, row.decided_destination_code),
      isFollowUpProvider: isFollowUpProviderOf(actor, row.follow_up_provider_id),
    }));
    // The offers' facts (issue 12): a dwelling to offer, the resident's answer and when it is due.
    const offerFacts = await offerFactsForTasks(
      tx,
      actor,
      caseRows.map((row) => ({
        id: row.id,
        state: row.state,
        decidedDestinationCode: row.decided_destination_code,
      })),
    );
    for (const c of cases) Object.assign(c, offerFacts.get(c.id) ?? {});
    const tables = preparesTables(actor) ? await repository.listOpenTables(tx, actor) : [];
    const preconditions = await repository.listOwnedPreconditions(
      tx,
      actor,
      addDays(today, preconditionLeadDays),
    );
    // A task names the resident where the seat's projection shows the name, the kenmerk otherwise.
    const names = await caseNamesInReach(tx, actor, [
      ...caseRows.map((row) => row.id),
      ...preconditions.map((p) => p.case_id),
    ]);
    for (const c of cases) c.name = names.get(c.id)?.name;
    const items = tasksFor(actor.seat, {
      today,
      now: now.toISOString(),
      agendaPublicationDays: ruleSet?.config.agendaPublicationDays ?? 5,
      cases,
      tables: tables.map((t) => ({
        id: t.id,
        title: t.title,
        startsAt: t.starts_at.toISOString(),
        plannedAt: t.created_at.toISOString(),
        state: t.state,
        openItems: t.open_items,
      })),
      preconditions: preconditions.map((p) => ({
        id: p.id,
        caseId: p.case_id,
        pseudonym: p.pseudonym,
        name: names.get(p.case_id)?.name,
        lifeDomain: p.life_domain,
        dueDate: p.due_date,
        isCaseReachable: p.is_case_reachable,
        tableId: p.table_id,
      })),
    });
    return { items, count: items.length };
  });
}

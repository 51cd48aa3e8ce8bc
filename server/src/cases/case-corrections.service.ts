import type { DataSource, EntityManager } from 'typeorm';
import {
  AppError,
  checkCorrection,
  dutchToday,
  stepToCorrect,
  type CaseState,
  type CorrectStep,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { publishAfterCommit } from '../core/live-events';
import { requireCase, viewAndAudit } from './cases.service';
import { assertCorrectionAllowed } from './cases.policy';
import type { ProjectedCaseView } from './cases.projection';
import * as repository from './cases.repository';

/**
 * Herstel (issue 27.2, domain.md §4): the case's last step goes back, as the shared correction
 * rule allows. A step whose record lives in another module (a table's decision) is set aside by
 * that module, which registers how: the cases module does not reach into it (the tables module
 * depends on this one, not the other way round).
 */
export interface CorrectionUndo {
  /** What rests on the step since, in Dutch, or null. */
  dependent(tx: EntityManager, caseId: string): Promise<string | null>;
  /** Sets the step's record aside (never deletes it); returns what the log should say it did. */
  undo(tx: EntityManager, actor: Actor, caseId: string): Promise<Record<string, unknown>>;
}

const undoers = new Map<'decision', CorrectionUndo>();

/** Called once by the module that owns the record of a step (tables, for a decision). */
export function registerCorrectionUndo(kind: 'decision', undo: CorrectionUndo): void {
  undoers.set(kind, undo);
}

/** What the case's row holds again after the correction: only what the step itself changed. */
function restored(to: CaseState, row: { ready_at: Date | null }, stepStartedClock: boolean) {
  return {
    state: to,
    // The waiting clock started by this very step did not start after all.
    readyAt: stepStartedClock ? null : (row.ready_at?.toISOString() ?? null),
    outcome: null,
    closedAt: null,
    ...(to === 'scheduled' ? { decidedDestinationCode: null } : {}),
  };
}

export async function correctStep(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: CorrectStep,
): Promise<ProjectedCaseView> {
  return db.transaction(async (tx) => {
    const row = await requireCase(tx, actor, caseId, { lock: true });
    const log = await repository.findStepLog(tx, caseId);
    const target = stepToCorrect(log);
    const undoer =
      target && ['decide', 'startSearch', 'referToOriginRegion'].includes(target.step.transition)
        ? undoers.get('decision')
        : undefined;
    const check = checkCorrection({
      log,
      state: row.state,
      actor,
      today: dutchToday(),
      hasReason: !!input.reason,
      dependent: undoer ? await undoer.dependent(tx, caseId) : null,
    });
    assertCorrectionAllowed(check);
    if (row.version !== input.version)
      throw new AppError('VERSION_CONFLICT', undefined, [], { currentVersion: row.version });
    const undone = undoer ? await undoer.undo(tx, actor, caseId) : {};
    const change = restored(check.to, row, target!.step.transition === 'markReady');
    if (!(await repository.updateStateIfVersion(tx, caseId, input.version, change)))
      throw new AppError('VERSION_CONFLICT', undefined, [], { currentVersion: row.version });
    // Recorded as a correction beside the step, which stays on the log as it was.
    await repository.recordCaseEvent(tx, caseId, actor.userId, 'correction', {
      transition: target!.step.transition,
      from: row.state,
      to: check.to,
      byChair: check.byChair,
      ...undone,
      ...(input.reason ? { reason: input.reason } : {}),
    });
    publishAfterCommit(tx, { kind: 'case', caseId, byUserId: actor.userId });
    return viewAndAudit(tx, context, actor, await requireCase(tx, actor, caseId), 'case.correct', {
      fields: ['state'],
      details: { transition: target!.step.transition, from: row.state, to: check.to },
    });
  });
}

import type { DataSource } from 'typeorm';
import {
  dutchToday,
  formatDutchDate,
  AppError,
  isErasureAllowed,
  retentionDueOn,
  type EraseCase,
  type ErasureCandidate,
} from '@uitstroom/shared';
import type { Actor, RequestContext } from '../core/request-context';
import { writeAudit } from '../core/audit-writer';
import { publishAfterCommit } from '../core/live-events';
import { getCurrentRuleSet } from '../regions';
import * as repository from './retention.repository';

// Without a rule set the longest term the schema allows: nothing is proposed too early.
const fallbackRetentionYears = 30;

/**
 * The region's closed cases as erasure proposals: the ones whose retention period has passed come
 * first and are marked due; the rest can be erased on the resident's request. Pseudonym, closing
 * date, outcome and due date only: the administrator never reads a case's content.
 */
export async function listErasureCandidates(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
): Promise<ErasureCandidate[]> {
  return db.transaction(async (tx) => {
    const years =
      (await getCurrentRuleSet(tx, actor.regionId))?.config.retentionYears ??
      fallbackRetentionYears;
    const date = dutchToday();
    const candidates = (await repository.listClosedCases(tx, actor.regionId)).map((row) => {
      const dueOn = retentionDueOn(row.closed_on, years);
      return {
        caseId: row.id,
        pseudonym: row.pseudonym,
        closedAt: row.closed_on,
        outcome: row.outcome,
        retentionDueOn: dueOn,
        isRetentionDue: dueOn <= date,
      };
    });
    candidates.sort(
      (a, b) =>
        Number(b.isRetentionDue) - Number(a.isRetentionDue) ||
        a.retentionDueOn.localeCompare(b.retentionDueOn),
    );
    await writeAudit(tx, context, {
      action: 'retention.list',
      objectType: 'case',
      purpose: 'erasure',
      outcome: 'success',
      details: { count: candidates.length },
    });
    return candidates;
  });
}

/** Erasure of one closed case (AVG art. 17); the audit row names the pseudonym and the ground, and the log itself is never edited. */
export async function eraseCase(
  db: DataSource,
  context: RequestContext,
  actor: Actor,
  caseId: string,
  input: EraseCase,
): Promise<{ caseId: string; pseudonym: string; erasedAt: string }> {
  return db.transaction(async (tx) => {
    const row = await repository.findClosedCase(tx, actor.regionId, caseId);
    if (!row)
      throw new AppError(
        'NOT_FOUND',
        'Deze casus bestaat niet, is niet afgesloten of is al gewist.',
      );
    if (row.pseudonym !== input.confirmPseudonym)
      throw new AppError('VALIDATION_FAILED', undefined, [
        { path: 'confirmPseudonym', message: 'Het pseudoniem klopt niet met deze casus.' },
      ]);
    const years =
      (await getCurrentRuleSet(tx, actor.regionId))?.config.retentionYears ??
      fallbackRetentionYears;
    if (!isErasureAllowed(input.ground, row.closed_on, years, dutchToday())) {
      throw new AppError(
        'RETENTION_NOT_DUE',
        `De bewaartermijn loopt tot ${formatDutchDate(retentionDueOn(row.closed_on, years))}; wissen kan eerder alleen op verzoek van de bewoner.`,
      );
    }
    await repository.erasePersonalData(tx, row.id);
    await writeAudit(tx, context, {
      action: 'case.erase',
      objectType: 'case',
      objectId: row.id,
      subjectPseudonym: row.pseudonym,
      purpose: 'erasure',
      outcome: 'success',
      fields: ['identity', 'contact', 'addresses', 'documents', 'consents'],
      details: { ground: input.ground },
    });
    publishAfterCommit(tx, { kind: 'case', caseId: row.id, byUserId: actor.userId });
    return { caseId: row.id, pseudonym: row.pseudonym, erasedAt: new Date().toISOString() };
  });
}

import type { EntityManager } from 'typeorm';
import type { Actor } from '../core/request-context';
import { returnAllocation } from '../regions';
import type { CorrectionUndo } from '../cases';

/**
 * Herstel of a table's decision (issue 27.2, domain.md §4): the decision stays where it is,
 * marked as set aside; its agenda item is open again for the table to decide anew; a destination
 * taken by population distribution gives its count back to the ledger (under the ledger's lock).
 */
interface StandingDecision {
  id: string;
  agenda_item_id: string;
  allocation_id: string | null;
  is_returned: boolean;
  decided_at: Date;
  table_state: string;
}

async function standingDecision(
  tx: EntityManager,
  caseId: string,
): Promise<StandingDecision | null> {
  const [row] = await tx.query(
    `SELECT d.id, d.agenda_item_id, d.allocation_id, al.returned_at IS NOT NULL AS is_returned, d.decided_at, t.state AS table_state
       FROM table_decision d JOIN agenda_item a ON a.id = d.agenda_item_id JOIN outflow_table t ON t.id = a.table_id
       LEFT JOIN distribution_allocation al ON al.id = d.allocation_id
      WHERE d.case_id = $1 AND d.corrected_at IS NULL ORDER BY d.decided_at DESC LIMIT 1
      FOR UPDATE OF d`,
    [caseId],
  );
  return row ?? null;
}

export const decisionCorrection: CorrectionUndo = {
  /** What rests on the decision since: a closed table's minutes, or an offer made on it. */
  async dependent(tx, caseId) {
    const decision = await standingDecision(tx, caseId);
    if (!decision) return 'Er is geen besluit om te herstellen.';
    if (decision.table_state !== 'published')
      return 'De tafel is gesloten: de notulen rusten op dit besluit. Zet de casus op een volgende tafel.';
    const [offer] = await tx.query(
      'SELECT 1 FROM offer WHERE case_id = $1 AND offered_at >= $2 LIMIT 1',
      [caseId, decision.decided_at],
    );
    return offer
      ? 'Op dit besluit is al een woning aangeboden: het kan niet meer worden hersteld.'
      : null;
  },
  async undo(tx: EntityManager, actor: Actor, caseId: string) {
    const decision = (await standingDecision(tx, caseId))!;
    await tx.query(
      'UPDATE table_decision SET corrected_at = now(), corrected_by = $2 WHERE id = $1',
      [decision.id, actor.userId],
    );
    await tx.query("UPDATE agenda_item SET status = 'open', note = NULL WHERE id = $1", [
      decision.agenda_item_id,
    ]);
    if (decision.allocation_id && !decision.is_returned)
      await returnAllocation(tx, decision.allocation_id);
    return { decisionId: decision.id, allocationReturned: decision.allocation_id };
  },
};

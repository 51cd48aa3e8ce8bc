import type { EntityManager } from 'typeorm';
import type { PartnerEventKind } from '@uitstroom/shared';

/**
 * The outbox of the events the organisations' own systems hear (issue 31). Written in the
 * transaction of the change it tells, so an event exists exactly when its change committed; the
 * partners module's scheduled job delivers it afterwards, at least once. The row names the case
 * and the kind, nothing about the resident.
 */
export async function recordPartnerEvent(
  tx: EntityManager,
  event: { kind: PartnerEventKind; caseId: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO partner_event (region_id, kind, case_id)
     SELECT region_id, $2, id FROM case_file WHERE id = $1`,
    [event.caseId, event.kind],
  );
}

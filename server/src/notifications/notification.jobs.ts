import type { EntityManager } from 'typeorm';
import {
  amsterdamDate,
  type LifeDomain,
  type NotificationEvent,
  type NotificationKind,
} from '@uitstroom/shared';
import { returnedRows } from '../core/db';
import { sendAfterCommit } from '../core/mailer';
import { afterCommit } from '../core/after-commit';
import { dailyFrom, type ScheduledJob } from '../core/scheduler';
import { digestMail } from './notification.mails';
import { notificationMailerOf, notify } from './notify';
import * as repository from './notifications.repository';

/** The digest goes out at seven in the morning, Dutch time: before the working day, after the night's due dates. */
export const digestHour = 7;
/** Due dates are flagged at six, so that the digest of the same morning counts them. */
export const dueDateHour = 6;

/**
 * One mail per user with, per kind, how many notifications arrived since the last digest: the
 * "digest" notifications not mailed yet, taken and marked in the job's transaction.
 */
export const digestJob: ScheduledJob = {
  key: 'notifications.digest',
  periodAt: dailyFrom(digestHour),
  async run(tx, { now }) {
    const mailer = notificationMailerOf(tx.dataSource);
    if (!mailer) throw new Error('the digest needs a mailer: createApp installs one');
    const byUser = new Map<
      string,
      {
        to: string;
        displayName: string;
        regionName: string;
        regionId: string;
        kinds: NotificationKind[];
      }
    >();
    for (const row of await repository.claimDigest(tx, now)) {
      if (!row.is_active) continue;
      const entry = byUser.get(row.user_id) ?? {
        to: row.email,
        displayName: row.display_name,
        regionName: row.region_name,
        regionId: row.region_id,
        kinds: [],
      };
      entry.kinds.push(row.kind);
      byUser.set(row.user_id, entry);
    }
    // Mailed once the claim has committed: never a digest for notifications a rollback gives back.
    afterCommit(tx, async () => {
      for (const entry of byUser.values())
        await sendAfterCommit(
          mailer.mailer,
          digestMail({ ...entry, baseUrl: mailer.baseUrl }),
          mailer.logger,
        );
    });
  },
};

/**
 * Preconditions whose due date has come (Dutch calendar day), not done, of cases still open: each
 * is flagged once, and the users of its owner organisation are told in the same transaction.
 */
export const preconditionsDueJob: ScheduledJob = {
  key: 'preconditions.due',
  periodAt: dailyFrom(dueDateHour),
  async run(tx, { now }) {
    await notify(tx, await flagDuePreconditions(tx, now), { at: now });
  },
};

async function flagDuePreconditions(tx: EntityManager, now: Date): Promise<NotificationEvent[]> {
  const rows = returnedRows<{
    id: string;
    case_id: string;
    pseudonym: string;
    region_id: string;
    owner_organisation_id: string;
    life_domain: LifeDomain;
    due_date: string;
    table_id: string;
  }>(
    await tx.query(
      `UPDATE precondition p SET due_flagged_at = $1
       FROM case_file c, table_decision d, agenda_item a
      WHERE c.id = p.case_id AND d.id = p.decision_id AND a.id = d.agenda_item_id AND d.corrected_at IS NULL
        AND p.done_at IS NULL AND p.due_flagged_at IS NULL AND p.due_date <= $2::date AND c.state <> 'closed'
      RETURNING p.id, p.case_id, c.pseudonym, c.region_id, p.owner_organisation_id, p.life_domain, to_char(p.due_date, 'YYYY-MM-DD') AS due_date, a.table_id`,
      [now, amsterdamDate(now)],
    ),
  );
  return rows.map((row) => ({
    kind: 'preconditionDue',
    regionId: row.region_id,
    caseId: row.case_id,
    pseudonym: row.pseudonym,
    tableId: row.table_id,
    preconditionId: row.id,
    ownerOrganisationId: row.owner_organisation_id,
    lifeDomain: row.life_domain,
    dueDate: row.due_date,
  }));
}

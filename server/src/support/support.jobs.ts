import { amsterdamDate, dueFollowUpChecks } from '@uitstroom/shared';
import { dailyFrom, type ScheduledJob } from '../core/scheduler';
import * as repository from './support.repository';

/**
 * The follow-up checks at 6 and 12 months after the keys (issue 13): once a day, each due check
 * becomes an open question on the case's support log for the provider to answer (still living
 * there? tenancy in the resident's own name?). A day missed is caught up: the rule asks what is due
 * by today, and the unique (case, months) asks each once.
 */
export const followUpChecksJob: ScheduledJob = {
  key: 'support.followUpChecks',
  periodAt: dailyFrom(6),
  async run(tx, { now }) {
    const today = amsterdamDate(now);
    for (const row of await repository.findDueChecks(tx, today)) {
      for (const check of dueFollowUpChecks(row.key_handover_date, today, row.asked)) {
        await repository.insertCheck(tx, row.case_id, check.months, check.dueOn, now);
      }
    }
  },
};

import { amsterdamDate, type NotificationEvent } from '@uitstroom/shared';
import { notify } from '../notifications';
import { dailyFrom, type ScheduledJob } from '../core/scheduler';
import { flagOverdueOffers } from './placements.repository';

/** Overdue answers are flagged at six, with the due dates of preconditions, before the digest of seven counts them. */
export const overdueOfferHour = 6;

/**
 * Offers still open after the region's number of days: each is flagged once (`overdue_flagged_at`)
 * and the owning case manager and the offering corporation are told, in the job's transaction. The
 * pages flag an overdue offer from its due day anyway; this is the one reminder that reaches people
 * who are not looking.
 */
export const overdueOffersJob: ScheduledJob = {
  key: 'offers.overdue',
  periodAt: dailyFrom(overdueOfferHour),
  async run(tx, { now }) {
    const rows = await flagOverdueOffers(tx, amsterdamDate(now), now);
    const events: NotificationEvent[] = rows.map((row) => ({
      kind: 'offerToAnswer',
      regionId: row.region_id,
      caseId: row.case_id,
      pseudonym: row.pseudonym,
      caseOwnerUserId: row.owner_user_id,
      overdueForOrganisationId: row.organisation_id,
    }));
    await notify(tx, events, { at: now });
  },
};

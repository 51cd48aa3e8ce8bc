import { digestJob, preconditionsDueJob } from './notifications';
import type { ScheduledJob } from './core/scheduler';
import { followUpChecksJob } from './support';
import { overdueOffersJob } from './placements';
import { webhookDeliveryJob } from './partners';

/**
 * The follow-up checks of issue 13 (still housed after 6 and 12 months) register here: each a
 * `ScheduledJob` with its own key and period, run exactly once per period like the others.
 */
export const followUpCheckJobs: ScheduledJob[] = [followUpChecksJob];

/** Every scheduled job of the product, in the order a tick runs them: due dates before the digest that counts them. */
export function scheduledJobs(): ScheduledJob[] {
  return [
    preconditionsDueJob,
    overdueOffersJob,
    digestJob,
    ...followUpCheckJobs,
    webhookDeliveryJob,
  ];
}

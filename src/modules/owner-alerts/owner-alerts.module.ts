import { Module } from '@nestjs/common';
import { CheckStuckBroadcastsHandler } from './commands/check-stuck-broadcasts.command';
import { RecordOwnerAlertHandler } from './commands/record-owner-alert.command';
import { SendAlertDigestHandler } from './commands/send-alert-digest.command';
import { SendMorningSummaryHandler } from './commands/send-morning-summary.command';
import { JobFailedAlertHandler } from './events/job-failed-alert.handler';
import { CheckStuckBroadcastsJob, SendAlertDigestJob, SendMorningSummaryJob } from './jobs/owner-alert.jobs';
import { MorningSummaryTick, StuckBroadcastsTick } from './jobs/owner-alert.ticks';
import { PendingAlerts } from './persistence/pending-alerts';

/**
 * What the owners hear in the staff bot without asking: a digest of trouble (a job failed after its last
 * attempt, a broadcast stuck in `sending`), gathered for `owner_alerts.digest_delay_seconds`, and a morning
 * summary of yesterday (`owner_alerts.morning_summary`, at `owner_alerts.summary_at` shop time). Ticks
 * only enqueue jobs with deterministic ids, so any number of schedulers and workers is safe.
 */
@Module({
  providers: [
    PendingAlerts,
    RecordOwnerAlertHandler,
    SendAlertDigestHandler,
    CheckStuckBroadcastsHandler,
    SendMorningSummaryHandler,
    JobFailedAlertHandler,
    SendAlertDigestJob,
    CheckStuckBroadcastsJob,
    SendMorningSummaryJob,
    MorningSummaryTick,
    StuckBroadcastsTick,
  ],
})
export class OwnerAlertsModule {}

import { ANALYSIS_JOBS, DATA_JOBS, DOCUMENT_JOBS, EMAIL_JOBS, INVITE_JOBS, QUEUES, RECRUITING_JOBS, SESSION_JOBS, TENANCY_JOBS } from "@atrium/core/queues";
import { interviewRemindersProcessor } from "../processors/recruiting/interview-reminders.processor.js";
import { backupProcessor } from "../processors/data/backup.processor.js";
import { purgeDeletedDocumentsProcessor } from "../processors/documents/purge-deleted.processor.js";
import { purgeStaleInviteKeysProcessor } from "../processors/invites/purge-stale.processor.js";
import { sweepStalledProcessor } from "../processors/analysis/sweep-stalled.processor.js";
import { redactExpiredLinksProcessor } from "../processors/email/redact-expired-links.processor.js";
import { requeueStaleEmailsProcessor } from "../processors/email/requeue-stale.processor.js";
import { purgeExpiredSessionsProcessor } from "../processors/sessions/purge-expired.processor.js";
import { purgeSoftDeletedProcessor } from "../processors/tenancy/purge-soft-deleted.processor.js";
import { schedule, type QueueConfig } from "./queue-config.js";

const MINUTE = 60_000;

/** Housekeeping that runs on a timer; cheap, idempotent jobs, so a rerun is harmless. */
export const maintenanceQueue: QueueConfig = {
  name: QUEUES.maintenance,
  concurrency: (config) => config.WORKER_CONCURRENCY,
  processors: [
    purgeExpiredSessionsProcessor,
    purgeSoftDeletedProcessor,
    requeueStaleEmailsProcessor,
    sweepStalledProcessor,
    purgeStaleInviteKeysProcessor,
    purgeDeletedDocumentsProcessor,
    redactExpiredLinksProcessor,
    backupProcessor,
    interviewRemindersProcessor,
  ],
  schedules: (config) => [
    schedule({
      id: SESSION_JOBS.purgeExpired,
      job: SESSION_JOBS.purgeExpired,
      payload: {},
      everyMs: config.SESSION_PURGE_EVERY_MINUTES * MINUTE,
    }),
    // Daily is plenty: retention is counted in days, and the job is idempotent.
    schedule({
      id: TENANCY_JOBS.purgeSoftDeleted,
      job: TENANCY_JOBS.purgeSoftDeleted,
      payload: {},
      everyMs: 24 * 60 * MINUTE,
    }),
    // Deleted documents' bytes and rows, once their retention is over; daily like the other purge.
    schedule({ id: DOCUMENT_JOBS.purgeDeleted, job: DOCUMENT_JOBS.purgeDeleted, payload: {}, everyMs: 24 * 60 * MINUTE }),
    schedule({ id: INVITE_JOBS.purgeStale, job: INVITE_JOBS.purgeStale, payload: {}, everyMs: 24 * 60 * MINUTE }),
    // Every 5 minutes; the deadline itself (JOB_RUNNING_DEADLINE_MINUTES) is what decides.
    schedule({ id: ANALYSIS_JOBS.sweepStalled, job: ANALYSIS_JOBS.sweepStalled, payload: {}, everyMs: 5 * MINUTE }),
    // Hourly: a link's lifetime is counted in hours, and rows already redacted are skipped.
    schedule({ id: EMAIL_JOBS.redactExpiredLinks, job: EMAIL_JOBS.redactExpiredLinks, payload: {}, everyMs: 60 * MINUTE }),
    schedule({ id: EMAIL_JOBS.requeueStale, job: EMAIL_JOBS.requeueStale, payload: { olderThanMinutes: 10 }, everyMs: 10 * MINUTE }),
    // Every 5 minutes: a reminder leaves at most that late, an ended interview is completed after its grace; the claims make reruns and replicas harmless.
    schedule({ id: RECRUITING_JOBS.interviewReminders, job: RECRUITING_JOBS.interviewReminders, payload: {}, everyMs: 5 * MINUTE }),
    // Off unless BACKUP_CRON is set (development never backs up by itself).
    ...(config.BACKUP_CRON ? [schedule({ id: DATA_JOBS.backup, job: DATA_JOBS.backup, payload: {}, everyMs: 0, pattern: config.BACKUP_CRON })] : []),
  ],
};

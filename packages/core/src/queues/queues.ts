import type { z } from "zod";
import { SESSION_JOBS, ZPurgeExpiredSessionsPayload } from "./sessions.jobs.js";
import { EMAIL_JOBS, ZRedactExpiredLinksPayload, ZRequeueStaleEmailsPayload, ZSendEmailPayload } from "../email/email.jobs.js";
import { TENANCY_JOBS, ZPurgeSoftDeletedPayload } from "../accounts/accounts.jobs.js";
import { INVITE_JOBS, ZPurgeStaleInviteKeysPayload } from "../invite-keys/invite-key.jobs.js";
import { DOCUMENT_JOBS, ZPurgeDeletedDocumentsPayload } from "../documents/documents.jobs.js";
import { DATA_JOBS, ZBackupPayload } from "../data-safety/data-safety.jobs.js";
import { NOTIFICATION_JOBS, ZMessageDigestPayload } from "../notifications/notifications.jobs.js";
import { RECRUITING_JOBS, ZInterviewRemindersPayload } from "../recruiting/interview.jobs.js";
import { ANALYSIS_JOBS, ZExtractDocumentPayload, ZRunAnalysisPayload, ZSweepStalledPayload } from "../analysis-jobs/analysis.jobs.js";

/** Every BullMQ queue Atrium uses. Keys live under `${REDIS_PREFIX}:<queue>:`. */
export const QUEUES = {
  maintenance: "maintenance",
  notifications: "notifications",
  document_processing: "document_processing",
  ai_analysis: "ai_analysis",
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/**
 * The one registry of jobs: name → queue and payload schema. Producers enqueue
 * and the worker validates through this table, so the two can't drift.
 */
export const JOBS = {
  [SESSION_JOBS.purgeExpired]: { queue: QUEUES.maintenance, payload: ZPurgeExpiredSessionsPayload },
  [EMAIL_JOBS.send]: { queue: QUEUES.notifications, payload: ZSendEmailPayload },
  [EMAIL_JOBS.requeueStale]: { queue: QUEUES.maintenance, payload: ZRequeueStaleEmailsPayload },
  [EMAIL_JOBS.redactExpiredLinks]: { queue: QUEUES.maintenance, payload: ZRedactExpiredLinksPayload },
  [TENANCY_JOBS.purgeSoftDeleted]: { queue: QUEUES.maintenance, payload: ZPurgeSoftDeletedPayload },
  [ANALYSIS_JOBS.run]: { queue: QUEUES.ai_analysis, payload: ZRunAnalysisPayload },
  [ANALYSIS_JOBS.extract]: { queue: QUEUES.document_processing, payload: ZExtractDocumentPayload },
  [ANALYSIS_JOBS.sweepStalled]: { queue: QUEUES.maintenance, payload: ZSweepStalledPayload },
  [INVITE_JOBS.purgeStale]: { queue: QUEUES.maintenance, payload: ZPurgeStaleInviteKeysPayload },
  [DOCUMENT_JOBS.purgeDeleted]: { queue: QUEUES.maintenance, payload: ZPurgeDeletedDocumentsPayload },
  [DATA_JOBS.backup]: { queue: QUEUES.maintenance, payload: ZBackupPayload },
  [NOTIFICATION_JOBS.messageDigest]: { queue: QUEUES.notifications, payload: ZMessageDigestPayload },
  [RECRUITING_JOBS.interviewReminders]: { queue: QUEUES.maintenance, payload: ZInterviewRemindersPayload },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType }>;

export type JobName = keyof typeof JOBS;
/** What a producer passes (before defaults). */
export type JobInput<N extends JobName> = z.input<(typeof JOBS)[N]["payload"]>;
/** What a processor receives (after parsing). */
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]["payload"]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** Names of the jobs a queue carries, e.g. for a worker to check it has a processor for each. */
export function jobsOfQueue(queue: QueueName): JobName[] {
  return (Object.keys(JOBS) as JobName[]).filter((name) => JOBS[name].queue === queue);
}

// Server-side entry (pulls in bullmq): job registry, payload schemas, enqueue helper.
export { QUEUES, JOBS, isJobName, jobsOfQueue, type QueueName, type JobName, type JobInput, type JobPayload } from "./queues.js";
export { SESSION_JOBS, ZPurgeExpiredSessionsPayload, type TPurgeExpiredSessionsPayload } from "./sessions.jobs.js";
export { createJobQueues, DEFAULT_JOB_OPTIONS, type JobQueues } from "./enqueue.js";
export { EMAIL_JOBS, ZSendEmailPayload, type TSendEmailPayload } from "../email/email.jobs.js";
export { TENANCY_JOBS, ZPurgeSoftDeletedPayload, type TPurgeSoftDeletedPayload } from "../accounts/accounts.jobs.js";
export { ANALYSIS_JOBS, ZRunAnalysisPayload, ZExtractDocumentPayload, ZSweepStalledPayload, type TRunAnalysisPayload } from "../analysis-jobs/analysis.jobs.js";
export { INVITE_JOBS, ZPurgeStaleInviteKeysPayload } from "../invite-keys/invite-key.jobs.js";
export { DOCUMENT_JOBS, ZPurgeDeletedDocumentsPayload, type TPurgeDeletedDocumentsPayload } from "../documents/documents.jobs.js";
export { DATA_JOBS, ZBackupPayload, type TBackupPayload } from "../data-safety/data-safety.jobs.js";
export { NOTIFICATION_JOBS, ZMessageDigestPayload, type TMessageDigestPayload } from "../notifications/notifications.jobs.js";
export { RECRUITING_JOBS, ZInterviewRemindersPayload, type TInterviewRemindersPayload } from "../recruiting/interview.jobs.js";

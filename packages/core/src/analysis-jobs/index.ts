export * as jobService from "./job.service.js";
export * as jobReadService from "./job-read.service.js";
export * as systemJobsService from "./system-jobs.service.js";
export { sweepStalledJobs } from "./stalled-sweep.service.js";
export { appendJobEvent, finishJobWithEvent, listJobEvents, type JobEventInput } from "./job-events.repository.js";
export { findJob, transitionJob, touchJob, startJobRun, type JobRow } from "./jobs.repository.js";
export { startJobRunWithinCap, noteWaitingForSlot, type RunSlot } from "./run-slots.js";
export { loadTenantDocuments, analyzerModel, documentIdsOf } from "./job-estimate.js";
export { toJobDto, toJobEventDto, isFinished } from "./job-dto.js";
export * from "./analysis-jobs.schema.js";
export * from "./analysis.jobs.js";
/** The tenant actor under the name the worker's tests and the jobs bench still use (they move with the analysis run). */
export type { TenantActor as JobActor } from "../accounts/actor.service.js";
export { purgeStaleInviteKeys, INVITE_JOBS } from "../invite-keys/invite-key.jobs.js";

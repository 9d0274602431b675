// Public surface of the product's jobs: services and contracts (repositories stay inside).
export * as jobService from "./job.service.js";
export * as jobReadService from "./job-read.service.js";
export * as systemJobsService from "./system-jobs.service.js";
export { sweepStalledJobs } from "./stalled-sweep.service.js";
export { runAnalysisJob, type RunAttempt, type RunOutcome } from "./run.service.js";
export { extractUploadedDocument } from "./document-extract.service.js";
export { PIPELINES, type Pipeline } from "./run.pipelines.js";
export type { RunDeps, RunState } from "./run.steps.js";
export { BadJobInput, JobCancelled, INTERNAL_FAILURE_MESSAGE } from "./run.errors.js";
export { analyzerModel, documentIdsOf } from "./job-estimate.js";
export { isFinished } from "./job-dto.js";
/** The worker's group-commit flushes so far (the jobs bench reports where a run's time goes). */
export { groupCommitStats, resetGroupCommitStats } from "./job-writes.js";
export type { JobRow } from "./jobs.repository.js";
export * from "./analysis-jobs.schema.js";
export * from "./run.schema.js";
export * from "./analysis.jobs.js";
/** The tenant actor under the name the worker's tests and the jobs bench still use (they move with the analysis run). */
export type { TenantActor as JobActor } from "../accounts/actor.service.js";
export { purgeStaleInviteKeys, INVITE_JOBS } from "../invite-keys/invite-key.jobs.js";

import { recordMatchOutcome } from "../recruiting/application-match.service.js";
import { applyParsedProfile } from "../recruiting/candidate-profile.service.js";
import { announceTranscriptionFinished } from "../recruiting/interview-recording.service.js";
import type { ServiceContext } from "../shared/context.js";
import type { JobRow } from "./jobs.repository.js";

/**
 * What other domains do with a job's result once its success has committed:
 * a `resume_parse` started from a candidate's profile fills that profile
 * (a no-op for any other résumé parse); a `resume_match` started for an
 * application writes its score onto the application; an `interview_transcription` tells its
 * interview's pages (afterJobFailed too). Never throws: the job's outcome is
 * recorded already, and the profile catches up when it is next read.
 */
export async function afterJobSucceeded(ctx: ServiceContext, job: JobRow, result: unknown): Promise<void> {
  if (job.type === "resume_match") return recordMatchOutcome(ctx, job, { status: "success" });
  if (job.type === "interview_transcription") return announceTranscriptionFinished(ctx, job);
  if (job.type !== "resume_parse" || !job.createdById) return;
  await applyParsedProfile(ctx, job.createdById, job.id, result).catch((err: unknown) => ctx.logger.warn({ err, jobId: job.id }, "candidate profile not filled"));
}

/** What other domains do once a job has failed for good: a transcription's interview hears of it. */
export async function afterJobFailed(ctx: ServiceContext, job: JobRow): Promise<void> {
  await announceTranscriptionFinished(ctx, job);
}

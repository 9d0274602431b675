import { eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import { admitJob } from "../analysis-jobs/job.service.js";
import type { JobRow } from "../analysis-jobs/jobs.repository.js";
import { ZResumeMatch } from "../analyzers/analyzer.schema.js";
import { recordAudit } from "../audit/audit.service.js";
import { by } from "../accounts/owner-guard.service.js";
import { authorize, type PolicyActor } from "../accounts/policy.service.js";
import { flagOffMessage, flagOn } from "../flags/flag-gate.js";
import { FLAGS } from "../flags/flags.schema.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { publishApplicationChange } from "./application-live.js";
import * as repo from "./application.repository.js";

type StartedBy = { id: string; username: string | null } | null;

/**
 * Starts the application's `resume_match` in the employer's account, billed there like any job,
 * whoever caused it (the candidate applying, a recruiter re-running it). A refusal (the balance,
 * the ai-analysis flag, a posting without its job-description document yet) never undoes the
 * application: the match is recorded as not run with the reason, which a recruiter can act on.
 */
export async function startMatch(ctx: ServiceContext, app: repo.ApplicationRow, startedBy: StartedBy, meta?: RequestMeta): Promise<{ row: repo.ApplicationRow; refused: ServiceError | null }> {
  let refused: ServiceError | null = null;
  let jobId: string | null = null;
  const posting = await repo.findPostingForApply(ctx.db, app.postingId);
  try {
    if (!posting?.jobDescriptionDocumentId) throw new ServiceError("PRECONDITION_FAILED", "The posting has no job description document to match against yet");
    if (!app.resumeDocumentId) throw new ServiceError("PRECONDITION_FAILED", "The application's résumé is gone");
    if (!(await flagOn(ctx, FLAGS.aiAnalysis, { accountId: app.accountId, roles: [] }))) throw new ServiceError("FORBIDDEN", flagOffMessage(FLAGS.aiAnalysis));
    const { job } = await admitJob(
      ctx,
      { accountId: app.accountId, createdBy: startedBy, type: "resume_match", input: { resumeDocumentId: app.resumeDocumentId, jobDescriptionDocumentId: posting.jobDescriptionDocumentId } },
      meta,
    );
    jobId = job.id;
  } catch (err) {
    if (!(err instanceof ServiceError)) throw err;
    refused = err;
  }
  const reset = { matchScore: null, matchedSkills: [], missingSkills: [] };
  const row = await repo.setMatch(ctx.db, app.id, { ...reset, matchJobId: jobId, matchError: refused ? `Match not run: ${refused.message}` : null }, ctx.now());
  if (!row) throw notFound("Application");
  await publishApplicationChange(ctx, row);
  return { row, refused };
}

/** A recruiter runs the match again (after a top-up, or a failure); refused while one is still queued or running. */
export async function rerunMatch(ctx: ServiceContext, actor: PolicyActor, id: string, meta?: RequestMeta): Promise<repo.ApplicationRow> {
  const app = await repo.findApplication(ctx.db, id);
  if (!app) throw notFound("Application");
  authorize(actor, "recruiting.manage", { accountId: app.accountId }, "Application");
  if (app.matchJobId) {
    const [job] = await ctx.db.select({ status: schema.jobs.status }).from(schema.jobs).where(eq(schema.jobs.id, app.matchJobId));
    if (job && (job.status === "queued" || job.status === "running")) throw new ServiceError("CONFLICT", `The match is still ${job.status}; wait for it to finish`);
  }
  const { row, refused } = await startMatch(ctx, app, by(actor), meta);
  await recordAudit(ctx.db, {
    eventType: "application.rematched",
    actor: by(actor),
    target: { type: "application", id },
    accountId: app.accountId,
    meta,
    details: { jobId: row.matchJobId, refused: refused?.message ?? null },
  });
  if (refused) throw refused;
  return row;
}

/**
 * The worker's hook when a `resume_match` job ends (after its final state committed): the
 * application it was started for takes the score and skills, or the failure's reason. A match job
 * run by hand (not an application's) changes nothing. Never throws: the job's outcome stands.
 */
export async function recordMatchOutcome(ctx: ServiceContext, job: JobRow, outcome: { status: "success" | "failed"; error?: string }): Promise<void> {
  if (job.type !== "resume_match") return;
  try {
    let set: Parameters<typeof repo.setMatchForJob>[2] = { matchError: `Match failed: ${outcome.error ?? "unknown error"}` };
    if (outcome.status === "success") {
      const [finished] = await ctx.db.select({ result: schema.jobs.result }).from(schema.jobs).where(eq(schema.jobs.id, job.id));
      const parsed = ZResumeMatch.pick({ score: true, matchedSkills: true, missingSkills: true }).safeParse(finished?.result);
      set = parsed.success
        ? { matchScore: parsed.data.score, matchedSkills: parsed.data.matchedSkills, missingSkills: parsed.data.missingSkills, matchError: null }
        : { matchError: "Match failed: the result could not be read" };
    }
    const row = await repo.setMatchForJob(ctx.db, job.id, set, ctx.now());
    if (row) await publishApplicationChange(ctx, row);
  } catch (err) {
    ctx.logger.warn({ err, jobId: job.id }, "match result not written to the application");
  }
}

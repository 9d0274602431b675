import { recordAudit } from "../audit/audit.service.js";
import { by } from "../accounts/owner-guard.service.js";
import type { TenantActor } from "../accounts/actor.service.js";
import { createJob } from "../analysis-jobs/job.service.js";
import { publishEvent } from "../realtime/realtime.service.js";
import { accountTopic } from "../realtime/realtime.schema.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import { inTransaction } from "../shared/tx.js";
import { assertTranscriptionConfigured } from "../transcription/transcription.js";
import * as repo from "./interview.repository.js";
import { interviewFor } from "./interview.service.js";
import { employerViews } from "./interview-view.js";
import type { TAttachRecordingInput, TInterview } from "./interview.schema.js";

/**
 * Attaches a recording (a document the employer uploaded through the documents path)
 * to an interview and runs `interview_transcription` on it, billed to the employer like
 * any job. Without a transcription provider it is refused before anything is stored.
 */
export async function attachRecording(ctx: ServiceContext, actor: TenantActor, input: TAttachRecordingInput, meta?: RequestMeta): Promise<TInterview> {
  const detail = await interviewFor(ctx, actor, input.id, "recruiting.manage");
  const i = detail.interview;
  if (i.status === "cancelled") throw new ServiceError("CONFLICT", "This interview was cancelled; it has no recording");
  assertTranscriptionConfigured(ctx.config);
  const document = await repo.findDocument(ctx.db, i.accountId, input.documentId);
  if (!document) throw new ServiceError("NOT_FOUND", "Document not found", { documentId: ["No such document in this employer's account"] });
  // The job's own checks (an audio file, the balance, the ai-analysis flag) refuse before the interview changes.
  const job = await createJob(ctx, actor, { type: "interview_transcription", accountId: i.accountId, input: { documentId: document.id } }, meta);
  await inTransaction(ctx, async (tx, txCtx) => {
    await repo.setRecording(tx, i.id, { recordingDocumentId: document.id, transcriptionJobId: job.id, updatedAt: ctx.now() });
    await recordAudit(tx, { eventType: "interview.recording_attached", actor: by(actor), target: { type: "interview", id: i.id }, accountId: i.accountId, meta, details: { documentId: document.id, jobId: job.id } });
    await publishEvent(txCtx, [accountTopic(i.accountId)], { type: "interview.changed", interviewId: i.id, applicationId: i.applicationId, accountId: i.accountId, status: i.status });
  });
  const fresh = await repo.findInterviewDetail(ctx.db, i.id);
  const [view] = fresh ? await employerViews(ctx.db, [fresh]) : [];
  if (!view) throw new ServiceError("NOT_FOUND", "Interview not found");
  return view;
}

/**
 * A finished `interview_transcription` (success or failure) tells the employer's pages of the
 * interview it was run for, so the recording panel shows the transcript or the error without a
 * reload. The candidate never sees the recording, so only the account hears. Never throws: the
 * job's outcome is recorded already.
 */
export async function announceTranscriptionFinished(ctx: ServiceContext, job: { id: string; type: string }): Promise<void> {
  if (job.type !== "interview_transcription") return;
  try {
    for (const i of await repo.findByTranscriptionJob(ctx.db, job.id)) {
      await publishEvent(ctx, [accountTopic(i.accountId)], { type: "interview.changed", interviewId: i.id, applicationId: i.applicationId, accountId: i.accountId, status: i.status });
    }
  } catch (err) {
    ctx.logger.warn({ err, jobId: job.id }, "interview not told of its transcription");
  }
}

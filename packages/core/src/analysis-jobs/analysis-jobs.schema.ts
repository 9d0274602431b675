import { z } from "zod";
import { ZCursor, ZDirection, ZLimit, pageOf } from "../shared/pagination.schema.js";
import { ZSpendVerdict } from "../billing/low-balance.schema.js";

export const SAME_DOCUMENT_TWICE = "Pick a different document than the resume";
const docId = (what: string) => z.uuid({ error: `${what} must be a document id` });

/** Input of each job type; validated before anything is written or enqueued. */
export const ZJobInputs = {
  document_analysis: z.strictObject({ documentId: docId("documentId") }),
  // A document matched against itself scores 100 and tells nobody anything: refused, and paid for by nobody.
  resume_match: z
    .strictObject({ resumeDocumentId: docId("resumeDocumentId"), jobDescriptionDocumentId: docId("jobDescriptionDocumentId") })
    .refine((i) => i.resumeDocumentId !== i.jobDescriptionDocumentId, { path: ["jobDescriptionDocumentId"], message: SAME_DOCUMENT_TWICE }),
  worklog_summary: z.strictObject({ documentId: docId("documentId") }),
  resume_parse: z.strictObject({ documentId: docId("documentId") }),
  /** An uploaded recording (MP3, WAV, M4A, OGG, FLAC); needs TRANSCRIPTION_BASE_URL. */
  interview_transcription: z.strictObject({ documentId: docId("documentId") }),
  /** Does nothing in `steps` steps of `stepMs` each: for benchmarks and reliability tests. */
  noop: z.strictObject({ steps: z.number().int().min(0).max(20).default(0), stepMs: z.number().int().min(0).max(60_000).default(0) }),
} as const;

export const JOB_TYPES = ["document_analysis", "resume_match", "worklog_summary", "resume_parse", "interview_transcription", "noop"] as const;
export const ZJobType = z.enum(JOB_TYPES, { error: `Type must be one of ${JOB_TYPES.join(", ")}` });
export type TJobType = z.infer<typeof ZJobType>;

export const ZJobStatus = z.enum(["queued", "running", "success", "failed", "cancelled"]);
export type TJobStatus = z.infer<typeof ZJobStatus>;

export const ZCreateJobInput = z.strictObject({
  type: ZJobType,
  input: z.record(z.string(), z.unknown()).default({}),
  /** The account that runs and pays; defaults to the caller's home account. */
  accountId: z.uuid().optional(),
});
export type TCreateJobInput = z.input<typeof ZCreateJobInput>;

/** A document a job ran on, by name; filename null means it has since been deleted. */
export const ZJobDocument = z.object({
  id: z.string(),
  role: z.enum(["document", "resume", "job_description"]),
  filename: z.string().nullable().describe("null: the document was deleted"),
});
export type TJobDocument = z.infer<typeof ZJobDocument>;

export const ZJob = z
  .object({
    id: z.string(),
    accountId: z.string(),
    createdById: z.string().nullable(),
    type: z.string(),
    status: ZJobStatus,
    input: z.record(z.string(), z.unknown()),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().nullable().describe("Why it failed, in words meant for the user"),
    errorCause: z.string().nullable().describe("The internal cause of a failure: staff only, always null for everyone else"),
    documents: z.array(ZJobDocument).describe("The input documents by name"),
    accountName: z.string().nullable(),
    attempts: z.number().int(),
    estimatedCostCents: z.number().int(),
    costCents: z.number().int().nullable(),
    cancelRequestedAt: z.string().nullable(),
    queuedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    createdAt: z.string(),
    /** The policy's warning when it let the job through with one (e.g. balance low); only on create. */
    spendWarning: z.string().nullable().optional(),
  })
  .meta({ id: "Job" });
export type TJob = z.infer<typeof ZJob>;

export const ZJobEvent = z
  .object({
    id: z.string(),
    jobId: z.string(),
    seq: z.number().int(),
    type: z.string(),
    message: z.string(),
    data: z.record(z.string(), z.unknown()),
    durationMs: z.number().int().nullable(),
    costCents: z.number().int().nullable(),
    occurredAt: z.string(),
  })
  .meta({ id: "JobEvent" });
export type TJobEvent = z.infer<typeof ZJobEvent>;

export const ZListJobsInput = z.strictObject({ status: ZJobStatus.optional(), type: z.string().max(64).optional(), accountId: z.uuid().optional(), limit: ZLimit, cursor: ZCursor, direction: ZDirection });
export type TListJobsInput = z.infer<typeof ZListJobsInput>;
export const ZJobPage = pageOf(ZJob).meta({ id: "JobPage" });
export type TJobPage = z.infer<typeof ZJobPage>;

export const ZJobIdInput = z.strictObject({ id: z.uuid({ error: "Not a job id" }) });
export const ZJobEventsInput = ZJobIdInput.extend({ afterSeq: z.coerce.number().int().min(0).default(0) });
export type TJobEventsInput = z.infer<typeof ZJobEventsInput>;
export const ZJobEventList = z.object({ items: z.array(ZJobEvent), status: ZJobStatus, done: z.boolean() }).meta({ id: "JobEventList" });
export type TJobEventList = z.infer<typeof ZJobEventList>;

/** GET query strings can't carry objects, so the estimate takes the ids flat. */
export const ZEstimateJobInput = z.strictObject({
  type: ZJobType,
  documentId: z.uuid().optional(),
  resumeDocumentId: z.uuid().optional(),
  jobDescriptionDocumentId: z.uuid().optional(),
  accountId: z.uuid().optional(),
});
export type TEstimateJobInput = z.infer<typeof ZEstimateJobInput>;
export const ZJobEstimate = z
  .object({ estimatedCents: z.number().int(), verdict: ZSpendVerdict, allowed: z.boolean(), message: z.string().nullable(), balanceCents: z.number().int(), analyzer: z.string(), model: z.string() })
  .meta({ id: "JobEstimate" });
export type TJobEstimate = z.infer<typeof ZJobEstimate>;

export const ZSystemJobsInput = z.strictObject({ status: ZJobStatus.optional(), type: z.string().max(64).optional(), accountId: z.uuid().optional(), limit: ZLimit, cursor: ZCursor, direction: ZDirection });
export type TSystemJobsInput = z.infer<typeof ZSystemJobsInput>;

export const ZQueueStatus = z
  .object({
    queues: z.array(z.object({ name: z.string(), waiting: z.number().int(), active: z.number().int(), delayed: z.number().int(), failed: z.number().int(), completed: z.number().int() })),
    workers: z.array(z.object({ id: z.string(), queues: z.array(z.string()), lastSeenAt: z.string() })),
  })
  .meta({ id: "QueueStatus" });
export type TQueueStatus = z.infer<typeof ZQueueStatus>;

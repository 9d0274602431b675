import { z } from "zod";
import { ZCursor, ZDirection, ZLimit } from "../shared/pagination.schema.js";

export const APPLICATION_STATUSES = ["applied", "screening", "interview", "offer", "hired", "rejected", "withdrawn"] as const;
export const ZApplicationStatus = z.enum(APPLICATION_STATUSES, { error: `Status must be one of ${APPLICATION_STATUSES.join(", ")}` });
export type TApplicationStatus = z.infer<typeof ZApplicationStatus>;

/** The stages an employer moves an application to; `withdrawn` is the candidate's own move. */
export const PIPELINE_STAGES = ["applied", "screening", "interview", "offer", "hired", "rejected"] as const;
export const ZPipelineStage = z.enum(PIPELINE_STAGES, { error: `Stage must be one of ${PIPELINE_STAGES.join(", ")}` });
export type TPipelineStage = z.infer<typeof ZPipelineStage>;

/**
 * The allowed moves. Forward one step or more (a strong candidate may skip screening), back one step
 * (a mis-click), rejected from any open stage; hired, rejected and withdrawn are final, except that a
 * rejection can be reopened into screening (a recruiter's second look), never past it.
 */
export const PIPELINE_MOVES: Record<TApplicationStatus, readonly TApplicationStatus[]> = {
  applied: ["screening", "interview", "offer", "rejected"],
  screening: ["applied", "interview", "offer", "rejected"],
  interview: ["screening", "offer", "rejected"],
  offer: ["interview", "hired", "rejected"],
  hired: [],
  rejected: ["screening"],
  withdrawn: [],
};
/** What the candidate may withdraw from: anything not already decided. */
export const WITHDRAWABLE: readonly TApplicationStatus[] = ["applied", "screening", "interview", "offer"];

export const APPLICATION_SOURCES = ["job_board", "direct_link", "referral", "other"] as const;
export const ZApplicationSource = z.enum(APPLICATION_SOURCES, { error: `Source must be one of ${APPLICATION_SOURCES.join(", ")}` });

export const COVER_LETTER_MAX_LENGTH = 5000;

const id = (what: string) => z.uuid({ error: `Not a valid ${what} id` });

export const ZApplyInput = z.strictObject({
  postingId: id("posting"),
  resumeDocumentId: id("document").describe("One of your own documents of kind resume, with its text extracted"),
  coverLetter: z.string().trim().max(COVER_LETTER_MAX_LENGTH, `Keep the cover letter under ${COVER_LETTER_MAX_LENGTH} characters`).default(""),
  source: ZApplicationSource.default("job_board"),
});
export type TApplyInput = z.infer<typeof ZApplyInput>;

export const ZApplicationIdInput = z.strictObject({ id: id("application") });
export type TApplicationIdInput = z.infer<typeof ZApplicationIdInput>;

export const ZMoveApplicationInput = z.strictObject({
  id: id("application"),
  to: ZPipelineStage,
  from: ZApplicationStatus.optional().describe("The stage you saw; the move is refused (409) when the application has moved since"),
});
export type TMoveApplicationInput = z.infer<typeof ZMoveApplicationInput>;

export const ZListApplicationsInput = z.strictObject({
  postingId: id("posting"),
  status: ZApplicationStatus.optional(),
  minScore: z.coerce.number({ error: "Minimum score must be a number" }).min(0, "Minimum score is 0 to 100").max(100, "Minimum score is 0 to 100").optional(),
  skill: z.string().trim().min(1, "Name a skill").max(100, "Skill is too long").optional().describe("Only applications whose match found this skill"),
  q: z.string().trim().max(100, "Search is too long").optional().describe("Candidate name, username or email contains"),
  limit: ZLimit,
  cursor: ZCursor,
  direction: ZDirection,
});
export type TListApplicationsInput = z.infer<typeof ZListApplicationsInput>;

export const ZMyApplicationsInput = z.strictObject({
  status: ZApplicationStatus.optional(),
  limit: ZLimit,
  cursor: ZCursor,
  direction: ZDirection,
});
export type TMyApplicationsInput = z.infer<typeof ZMyApplicationsInput>;

export const MATCH_STATES = ["not_run", "queued", "running", "done", "failed"] as const;
export const ZApplicationMatch = z
  .object({
    state: z.enum(MATCH_STATES),
    jobId: z.uuid().nullable(),
    /** 0–100, null until the match ran. */
    score: z.number().nullable(),
    matchedSkills: z.array(z.string()),
    missingSkills: z.array(z.string()),
    /** Why it did not run or failed (e.g. the employer's balance refused it). */
    error: z.string().nullable(),
  })
  .meta({ id: "ApplicationMatch" });
export type TApplicationMatch = z.infer<typeof ZApplicationMatch>;

/** What the employer and the candidate both read of an application: the posting, the stage and its dates. */
const bothSidesRead = {
  id: z.uuid(),
  postingId: z.uuid(),
  postingTitle: z.string(),
  status: ZApplicationStatus,
  source: ZApplicationSource,
  conversationId: z.uuid().nullable(),
  appliedAt: z.string(),
  statusChangedAt: z.string(),
  withdrawnAt: z.string().nullable(),
};

/** The employer's row: who applied, where in the pipeline, how well the résumé matched. */
export const ZApplication = z
  .object({
    ...bothSidesRead,
    accountId: z.uuid(),
    candidateUserId: z.uuid(),
    candidateName: z.string(),
    candidateEmail: z.string(),
    resumeDocumentId: z.uuid().nullable(),
    match: ZApplicationMatch,
    hiredAt: z.string().nullable(),
  })
  .meta({ id: "Application" });
export type TApplication = z.infer<typeof ZApplication>;

export const ZStageChange = z.object({ from: ZApplicationStatus.nullable(), to: ZApplicationStatus, actorUserId: z.uuid().nullable(), at: z.string() }).meta({ id: "ApplicationStageChange" });
export type TStageChange = z.infer<typeof ZStageChange>;

export const ZApplicationDetail = ZApplication.extend({
  coverLetter: z.string(),
  /** The employer's copy of the résumé: its name and extracted text (read it whole through documents.get / download). */
  resume: z.object({ documentId: z.uuid(), filename: z.string(), textPreview: z.string().nullable(), textLength: z.number().int().nullable() }).nullable(),
  stages: z.array(ZStageChange),
  /** The moves the pipeline allows from here (the board's and the "Move to" menu's choices). */
  allowedMoves: z.array(ZApplicationStatus),
}).meta({ id: "ApplicationDetail" });
export type TApplicationDetail = z.infer<typeof ZApplicationDetail>;

export const ZApplicationPage = z.object({ items: z.array(ZApplication), nextCursor: z.string().nullable() }).meta({ id: "ApplicationPage" });
export type TApplicationPage = z.infer<typeof ZApplicationPage>;

/**
 * The candidate's own view: their status and what they sent. The employer's match score stays the
 * employer's (an internal assessment, like interview notes), so it is not part of this view.
 */
export const ZMyApplication = z
  .object({
    ...bothSidesRead,
    employerName: z.string(),
    employerSlug: z.string(),
    resumeDocumentId: z.uuid().nullable().describe("Your own résumé document this application was sent with"),
    canWithdraw: z.boolean(),
  })
  .meta({ id: "MyApplication" });
export type TMyApplication = z.infer<typeof ZMyApplication>;

export const ZMyApplicationDetail = ZMyApplication.extend({ coverLetter: z.string() }).meta({ id: "MyApplicationDetail" });
export type TMyApplicationDetail = z.infer<typeof ZMyApplicationDetail>;

export const ZMyApplicationPage = z.object({ items: z.array(ZMyApplication), nextCursor: z.string().nullable() }).meta({ id: "MyApplicationPage" });
export type TMyApplicationPage = z.infer<typeof ZMyApplicationPage>;

import { z } from "zod";
import { pageOf, ZCursor, ZDirection, ZLimit } from "../shared/pagination.schema.js";

/** Bounds a user reads in the form's messages and the README. */
export const INTERVIEW_MIN_MINUTES = 15;
export const INTERVIEW_MAX_MINUTES = 480;
export const INTERVIEW_MAX_INTERVIEWERS = 10;
export const SCORECARD_MAX_CRITERIA = 20;
export const FEEDBACK_NOTES_MAX_CHARS = 10_000;

export const INTERVIEW_STATUSES = ["scheduled", "confirmed", "cancelled", "completed"] as const;
export const ZInterviewStatus = z.enum(INTERVIEW_STATUSES);
export const INTERVIEW_RECOMMENDATIONS = ["strong_no", "no", "yes", "strong_yes"] as const;
export const ZInterviewRecommendation = z.enum(INTERVIEW_RECOMMENDATIONS, { error: "Pick a recommendation: strong_no, no, yes or strong_yes" });

const interviewId = z.uuid({ error: "Not a valid interview id" });
const applicationId = z.uuid({ error: "Not a valid application id" });

const ZStartsAt = z.iso.datetime({ offset: true, error: "Give the start as an ISO date-time with a time zone, e.g. 2026-12-01T14:00:00Z" });
const ZDuration = z.coerce
  .number({ error: "Duration must be a number of minutes" })
  .int("Duration must be whole minutes")
  .min(INTERVIEW_MIN_MINUTES, `At least ${INTERVIEW_MIN_MINUTES} minutes`)
  .max(INTERVIEW_MAX_MINUTES, `At most ${INTERVIEW_MAX_MINUTES} minutes (8 hours)`);
const ZInterviewerIds = z
  .array(z.uuid({ error: "Not a valid user id" }), { error: "Name the interviewers" })
  .min(1, "Name at least one interviewer")
  .max(INTERVIEW_MAX_INTERVIEWERS, `At most ${INTERVIEW_MAX_INTERVIEWERS} interviewers`)
  .refine((ids) => new Set(ids).size === ids.length, "Each interviewer once");
/** Video links only over https: the candidate clicks it from an email. */
const ZMeetingUrl = z
  .url({ protocol: /^https$/, error: "A meeting link must be an https:// URL" })
  .max(2000, "At most 2,000 characters")
  .nullable()
  .optional();
const ZLocation = z.string().trim().max(300, "At most 300 characters").nullable().optional();

const needsAPlace = (v: { meetingUrl?: string | null; location?: string | null }) => Boolean(v.meetingUrl) || Boolean(v.location);
const PLACE_MESSAGE = "Give a meeting link or a location";

export const ZScheduleInterviewInput = z
  .strictObject({
    applicationId,
    startsAt: ZStartsAt,
    durationMinutes: ZDuration.default(60),
    interviewerIds: ZInterviewerIds,
    meetingUrl: ZMeetingUrl,
    location: ZLocation,
  })
  .refine(needsAPlace, { message: PLACE_MESSAGE, path: ["meetingUrl"] });
export type TScheduleInterviewInput = z.infer<typeof ZScheduleInterviewInput>;

/** Everything may move; what is left out stays. A new time clears the candidate's confirmation and the reminder. */
export const ZRescheduleInterviewInput = z.strictObject({
  id: interviewId,
  startsAt: ZStartsAt,
  durationMinutes: ZDuration.optional(),
  interviewerIds: ZInterviewerIds.optional(),
  meetingUrl: ZMeetingUrl,
  location: ZLocation,
});
export type TRescheduleInterviewInput = z.infer<typeof ZRescheduleInterviewInput>;

export const ZInterviewIdInput = z.strictObject({ id: interviewId });
export type TInterviewIdInput = z.infer<typeof ZInterviewIdInput>;

export const ZApplicationInterviewsInput = z.strictObject({ applicationId });
export type TApplicationInterviewsInput = z.infer<typeof ZApplicationInterviewsInput>;

/** Every interview list pages on (startsAt, id): `limit` + `cursor` (the last item's id), as every list does. */
const page = { limit: ZLimit, cursor: ZCursor, direction: ZDirection };

export const ZApplicationInterviewListInput = z.strictObject({ applicationId, ...page });
export type TApplicationInterviewListInput = z.infer<typeof ZApplicationInterviewListInput>;

export const INTERVIEW_WHEN = ["upcoming", "past"] as const;
export type TInterviewWhen = (typeof INTERVIEW_WHEN)[number];

/**
 * The candidate's interviews. `when` splits them so a long history never hides what is next:
 * upcoming ones (live, not yet over) soonest first; past, cancelled and completed ones newest first.
 */
export const ZCandidateInterviewsInput = z.strictObject({
  ...page,
  applicationId: applicationId.optional().describe("Only the interviews of this application of yours (its page)"),
  when: z
    .enum(INTERVIEW_WHEN, { error: "when is upcoming or past" })
    .optional()
    .describe("upcoming: live and not over, soonest first; past: over, cancelled or completed, newest first; left out: all, soonest first"),
});
export type TCandidateInterviewsInput = z.infer<typeof ZCandidateInterviewsInput>;

/** "My interviews" as an interviewer: every employer you may read recruiting data of, or the one the account switcher names. */
export const ZMyInterviewsInput = z.strictObject({
  ...page,
  accountId: z.uuid({ error: "Not a valid account id" }).optional().describe("Only this employer's interviews (the SPA's account switcher); all of yours when left out"),
});
export type TMyInterviewsInput = z.infer<typeof ZMyInterviewsInput>;

export const ZScorecardEntry = z.strictObject({
  criterion: z.string({ error: "Name the criterion" }).trim().min(1, "Name the criterion").max(100, "At most 100 characters"),
  score: z.number({ error: "Score from 1 to 5" }).int("Score from 1 to 5").min(1, "Score from 1 to 5").max(5, "Score from 1 to 5"),
  comment: z.string().trim().max(1000, "At most 1,000 characters").optional(),
});
export const ZScorecard = z.array(ZScorecardEntry).max(SCORECARD_MAX_CRITERIA, `At most ${SCORECARD_MAX_CRITERIA} criteria`);
export type TScorecard = z.infer<typeof ZScorecard>;

export const ZSubmitFeedbackInput = z.strictObject({
  id: interviewId,
  notes: z.string().trim().max(FEEDBACK_NOTES_MAX_CHARS, "At most 10,000 characters").default(""),
  scorecard: ZScorecard.default([]),
  recommendation: ZInterviewRecommendation,
});
export type TSubmitFeedbackInput = z.infer<typeof ZSubmitFeedbackInput>;

export const ZAttachRecordingInput = z.strictObject({ id: interviewId, documentId: z.uuid({ error: "Not a valid document id" }) });
export type TAttachRecordingInput = z.infer<typeof ZAttachRecordingInput>;

const ZPerson = z.object({ userId: z.uuid(), username: z.string(), displayName: z.string().nullable() });

export const ZInterviewer = ZPerson.extend({ recommendation: ZInterviewRecommendation.nullable(), feedbackAt: z.string().nullable() }).meta({ id: "Interviewer" });

export const ZInterviewRecording = z
  .object({
    documentId: z.uuid(),
    filename: z.string(),
    transcriptionJobId: z.uuid().nullable(),
    /** The job's status; transcript, summary and sentiment once it succeeded. */
    transcriptionStatus: z.string().nullable(),
    transcript: z.string().nullable(),
    summary: z.string().nullable(),
    sentiment: z.number().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "InterviewRecording" });

/** What both sides read of an interview: when, how long, where, and whether it is on. */
const whenAndWhere = {
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  meetingUrl: z.string().nullable(),
  location: z.string().nullable(),
  status: ZInterviewStatus,
  confirmedAt: z.string().nullable(),
};

/** The employer's view: candidate, interviewers (whether they wrote feedback), the recording. */
export const ZInterview = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    applicationId: z.uuid(),
    postingId: z.uuid(),
    postingTitle: z.string(),
    candidate: ZPerson,
    ...whenAndWhere,
    reminderSentAt: z.string().nullable(),
    interviewers: z.array(ZInterviewer),
    recording: ZInterviewRecording.nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Interview" });
export type TInterview = z.infer<typeof ZInterview>;
export const ZInterviewList = pageOf(ZInterview);
export type TInterviewList = z.infer<typeof ZInterviewList>;

/** The candidate's view: when, where, with whom; never the feedback or the recording. */
export const ZCandidateInterview = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    postingTitle: z.string(),
    employerName: z.string(),
    ...whenAndWhere,
    interviewers: z.array(z.object({ name: z.string() })),
  })
  .meta({ id: "CandidateInterview" });
export type TCandidateInterview = z.infer<typeof ZCandidateInterview>;
export const ZCandidateInterviewList = pageOf(ZCandidateInterview);
export type TCandidateInterviewList = z.infer<typeof ZCandidateInterviewList>;

export const ZInterviewFeedback = ZPerson.extend({
  interviewId: z.uuid(),
  notes: z.string(),
  scorecard: ZScorecard,
  recommendation: ZInterviewRecommendation.nullable(),
  feedbackAt: z.string().nullable(),
}).meta({ id: "InterviewFeedback" });
export type TInterviewFeedback = z.infer<typeof ZInterviewFeedback>;
export const ZInterviewFeedbackList = z.object({ items: z.array(ZInterviewFeedback) });
export type TInterviewFeedbackList = z.infer<typeof ZInterviewFeedbackList>;

/** People who may sit on an interview of this application's employer: the schedule form's picker. */
export const ZInterviewerOptions = z.object({ items: z.array(ZPerson.extend({ recruitingRole: z.enum(["recruiter", "hiring_manager"]).nullable() })) }).meta({ id: "InterviewerOptions" });
export type TInterviewerOptions = z.infer<typeof ZInterviewerOptions>;

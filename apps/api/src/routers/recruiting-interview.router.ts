import {
  interviewFeedbackService,
  interviewRecordingService,
  interviewService,
  ZApplicationInterviewListInput,
  ZApplicationInterviewsInput,
  ZAttachRecordingInput,
  ZCandidateInterview,
  ZCandidateInterviewsInput,
  ZCandidateInterviewList,
  ZInterview,
  ZInterviewFeedback,
  ZInterviewFeedbackList,
  ZInterviewIdInput,
  ZInterviewerOptions,
  ZInterviewList,
  ZMyInterviewsInput,
  ZRescheduleInterviewInput,
  ZScheduleInterviewInput,
  ZSubmitFeedbackInput,
} from "@atrium/core";
import { router, tenantProcedure } from "../trpc/init.js";

const tags = ["recruiting-interviews"];
const base = "/recruiting/interviews";

/** Interviews: the employer schedules and staffs them, interviewers give feedback, the candidate confirms. */
export const recruitingInterviewRouter = router({
  list: tenantProcedure
    .meta({ openapi: { method: "GET", path: `${base}/`, tags, summary: "An application's interviews, soonest first, a page at a time (recruiting roles and admins)", protect: true } })
    .input(ZApplicationInterviewListInput)
    .output(ZInterviewList)
    .query(({ ctx, input }) => interviewService.listForApplication(ctx.svc, ctx.tenant, input)),

  interviewers: tenantProcedure
    .meta({ openapi: { method: "GET", path: `${base}/interviewers/`, tags, summary: "Who may interview for this application's employer (admins and recruiting roles)", protect: true } })
    .input(ZApplicationInterviewsInput)
    .output(ZInterviewerOptions)
    .query(({ ctx, input }) => interviewService.listInterviewerOptions(ctx.svc, ctx.tenant, input)),

  mine: tenantProcedure
    .meta({ openapi: { method: "GET", path: `${base}/mine/`, tags, summary: "Your upcoming interviews as an interviewer, soonest first, a page at a time", protect: true } })
    .input(ZMyInterviewsInput)
    .output(ZInterviewList)
    .query(({ ctx, input }) => interviewService.listMyUpcoming(ctx.svc, ctx.tenant, input)),

  candidate: tenantProcedure
    .meta({ openapi: { method: "GET", path: `${base}/candidate/`, tags, summary: "Your interviews as a candidate, a page at a time: upcoming soonest first, past newest first", protect: true } })
    .input(ZCandidateInterviewsInput)
    .output(ZCandidateInterviewList)
    .query(({ ctx, input }) => interviewService.listAsCandidate(ctx.svc, ctx.tenant, input)),

  get: tenantProcedure
    .meta({ openapi: { method: "GET", path: `${base}/{id}/`, tags, summary: "One interview with its panel and recording", protect: true } })
    .input(ZInterviewIdInput)
    .output(ZInterview)
    .query(({ ctx, input }) => interviewService.getInterview(ctx.svc, ctx.tenant, input)),

  schedule: tenantProcedure
    .meta({ openapi: { method: "POST", path: `${base}/`, tags, summary: "Schedule an interview for an application; the candidate is emailed", protect: true } })
    .input(ZScheduleInterviewInput)
    .output(ZInterview)
    .mutation(({ ctx, input }) => interviewService.scheduleInterview(ctx.svc, ctx.tenant, input, ctx.meta)),

  reschedule: tenantProcedure
    .meta({ openapi: { method: "POST", path: `${base}/{id}/reschedule/`, tags, summary: "Move or re-staff an interview; a new time needs a new confirmation", protect: true } })
    .input(ZRescheduleInterviewInput)
    .output(ZInterview)
    .mutation(({ ctx, input }) => interviewService.rescheduleInterview(ctx.svc, ctx.tenant, input, ctx.meta)),

  cancel: tenantProcedure
    .meta({ openapi: { method: "POST", path: `${base}/{id}/cancel/`, tags, summary: "Cancel an interview; the candidate is emailed", protect: true } })
    .input(ZInterviewIdInput)
    .output(ZInterview)
    .mutation(({ ctx, input }) => interviewService.cancelInterview(ctx.svc, ctx.tenant, input, ctx.meta)),

  confirm: tenantProcedure
    .meta({ openapi: { method: "POST", path: `${base}/{id}/confirm/`, tags, summary: "Confirm an interview of your application (candidate)", protect: true } })
    .input(ZInterviewIdInput)
    .output(ZCandidateInterview)
    .mutation(({ ctx, input }) => interviewService.confirmInterview(ctx.svc, ctx.tenant, input, ctx.meta)),

  feedback: tenantProcedure
    .meta({ openapi: { method: "GET", path: `${base}/{id}/feedback/`, tags, summary: "Every interviewer's notes, scorecard and recommendation", protect: true } })
    .input(ZInterviewIdInput)
    .output(ZInterviewFeedbackList)
    .query(({ ctx, input }) => interviewFeedbackService.listFeedback(ctx.svc, ctx.tenant, input)),

  submitFeedback: tenantProcedure
    .meta({ openapi: { method: "PUT", path: `${base}/{id}/feedback/`, tags, summary: "Write your own feedback as an interviewer of this interview", protect: true } })
    .input(ZSubmitFeedbackInput)
    .output(ZInterviewFeedback)
    .mutation(({ ctx, input }) => interviewFeedbackService.submitFeedback(ctx.svc, ctx.tenant, input, ctx.meta)),

  attachRecording: tenantProcedure
    .meta({ openapi: { method: "POST", path: `${base}/{id}/recording/`, tags, summary: "Attach an uploaded audio recording and transcribe it (needs TRANSCRIPTION_BASE_URL)", protect: true } })
    .input(ZAttachRecordingInput)
    .output(ZInterview)
    .mutation(({ ctx, input }) => interviewRecordingService.attachRecording(ctx.svc, ctx.tenant, input, ctx.meta)),
});

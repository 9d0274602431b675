// Recruiting (seed 002, HireQ): postings, applications, interviews, candidate profiles, reports, the assistant.
// One domain, topic files `<topic>.<kind>.ts`; this is its only public surface.
export * from "./interview.schema.js";
export * as interviewService from "./interview.service.js";
export * as interviewFeedbackService from "./interview-feedback.service.js";
export * as interviewRecordingService from "./interview-recording.service.js";
export { sendInterviewReminders } from "./interview-reminder.service.js";
export { RECRUITING_JOBS, ZInterviewRemindersPayload, type TInterviewRemindersPayload } from "./interview.jobs.js";
export * from "./posting.schema.js";
export * as postingService from "./posting.service.js";
export * as publicPostingService from "./public-posting.service.js";
export * from "./recruiting-report.schema.js";
export * as recruitingReportService from "./recruiting-report.service.js";

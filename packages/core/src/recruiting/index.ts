// Recruiting (seed 002, HireQ): postings, applications, interviews, candidate profiles, reports, the assistant.
// One domain, topic files `<topic>.<kind>.ts`; this is its only public surface.
export * from "./interview.schema.js";
export * as interviewService from "./interview.service.js";
export * as interviewFeedbackService from "./interview-feedback.service.js";
export * as interviewRecordingService from "./interview-recording.service.js";
export { sendInterviewReminders } from "./interview-reminder.service.js";
export { completeEndedInterviews, INTERVIEW_COMPLETION_GRACE_MINUTES } from "./interview-completion.service.js";
export { RECRUITING_JOBS, ZInterviewRemindersPayload, type TInterviewRemindersPayload } from "./interview.jobs.js";
export * as applicationService from "./application.service.js";
export * as applicationReadService from "./application-read.service.js";
export * as applicationPipelineService from "./application-pipeline.service.js";
export * as applicationMatchService from "./application-match.service.js";
export * from "./application.schema.js";
export * as candidateProfileService from "./candidate-profile.service.js";
export * from "./candidate-profile.schema.js";
export * as recruitingAssistantService from "./recruiting-assistant.service.js";
export { NO_ASSISTANT_PROVIDER } from "./recruiting-assistant.service.js";
export * from "./recruiting-assistant.schema.js";
export * from "./application-conversation.schema.js";
export * as applicationConversationService from "./application-conversation.service.js";
/** Recruiting's notices (bell/email by preference): the application and interview services call these after their commit. */
export * as recruitingNotifications from "./recruiting-notification.service.js";
export * from "./posting.schema.js";
export * as postingService from "./posting.service.js";
export * as publicPostingService from "./public-posting.service.js";
export * from "./recruiting-report.schema.js";
export * as recruitingReportService from "./recruiting-report.service.js";

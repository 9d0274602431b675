export * from "./email.schema.js";
export * from "./outbox.schema.js";
export * as emailService from "./email.service.js";
export * as outboxService from "./outbox.service.js";
export { sendQueuedEmail, type SendAttempt } from "./email-send.service.js";
export { renderEmail, type TemplateData } from "./template.service.js";
export { transportFromConfig, smtpTransport, resendTransport, outboxTransport, type EmailTransport } from "./transport.service.js";
export { EMAIL_JOBS, ZSendEmailPayload, type TSendEmailPayload } from "./email.jobs.js";

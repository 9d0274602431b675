// Browser-safe entry: zod contracts only, no driver, no node built-ins.
export * from "./auth/auth.schema.js";
export * from "./api-keys/api-key.schema.js";
export * from "./users/user.schema.js";
export * from "./accounts/tenant.schema.js";
export * from "./audit/audit.schema.js";
export * from "./accounts/role.schema.js";
export { DESCRIPTION_MAX_LENGTH } from "./shared/fields.schema.js";
export * from "./organizations/member.schema.js";
export * from "./accounts/account.schema.js";
export * from "./organizations/organization.schema.js";
export * from "./invitations/invitation.schema.js";
export * from "./teams/team.schema.js";
export * from "./users/tenant-user.schema.js";
export * from "./email/email.schema.js";
export * from "./shared/pagination.schema.js";
export * from "./shared/http.schema.js";
export * from "./shared/limits.schema.js";
export * from "./invite-keys/invite-key.schema.js";
export * from "./users/signup.schema.js";
export * from "./users/email-verification.schema.js";
export * from "./passwords/password.schema.js";
export * from "./users/admin-user.schema.js";
export * from "./email/outbox.schema.js";
export * from "./billing/stripe/topup.schema.js";
export * from "./billing/billing.schema.js";
export * from "./billing/price-admin.schema.js";
export * from "./documents/document.schema.js";
export * from "./analysis-jobs/analysis-jobs.schema.js";
export * from "./analyzers/analyzer.schema.js";
export * from "./system/health.schema.js";
export * from "./data-safety/data-safety.schema.js";
export * from "./data-safety/backup.schema.js";
export * from "./system/config.schema.js";
export * from "./flags/flags.schema.js";
export * from "./realtime/realtime.schema.js";
export * from "./messages/message.schema.js";
export * from "./realtime/realtime-stream.schema.js";
export * from "./notifications/notification.schema.js";
<<<<<<< HEAD
export * from "./recruiting/interview.schema.js";
=======
export * from "./recruiting/posting.schema.js";
>>>>>>> main

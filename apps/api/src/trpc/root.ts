import { apiKeyRouter } from "../routers/api-key.router.js";
import { auditRouter } from "../routers/audit.router.js";
import { authRouter, meProcedure } from "../routers/auth.router.js";
import { adminUserRouter } from "../routers/admin-user.router.js";
import { inviteKeyRouter } from "../routers/invite-key.router.js";
import { outboxRouter } from "../routers/outbox.router.js";
import { passwordRouter } from "../routers/password.router.js";
import { emailVerificationRouter } from "../routers/email-verification.router.js";
import { signupProcedure } from "../routers/signup.router.js";
import { accountRouter, myMembershipsProcedure } from "../routers/account.router.js";
import { invitationRouter } from "../routers/invitation.router.js";
import { organizationRouter } from "../routers/organization.router.js";
import { teamRouter } from "../routers/team.router.js";
import { profileRouter, userRouter } from "../routers/user.router.js";
import { billingTopupRouter } from "../routers/billing-topup.router.js";
import { billingRouter } from "../routers/billing.router.js";
import { billingAdminRouter } from "../routers/billing-admin.router.js";
import { systemMetricsRouter } from "../routers/system-metrics.router.js";
import { documentRouter } from "../routers/document.router.js";
import { jobRouter } from "../routers/job.router.js";
import { systemJobsRouter } from "../routers/system-jobs.router.js";
import { systemHealthRouter } from "../routers/system-health.router.js";
import { limitsProcedure } from "../routers/limits.router.js";
import { systemBackupRouter } from "../routers/system-backup.router.js";
import { flagRouter } from "../routers/flag.router.js";
import { systemConfigRouter } from "../routers/system-config.router.js";
import { messageRouter } from "../routers/message.router.js";
import { eventRouter } from "../routers/event.router.js";
import { notificationRouter } from "../routers/notification.router.js";
import { recruitingBoardRouter, recruitingPostingRouter } from "../routers/recruiting-posting.router.js";
import { recruitingApplicationRouter } from "../routers/recruiting-application.router.js";
import { recruitingProfileRouter } from "../routers/recruiting-profile.router.js";
import { recruitingAssistantRouter } from "../routers/recruiting-assistant.router.js";
import { recruitingConversationRouter } from "../routers/recruiting-conversation.router.js";
import { router } from "./init.js";

// Nested by domain: a domain's procedures (and its staff-only ones under `admin`) sit under one key,
// the way the SDK and the SPA call them (`billing.topup.createSession`, `system.jobs.retry`).
export const appRouter = router({
  auth: router({ ...authRouter._def.record, me: meProcedure, signup: signupProcedure }),
  passwords: passwordRouter,
  email: router({ ...emailVerificationRouter._def.record, outbox: outboxRouter }),
  apiKeys: apiKeyRouter,
  inviteKeys: inviteKeyRouter,
  audit: auditRouter,
  limits: limitsProcedure,
  users: router({ ...userRouter._def.record, profile: profileRouter, admin: adminUserRouter }),
  accounts: router({ ...accountRouter._def.record, memberships: myMembershipsProcedure }),
  organizations: organizationRouter,
  invitations: invitationRouter,
  teams: teamRouter,
  billing: router({ ...billingRouter._def.record, topup: billingTopupRouter, admin: billingAdminRouter }),
  documents: documentRouter,
  jobs: jobRouter,
  flags: flagRouter,
  messages: messageRouter,
  events: eventRouter,
  notifications: notificationRouter,
  recruiting: router({
    postings: recruitingPostingRouter,
    board: recruitingBoardRouter,
    applications: recruitingApplicationRouter,
    profile: recruitingProfileRouter,
    assistant: recruitingAssistantRouter,
    conversation: recruitingConversationRouter,
  }),
  system: router({
    metrics: systemMetricsRouter,
    jobs: systemJobsRouter,
    health: systemHealthRouter,
    backup: systemBackupRouter,
    config: systemConfigRouter,
  }),
});

export type AppRouter = typeof appRouter;

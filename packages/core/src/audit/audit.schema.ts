import { z } from "zod";

/** Every kind of event the audit log records; filters and the UI offer exactly these. */
export const AUDIT_EVENT_TYPES = [
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "auth.signup",
  "invite_key.created",
  "invite_key.used",
  "invite_key.revoked",
  "password.changed",
  "password.reset_requested",
  "password.reset",
  "password.admin_reset",
  "api_key.created",
  "api_key.revoked",
  "user.updated",
  "user.disabled",
  "user.enabled",
  "user.deleted",
  "user.restored",
  "account.created",
  "account.updated",
  "account.deleted",
  "account.restored",
  "organization.created",
  "organization.updated",
  "organization.deleted",
  "organization.restored",
  "member.added",
  "member.role_changed",
  "member.removed",
  "invitation.sent",
  "invitation.accepted",
  "invitation.revoked",
  "team.created",
  "team.updated",
  "team.deleted",
  "team.restored",
  "team_member.added",
  "team_member.removed",
] as const;
export const ZAuditEventType = z.enum(AUDIT_EVENT_TYPES);
export type TAuditEventType = z.infer<typeof ZAuditEventType>;

export const ZAuditEvent = z
  .object({
    id: z.uuid(),
    occurredAt: z.string(),
    eventType: z.string(),
    actorId: z.uuid().nullable(),
    actorUsername: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    accountId: z.uuid().nullable(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEvent" });
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

import { z } from "zod";
import { ZDirection } from "../shared/pagination.schema.js";

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
  "email.verification_sent",
  "email.verified",
  "email.changed",
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
  "invitation.declined",
  "team.created",
  "team.updated",
  "team.deleted",
  "team.restored",
  "team_member.added",
  "team_member.removed",
  "billing.payment_failed",
  "billing.adjusted",
  "billing.prices_updated",
  "flag.created",
  "flag.updated",
  "flag.deleted",
  "billing.profile_updated",
  "document.uploaded",
  "document.updated",
  "document.deleted",
  "data.exported",
  "data.restored",
  "backup.created",
  "backup.verified",
  "job.created",
  "job.cancelled",
  "job.cancel_requested",
  "job.retried",
  "message.deleted",
  "notification.preferences_updated",
  "application.created",
  "application.moved",
  "application.withdrawn",
  "application.rematched",
  "candidate_profile.updated",
  "candidate_profile.parse_requested",
  "recruiting_assistant.asked",
  "member.recruiting_role_changed",
  "posting.created",
  "posting.updated",
  "posting.published",
  "posting.closed",
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

const ZIsoDate = z.iso.date();
const ZIsoDateTime = z.iso.datetime({ offset: true });

/** `YYYY-MM-DD` or an ISO date-time with an offset; anything else is refused rather than guessed at. */
const ZDateBound = z
  .string()
  .trim()
  .refine((s) => ZIsoDate.safeParse(s).success || ZIsoDateTime.safeParse(s).success, {
    error: "Use a date (YYYY-MM-DD) or an ISO date-time (2024-05-01T12:00:00Z)",
  });

/** Filters shared by the list and the CSV export. `to` as a bare date includes that whole day (UTC). */
export const ZAuditEventFilters = z.strictObject({
  userId: z.uuid({ error: "Not a valid user id" }).optional().describe("Events where this user is the actor or the target"),
  eventType: z.enum(AUDIT_EVENT_TYPES, { error: "Unknown event type" }).optional(),
  accountId: z.uuid({ error: "Not a valid account id" }).optional(),
  from: ZDateBound.optional().describe("Earliest time, inclusive"),
  to: ZDateBound.optional().describe("Latest time, inclusive; a bare date includes that whole day"),
});
export type TAuditEventFilters = z.infer<typeof ZAuditEventFilters>;

export const ZListAuditEventsInput = ZAuditEventFilters.extend({
  limit: z.coerce
    .number({ error: "Limit must be a number" })
    .int("Limit must be a whole number")
    .min(1, "Limit must be at least 1")
    .max(200, "Limit can be at most 200")
    .default(50),
  cursor: z.string().max(200, "This cursor is not valid; use nextCursor from the previous page").optional(),
  direction: ZDirection,
});
export type TListAuditEventsInput = z.infer<typeof ZListAuditEventsInput>;

export const ZAuditEventList = z.object({ items: z.array(ZAuditEvent), nextCursor: z.string().nullable() }).meta({ id: "AuditEventList" });
export type TAuditEventList = z.infer<typeof ZAuditEventList>;

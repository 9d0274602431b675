import { z } from "zod";
import { zQueryBool } from "../shared/fields.schema.js";
import { ZCursor, ZDirection, ZLimit } from "../shared/pagination.schema.js";

/** in_app: the bell; email: the bell and an email; off: nothing. One value per user and kind. */
export const NOTIFICATION_CHANNELS = ["in_app", "email", "off"] as const;
export const ZNotificationChannel = z.enum(NOTIFICATION_CHANNELS, { error: "Choose in_app, email or off" });
export type TNotificationChannel = z.infer<typeof ZNotificationChannel>;

/**
 * Every kind of notification, what people read about it and which channels it
 * offers. A domain that notifies adds its kind here (and a migration that
 * backfills its default for existing users, like 0009_notifications.sql).
 * "email" includes the bell, except for message.new, whose email is the digest
 * of unread messages (the inbox already shows them); invitation.received has no
 * email of its own because the invitation itself is emailed.
 */
export const NOTIFICATION_KINDS = {
  "job.finished": { label: "A job finished", description: "In-app always; the email only for jobs that ran 5 minutes or longer.", default: "email", channels: NOTIFICATION_CHANNELS },
  "job.failed": { label: "A job failed", description: "In-app always; the email only for jobs that ran 5 minutes or longer.", default: "email", channels: NOTIFICATION_CHANNELS },
  "balance.low": { label: "Low balance", description: "An account you own fell below its low-balance threshold.", default: "email", channels: NOTIFICATION_CHANNELS },
  "payment.failed": { label: "Payment failed", description: "A subscription payment of an account you own failed.", default: "email", channels: NOTIFICATION_CHANNELS },
  "invitation.received": { label: "Invitations", description: "Someone invited you to an organization (the invitation itself is always emailed).", default: "in_app", channels: ["in_app", "off"] },
  "message.new": { label: "New messages", description: "One email with every conversation you haven't read, sent a while after the first unread message.", default: "email", channels: ["email", "off"] },
  // Recruiting (recruiting/recruiting-notification.service.ts). The candidate's status and interview emails are
  // the employer's own messages (seed 002 templates, always sent), so their kinds here are the bell only.
  "application.received": { label: "New applications", description: "Someone applied to a posting of an account where you recruit.", default: "email", channels: NOTIFICATION_CHANNELS },
  "application.status": { label: "Application status", description: "An employer moved one of your applications (their status email is always sent).", default: "in_app", channels: ["in_app", "off"] },
  "application.message": { label: "Application messages", description: "A new message about an application; the new-messages email covers these too.", default: "in_app", channels: ["in_app", "off"] },
  "interview.scheduled": { label: "Interviews scheduled", description: "An interview with you, or one you take part in, was scheduled.", default: "in_app", channels: NOTIFICATION_CHANNELS },
  "interview.confirmed": { label: "Interviews confirmed", description: "A candidate confirmed an interview you take part in or scheduled.", default: "email", channels: NOTIFICATION_CHANNELS },
} as const satisfies Record<string, { label: string; description: string; default: TNotificationChannel; channels: readonly TNotificationChannel[] }>;

export type TNotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as [TNotificationKind, ...TNotificationKind[]];
export const ZNotificationKind = z.enum(NOTIFICATION_KIND_NAMES, { error: `Unknown kind; one of ${NOTIFICATION_KIND_NAMES.join(", ")}` });

export const ZNotification = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe("An SPA path to the thing the notification is about"),
    accountId: z.uuid().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Notification" });
export type TNotification = z.infer<typeof ZNotification>;

export const ZListNotificationsInput = z.strictObject({
  limit: ZLimit,
  cursor: ZCursor,
  direction: ZDirection,
  unread: zQueryBool.optional().describe("true: only unread notifications"),
});
export type TListNotificationsInput = z.infer<typeof ZListNotificationsInput>;

export const ZNotificationList = z
  .object({ items: z.array(ZNotification), nextCursor: z.string().nullable(), unreadCount: z.number().int() })
  .meta({ id: "NotificationList" });
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZNotificationIdInput = z.strictObject({ id: z.uuid("Not a valid notification id") });

export const ZReadAllResult = z.object({ updated: z.number().int() });

export const ZNotificationPreference = z.object({
  kind: ZNotificationKind,
  channel: ZNotificationChannel,
  label: z.string(),
  description: z.string(),
  channels: z.array(ZNotificationChannel).describe("The channels this kind offers"),
});
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>;
export const ZNotificationPreferences = z.object({ items: z.array(ZNotificationPreference) }).meta({ id: "NotificationPreferences" });
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** Only the kinds named change; the others keep their channel. */
export const ZUpdateNotificationPreferencesInput = z.strictObject({
  preferences: z
    .array(z.strictObject({ kind: ZNotificationKind, channel: ZNotificationChannel }))
    .min(1, "Name at least one kind")
    .max(NOTIFICATION_KIND_NAMES.length * 2, "Too many entries"),
});
export type TUpdateNotificationPreferencesInput = z.infer<typeof ZUpdateNotificationPreferencesInput>;

export const ZUnsubscribeInput = z.strictObject({ token: z.string().min(1, "The link is missing its token").max(500, "This link is not valid") });
export const ZUnsubscribeResult = z.object({ kind: ZNotificationKind, channel: ZNotificationChannel });

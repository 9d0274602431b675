import type { DbOrTx } from "@atrium/db";
import type { Actor, ServiceContext } from "../shared/context.js";
import { recordAudit } from "../audit/audit.service.js";
import { appUrl } from "../email/email-in-tx.service.js";
import { queueEmail } from "../email/email.service.js";
import type { TEmailTemplate } from "../email/email.schema.js";
import type { TemplateData } from "../email/template.service.js";
import { publishEvent } from "../realtime/realtime.service.js";
import { userTopic } from "../realtime/realtime.schema.js";
import { iso, isoOrNull } from "../shared/dates.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { inTransaction } from "../shared/tx.js";
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_KIND_NAMES,
  type TListNotificationsInput,
  type TNotification,
  type TNotificationChannel,
  type TNotificationKind,
  type TNotificationList,
  type TNotificationPreferences,
  type TUpdateNotificationPreferencesInput,
} from "./notification.schema.js";
import * as repo from "./notification.repository.js";

/** A kind's own email (the low-balance template...); without one, the generic `notification` template. */
export type NotificationEmail = { [T in TEmailTemplate]: { template: T; data: TemplateData[T] } }[TEmailTemplate];

export interface NotifyInput {
  userId: string;
  /** The tenant it is about (a job's, a balance's), if any. */
  accountId?: string | null;
  kind: TNotificationKind;
  title: string;
  body: string;
  /** An SPA path (`/jobs/<id>`), linked from the bell and the email. */
  link?: string | null;
  /** The kind's own email, or false when this occurrence never warrants one (a short job). */
  email?: NotificationEmail | false;
}

export interface NotifyResult {
  notificationId: string | null;
  emailId: string | null;
}

const toDto = (r: repo.NotificationRow): TNotification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  link: r.link,
  accountId: r.accountId,
  readAt: isoOrNull(r.readAt),
  createdAt: iso(r.createdAt),
});

/** The user's channel for a kind: their stored row, or the kind's default for a user who has none yet (a restored user). */
export async function channelFor(db: DbOrTx, userId: string, kind: TNotificationKind): Promise<TNotificationChannel> {
  return (await repo.preferencesOf(db, userId)).get(kind) ?? NOTIFICATION_KINDS[kind].default;
}

/**
 * Writes what the user's preference for the kind asks for inside `tx` (a bell
 * row for in_app and email; an outbox email too for email) and returns what
 * to run after the commit: the live `notification.created` and the email's
 * job on the notifications queue. `off`, or a user who is gone, writes nothing.
 */
export async function notifyInTx(ctx: ServiceContext, tx: DbOrTx, input: NotifyInput): Promise<NotifyResult & { dispatch: () => Promise<void> }> {
  const written = await repo.insertIfWanted(tx, {
    userId: input.userId,
    accountId: input.accountId ?? null,
    kind: input.kind,
    title: input.title,
    body: input.body,
    link: input.link ?? null,
  });
  const notificationId = written.id;
  if (!notificationId || !written.email) return { notificationId: null, emailId: null, dispatch: async () => {} };
  let emailId: string | null = null;
  if (written.channel === "email" && input.email !== false) {
    const email: NotificationEmail = input.email ?? {
      template: "notification",
      data: { title: input.title, body: input.body, actionUrl: input.link ? appUrl(ctx, input.link) : null, preferencesUrl: appUrl(ctx, "/settings/notifications") },
    };
    // The outbox row is written with the notification; its job is enqueued after the commit (the worker must see the row).
    emailId = (await queueEmail({ ...ctx, db: tx, jobs: undefined }, { to: written.email, accountId: input.accountId ?? null, ...email })).id;
  }
  const queuedEmail = emailId;
  return {
    notificationId,
    emailId,
    dispatch: async () => {
      await publishEvent(ctx, [userTopic(input.userId)], { type: "notification.created", notificationId, kind: input.kind });
      if (queuedEmail) {
        await ctx.jobs?.enqueue("email.send", { emailId: queuedEmail }).catch((err: unknown) => ctx.logger.warn({ err, emailId: queuedEmail }, "could not enqueue email; the sweep will retry"));
      }
    },
  };
}

/**
 * Notifies one user as their preference for the kind says; for callers outside a
 * transaction, after their change committed. No transaction of its own: the bell
 * row is one statement (a job's notice costs one round trip), and the email's
 * outbox row, when there is one, follows it.
 */
export async function notify(ctx: ServiceContext, input: NotifyInput): Promise<NotifyResult> {
  const { dispatch, ...result } = await notifyInTx(ctx, ctx.db, input);
  await dispatch();
  return result;
}

/** The actor's notifications, newest first, with their unread count (the bell). */
export async function listNotifications(ctx: ServiceContext, actor: Actor, input: TListNotificationsInput): Promise<TNotificationList> {
  const rows = await repo.pageOfNotifications(ctx.db, actor.userId, input);
  const unreadCount = await repo.countUnread(ctx.db, actor.userId);
  return { ...toPage(rows, input.limit, toDto), unreadCount };
}

/** Marks one of the actor's notifications read; someone else's answers like one that doesn't exist. */
export async function markNotificationRead(ctx: ServiceContext, actor: Actor, id: string): Promise<TNotification> {
  const row = await repo.markRead(ctx.db, actor.userId, id, ctx.now());
  if (!row) throw notFound("Notification");
  await publishEvent(ctx, [userTopic(actor.userId)], { type: "notification.read", notificationId: row.id });
  return toDto(row);
}

/** Marks every unread notification of the actor read; other tabs hear it live. */
export async function markAllNotificationsRead(ctx: ServiceContext, actor: Actor): Promise<{ updated: number }> {
  const updated = await repo.markAllRead(ctx.db, actor.userId, ctx.now());
  if (updated > 0) await publishEvent(ctx, [userTopic(actor.userId)], { type: "notification.read" });
  return { updated };
}

/** Every kind with the actor's channel and the channels it offers (the Settings → Notifications rows). */
export async function getPreferences(ctx: ServiceContext, actor: Pick<Actor, "userId">): Promise<TNotificationPreferences> {
  const stored = await repo.preferencesOf(ctx.db, actor.userId);
  return {
    items: NOTIFICATION_KIND_NAMES.map((kind) => {
      const k = NOTIFICATION_KINDS[kind];
      return { kind, channel: stored.get(kind) ?? k.default, label: k.label, description: k.description, channels: [...k.channels] };
    }),
  };
}

/** Sets the channel of the kinds named (a channel the kind doesn't offer is a field error) and audits the change. */
export async function updatePreferences(ctx: ServiceContext, actor: Actor, input: TUpdateNotificationPreferencesInput): Promise<TNotificationPreferences> {
  const fieldErrors: Record<string, string[]> = {};
  input.preferences.forEach((p, i) => {
    const offered: readonly TNotificationChannel[] = NOTIFICATION_KINDS[p.kind].channels;
    if (!offered.includes(p.channel)) fieldErrors[`preferences.${i}.channel`] = [`${NOTIFICATION_KINDS[p.kind].label} can be ${offered.join(" or ")}`];
  });
  if (Object.keys(fieldErrors).length) throw new ServiceError("BAD_REQUEST", "Some of these channels aren't offered for that kind", fieldErrors);
  await inTransaction(ctx, async (tx) => {
    for (const p of input.preferences) await repo.upsertPreference(tx, actor.userId, p.kind, p.channel);
    await recordAudit(tx, {
      eventType: "notification.preferences_updated",
      actor: { id: actor.userId, username: actor.username },
      target: { type: "user", id: actor.userId },
      accountId: actor.accountId,
      details: { preferences: input.preferences },
    });
  });
  return getPreferences(ctx, actor);
}

/** Writes every kind's default for a new user (users' insert calls it, in the same transaction when there is one). */
export const writeDefaultPreferences = (db: DbOrTx, userId: string) => repo.insertDefaultPreferences(db, userId);

import { randomUUID } from "node:crypto";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_NAMES, type TNotificationChannel, type TNotificationKind } from "./notification.schema.js";

const { notifications, notificationPreferences, users } = schema;
export type NotificationRow = typeof notifications.$inferSelect;

export async function insertNotification(db: DbOrTx, values: typeof notifications.$inferInsert): Promise<NotificationRow> {
  const [row] = await db.insert(notifications).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/**
 * notify's one round trip: reads the user's channel for the kind (the kind's
 * default when no row), checks the user is live and active, and inserts the
 * bell row unless the channel is off. `id` is null when nothing was written;
 * `email` is null for a user who is gone.
 */
export async function insertIfWanted(
  db: DbOrTx,
  values: { userId: string; accountId: string | null; kind: TNotificationKind; title: string; body: string; link: string | null },
): Promise<{ channel: TNotificationChannel; id: string | null; email: string | null; name: string | null }> {
  const fallback = NOTIFICATION_KINDS[values.kind].default;
  const { rows } = await db.execute<{ channel: TNotificationChannel; id: string | null; email: string | null; name: string | null }>(sql`
    with pref as (
      select coalesce((select ${notificationPreferences.channel} from ${notificationPreferences}
        where ${notificationPreferences.userId} = ${values.userId} and ${notificationPreferences.kind} = ${values.kind}), ${fallback}::notification_channel) as channel
    ), rcpt as (
      select ${users.id} as id, ${users.email} as email, coalesce(${users.displayName}, ${users.username}) as name from ${users}
      where ${users.id} = ${values.userId} and ${users.isActive} and ${users.deletedAt} is null
    ), ins as (
      insert into ${notifications} (user_id, account_id, kind, title, body, link)
      select rcpt.id, ${values.accountId}, ${values.kind}, ${values.title}, ${values.body}, ${values.link} from rcpt, pref where pref.channel <> 'off'
      returning id
    )
    select pref.channel, ins.id, rcpt.email, rcpt.name from pref left join rcpt on true left join ins on true`);
  const row = rows[0];
  if (!row) throw new Error("notify's statement returned no row");
  return row;
}

/**
 * insertIfWanted for many notifications in ONE statement (a worker's job outcomes, group-committed):
 * the same channel, liveness and `off` rules per row; results in the order given.
 */
export async function insertManyIfWanted(
  db: DbOrTx,
  values: ReadonlyArray<{ userId: string; accountId: string | null; kind: TNotificationKind; title: string; body: string; link: string | null }>,
): Promise<Array<{ channel: TNotificationChannel; id: string | null; email: string | null; name: string | null }>> {
  // Ids made here, so each row's result is found by its own id (two alike notifications may go in one batch).
  const rowsIn = JSON.stringify(values.map((v, n) => ({ n, id: randomUUID(), user_id: v.userId, account_id: v.accountId, kind: v.kind, title: v.title, body: v.body, link: v.link, fallback: NOTIFICATION_KINDS[v.kind].default })));
  const { rows } = await db.execute<{ n: number; channel: TNotificationChannel; id: string | null; email: string | null; name: string | null }>(sql`
    with v as (
      select * from jsonb_to_recordset(${rowsIn}::jsonb) as v(n int, id uuid, user_id uuid, account_id uuid, kind text, title text, body text, link text, fallback notification_channel)
    ), w as (
      select v.*, coalesce(p.channel, v.fallback) as channel, u.id as live_id, u.email, coalesce(u.display_name, u.username) as name
      from v left join ${notificationPreferences} p on p.user_id = v.user_id and p.kind = v.kind
      left join ${users} u on u.id = v.user_id and u.is_active and u.deleted_at is null
    ), ins as (
      insert into ${notifications} (id, user_id, account_id, kind, title, body, link)
      select id, live_id, account_id, kind, title, body, link from w where live_id is not null and channel <> 'off' order by n
      returning id
    )
    select w.n, w.channel, w.email, w.name, (select ins.id from ins where ins.id = w.id) as id
    from w order by w.n`);
  return rows.map((r) => ({ channel: r.channel, id: r.id, email: r.email, name: r.name }));
}

/** A user's notifications, newest first: limit + 1 rows after `cursor` (the extra one says there is more). */
export function pageOfNotifications(db: DbOrTx, userId: string, page: { limit: number; cursor?: string; unread?: boolean }): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), page.unread ? isNull(notifications.readAt) : undefined, after(notifications, notifications, page.cursor)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit + 1);
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function findUserNotification(db: DbOrTx, userId: string, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .limit(1);
  return row;
}

/** Marks one of the user's own notifications read (keeping the first read time); undefined when it isn't theirs. */
export async function markRead(db: DbOrTx, userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

export async function markAllRead(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Every kind's default for a new user; written with the user so preferences are always explicit rows. */
export async function insertDefaultPreferences(db: DbOrTx, userId: string): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values(NOTIFICATION_KIND_NAMES.map((kind) => ({ userId, kind, channel: NOTIFICATION_KINDS[kind].default })))
    .onConflictDoNothing();
}

export async function preferencesOf(db: DbOrTx, userId: string): Promise<Map<string, TNotificationChannel>> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  return new Map(rows.map((r) => [r.kind, r.channel]));
}

export async function upsertPreference(db: DbOrTx, userId: string, kind: TNotificationKind, channel: TNotificationChannel): Promise<void> {
  await db
    .insert(notificationPreferences)
    .values({ userId, kind, channel })
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { channel, updatedAt: new Date() } });
}

/** The recipient as notify needs them: live and active, with their address; undefined otherwise. */
export async function findRecipient(db: DbOrTx, userId: string): Promise<{ id: string; email: string; username: string; displayName: string | null } | undefined> {
  const [row] = await db
    .select({ id: users.id, email: users.email, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.isActive, true), isNull(users.deletedAt)))
    .limit(1);
  return row;
}

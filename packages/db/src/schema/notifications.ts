import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./_columns.js";
import { accounts } from "./accounts.js";
import { users } from "./users.js";

/**
 * How a user wants to hear about one kind of notification: `in_app` (the bell),
 * `email` (the bell and an email) or `off`. Kinds are text, validated by core's
 * typed list, so a new kind needs no enum migration (only its backfilled default).
 */
export const notificationChannel = pgEnum("notification_channel", ["in_app", "email", "off"]);

/** One notice for one user (the bell); `link` is an SPA path to the thing it is about. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The tenant the notice is about, when it is about one (a job, a balance); gone with it. */
    accountId: uuid().references(() => accounts.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    link: text(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    // The bell's count: a user's unread rows only.
    index("notifications_user_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** One row per user and kind, written for every user (defaults at creation, backfilled by the migration). */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    channel: notificationChannel().notNull(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { timestamps } from "./_columns.js";
import { users } from "./users.js";

/**
 * Sessions as in Lucia's guide: the id is the SHA-256 of the random token the
 * client holds, so a database leak does not leak usable tokens.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    rememberMe: boolean().notNull().default(false),
    ipAddress: text(),
    userAgent: text(),
    createdAt: timestamps.createdAt,
  },
  (t) => [index("sessions_user_id_idx").on(t.userId), index("sessions_expires_at_idx").on(t.expiresAt)],
);

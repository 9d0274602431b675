import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./_columns.js";
import { users } from "./users.js";

/** Staff-issued signup keys: single use, expiring, stored only as a hash. */
export const inviteKeys = pgTable(
  "invite_keys",
  {
    id: id(),
    keyHash: text().notNull().unique(),
    prefix: text().notNull(),
    notes: text(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    usedById: uuid().references(() => users.id, { onDelete: "set null" }),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("invite_keys_created_at_idx").on(t.createdAt)],
);

export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);

/**
 * Single-use links that prove a user owns an address. The id is the token's
 * SHA-256; the address is kept so a link mailed before an email change can't
 * verify the new one.
 */
export const emailVerificationTokens = pgTable(
  "email_verification_tokens",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_verification_tokens_user_idx").on(t.userId)],
);

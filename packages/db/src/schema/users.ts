import { sql } from "drizzle-orm";
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, softDelete, timestamps } from "./_columns.js";
import { accounts } from "./accounts.js";

export const users = pgTable(
  "users",
  {
    id: id(),
    username: text().notNull(),
    email: text().notNull(),
    displayName: text(),
    passwordHash: text().notNull(),
    isActive: boolean().notNull().default(true),
    isStaff: boolean().notNull().default(false),
    accountId: uuid().references(() => accounts.id),
    /** The latest sign-in (login or signup): set at sign-in, so a signed-in user never sees "Never". */
    lastLoginAt: timestamp({ withTimezone: true }),
    /** The sign-in before the latest; null until the second one, which is how "Welcome" becomes "Welcome back". */
    previousLoginAt: timestamp({ withTimezone: true }),
    passwordChangedAt: timestamp({ withTimezone: true }),
    /** When the current address was proven (a mailed link was opened); null = unverified. */
    emailVerifiedAt: timestamp({ withTimezone: true }),
    ...timestamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex("users_username_key").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_key").on(sql`lower(${t.email})`),
    // The staff and tenant user lists page newest first: without it each page sorted the whole table (bench/growth.bench.ts).
    index("users_created_idx").on(t.createdAt, t.id),
  ],
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

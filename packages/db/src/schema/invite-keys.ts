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

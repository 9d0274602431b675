import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./_columns.js";

export const emailStatus = pgEnum("email_status", ["queued", "sent", "failed"]);

/**
 * Every email Atrium sends, rendered. With no SMTP/Resend configured this table
 * is the delivery target (the outbox the admin area shows).
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: id(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    html: text().notNull(),
    text: text().notNull(),
    template: text().notNull(),
    status: emailStatus().notNull().default("queued"),
    transport: text(),
    error: text(),
    attempts: integer().notNull().default(0),
    accountId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("email_outbox_created_idx").on(t.createdAt), index("email_outbox_to_idx").on(t.toAddress)],
);

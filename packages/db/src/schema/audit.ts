import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id } from "./_columns.js";

/** Append-only record of auth events and admin actions. No FKs: history outlives its subjects. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    eventType: text().notNull(),
    actorId: uuid(),
    actorUsername: text(),
    targetType: text(),
    targetId: text(),
    accountId: uuid(),
    ipAddress: text(),
    userAgent: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_events_occurred_idx").on(t.occurredAt, t.id),
    index("audit_events_account_idx").on(t.accountId, t.occurredAt),
    index("audit_events_actor_idx").on(t.actorId, t.occurredAt),
    index("audit_events_type_idx").on(t.eventType, t.occurredAt),
  ],
);

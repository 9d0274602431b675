import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.js";
import { accounts, tenantId } from "./accounts.js";
import { users } from "./users.js";

export const lowBalancePolicy = pgEnum("low_balance_policy", ["block", "warn", "limited"]);
export const ledgerEntryType = pgEnum("ledger_entry_type", ["credit", "debit", "adjustment", "refund"]);

const cents = (name?: string) => (name ? bigint(name, { mode: "number" }) : bigint({ mode: "number" }));

/** One prepaid reserve per tenant. The balance is a cache of the ledger sum, changed only with a ledger row. */
export const reserves = pgTable(
  "reserves",
  {
    accountId: uuid()
      .primaryKey()
      .references(() => accounts.id, { onDelete: "cascade" }),
    currency: text().notNull().default("usd"),
    balanceCents: cents().notNull().default(0),
    lowBalancePolicy: lowBalancePolicy().notNull().default("warn"),
    lowBalanceThresholdCents: cents().notNull().default(1000),
    /** Set when the balance crossed below the threshold and owners were told; cleared when it rises again. */
    lowBalanceNotifiedAt: timestamp({ withTimezone: true }),
    stripeCustomerId: text(),
    /** invoice.payment_failed flags the account until a later payment succeeds. */
    paymentFailedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [check("reserves_threshold_nonneg", sql`${t.lowBalanceThresholdCents} >= 0`)],
);

/** Append-only: every balance change is exactly one row, keyed for idempotency. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: id(),
    accountId: tenantId(),
    type: ledgerEntryType().notNull(),
    /** Signed: credits and refunds positive, debits negative, adjustments either. */
    amountCents: cents().notNull(),
    balanceAfterCents: cents().notNull(),
    currency: text().notNull().default("usd"),
    idempotencyKey: text().notNull(),
    reason: text(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    relatedType: text(),
    relatedId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ledger_entries_idempotency_key").on(t.idempotencyKey),
    index("ledger_entries_account_created_idx").on(t.accountId, t.createdAt),
  ],
);

/** Every Stripe event id ever applied, written in the same transaction as its effect. */
export const stripeEvents = pgTable("stripe_events", {
  id: text().primaryKey(),
  type: text().notNull(),
  /** false for event types we store but don't act on. */
  handled: boolean().notNull().default(true),
  accountId: uuid(),
  payload: jsonb().$type<Record<string, unknown>>().notNull(),
  stripeCreatedAt: timestamp({ withTimezone: true }),
  receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: text().primaryKey(),
    accountId: uuid().references(() => accounts.id, { onDelete: "set null" }),
    customerId: text(),
    plan: text().notNull(),
    amountCents: cents().notNull(),
    currency: text().notNull().default("usd"),
    interval: text().notNull(),
    intervalCount: integer().notNull().default(1),
    status: text().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    canceledAt: timestamp({ withTimezone: true }),
    /** Stripe's `created` of the last event applied, so an older event never overwrites a newer state. */
    lastEventAt: timestamp({ withTimezone: true }).notNull(),
    ...timestamps,
  },
  (t) => [index("subscriptions_account_idx").on(t.accountId)],
);

/** What one job run cost, with its line items; debited once (idempotency key = run id). */
export const usageCosts = pgTable(
  "usage_costs",
  {
    id: id(),
    accountId: tenantId(),
    runId: text().notNull(),
    jobType: text().notNull(),
    totalCents: cents().notNull(),
    lineItems: jsonb().$type<Array<{ item: string; quantity: number; unit: string; unitPriceCents: number; amountCents: number }>>().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("usage_costs_run_key").on(t.runId), index("usage_costs_account_time_idx").on(t.accountId, t.occurredAt)],
);

/** Price per unit: LLM models (input/output per 1M tokens) and non-LLM items (storage GB-month, compute per job type and second). */
export const prices = pgTable(
  "prices",
  {
    id: id(),
    item: text().notNull(),
    unit: text().notNull(),
    /** Thousandths of a cent per unit, so sub-cent prices (per token) stay integers. */
    unitPriceMillicents: bigint({ mode: "number" }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("prices_item_unit_key").on(t.item, t.unit)],
);

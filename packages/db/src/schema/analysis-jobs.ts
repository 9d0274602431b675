import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.js";
import { tenantId } from "./accounts.js";
import { users } from "./users.js";

export const jobStatus = pgEnum("job_status", ["queued", "running", "success", "failed", "cancelled"]);

/** One unit of paid work; its story is in job_events. */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    accountId: tenantId(),
    createdById: uuid().references(() => users.id, { onDelete: "set null" }),
    type: text().notNull(),
    status: jobStatus().notNull().default("queued"),
    input: jsonb().$type<Record<string, unknown>>().notNull(),
    result: jsonb().$type<Record<string, unknown>>(),
    /** What the user reads when the job failed: ours verbatim, or a helpful generic line. */
    error: text(),
    /** The internal cause of a failure (exception name and message), for staff only: never in a tenant's job read. */
    errorCause: text(),
    attempts: integer().notNull().default(0),
    estimatedCostCents: bigint({ mode: "number" }).notNull().default(0),
    costCents: bigint({ mode: "number" }),
    /** Set by a cancel request; a running job stops at its next step. */
    cancelRequestedAt: timestamp({ withTimezone: true }),
    queuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("jobs_account_created_idx").on(t.accountId, t.createdAt), index("jobs_status_idx").on(t.status, t.updatedAt)],
);

/** The timeline: state transitions, steps with durations, LLM calls, retries, errors. */
export const jobEvents = pgTable(
  "job_events",
  {
    id: id(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    accountId: tenantId(),
    /** Monotonic per job, so events order exactly even within one millisecond. */
    seq: integer().notNull(),
    type: text().notNull(),
    message: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    durationMs: integer(),
    costCents: bigint({ mode: "number" }),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("job_events_job_seq_idx").on(t.jobId, t.seq)],
);

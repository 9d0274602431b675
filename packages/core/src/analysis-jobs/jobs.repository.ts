import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";
import type { TJobEvent } from "./analysis-jobs.schema.js";
import { insertEventsFrom, RETURNING_EVENTS, WRITTEN_EVENTS, writtenEvents, type JobEventInput } from "./job-events.repository.js";

const { jobs } = schema;
export type JobRow = typeof jobs.$inferSelect;

export async function findJob(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row;
}

export function findJobsPage(db: DbOrTx, f: { accountIds?: string[]; status?: string; type?: string; limit: number; cursor?: string }) {
  const where: Array<SQL | undefined> = [
    f.accountIds ? inArray(jobs.accountId, f.accountIds) : undefined,
    f.status ? eq(jobs.status, f.status as JobRow["status"]) : undefined,
    f.type ? eq(jobs.type, f.type) : undefined,
    after(jobs, jobs, f.cursor),
  ];
  return db
    .select()
    .from(jobs)
    .where(and(...where))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(f.limit + 1);
}

/** Moves a job to a new status only from the ones given; returns the row if it moved. */
export async function transitionJob(db: DbOrTx, id: string, from: JobRow["status"][], set: Partial<typeof jobs.$inferInsert>): Promise<JobRow | undefined> {
  const [row] = await db
    .update(jobs)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(jobs.id, id), inArray(jobs.status, from)))
    .returning();
  return row;
}

/** Jobs `running` since before `before` (by updatedAt): candidates for the stalled sweep. */
export function findRunningSince(db: DbOrTx, before: Date) {
  return db.select().from(jobs).where(and(eq(jobs.status, "running"), lt(jobs.updatedAt, before))).limit(500);
}

export interface NewJob {
  accountId: string;
  /** Null for work a platform rule started (an application's résumé match): nobody to notify. */
  createdById: string | null;
  type: string;
  input: Record<string, unknown>;
  estimatedCostCents: number;
}

/**
 * Inserts a queued job and its first timeline event (seq 1) in ONE statement.
 * The row is built here from what was inserted (the defaults of a new job), so
 * a column added to `jobs` fails to compile until it is set. The written event
 * comes back too, for the live timeline.
 */
export async function insertQueuedJob(db: DbOrTx, values: NewJob, queued: JobEventInput): Promise<{ job: JobRow; events: TJobEvent[] }> {
  const id = randomUUID();
  const { rows } = await db.execute<{ created_at: string; events: unknown }>(sql`
    with j as (
      insert into ${jobs} (id, account_id, created_by_id, type, input, estimated_cost_cents)
      values (${id}, ${values.accountId}, ${values.createdById}, ${values.type}, ${JSON.stringify(values.input)}::jsonb, ${values.estimatedCostCents})
      returning account_id, created_at
    ), ev as (${insertEventsFrom(sql`j`, id, [queued])} ${RETURNING_EVENTS})
    select created_at, ${WRITTEN_EVENTS} from j`);
  // queued_at, created_at and updated_at all default to the transaction's now().
  const now = jobs.createdAt.mapFromDriverValue(rows[0]?.created_at ?? "") as Date;
  const job: JobRow = {
    id,
    ...values,
    status: "queued",
    result: null,
    error: null,
    errorCause: null,
    attempts: 0,
    costCents: null,
    cancelRequestedAt: null,
    queuedAt: now,
    startedAt: null,
    finishedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  return { job, events: writtenEvents(rows[0]?.events) };
}

import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { TJobEvent } from "./analysis-jobs.schema.js";

const { jobs, jobEvents, usageCosts } = schema;
type JobStatus = (typeof jobs.$inferSelect)["status"];

export interface JobEventInput {
  type: string;
  message: string;
  data?: Record<string, unknown>;
  durationMs?: number;
  costCents?: number;
  /** When it happened; buffered events keep their own time. Defaults to the insert's now(). */
  occurredAt?: Date;
}

/** One event as the jsonb the insert statements read (here and the group commit's multi-job ones). */
export const eventAsJson = (e: JobEventInput) => ({
  type: e.type,
  message: e.message,
  data: e.data ?? {},
  durationMs: e.durationMs === undefined ? null : Math.round(e.durationMs),
  costCents: e.costCents ?? null,
  occurredAt: e.occurredAt?.toISOString() ?? null,
});

/** The events as one jsonb array parameter: a batch of any size is one statement. */
const asJson = (events: JobEventInput[]) => JSON.stringify(events.map(eventAsJson));

/**
 * `insert … select` of a batch of events after the job's last seq, numbered in
 * order. `source` is a CTE (or table) naming the job's `account_id`: a locking
 * select or the update that moves the job, so the job's row lock is held when
 * the numbers are taken and two writers to one job don't pick the same seq.
 */
export function insertEventsFrom(source: SQL, jobId: string, events: JobEventInput[]): SQL {
  return sql`
    insert into ${jobEvents} (job_id, account_id, seq, type, message, data, duration_ms, cost_cents, occurred_at)
    select ${jobId}, src.account_id,
      (select coalesce(max(${jobEvents.seq}), 0) from ${jobEvents} where ${jobEvents.jobId} = ${jobId}) + e.n::int,
      e.v->>'type', e.v->>'message', e.v->'data', (e.v->>'durationMs')::int, (e.v->>'costCents')::bigint,
      coalesce((e.v->>'occurredAt')::timestamptz, now())
    from ${source} src, jsonb_array_elements(${asJson(events)}::jsonb) with ordinality as e(v, n)`;
}

/** Ends an `ev` CTE of insertEventsFrom: the rows it wrote come back for the live timeline, at no extra round trip. */
export const RETURNING_EVENTS = sql`returning id, job_id, seq, type, message, data, duration_ms, cost_cents, occurred_at`;
/** The `ev` CTE's written events as one json column `events`, in timeline order. */
export const WRITTEN_EVENTS = sql`(select coalesce(json_agg(ev order by ev.seq), '[]'::json) from ev) as events`;

interface WrittenEventRow {
  id: string;
  job_id: string;
  seq: number;
  type: string;
  message: string;
  data: Record<string, unknown> | null;
  duration_ms: number | null;
  cost_cents: number | string | null;
  occurred_at: string;
}

/** Reads WRITTEN_EVENTS back into the timeline's contract (what `job.events` lists), for `job.event` messages. */
export function writtenEvents(raw: unknown): TJobEvent[] {
  const rows = (typeof raw === "string" ? JSON.parse(raw) : (raw ?? [])) as WrittenEventRow[];
  return rows.map((r) => ({
    id: r.id,
    jobId: r.job_id,
    seq: Number(r.seq),
    type: r.type,
    message: r.message,
    data: r.data ?? {},
    durationMs: r.duration_ms,
    costCents: r.cost_cents === null ? null : Number(r.cost_cents),
    occurredAt: new Date(r.occurred_at).toISOString(),
  }));
}

/** Appends timeline events (one or a batch) in ONE statement, after locking the job row; returns what it wrote. */
export async function appendJobEvents(db: DbOrTx, jobId: string, events: JobEventInput[]): Promise<TJobEvent[]> {
  if (!events.length) return [];
  const { rows } = await db.execute<{ events: unknown }>(sql`
    with j as (select ${jobs.accountId} as account_id from ${jobs} where ${jobs.id} = ${jobId} for update),
    ev as (${insertEventsFrom(sql`j`, jobId, events)} ${RETURNING_EVENTS})
    select ${WRITTEN_EVENTS}`);
  return writtenEvents(rows[0]?.events);
}

export const appendJobEvent = (db: DbOrTx, jobId: string, e: JobEventInput) => appendJobEvents(db, jobId, [e]);

/**
 * The usage record of a run that cost nothing, written by the finish's own statement
 * (the paid path goes through recordRunCost and its debit in the finish's transaction).
 * Unique by run id like every usage record; a run can only finish once, so the
 * record can't already exist with a price on it.
 */
export interface FreeRun {
  jobType: string;
  lineItems: unknown[];
}

export interface JobFinish {
  status: JobStatus;
  result?: Record<string, unknown>;
  costCents?: number;
  error: string | null;
  errorCause?: string;
  finishedAt: Date;
}

/**
 * The end of a run in ONE statement: the job moves to its final status (only
 * from one of `from`) and its remaining timeline events (the buffer plus the
 * last one) are appended with it, or, if the job had moved on meanwhile
 * (cancelled, failed by the sweep), neither happens. Returns whether it moved,
 * and the events it wrote.
 */
export async function finishJobWithEvents(
  db: DbOrTx,
  jobId: string,
  from: JobStatus[],
  set: JobFinish,
  events: JobEventInput[],
  freeRun?: FreeRun,
): Promise<{ moved: boolean; events: TJobEvent[] }> {
  const result = set.result === undefined ? null : JSON.stringify(set.result);
  // A free run's usage record rides along (see FreeRun); nothing is debited for it.
  const usage = freeRun
    ? sql`, uc as (insert into ${usageCosts} (account_id, run_id, job_type, total_cents, line_items)
        select upd.account_id, upd.id::text, ${freeRun.jobType}, 0, ${JSON.stringify(freeRun.lineItems)}::jsonb from upd
        on conflict (run_id) do nothing returning 1)`
    : sql``;
  const { rows } = await db.execute<{ id: string; events: unknown }>(sql`
    with upd as (
      update ${jobs} set status = ${set.status}, result = coalesce(${result}::jsonb, result), cost_cents = coalesce(${set.costCents ?? null}::bigint, cost_cents),
        error = ${set.error}, error_cause = coalesce(${set.errorCause ?? null}, error_cause), finished_at = ${set.finishedAt}, updated_at = now()
      where ${jobs.id} = ${jobId} and ${jobs.status} in (${sql.join(from.map((s) => sql`${s}`), sql`, `)})
      returning id, account_id
    ), ev as (${insertEventsFrom(sql`upd`, jobId, events)} ${RETURNING_EVENTS})${usage}
    select id, ${WRITTEN_EVENTS} from upd`);
  return { moved: rows.length > 0, events: writtenEvents(rows[0]?.events) };
}

export function listJobEvents(db: DbOrTx, jobId: string, afterSeq: number) {
  return db.select().from(jobEvents).where(and(eq(jobEvents.jobId, jobId), gt(jobEvents.seq, afterSeq))).orderBy(asc(jobEvents.seq)).limit(500);
}

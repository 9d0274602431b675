import { sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { TJobEvent } from "./analysis-jobs.schema.js";
import { eventAsJson, writtenEvents, type FreeRun, type JobEventInput, type JobFinish } from "./job-events.repository.js";

// Multi-job statements of the worker's group commit (job-writes.ts): what one job's
// step boundary or finish writes (job-events.repository.ts), for many jobs at once.
const { jobEvents, notifications, notificationPreferences, users } = schema;
type JobStatus = JobFinish["status"];

/** One job's events of a batch, numbered 1..n in its own timeline order. */
export interface JobEvents {
  jobId: string;
  events: JobEventInput[];
}

const eventsJson = (items: JobEvents[]) =>
  JSON.stringify(
    items.flatMap(({ jobId, events }) =>
      events.map((e, i) => ({ jobId, n: i + 1, ...eventAsJson(e) })),
    ),
  );

/**
 * `insert … select` of many jobs' events, each after its own job's last seq. `source`
 * is a CTE of the jobs (id, account_id) this statement moved: their rows are locked by
 * it, so a concurrent writer to the same job waits and never takes the same seq.
 */
export function insertEventsOfJobs(source: SQL, items: JobEvents[]): SQL {
  return sql`
    insert into ${jobEvents} (job_id, account_id, seq, type, message, data, duration_ms, cost_cents, occurred_at)
    select src.id, src.account_id,
      (select coalesce(max(x.seq), 0) from ${jobEvents} x where x.job_id = src.id) + (e.v->>'n')::int,
      e.v->>'type', e.v->>'message', e.v->'data', (e.v->>'durationMs')::int, (e.v->>'costCents')::bigint,
      coalesce((e.v->>'occurredAt')::timestamptz, now())
    from ${source} src join jsonb_array_elements(${eventsJson(items)}::jsonb) as e(v) on (e.v->>'jobId')::uuid = src.id
    returning id, job_id, seq, type, message, data, duration_ms, cost_cents, occurred_at`;
}

/** Per moved job (`src`), the events the `ev` CTE wrote for it, in timeline order. */
export const EVENTS_OF_SRC = sql`(select coalesce(json_agg(ev order by ev.seq), '[]'::json) from ev where ev.job_id = src.id) as events`;

/** Rows keyed by job id, back in the order of the items asked (a job missing from the rows didn't move). */
function byJob<R extends { id: string }>(rows: R[], items: Array<{ jobId: string }>): Array<R | undefined> {
  const map = new Map(rows.map((r) => [r.id, r]));
  return items.map((i) => map.get(i.jobId));
}

export interface TouchResult {
  cancelRequested: boolean;
  events: TJobEvent[];
}

/**
 * Step boundaries of many jobs in ONE statement: each job's progress mark (for the
 * stalled sweep), whether a cancel was asked for, and its buffered events.
 */
export async function touchJobsWithEvents(db: DbOrTx, items: JobEvents[]): Promise<TouchResult[]> {
  const ids = JSON.stringify(items.map((i) => i.jobId));
  const { rows } = await db.execute<{ id: string; cancel_requested_at: string | null; events: unknown }>(sql`
    with src as (
      update jobs set updated_at = now() where id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))
      returning id, account_id, cancel_requested_at
    ), ev as (${insertEventsOfJobs(sql`src`, items)})
    select src.id, src.cancel_requested_at, ${EVENTS_OF_SRC} from src`);
  return byJob(rows, items).map((r) => ({ cancelRequested: !!r?.cancel_requested_at, events: writtenEvents(r?.events) }));
}

/** The bell a finish rings for the job's starter (job-notify.service.ts bellOf), unless their channel for the kind is off. */
export interface FinishBell {
  id: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  /** The kind's channel for a user without a preference row. */
  fallback: string;
}

export interface FinishItem extends JobEvents {
  /** The statuses the job may finish from; a job that moved on meanwhile is left as it is. */
  from: JobStatus[];
  set: JobFinish;
  freeRun?: FreeRun;
  bell?: FinishBell;
}

export interface FinishResult {
  moved: boolean;
  events: TJobEvent[];
  /** The bell written with the finish; null when none was (no bell asked, the channel off, the user gone, the job moved on). */
  notificationId: string | null;
}

/**
 * The ends of many runs in ONE statement (finishJobWithEvents for each): every job
 * moves to its final status only from one of its `from`, with its last events, for a
 * free run its usage record and, when asked, its starter's bell (decided by their
 * preference in this statement's snapshot: as of the finish, never a later change);
 * a job that had moved on gets none of it.
 */
export async function finishJobsWithEvents(db: DbOrTx, items: FinishItem[]): Promise<FinishResult[]> {
  const finishes = JSON.stringify(
    items.map(({ jobId, from, set, freeRun, bell }) => ({
      id: jobId,
      from_statuses: from,
      status: set.status,
      result: set.result ?? null,
      cost_cents: set.costCents ?? null,
      error: set.error,
      error_cause: set.errorCause ?? null,
      finished_at: set.finishedAt.toISOString(),
      free_type: freeRun?.jobType ?? null,
      free_items: freeRun?.lineItems ?? null,
      bell_id: bell?.id ?? null,
      bell_user: bell?.userId ?? null,
      bell_kind: bell?.kind ?? null,
      bell_title: bell?.title ?? null,
      bell_body: bell?.body ?? null,
      bell_link: bell?.link ?? null,
      bell_fallback: bell?.fallback ?? null,
    })),
  );
  const { rows } = await db.execute<{ id: string; events: unknown; notification_id: string | null }>(sql`
    with f as (
      select * from jsonb_to_recordset(${finishes}::jsonb) as f(id uuid, from_statuses text[], status job_status, result jsonb, cost_cents bigint,
        error text, error_cause text, finished_at timestamptz, free_type text, free_items jsonb,
        bell_id uuid, bell_user uuid, bell_kind text, bell_title text, bell_body text, bell_link text, bell_fallback notification_channel)
    ), src as (
      update jobs j set status = f.status, result = coalesce(f.result, j.result), cost_cents = coalesce(f.cost_cents, j.cost_cents),
        error = f.error, error_cause = coalesce(f.error_cause, j.error_cause), finished_at = f.finished_at, updated_at = now()
      from f where j.id = f.id and j.status::text = any(f.from_statuses)
      returning j.id, j.account_id
    ), ev as (${insertEventsOfJobs(sql`src`, items)}),
    uc as (
      insert into usage_costs (account_id, run_id, job_type, total_cents, line_items)
      select src.account_id, src.id::text, f.free_type, 0, f.free_items from src join f on f.id = src.id where f.free_type is not null
      on conflict (run_id) do nothing returning 1
    ), nb as (
      insert into ${notifications} (id, user_id, account_id, kind, title, body, link)
      select f.bell_id, u.id, src.account_id, f.bell_kind, f.bell_title, f.bell_body, f.bell_link
      from src join f on f.id = src.id
      join ${users} u on u.id = f.bell_user and u.is_active and u.deleted_at is null
      left join ${notificationPreferences} p on p.user_id = u.id and p.kind = f.bell_kind
      where f.bell_id is not null and coalesce(p.channel, f.bell_fallback) <> 'off'
      returning id
    )
    select src.id, ${EVENTS_OF_SRC}, (select nb.id from nb join f on f.bell_id = nb.id where f.id = src.id) as notification_id from src`);
  return byJob(rows, items).map((r) => ({ moved: !!r, events: writtenEvents(r?.events), notificationId: r?.notification_id ?? null }));
}

import { randomUUID } from "node:crypto";
import DataLoader from "dataloader";
import { and, inArray, sql } from "drizzle-orm";
import { schema, type Db, type DbOrTx, type Tx } from "@atrium/db";
import type { ReserveRow } from "../billing/ledger.repository.js";
import { createReserveIfMissing, type ReserveRules } from "../billing/ledger.service.js";
import { verdictFor } from "../billing/low-balance.service.js";
import type { TSpendCheck } from "../billing/low-balance.schema.js";
import { auditRow, type AuditEntry } from "../audit/audit.service.js";
import { notFound, ServiceError } from "../shared/errors.js";
import type { TJobEvent, TJobType } from "./analysis-jobs.schema.js";
import { insertEventsOfJobs, EVENTS_OF_SRC } from "./job-batch.repository.js";
import { writtenEvents, type JobEventInput } from "./job-events.repository.js";
import { groupCommit } from "./job-writes.js";
import { poolOf, rowFromRaw, transactionInTrips } from "./job-trips.js";
import type { JobRow } from "./jobs.repository.js";

const { jobs, reserves } = schema;

/** One job to admit, priced already; judged by the policy against its account's locked reserve. */
export interface Admission {
  accountId: string;
  /** Null for work a platform rule started (an application's résumé match): nobody to notify. */
  createdById: string | null;
  type: TJobType;
  input: Record<string, unknown>;
  estimatedCents: number;
  rules: ReserveRules;
  cheap: readonly string[];
  /** The queued event, from the verdict (its message names a warning when there is one). */
  queuedEvent: (check: TSpendCheck) => JobEventInput;
  /** The `job.created` audit entry, without its target (the job's id is made at admission). */
  audit: Omit<AuditEntry, "target">;
}

export interface Admitted {
  job: JobRow;
  /** The account's name as the insert read it (for the job's view, without another lookup). */
  accountName: string | null;
  events: TJobEvent[];
  check: TSpendCheck;
}

/** Locks the reserves of `accounts` in account order (two batches never wait on each other in a cycle). */
async function lockReserves(tx: Tx, accounts: string[]): Promise<Map<string, ReserveRow>> {
  const rows = await tx.select().from(reserves).where(inArray(reserves.accountId, accounts)).orderBy(reserves.accountId).for("update");
  return new Map(rows.map((r) => [r.accountId, r]));
}

/** What the accounts' queued and running jobs will cost: counted as spent already. Its own statement, after the locks. */
async function pendingByAccount(tx: Tx, accounts: string[]): Promise<Map<string, number>> {
  const rows = await tx
    .select({ accountId: jobs.accountId, cents: sql<string>`coalesce(sum(${jobs.estimatedCostCents}), 0)` })
    .from(jobs)
    .where(and(inArray(jobs.accountId, accounts), inArray(jobs.status, ["queued", "running"])))
    .groupBy(jobs.accountId);
  return new Map(rows.map((r) => [r.accountId, Number(r.cents)]));
}

/** The accounts as a set for one statement (inlined whole when it travels in a multi-statement message). */
const accountSet = (accounts: string[]) => sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(accounts)}::jsonb))`;

/** Judges each job in arrival order against its account's locked reserve and what is pending, and the statement that writes the admitted. */
function judge(db: DbOrTx, items: readonly Admission[], locked: Map<string, ReserveRow>, gone: Map<string, Error>, pending: Map<string, number>) {
  const out: Array<Admitted | Error> = [];
  const admitted: Array<{ at: number; id: string; item: Admission; check: TSpendCheck; queued: JobEventInput }> = [];
  items.forEach((item, at) => {
    const reserve = locked.get(item.accountId);
    if (!reserve) return void (out[at] = gone.get(item.accountId) ?? notFound("Account"));
    const pendingCents = pending.get(item.accountId) ?? 0;
    const check = verdictFor(reserve, item.estimatedCents, item.type, item.cheap, { creditLimitCents: item.rules.creditLimitCents, pendingCents });
    if (!check.allowed) return void (out[at] = new ServiceError("PAYMENT_REQUIRED", check.message ?? "The low-balance policy refuses this job"));
    pending.set(item.accountId, pendingCents + item.estimatedCents);
    admitted.push({ at, id: randomUUID(), item, check, queued: item.queuedEvent(check) });
  });
  if (!admitted.length) return { insert: undefined, result: () => out };

  const values = JSON.stringify(
    admitted.map(({ id, item }, n) => ({ id, n, account_id: item.accountId, created_by_id: item.createdById, type: item.type, input: item.input, estimated_cost_cents: item.estimatedCents })),
  );
  const audits = admitted.map(({ id, item }) => auditRow({ ...item.audit, target: { type: "job", id } }));
  // Jobs, their job.queued events and their audit entries in ONE statement.
  const insert = sql`
      with v as (
        select * from jsonb_to_recordset(${values}::jsonb) as v(id uuid, n int, account_id uuid, created_by_id uuid, type text, input jsonb, estimated_cost_cents bigint)
      ), src as (
        insert into ${jobs} (id, account_id, created_by_id, type, input, estimated_cost_cents)
        select id, account_id, created_by_id, type, input, estimated_cost_cents from v order by n
        returning id, account_id, created_at
      ), ev as (${insertEventsOfJobs(sql`src`, admitted.map(({ id, queued }) => ({ jobId: id, events: [queued] })))}),
      au as (${(db as Db).insert(schema.auditEvents).values(audits).getSQL()})
      select src.id, src.created_at, (select a.name from accounts a where a.id = src.account_id) as account_name, ${EVENTS_OF_SRC} from src`;
  const result = (rows: Array<Record<string, unknown>>) => {
    const written = new Map(rows.map((r) => [String(r.id), r]));
    for (const { at, id, item, check } of admitted) {
      const row = written.get(id);
      // queued_at, created_at and updated_at all default to the transaction's now().
      const now = jobs.createdAt.mapFromDriverValue(String(row?.created_at ?? "")) as Date;
      const job: JobRow = {
        id,
        accountId: item.accountId,
        createdById: item.createdById,
        type: item.type,
        input: item.input,
        estimatedCostCents: item.estimatedCents,
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
      out[at] = { job, check, accountName: (row?.account_name as string | null | undefined) ?? null, events: writtenEvents(row?.events) };
    }
    return out;
  };
  return { insert, result };
}

/** An account's first job: its reserve is created first, which the short path doesn't do. */
class ReserveMissing extends Error {}

/**
 * Admits a batch of jobs in ONE transaction whatever its size: lock the accounts'
 * reserves, read what they have committed to queued and running jobs, judge each
 * job in arrival order (so a burst is judged one after another, each seeing the ones
 * admitted before it, never all against the same balance), then insert every admitted
 * job with its `job.queued` event and its audit entry. On a pool that is two round
 * trips (job-trips.ts); an account's first job (its reserve to create) and a caller's
 * transaction take one per statement. A refused job (PAYMENT_REQUIRED, naming balance
 * and estimate) writes nothing.
 */
export async function admitJobs(db: DbOrTx, items: readonly Admission[]): Promise<Array<Admitted | Error>> {
  const accounts = [...new Set(items.map((i) => i.accountId))].sort();
  const pool = poolOf(db);
  if (pool) {
    try {
      return await transactionInTrips(pool, async (send) => {
        const [lockedRows = [], pendingRows = []] = await send([
          sql`select * from ${reserves} where account_id in ${accountSet(accounts)} order by account_id for update`,
          sql`select account_id, coalesce(sum(estimated_cost_cents), 0) as cents from ${jobs} where account_id in ${accountSet(accounts)} and status in ('queued', 'running') group by account_id`,
        ]);
        const locked = new Map(lockedRows.map((raw) => [String(raw.account_id), rowFromRaw(reserves, raw) as ReserveRow]));
        if (locked.size < accounts.length) throw new ReserveMissing();
        const { insert, result } = judge(db, items, locked, new Map(), new Map(pendingRows.map((r) => [String(r.account_id), Number(r.cents)])));
        return { last: insert ? [insert] : [], result: ([rows = []]) => result(rows) };
      });
    } catch (err) {
      if (!(err instanceof ReserveMissing)) throw err;
    }
  }
  return (db as Db).transaction(async (tx) => {
    const locked = await lockReserves(tx, accounts);
    const gone = new Map<string, Error>();
    const missing = accounts.filter((a) => !locked.has(a));
    for (const a of missing) {
      // An account's first job creates its reserve; in a savepoint, so a deleted account fails only its own jobs.
      const rules = items.find((i) => i.accountId === a)?.rules;
      await tx.transaction((sp) => createReserveIfMissing(sp, a, rules)).catch((err: unknown) => gone.set(a, err instanceof Error ? err : notFound("Account")));
    }
    if (missing.length) for (const [a, r] of await lockReserves(tx, missing)) locked.set(a, r);
    const { insert, result } = judge(tx, items, locked, gone, await pendingByAccount(tx, accounts));
    return result(insert ? (await tx.execute<Record<string, unknown>>(insert)).rows : []);
  });
}

const admissions = new WeakMap<object, DataLoader<Admission, Admitted>>();

/**
 * The process' admission queue of a database handle: createJob calls arriving
 * while a batch is being admitted wait for it, then are admitted together (group
 * commit, see job-writes.ts); an idle queue admits at the next turn of the loop.
 */
export function admissionFor(db: DbOrTx): DataLoader<Admission, Admitted> {
  let loader = admissions.get(db);
  if (!loader) admissions.set(db, (loader = groupCommit((items) => admitJobs(db, items), { name: "admit" })));
  return loader;
}

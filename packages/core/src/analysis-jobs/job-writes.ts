import DataLoader from "dataloader";
import type { DbOrTx } from "@atrium/db";
import { finishJobsWithEvents, touchJobsWithEvents, type FinishItem, type FinishResult, type JobEvents, type TouchResult } from "./job-batch.repository.js";
import { startRunsWithinCap, type RunStart, type RunToStart } from "./run-slots.js";

/** Most writes of one kind in one statement; more wait for the next flush. */
const MAX_BATCH = 100;

/** Per writer name: flushes, writes and milliseconds in flight, for the job-throughput bench's report. */
const flushStats = new Map<string, { flushes: number; writes: number; ms: number }>();
export const groupCommitStats = () => new Map(flushStats);
export const resetGroupCommitStats = () => flushStats.clear();

/**
 * Group commit (as Postgres does for WAL flushes, Graphile Worker for job
 * completions, Hatchet for its buffered writes): a write arriving while a flush
 * of its kind is in flight waits for it, then goes with everything else that
 * arrived meanwhile in ONE flush. An idle writer
 * flushes at the next turn of the event loop, so a lone job waits for nothing;
 * under load the statements per job fall with the number of jobs in flight.
 * Each caller's promise settles only when the flush holding its write committed
 * (or failed: then every write of that flush fails, and each run handles it as
 * it would its own statement's).
 */
export function groupCommit<K, V>(flush: (batch: readonly K[]) => Promise<Array<V | Error>>, opts: { name: string }): DataLoader<K, V> {
  let inFlight = 0;
  let waiting: Array<() => void> = [];
  return new DataLoader<K, V>(
    async (batch) => {
      inFlight++;
      const t0 = performance.now();
      try {
        return await flush(batch);
      } finally {
        const stats = flushStats.get(opts.name) ?? { flushes: 0, writes: 0, ms: 0 };
        flushStats.set(opts.name, { flushes: stats.flushes + 1, writes: stats.writes + batch.length, ms: stats.ms + performance.now() - t0 });
        if (--inFlight === 0) {
          const next = waiting;
          waiting = [];
          next.forEach((go) => go());
        }
      }
    },
    { cache: false, maxBatchSize: MAX_BATCH, batchScheduleFn: (go) => (inFlight ? waiting.push(go) : setImmediate(go)) },
  );
}

/** A worker process's writers for runs: starts, step boundaries and finishes, each kind batched across jobs. */
export interface JobWrites {
  start: DataLoader<RunToStart & { cap: number; now: () => Date }, RunStart>;
  touch: DataLoader<JobEvents, TouchResult>;
  finish: DataLoader<FinishItem, FinishResult>;
}

function createJobWrites(db: DbOrTx): JobWrites {
  return {
    start: groupCommit(async (runs) => {
      // One cap per process (its config's); runs under another cap (a second worker on the same pool) start apart.
      const out = new Map<(typeof runs)[number], RunStart>();
      for (const cap of new Set(runs.map((r) => r.cap))) {
        const same = runs.filter((r) => r.cap === cap);
        const started = await startRunsWithinCap(db, same, cap, same[0]?.now ?? (() => new Date()));
        same.forEach((r, i) => out.set(r, started[i] ?? { status: "gone" }));
      }
      return runs.map((r) => out.get(r) ?? { status: "gone" });
    }, { name: "start" }),
    touch: groupCommit((items) => touchJobsWithEvents(db, [...items]), { name: "touch" }),
    finish: groupCommit((items) => finishJobsWithEvents(db, [...items]), { name: "finish" }),
  };
}

const writers = new WeakMap<object, JobWrites>();

/** The writers of a database handle: one set per pool, so every run of a process shares them. */
export function jobWritesFor(db: DbOrTx): JobWrites {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = createJobWrites(db)));
  return w;
}

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { creditReserve, debitReserve, verifyLedger, type LockStrategy } from "@atrium/core";
import { createDb, migrateDb, schema } from "@atrium/db";
import { startEmbeddedPostgres } from "@atrium/db/embedded";

// Debits per second against ONE reserve (the worst case: every debit wants the
// same row) for both locking strategies of applyLedgerEntry, in one run on one
// machine: `update` (one conditional UPDATE ... RETURNING) and `row_lock`
// (SELECT ... FOR UPDATE, then UPDATE). Each round fires `concurrency` debits
// at once through a pool sized like the api's; rounds alternate strategies so
// drift on a shared machine hits both alike. Prints; never asserts.
const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "20" }, concurrency: { type: "string", default: "50" }, pool: { type: "string", default: "10" } },
});
const ROUNDS = Number(args.rounds);
const CONCURRENCY = Number(args.concurrency);
const POOL = Number(args.pool);
const TARGET = 1000;
const STRATEGIES: LockStrategy[] = ["update", "row_lock"];

const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-bench-billing-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
const stopOnSignal = () => void postgres.stop().finally(() => process.exit(130));
process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);
try {
  await postgres.createDatabase("atrium_bench");
  const url = postgres.urlFor("atrium_bench");
  await migrateDb(url);
  const { db, close } = createDb(url, { max: POOL });
  try {
    const accounts: Record<LockStrategy, string> = { update: "", row_lock: "" };
    for (const strategy of STRATEGIES) {
      const [account] = await db.insert(schema.accounts).values({ name: `bench ${strategy}`, slug: `bench-${strategy}` }).returning();
      if (!account) throw new Error("no account");
      // Under `block` with a threshold of 0: the guard runs on every debit, no low-balance notices.
      await db.insert(schema.reserves).values({ accountId: account.id, lowBalancePolicy: "block", lowBalanceThresholdCents: 0 });
      await creditReserve(db, { accountId: account.id, amountCents: 1e9, idempotencyKey: `seed:${strategy}` });
      accounts[strategy] = account.id;
    }

    let seq = 0;
    const round = async (strategy: LockStrategy) => {
      const accountId = accounts[strategy];
      const latencies: number[] = [];
      const start = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          const t0 = performance.now();
          await debitReserve(db, { accountId, amountCents: 1, idempotencyKey: `bench:${strategy}:${seq++}`, reason: "bench", strategy });
          latencies.push(performance.now() - t0);
        }),
      );
      return { ms: performance.now() - start, latencies };
    };

    for (const strategy of STRATEGIES) await round(strategy); // warm-up: connections, plans, JIT
    const totals: Record<LockStrategy, { ms: number; latencies: number[] }> = { update: { ms: 0, latencies: [] }, row_lock: { ms: 0, latencies: [] } };
    for (let i = 0; i < ROUNDS; i++) {
      for (const strategy of i % 2 ? [...STRATEGIES].reverse() : STRATEGIES) {
        const r = await round(strategy);
        totals[strategy].ms += r.ms;
        totals[strategy].latencies.push(...r.latencies);
      }
    }

    const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
    console.log(`${CONCURRENCY} concurrent 1-cent debits on one reserve, ${ROUNDS} rounds per strategy, pool of ${POOL} connections\n`);
    const rates: Record<LockStrategy, number> = { update: 0, row_lock: 0 };
    for (const strategy of STRATEGIES) {
      const t = totals[strategy];
      rates[strategy] = (ROUNDS * CONCURRENCY) / (t.ms / 1000);
      console.log(
        `${strategy.padEnd(9)} ${rates[strategy].toFixed(0).padStart(7)} debits/s   p50 ${pct(t.latencies, 50).toFixed(1)} ms   p99 ${pct(t.latencies, 99).toFixed(1)} ms` +
          (strategy === "update" && rates[strategy] < TARGET ? `   BELOW TARGET (${TARGET}/s)` : ""),
      );
    }
    console.log(`\nratio update / row_lock: ${(rates.update / rates.row_lock).toFixed(2)}x (default BILLING_LOCK_STRATEGY=update; target >= ${TARGET} debits/s)`);
    const problems = await verifyLedger(db);
    console.log(problems.length ? `ledger check: ${problems.length} reserve(s) off: ${JSON.stringify(problems)}` : "ledger check: every balance equals its ledger sum");
  } finally {
    await close();
  }
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}

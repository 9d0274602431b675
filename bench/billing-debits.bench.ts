import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { creditReserve, debitReserve, verifyLedger, type LockStrategy } from "@atrium/core";
import { createDb, migrateDb, schema } from "@atrium/db";
import { startEmbeddedPostgres } from "@atrium/db/embedded";
import { describePerOp, emptyPerOp, measured, startProfile, watchPostgres, type PerOp } from "./per-op.js";

// Debits per second against ONE reserve (the worst case: every debit wants the
// same row) for both locking strategies of applyLedgerEntry, in one run on one
// machine: `update` (one conditional UPDATE ... RETURNING) and `row_lock`
// (SELECT ... FOR UPDATE, then UPDATE). Each round fires `concurrency` debits
// at once through a pool sized like the api's; rounds alternate strategies so
// drift on a shared machine hits both alike. The floor both are measured against
// is a bare loop on another reserve: node-postgres alone sending one prepared
// `UPDATE ... RETURNING` + ledger insert (the same statement shape, no drizzle,
// no validation, no telemetry). Prints; never asserts. `--cpu-prof <file>`: a CPU
// profile of the `update` rounds only (see per-op.ts).
const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "60" }, concurrency: { type: "string", default: "50" }, pool: { type: "string", default: "10" }, "cpu-prof": { type: "string" } },
});
const ROUNDS = Number(args.rounds);
const CONCURRENCY = Number(args.concurrency);
const POOL = Number(args.pool);
const TARGET = 0.8;
const STRATEGIES: LockStrategy[] = ["update", "row_lock"];
type Variant = LockStrategy | "bare";
const VARIANTS: Variant[] = [...STRATEGIES, "bare"];

// The bare debit: guarded update of the one reserve row and its ledger line, atomically, in one round trip.
const BARE_DEBIT = `
  with upd as (
    update reserves set balance_cents = balance_cents - $2::bigint, updated_at = now()
    where account_id = $1::uuid and balance_cents - $2::bigint >= 0
    returning balance_cents, currency
  )
  insert into ledger_entries (account_id, type, amount_cents, balance_after_cents, currency, idempotency_key, reason, created_at)
  select $1::uuid, 'debit', -$2::bigint, upd.balance_cents, upd.currency, $3::text, 'bench', clock_timestamp() from upd
  returning id, balance_after_cents`;

const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-bench-billing-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
watchPostgres(path.join(dir, "pg"));
const stopOnSignal = () => void postgres.stop().finally(() => process.exit(130));
process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);
try {
  await postgres.createDatabase("atrium_bench");
  const url = postgres.urlFor("atrium_bench");
  await migrateDb(url);
  const { db, pool, close } = createDb(url, { max: POOL });
  try {
    const accounts: Record<Variant, string> = { update: "", row_lock: "", bare: "" };
    for (const strategy of VARIANTS) {
      const [account] = await db.insert(schema.accounts).values({ name: `bench ${strategy}`, slug: `bench-${strategy}` }).returning();
      if (!account) throw new Error("no account");
      // Under `block` with a threshold of 0: the guard runs on every debit, no low-balance notices.
      await db.insert(schema.reserves).values({ accountId: account.id, lowBalancePolicy: "block", lowBalanceThresholdCents: 0 });
      await creditReserve(db, { accountId: account.id, amountCents: 1e9, idempotencyKey: `seed:${strategy}` });
      accounts[strategy] = account.id;
    }

    let seq = 0;
    const debit = async (strategy: Variant, accountId: string, key: string) => {
      if (strategy !== "bare") return debitReserve(db, { accountId, amountCents: 1, idempotencyKey: key, reason: "bench", strategy });
      const { rows } = await pool.query({ name: "bench_bare_debit", text: BARE_DEBIT, values: [accountId, 1, key] });
      if (!rows[0]) throw new Error("bare debit refused");
    };
    const round = async (strategy: Variant) => {
      const accountId = accounts[strategy];
      const latencies: number[] = [];
      const start = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          const t0 = performance.now();
          await debit(strategy, accountId, `bench:${strategy}:${seq++}`);
          latencies.push(performance.now() - t0);
        }),
      );
      return { ms: performance.now() - start, latencies };
    };

    for (const strategy of VARIANTS) await round(strategy); // warm-up: connections, plans, JIT
    const profile = await startProfile(args["cpu-prof"]);
    const cost: Record<Variant, PerOp> = { update: emptyPerOp(), row_lock: emptyPerOp(), bare: emptyPerOp() };
    const totals: Record<Variant, { ms: number; latencies: number[] }> = { update: { ms: 0, latencies: [] }, row_lock: { ms: 0, latencies: [] }, bare: { ms: 0, latencies: [] } };
    for (let i = 0; i < ROUNDS; i++) {
      for (const strategy of i % 2 ? [...VARIANTS].reverse() : VARIANTS) {
        const r = await measured(cost[strategy], CONCURRENCY, () => (strategy === "update" ? profile.profiled(() => round(strategy)) : round(strategy)));
        totals[strategy].ms += r.ms;
        totals[strategy].latencies.push(...r.latencies);
      }
    }

    const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
    console.log(`${CONCURRENCY} concurrent 1-cent debits on one reserve, ${ROUNDS} rounds per strategy, pool of ${POOL} connections\n`);
    const rates: Record<Variant, number> = { update: 0, row_lock: 0, bare: 0 };
    for (const strategy of VARIANTS) {
      const t = totals[strategy];
      rates[strategy] = (ROUNDS * CONCURRENCY) / (t.ms / 1000);
      console.log(
        `${strategy.padEnd(9)} ${rates[strategy].toFixed(0).padStart(7)} debits/s   p50 ${pct(t.latencies, 50).toFixed(1)} ms   p99 ${pct(t.latencies, 99).toFixed(1)} ms   ${describePerOp(cost[strategy])}`,
      );
    }
    const ratio = rates.update / rates.bare;
    console.log(`\nratio update / row_lock: ${(rates.update / rates.row_lock).toFixed(2)}x (default BILLING_LOCK_STRATEGY=update)`);
    console.log(`ratio update / bare:     ${ratio.toFixed(2)}x (target >= ${TARGET}x)${ratio < TARGET ? "  BELOW TARGET" : ""}`);
    await profile.stop();
    const problems = await verifyLedger(db);
    console.log(problems.length ? `ledger check: ${problems.length} reserve(s) off: ${JSON.stringify(problems)}` : "ledger check: every balance equals its ledger sum");
  } finally {
    await close();
  }
} finally {
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}

import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startBenchStack } from "./stack.js";

// How cost grows with the data: the same hot reads with 10k, then 1M rows
// already in the tables they touch — users + sessions + account members (`me`,
// the staff user list, the tenant's member list), audit events (the audit page), ledger entries (balance, ledger page,
// CSV export) and jobs (the spend check's "committed to queued and running
// jobs", the running-slot count). Rows are seeded with generate_series, so
// setup stays fast, all into the admin's account (the worst case for a tenant
// filter). Prints req/s per level and EXPLAIN ANALYZE of the hot queries;
// never asserts. `--levels 10000,1000000 --duration 3`.
const { values: args } = parseArgs({ options: { levels: { type: "string", default: "10000,1000000" }, duration: { type: "string", default: "3" } } });
const LEVELS = args.levels.split(",").map(Number);
const DURATION_S = Number(args.duration);

const stack = await startBenchStack();
const stopOnSignal = () => void stack.stop().finally(() => process.exit(130));
process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);
try {
  const pool = stack.pool();
  const login = await fetch(`${stack.apiUrl}/api/auth/token/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: stack.adminPassword, rememberMe: true }),
  });
  const { token, user } = (await login.json()) as { token: string; user: { id: string; accountId: string } };
  const account = user.accountId;
  const headers = { authorization: `Bearer ${token}` };
  await fetch(`${stack.apiUrl}/api/billing/reserve/balance/`, { headers }); // creates the reserve

  let seeded = 0;
  const seed = async (to: number) => {
    const t0 = performance.now();
    const range = [seeded + 1, to];
    await pool.query(
      `with u as (
         insert into users (username, email, password_hash, account_id)
         select 'grow' || i, 'grow' || i || '@example.test', 'x', $3::uuid from generate_series($1::int, $2::int) i returning id),
       s as (
         insert into sessions (id, user_id, expires_at, remember_me)
         select encode(sha256(id::text::bytea), 'hex'), id, now() + interval '30 days', true from u)
       insert into account_members (account_id, user_id, role) select $3::uuid, id, 'member' from u`,
      [...range, account],
    );
    await pool.query(
      `insert into audit_events (occurred_at, event_type, actor_id, account_id, details)
       select now() - i * interval '1 second', 'bench.seeded', $3::uuid, $3::uuid, '{}' from generate_series($1::int, $2::int) i`,
      [...range, account],
    );
    await pool.query(
      `insert into ledger_entries (account_id, type, amount_cents, balance_after_cents, idempotency_key, reason, created_at)
       select $3::uuid, 'credit', 1, i, 'grow:' || i, 'seed', now() - interval '1 day' + i * interval '1 millisecond' from generate_series($1::int, $2::int) i`,
      [...range, account],
    );
    await pool.query(`update reserves set balance_cents = balance_cents + $2 where account_id = $1`, [account, to - seeded]);
    await pool.query(
      `insert into jobs (account_id, type, status, input, estimated_cost_cents, finished_at)
       select $3::uuid, 'noop', 'success', '{}', 1, now() from generate_series($1::int, $2::int) i`,
      [...range, account],
    );
    await pool.query("analyze");
    seeded = to;
    return (performance.now() - t0) / 1000;
  };

  const rate = async (path: string) => {
    const url = `${stack.apiUrl}${path}`;
    const probe = await fetch(url, { headers });
    if (probe.status !== 200) throw new Error(`${path} answered ${probe.status}: ${(await probe.text()).slice(0, 200)}`);
    await autocannon({ url, connections: 10, duration: 1, workers: 1, headers });
    const r = await autocannon({ url, connections: 10, duration: DURATION_S, workers: 1, headers });
    return `${(r.requests.total / r.duration).toFixed(0).padStart(6)} req/s  p99 ${String(r.latency.p99).padStart(4)} ms`;
  };
  const once = async (path: string) => {
    const t0 = performance.now();
    const res = await fetch(`${stack.apiUrl}${path}`, { headers, signal: AbortSignal.timeout(300_000) });
    const bytes = (await res.arrayBuffer()).byteLength;
    return `${((performance.now() - t0) / 1000).toFixed(2).padStart(6)} s  (${res.status}, ${(bytes / 1e6).toFixed(1)} MB)`;
  };
  const explain = async (label: string, sql: string, params: unknown[]) => {
    const { rows } = await pool.query(`explain (analyze, costs off, timing off, summary on) ${sql}`, params);
    const lines = rows.map((r: Record<string, string>) => r["QUERY PLAN"] ?? "");
    const scans = lines.filter((l) => /Scan|Sort|Aggregate|Limit/.test(l)).map((l) => l.trim().replace(/^->\s*/, ""));
    const time = lines.find((l) => l.startsWith("Execution Time")) ?? "";
    console.log(`    ${label.padEnd(22)} ${time.replace("Execution Time: ", "").padStart(10)}   ${scans.slice(0, 3).join(" | ")}`);
  };

  const sessionId = (await pool.query("select id from sessions where user_id = $1 limit 1", [user.id])).rows[0]?.id as string;
  for (const level of LEVELS) {
    const seconds = await seed(level);
    console.log(`\n${level.toLocaleString("en")} users + sessions + members, audit events, ledger entries and jobs (seeded in ${seconds.toFixed(1)} s)`);
    console.log(`  GET /api/me/                      ${await rate("/api/me/")}`);
    console.log(`  GET /api/admin/users/?limit=50    ${await rate("/api/admin/users/?limit=50")}`);
    console.log(`  GET /api/accounts/{id}/members/   ${await rate(`/api/accounts/${account}/members/?limit=50`)}`);
    console.log(`  GET /api/admin/audit-events/      ${await rate("/api/admin/audit-events/?limit=50")}`);
    console.log(`  GET /api/billing/reserve/balance/ ${await rate("/api/billing/reserve/balance/")}`);
    console.log(`  GET /api/billing/reserve/ledger/  ${await rate("/api/billing/reserve/ledger/?limit=25")}`);
    console.log(`  ledger CSV export (one request)   ${await once(`/api/billing/admin/ledger/export.csv?accountId=${account}`)}`);
    console.log("  EXPLAIN ANALYZE (execution time, top plan nodes):");
    await explain(
      "session lookup",
      "select * from sessions s join users u on u.id = s.user_id left join accounts a on a.id = u.account_id and a.deleted_at is null " +
        "left join account_members m on m.account_id = a.id and m.user_id = u.id where s.id = $1",
      [sessionId],
    );
    await explain(
      "member page",
      "select m.*, u.username from account_members m join users u on u.id = m.user_id and u.deleted_at is null where m.account_id = $1 order by m.created_at desc, m.id desc limit 51",
      [account],
    );
    await explain("audit page", "select * from audit_events where account_id = $1 order by occurred_at desc, id desc limit 51", [account]);
    await explain("ledger page", "select * from ledger_entries where account_id = $1 order by created_at desc, id desc limit 26", [account]);
    await explain("committed cents", "select coalesce(sum(estimated_cost_cents), 0) from jobs where account_id = $1 and status in ('queued', 'running')", [account]);
    await explain("running slots", "select count(*) from jobs where account_id = $1 and status = 'running'", [account]);
    await explain("user list", "select * from users where deleted_at is null order by created_at desc, id desc limit 51", []);
  }
} finally {
  await stack.stop();
}

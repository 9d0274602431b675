// Scale-out, proven with kills: from the production build, 2 apis and 3 workers on one Postgres
// and one Redis, under load from several tenants (uploads, jobs, signed Stripe webhooks to both
// apis, concurrent debits). Mid-load one api and one worker are SIGKILLed and a replacement
// worker starts. Then: no job stuck, one debit per charged job, each webhook credited once,
// every reserve equal to its ledger, no 5xx but on connections to the dead api.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stripeBillingService } from "@atrium/core";
import { freePort } from "@atrium/db/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSpec, assertBuilt, startService, stopAllServices, waitForApi, waitForWorker, workerSpec, type Service, createTestStack, type TestStack } from "@atrium/testing";
import { fixture } from "./rest.js";

const TENANTS = 4;
const TOPUPS_PER_TENANT = 3;
const JOBS_PER_TENANT = 8;
const DEBITS_PER_TENANT = 10;
const ADMIN_PASSWORD = `admin-${randomBytes(6).toString("hex")}`;
const WEBHOOK_SECRET = `whsec_${randomBytes(12).toString("hex")}`;

let stack: TestStack;
let dataDir = "";
const apis: Array<{ service: Service; url: string; dead: boolean }> = [];
const workers: Service[] = [];

interface Outcome {
  api: number;
  status: number;
  /** A connection error (refused, reset): the request never got an HTTP answer. */
  error?: string;
}
const outcomes: Outcome[] = [];

beforeAll(async () => {
  assertBuilt();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "atrium-scale-"));
  stack = await createTestStack({
    DATA_DIR: dataDir,
    SIGNUP_MODE: "open",
    RATE_LIMIT_ENABLED: "false",
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    // Short, for this test only: a killed worker's jobs are taken over after about a second.
    WORKER_STALLED_INTERVAL_MS: "1000",
    JOB_RETRY_BASE_MS: "100",
    // Two jobs per worker at most: with five running at the kill, the killed worker holds at least one.
    ANALYSIS_CONCURRENCY: "2",
    LOG_LEVEL: "warn",
  });
  // Compute is priced so every job that runs costs something and is debited.
  await stack.db.pool.query("update prices set unit_price_millicents = 100000 where item = 'compute'");
  const ports = [await freePort(), await freePort()];
  const started = ports.map((port, i) => startService(apiSpec("prod", { ...stack.env, API_PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, `api-${i + 1}`)));
  for (let i = 1; i <= 3; i++) workers.push(startService(workerSpec("prod", { ...stack.env, LOG_LEVEL: "info" }, `worker-${i}`)));
  for (const [i, service] of started.entries()) apis.push({ service, url: await waitForApi(service, ports[i] ?? 0), dead: false });
  await Promise.all(workers.map(waitForWorker));
}, 120_000);

afterAll(async () => {
  await stopAllServices();
  await stack?.db.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

let turn = 0;
/**
 * One request through "the load balancer": round-robin over both apis; a connection error on
 * one is retried once on the other, as a proxy would. Every attempt is recorded.
 */
async function send(method: string, route: string, opts: { token?: string; json?: unknown; form?: FormData; headers?: Record<string, string> } = {}) {
  const first = turn++ % 2;
  for (const i of [first, 1 - first]) {
    const api = apis[i];
    if (!api) continue;
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.json !== undefined) headers["content-type"] = "application/json";
    try {
      const res = await fetch(`${api.url}${route}`, { method, headers, body: opts.form ?? (opts.json === undefined ? undefined : typeof opts.json === "string" ? opts.json : JSON.stringify(opts.json)), signal: AbortSignal.timeout(30_000) });
      const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      outcomes.push({ api: i, status: res.status });
      return { status: res.status, body };
    } catch (err) {
      outcomes.push({ api: i, status: 0, error: String((err as Error).cause ?? err) });
    }
  }
  throw new Error(`${method} ${route}: no api answered`);
}

function checkoutEvent(accountId: string, amountCents: number) {
  const session = `cs_scale_${randomBytes(8).toString("hex")}`;
  const event = {
    id: `evt_scale_${randomBytes(8).toString("hex")}`,
    object: "event",
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type: "checkout.session.completed",
    data: { object: { id: session, object: "checkout.session", mode: "payment", status: "complete", payment_status: "paid", amount_total: amountCents, currency: "usd", customer: null, payment_intent: null, metadata: { accountId, kind: "reserve_topup" } } },
  };
  return { session, payload: JSON.stringify(event) };
}

/** Stripe retries: each event is delivered to both apis, twice, at once. */
async function deliverEverywhere(payload: string) {
  const signature = stripeBillingService.signWebhookPayload(payload, WEBHOOK_SECRET);
  await Promise.all([0, 1, 2, 3].map(() => send("POST", "/api/billing/webhook/", { json: payload, headers: { "stripe-signature": signature } })));
}

interface Tenant {
  token: string;
  accountId: string;
  sessions: string[];
  jobs: string[];
}

async function signUp(i: number): Promise<Tenant> {
  const name = `scale${i}${randomBytes(3).toString("hex")}`;
  const res = await send("POST", "/api/auth/signup/", { json: { username: name, email: `${name}@example.com`, password: `Violet-Kettle-${randomBytes(4).toString("hex")}-Orbit` } });
  if (res.status !== 200) throw new Error(`signup: ${res.status} ${JSON.stringify(res.body)}`);
  const token = String(res.body.token);
  const me = await send("GET", "/api/me/", { token });
  return { token, accountId: String((me.body.account as { id: string }).id), sessions: [], jobs: [] };
}

/** One tenant's share of the load: top-ups, uploads, jobs, in an interleaved order. */
async function tenantLoad(t: Tenant, adminToken: string): Promise<void> {
  for (let n = 0; n < TOPUPS_PER_TENANT; n++) {
    const { session, payload } = checkoutEvent(t.accountId, 5_000);
    t.sessions.push(session);
    await deliverEverywhere(payload);
  }
  const form = new FormData();
  form.append("kind", "resume");
  form.append("file", new Blob([fixture("resume.pdf")]), "cv.pdf");
  const doc = await send("POST", "/api/documents/", { token: t.token, form });
  expect(doc.status).toBe(201);
  const debits = Array.from({ length: DEBITS_PER_TENANT }, (_, n) => `scale-debit-${t.accountId}-${n}`);
  const jobs = Array.from({ length: JOBS_PER_TENANT }, (_, n) =>
    n % 4 === 0 ? { type: "document_analysis", input: { documentId: doc.body.id } } : { type: "noop", input: { steps: 6, stepMs: 200 } },
  );
  // Debits race each other (each key sent twice, to both apis) while jobs are being created.
  await Promise.all([
    ...debits.flatMap((key) => [0, 1].map(() => send("POST", "/api/billing/admin/reserve/adjust/", { token: adminToken, json: { tenantId: t.accountId, amountCents: -25, reason: "scale-out test", idempotencyKey: key } }))),
    (async () => {
      for (const job of jobs) {
        const res = await send("POST", "/api/jobs/", { token: t.token, json: job });
        if (res.status === 200) t.jobs.push(String(res.body.id));
        await new Promise((r) => setTimeout(r, 150));
      }
    })(),
  ]);
}

const count = async (sql: string, params: unknown[] = []) => Number((await stack.db.pool.query(sql, params)).rows[0]?.n ?? 0);

describe("2 apis + 3 workers from the production build, one api and one worker SIGKILLed mid-load", () => {
  it("loses nothing and double-counts nothing", async () => {
    const startedAt = Date.now();
    const adminRes = await send("POST", "/api/auth/token/", { json: { username: "admin", password: ADMIN_PASSWORD } });
    const adminToken = String(adminRes.body.token);
    const tenants = await Promise.all(Array.from({ length: TENANTS }, (_, i) => signUp(i)));
    const load = Promise.all(tenants.map((t) => tenantLoad(t, adminToken)));

    // Kill once every worker has jobs running (5 running, at most 2 per worker).
    const deadline = Date.now() + 60_000;
    const running = () => count("select count(*)::int as n from jobs where status = 'running'");
    let runningAtKill = await running();
    while (runningAtKill < 5 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      runningAtKill = await running();
    }
    const victimApi = apis[1];
    const victimWorker = workers[0];
    if (!victimApi || !victimWorker) throw new Error("not started");
    victimApi.dead = true;
    const outcomesBeforeKill = outcomes.length;
    await Promise.all([victimApi.service.stop("SIGKILL"), victimWorker.stop("SIGKILL")]);
    const replacement = startService(workerSpec("prod", { ...stack.env, LOG_LEVEL: "info" }, "worker-4"));
    await waitForWorker(replacement);
    await load;

    // Every job reaches a terminal state.
    const jobIds = tenants.flatMap((t) => t.jobs);
    const until = Date.now() + 60_000;
    let open = jobIds.length;
    while (Date.now() < until && (open = await count("select count(*)::int as n from jobs where id = any($1) and status not in ('success','failed','cancelled')", [jobIds])) > 0) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const durationMs = Date.now() - startedAt;

    const byStatus = (await stack.db.pool.query("select status, count(*)::int as n from jobs where id = any($1) group by status", [jobIds])).rows as Array<{ status: string; n: number }>;
    // Exactly one debit per charged job, of the job's cost.
    const jobDebits = (await stack.db.pool.query(
      `select j.id, j.status, j.cost_cents, count(l.id)::int as debits, coalesce(sum(l.amount_cents), 0)::int as debited
         from jobs j left join ledger_entries l on l.related_id = j.id::text and l.type = 'debit'
        where j.id = any($1) group by j.id`,
      [jobIds],
    )).rows as Array<{ id: string; status: string; cost_cents: number | null; debits: number; debited: number }>;
    const succeeded = jobDebits.filter((j) => j.status === "success");
    // Every checkout session credited exactly once.
    const sessions = tenants.flatMap((t) => t.sessions);
    const credits = (await stack.db.pool.query("select idempotency_key as key, count(*)::int as n from ledger_entries where idempotency_key = any($1) group by 1", [sessions.map((s) => `stripe:checkout:${s}`)])).rows as Array<{ n: number }>;
    const adjustments = await count("select count(*)::int as n from ledger_entries where idempotency_key like 'adjust:scale-debit-%'");
    // Every reserve equals the sum of its ledger.
    const drift = (await stack.db.pool.query(
      `select r.account_id, r.balance_cents, coalesce(sum(l.amount_cents), 0)::int as ledger
         from reserves r left join ledger_entries l on l.account_id = r.account_id group by r.account_id, r.balance_cents
       having r.balance_cents <> coalesce(sum(l.amount_cents), 0)`,
    )).rows;

    // Jobs the killed worker held, taken over by another after the stalled interval.
    const recovered = await count("select count(distinct job_id)::int as n from job_events where job_id = any($1) and type = 'job.running' and data->>'recovered' = 'true'", [jobIds]);
    const fivexx = outcomes.filter((o) => o.status >= 500);
    const afterKill = outcomes.slice(outcomesBeforeKill);
    const survivorAfterKill = afterKill.filter((o) => o.api === 0);
    const summary = {
      jobs: jobIds.length,
      jobStatuses: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
      stillOpen: open,
      runningAtKill,
      recoveredAfterKill: recovered,
      debits: jobDebits.reduce((n, j) => n + j.debits, 0),
      webhooksSent: sessions.length * 4,
      checkoutSessions: sessions.length,
      credited: credits.length,
      adminDebitsApplied: adjustments,
      requests: outcomes.length,
      fiveXX: fivexx.length,
      connectionErrorsOnKilledApi: outcomes.filter((o) => o.api === 1 && o.status === 0).length,
      survivorRequestsAfterKill: survivorAfterKill.length,
      durationMs,
    };
    console.info(`scale-out: ${JSON.stringify(summary)}`);

    expect(open).toBe(0);
    // The killed worker's jobs were taken over by another (it held one if five were running).
    if (runningAtKill >= 5) expect(recovered).toBeGreaterThan(0);
    expect(jobIds.length).toBe(TENANTS * JOBS_PER_TENANT);
    expect(succeeded.length).toBeGreaterThan(0);
    for (const j of succeeded) expect(j, `job ${j.id}`).toMatchObject({ debits: 1, debited: -(j.cost_cents ?? 0) });
    for (const j of jobDebits) expect(j.debits, `job ${j.id}`).toBeLessThanOrEqual(1);
    expect(credits).toHaveLength(sessions.length);
    expect(credits.every((c) => c.n === 1)).toBe(true);
    expect(adjustments).toBe(TENANTS * DEBITS_PER_TENANT);
    expect(drift).toEqual([]);
    expect(fivexx).toEqual([]);
    // Every failed attempt was a connection to the killed api; the survivor answered everything.
    expect(outcomes.filter((o) => o.status === 0 && o.api === 0)).toEqual([]);
    expect(survivorAfterKill.length).toBeGreaterThan(0);
    expect(survivorAfterKill.every((o) => o.status > 0 && o.status < 500)).toBe(true);
  }, 150_000);
});

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { Queue, Worker } from "bullmq";
import { roundTripsSoFar } from "./per-op.js";
import { Redis } from "ioredis";
import { eq, inArray, and, sql } from "drizzle-orm";
import { createLogger, loadConfig } from "@atrium/config";
import { creditReserve, ensureDefaultPrices, groupCommitStats, jobService, resetGroupCommitStats, type JobActor, type ServiceContext } from "@atrium/core";
import { createJobQueues } from "@atrium/core/queues";
import { createDb, migrateDb, schema } from "@atrium/db";
import { startEmbeddedPostgres, startRedisServer } from "@atrium/db/embedded";
import { startWorker } from "@atrium/worker";

// Jobs per second through the whole pipeline (createJob: validate, price, admission
// (spend check + insert + event + audit, group-committed with concurrent creates), enqueue;
// worker: start within the tenant cap, steps, price, finish + events + usage record, the bell,
// each group-committed across the worker's running jobs) for the `noop` type, against bare BullMQ
// (add + a processor that returns) on the same Redis with the same worker
// concurrency, in one run. Then documents/s for document_analysis with the
// local analyzer on text already extracted, and on a PDF. Prints; never asserts.
// Growth: the noop row again with `--grow` rows (default 1M) already in job_events (one tenant's finished jobs, ten
// events each, seeded with generate_series), then EXPLAIN ANALYZE of the run's hot statements. `--grow 0` skips it.
const { values: args } = parseArgs({ options: { jobs: { type: "string", default: "1000" }, docs: { type: "string", default: "200" }, concurrency: { type: "string", default: "8" }, grow: { type: "string", default: "1000000" } } });
const N = Number(args.jobs);
const DOCS = Number(args.docs);
const CONCURRENCY = String(args.concurrency);
const PRODUCERS = 16;
const GROW = Number(args.grow);

const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-bench-jobs-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
const redisServer = await startRedisServer();
const stopAll = async () => {
  await redisServer.stop().catch(() => {});
  await postgres.stop().catch(() => {});
  rmSync(dir, { recursive: true, force: true });
};
process.once("SIGINT", () => void stopAll().finally(() => process.exit(130)));

/** Runs `n` tasks with at most `width` in flight. */
async function pool(n: number, width: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await task(next++);
  }));
}

const rate = (n: number, ms: number) => (n / ms) * 1000;

// Database round trips, counted at the driver (every query the api's and the worker's code sends; bench/per-op.ts), and
// this process's CPU: per job, they don't depend on how busy the machine is, unlike the rates.

try {
  await postgres.createDatabase("atrium_bench");
  const url = postgres.urlFor("atrium_bench");
  await migrateDb(url);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: url, REDIS_URL: redisServer.url, DATA_DIR: path.join(dir, "data"), ANALYSIS_CONCURRENCY: CONCURRENCY, WORKER_CONCURRENCY: "1", ALLOW_NOOP_JOBS: "true", JOBS_MAX_RUNNING_PER_TENANT: CONCURRENCY });
  const { db, close } = createDb(url, { max: 20 });
  const logger = createLogger(config, "bench");
  const connection = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  const jobs = createJobQueues({ connection, prefix: config.REDIS_PREFIX });
  const svc: ServiceContext = { db, config, logger, now: () => new Date(), jobs };
  await ensureDefaultPrices(db);
  const [user] = await db.insert(schema.users).values({ username: "bench", email: "bench@example.test", passwordHash: "x" }).returning();
  const [account] = await db.insert(schema.accounts).values({ name: "Bench", slug: "bench" }).returning();
  if (!user || !account) throw new Error("no tenant");
  await db.insert(schema.accountMembers).values({ accountId: account.id, userId: user.id, role: "owner" });
  await creditReserve(db, { accountId: account.id, amountCents: 1e9, idempotencyKey: "seed" });
  const actor: JobActor = { userId: user.id, isStaff: false, accountRoles: { [account.id]: "owner" }, orgRoles: {}, homeAccountId: account.id };
  const worker = await startWorker({ config, db, redisUrl: redisServer.url, logger, now: () => new Date() });

  // The account's unfinished jobs (jobs_status_idx finds them): a cheap poll, so the bench's own queries stay out
  // of the per-job CPU. (It used to send every id of the run, 1,000 parameters, every 10 ms.)
  const unfinished = async () => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(schema.jobs).where(and(eq(schema.jobs.accountId, account.id), inArray(schema.jobs.status, ["queued", "running"])));
    return row?.n ?? 0;
  };
  const pipeline = async (type: "noop" | "document_analysis", n: number, input: (i: number) => Record<string, unknown>) => {
    const ids: string[] = [];
    const t0 = performance.now();
    let created = 0;
    const producing = pool(n, PRODUCERS, async (i) => {
      ids.push((await jobService.createJob(svc, actor, { type, input: input(i) })).id);
      created++;
    });
    while (created < n || (await unfinished()) > 0) await new Promise((r) => setTimeout(r, 25));
    await producing;
    const ms = performance.now() - t0;
    const failed = await db.select({ id: schema.jobs.id }).from(schema.jobs).where(and(inArray(schema.jobs.id, ids), eq(schema.jobs.status, "failed")));
    if (failed.length) throw new Error(`${failed.length} ${type} jobs failed`);
    return ms;
  };

  const bare = async (n: number) => {
    const queue = new Queue("bench_bare", { connection, prefix: config.REDIS_PREFIX });
    let done = 0;
    let resolve = () => {};
    const all = new Promise<void>((r) => (resolve = r));
    const workerConnection = new Redis(redisServer.url, { maxRetriesPerRequest: null });
    const w = new Worker("bench_bare", async () => ({}), { connection: workerConnection, prefix: config.REDIS_PREFIX, concurrency: Number(CONCURRENCY) });
    w.on("completed", () => ++done === n && resolve());
    const t0 = performance.now();
    await pool(n, PRODUCERS, (i) => queue.add("noop", { i }, { removeOnComplete: true }));
    await all;
    const ms = performance.now() - t0;
    await w.close();
    await queue.obliterate({ force: true });
    await queue.close();
    workerConnection.disconnect();
    return ms;
  };

  // Warm-up: connections, query plans, the wink model.
  await pipeline("noop", 50, () => ({}));
  await bare(50);

  const bareCpu0 = process.cpuUsage();
  const bareMs = await bare(N);
  const bareCpu = process.cpuUsage(bareCpu0);
  const [trips0, cpu0] = [roundTripsSoFar(), process.cpuUsage()];
  resetGroupCommitStats();
  const pipeMs = await pipeline("noop", N, () => ({}));
  // Where the run's time goes: each writer's flushes (a kind flushes one batch at a time).
  const flushes = [...groupCommitStats()].map(([name, s]) => `    ${name.padEnd(7)} ${s.flushes} flushes of ${(s.writes / s.flushes).toFixed(1)} writes, ${(s.ms / s.flushes).toFixed(1)} ms each, ${(s.ms / 1000).toFixed(1)} s in all`);
  const pipeCpu = process.cpuUsage(cpu0);
  // The bench's own polling for "finished" is a few queries per 10 ms, not per job: left in, it is noise.
  const tripsPerJob = (roundTripsSoFar() - trips0) / N;
  const cpuPerJob = (c: NodeJS.CpuUsage) => ((c.user + c.system) / N).toFixed(0);
  const bareRate = rate(N, bareMs);
  const pipeRate = rate(N, pipeMs);

  const text = "Jane Doe is a backend engineer. She built REST APIs in TypeScript on Node.js with PostgreSQL and shipped Docker images to Kubernetes. Reduced p99 latency by 40% and mentored three juniors. ".repeat(10);
  const docIds: string[] = [];
  for (let i = 0; i < DOCS; i++) {
    const [d] = await db.insert(schema.documents).values({ accountId: account.id, filename: `cv-${i}.txt`, mimeType: "text/plain", sizeBytes: text.length, sha256: "0".repeat(64), storageKey: `bench/${i}`, extractionStatus: "done", extractedText: text }).returning({ id: schema.documents.id });
    docIds.push(d?.id ?? "");
  }
  const docMs = await pipeline("document_analysis", DOCS, (i) => ({ documentId: docIds[i] }));

  // PDFs: the extract step reads storage and parses with unpdf each time.
  const { documentKey, storageFromConfig } = await import("@atrium/core");
  const pdf = readFileSync(new URL("../packages/core/test-fixtures/resume.pdf", import.meta.url));
  const pdfIds: string[] = [];
  const PDFS = Math.min(DOCS, 100);
  for (let i = 0; i < PDFS; i++) {
    const [d] = await db.insert(schema.documents).values({ accountId: account.id, filename: `cv-${i}.pdf`, mimeType: "application/pdf", sizeBytes: pdf.length, sha256: "0".repeat(64), storageKey: "pending" }).returning({ id: schema.documents.id });
    const key = documentKey(account.id, d?.id ?? "", `cv-${i}.pdf`);
    await storageFromConfig(config).put(key, pdf, { contentType: "application/pdf" });
    await db.update(schema.documents).set({ storageKey: key }).where(eq(schema.documents.id, d?.id ?? ""));
    pdfIds.push(d?.id ?? "");
  }
  const pdfMs = await pipeline("document_analysis", PDFS, (i) => ({ documentId: pdfIds[i] }));

  let growth: string[] = [];
  if (GROW > 0) {
    const t0 = performance.now();
    const perJob = 10;
    // One transaction without the foreign-key triggers (the rows are made consistent here): seconds, not minutes.
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`
      with j as (
        insert into jobs (account_id, type, status, input, estimated_cost_cents, attempts, started_at, finished_at)
        select ${account.id}::uuid, 'noop', 'success', '{}', 0, 1, now(), now() from generate_series(1, ${Math.ceil(GROW / perJob)}::int)
        returning id)
      insert into job_events (job_id, account_id, seq, type, message)
      select j.id, ${account.id}::uuid, s, 'step', 'seeded' from j, generate_series(1, ${perJob}::int) s`);
    });
    await db.execute(sql`analyze`);
    const seedS = (performance.now() - t0) / 1000;
    const grownBareMs = await bare(N);
    const [gTrips0, gCpu0] = [roundTripsSoFar(), process.cpuUsage()];
    const grownMs = await pipeline("noop", N, () => ({}));
    const gCpu = process.cpuUsage(gCpu0);
    const [one] = await db.select({ id: schema.jobs.id }).from(schema.jobs).where(eq(schema.jobs.accountId, account.id)).limit(1);
    const explain = async (label: string, q: ReturnType<typeof sql>) => {
      const { rows } = await db.execute<{ "QUERY PLAN": string }>(sql`explain (analyze, costs off, timing off, summary on) ${q}`);
      return [`  ${label}:`, ...rows.map((r) => `    ${r["QUERY PLAN"]}`)];
    };
    growth = [
      `with ${GROW.toLocaleString("en")} rows already in job_events (${Math.ceil(GROW / perJob).toLocaleString("en")} finished jobs of the same tenant; seeded in ${seedS.toFixed(1)} s):`,
      `  bare BullMQ noop:        ${rate(N, grownBareMs).toFixed(0).padStart(6)} jobs/s`,
      `  full pipeline noop:      ${rate(N, grownMs).toFixed(0).padStart(6)} jobs/s  (${(rate(N, grownMs) / rate(N, grownBareMs)).toFixed(2)}× bare)`,
      `  per job: ${((roundTripsSoFar() - gTrips0) / N).toFixed(1)} database round trips; node CPU ${((gCpu.user + gCpu.system) / N).toFixed(0)} µs`,
      "EXPLAIN ANALYZE of the hot statements at that size:",
      ...(await explain("admission: committed to queued and running jobs", sql`select coalesce(sum(estimated_cost_cents), 0) from jobs where account_id = ${account.id} and status in ('queued', 'running')`)),
      ...(await explain("start: running jobs of the tenant", sql`select account_id, count(*) from jobs where account_id in (${account.id}) and status = 'running' and id not in (${one?.id}) group by account_id`)),
      ...(await explain("every event write: the job's last seq", sql`select coalesce(max(x.seq), 0) from job_events x where x.job_id = ${one?.id}`)),
      ...(await explain("the timeline read (job.events)", sql`select * from job_events where job_id = ${one?.id} and seq > 0 order by seq limit 500`)),
    ];
  }

  await worker.stop();
  await jobs.close();
  connection.disconnect();
  await close();

  console.log(`jobs throughput (${N} jobs, worker concurrency ${CONCURRENCY}, ${PRODUCERS} producers, same Redis):`);
  console.log(`  bare BullMQ noop:        ${bareRate.toFixed(0).padStart(6)} jobs/s`);
  console.log(`  full pipeline noop:      ${pipeRate.toFixed(0).padStart(6)} jobs/s  (${(pipeRate / bareRate).toFixed(2)}× bare; target ≥ 0.5×)`);
  console.log(`  per job: ${tripsPerJob.toFixed(1)} database round trips; node CPU ${cpuPerJob(pipeCpu)} µs (bare BullMQ: ${cpuPerJob(bareCpu)} µs)`);
  console.log(`  group commit, in ${(pipeMs / 1000).toFixed(1)} s:`);
  for (const line of flushes) console.log(line);
  console.log(`document_analysis, local analyzer:`);
  console.log(`  text already extracted:  ${rate(DOCS, docMs).toFixed(1).padStart(6)} documents/s (${DOCS} docs)`);
  console.log(`  PDF (extract + analyze): ${rate(PDFS, pdfMs).toFixed(1).padStart(6)} documents/s (${PDFS} docs)`);
  for (const line of growth) console.log(line);
} finally {
  await stopAll();
}

import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { createLogger, loadConfig } from "@atrium/config";
import { creditReserve, ensureDefaultPrices, jobService, type JobActor, type ServiceContext } from "@atrium/core";
import { createJobQueues } from "@atrium/core/queues";
import { createDb, migrateDb, schema } from "@atrium/db";
import { startEmbeddedPostgres, startRedisServer } from "@atrium/db/embedded";
const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-dbg-"));
const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
const redisServer = await startRedisServer();
try {
  await postgres.createDatabase("d");
  const url = postgres.urlFor("d");
  await migrateDb(url);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: url, REDIS_URL: redisServer.url, DATA_DIR: path.join(dir, "data"), ALLOW_NOOP_JOBS: "true" });
  const { db, close } = createDb(url, { max: 5 });
  const connection = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  const jobs = createJobQueues({ connection, prefix: config.REDIS_PREFIX });
  const svc: ServiceContext = { db, config, logger: createLogger(config, "dbg"), now: () => new Date(), jobs };
  await ensureDefaultPrices(db);
  const [user] = await db.insert(schema.users).values({ username: "b", email: "b@example.test", passwordHash: "x" }).returning();
  const [account] = await db.insert(schema.accounts).values({ name: "B", slug: "b" }).returning();
  await db.insert(schema.accountMembers).values({ accountId: account!.id, userId: user!.id, role: "owner" });
  const actor: JobActor = { userId: user!.id, isStaff: false, accountRoles: { [account!.id]: "owner" }, orgRoles: {}, homeAccountId: account!.id };
  try { console.log(await jobService.createJob(svc, actor, { type: "noop", input: {} })); } catch (e) { console.error("ERR", e); }
  await creditReserve(db, { accountId: account!.id, amountCents: 1000, idempotencyKey: "s" });
  try { console.log(await Promise.all([1,2,3].map(() => jobService.createJob(svc, actor, { type: "noop", input: {steps: 1, stepMs: 1} })))); } catch (e) { console.error("ERR", e); }
  await jobs.close(); connection.disconnect(); await close();
} finally { await redisServer.stop(); await postgres.stop(); }

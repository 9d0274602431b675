// Builders for the analysis pipeline tests: a tenant, documents in storage, jobs created through the service.
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { eq } from "drizzle-orm";
import { creditReserve, documentKey, ensureDefaultPrices, jobReadService, jobService, storageFromConfig, type JobActor, type ServiceContext, type TJob, type TJobEvent } from "@atrium/core";
import { createJobQueues, type JobQueues } from "@atrium/core/queues";
import { schema } from "@atrium/db";
import type { Env } from "@atrium/config";
import { createTestWorkerEnv, waitFor, type TestWorkerEnv } from "../../testing.js";

export const FIXTURES = new URL("../../../../../packages/core/test-fixtures/", import.meta.url);

/** A service context with producers, like the api's, over the test env's database and Redis prefix. */
export function producerContext(env: TestWorkerEnv): { svc: ServiceContext; close: () => Promise<void> } {
  const connection = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
  const jobs: JobQueues = createJobQueues({ connection, prefix: env.config.REDIS_PREFIX });
  const svc: ServiceContext = { db: env.db.db, config: env.config, logger: env.deps.logger, now: () => new Date(), jobs };
  return { svc, close: async () => (await jobs.close(), connection.disconnect()) };
}

/** An account with one owner; the actor is what the api would hand the job service. */
export async function tenant(svc: ServiceContext): Promise<{ accountId: string; actor: JobActor }> {
  const tag = randomUUID().slice(0, 8);
  const [user] = await svc.db.insert(schema.users).values({ username: `u-${tag}`, email: `u-${tag}@example.test`, passwordHash: "x" }).returning();
  const [account] = await svc.db.insert(schema.accounts).values({ name: `T ${tag}`, slug: `t-${tag}` }).returning();
  if (!user || !account) throw new Error("no tenant");
  await svc.db.insert(schema.accountMembers).values({ accountId: account.id, userId: user.id, role: "owner" });
  return { accountId: account.id, actor: { userId: user.id, isStaff: false, accountRoles: { [account.id]: "owner" }, orgRoles: {}, homeAccountId: account.id } };
}

/** Stores a fixture's bytes and a `pending` document row, as an upload leaves them. */
export async function uploadFixture(svc: ServiceContext, accountId: string, file: string, mimeType: string): Promise<string> {
  const bytes = await readFile(new URL(file, FIXTURES));
  const id = randomUUID();
  const storageKey = documentKey(accountId, id, file);
  await storageFromConfig(svc.config).put(storageKey, bytes, { contentType: mimeType });
  await svc.db.insert(schema.documents).values({ id, accountId, filename: file, mimeType, sizeBytes: bytes.length, sha256: "0".repeat(64), storageKey });
  return id;
}

/** Seeds the price table (the api's bootstrap does this in a real deployment), then prices a compute second. */
export async function setComputePrice(svc: ServiceContext, millicentsPerSecond: number): Promise<void> {
  await ensureDefaultPrices(svc.db);
  await svc.db.update(schema.prices).set({ unitPriceMillicents: millicentsPerSecond }).where(eq(schema.prices.item, "compute"));
}

export const createJob = (svc: ServiceContext, actor: JobActor, type: TJob["type"], input: Record<string, unknown>) =>
  jobService.createJob(svc, actor, { type: type as "noop", input });

export async function waitForStatus(svc: ServiceContext, actor: JobActor, id: string, statuses: string[], timeoutMs = 20_000): Promise<TJob> {
  return waitFor(
    async () => {
      const j = await jobReadService.getJob(svc, actor, id);
      return statuses.includes(j.status) ? j : null;
    },
    { timeoutMs, what: `job ${id} to reach ${statuses.join("|")}` },
  );
}

export async function eventsOf(svc: ServiceContext, actor: JobActor, id: string): Promise<TJobEvent[]> {
  return (await jobReadService.listEvents(svc, actor, { id, afterSeq: 0 })).items;
}

export async function debitsOf(svc: ServiceContext, jobId: string) {
  return svc.db.select().from(schema.ledgerEntries).where(eq(schema.ledgerEntries.relatedId, jobId));
}

/**
 * A running worker on its own data directory with the default price table, and one tenant holding
 * $100: where every priced-run test starts. `stop` undoes all of it.
 */
export async function startFundedWorker(name: string, overrides: Partial<Record<keyof Env, string>> = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `atrium-${name}-`));
  const env = await createTestWorkerEnv({ DATA_DIR: dataDir, ...overrides });
  const { svc, close } = producerContext(env);
  await ensureDefaultPrices(svc.db);
  const t = await tenant(svc);
  await creditReserve(svc.db, { accountId: t.accountId, amountCents: 10_000, idempotencyKey: `seed:${t.accountId}`, reason: "seed" });
  const worker = await env.start();
  const stop = async () => {
    await worker.stop();
    await close();
    await env.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  return { svc, t, stop };
}

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Express } from "express";
import { Redis } from "ioredis";
import { createApp, startSessionCacheSync, type ApiDeps } from "@atrium/api";
import { createLogger, loadConfig } from "@atrium/config";
import { bootstrap, createRealtimeHub, startFlagRuntime } from "@atrium/core";
import { createJobQueues } from "@atrium/core/queues";
import { createDb, migrateDb, type DbHandle } from "@atrium/db";
import { startEmbeddedPostgres, startRedisServer } from "@atrium/db/embedded";

export interface BenchStack {
  apiUrl: string;
  databaseUrl: string;
  adminPassword: string;
  config: ApiDeps["config"];
  /** Serves another app on a free port; closed with the stack. */
  listen: (app: Express) => Promise<string>;
  redisUrl: string;
  /** The Postgres cluster's data dir (its postmaster.pid names the server, for CPU accounting). */
  postgresDataDir: string;
  /** A pool on the bench database, sized like the api's; closed with the stack. */
  pool: () => DbHandle["pool"];
  stop: () => Promise<void>;
}

/**
 * Throwaway Postgres and redis-server in a temp dir, migrated and
 * bootstrapped, and the real api in production mode with logging off and
 * per-user rate limits out of reach; `env` overrides any of it.
 */
export async function startBenchStack(env: Record<string, string> = {}): Promise<BenchStack> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-bench-"));
  const cleanups: Array<() => Promise<unknown> | unknown> = [() => rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    // Requests cut off at the end of a load run are still in their handlers; let them finish first.
    await new Promise((r) => setTimeout(r, 300));
    for (const cleanup of cleanups.splice(0).reverse()) await Promise.resolve(cleanup()).catch(() => {});
  };
  try {
    // One after the other, so a failed start never leaves the other server running unrecorded.
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), ephemeral: true });
    cleanups.push(() => postgres.stop());
    const redisServer = await startRedisServer();
    cleanups.push(() => redisServer.stop());
    await postgres.createDatabase("atrium_bench");
    const databaseUrl = postgres.urlFor("atrium_bench");
    await migrateDb(databaseUrl);

    const adminPassword = randomBytes(12).toString("base64url");
    const config = loadConfig({
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisServer.url,
      SESSION_SECRET: randomBytes(32).toString("hex"),
      BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
      // The limiter stays in the measured path (one Redis call per request), but must not refuse the load.
      RATE_LIMIT_AUTH_PER_HOUR: String(1e9),
      ...env,
    });
    const logger = createLogger(config, "bench");
    const db = createDb(databaseUrl);
    const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, enableAutoPipelining: true });
    const queueConnection = new Redis(redisServer.url, { maxRetriesPerRequest: null });
    const jobs = createJobQueues({ connection: queueConnection, prefix: config.REDIS_PREFIX });
    cleanups.push(() => db.close(), () => redis.quit(), () => queueConnection.quit(), () => jobs.close());
    await bootstrap({ db: db.db, config, logger, now: () => new Date() });
    const flags = await startFlagRuntime({ db: db.db, redis, prefix: config.REDIS_PREFIX, environment: config.ATRIUM_ENV, logger });
    cleanups.push(() => flags.close());
    const sessions = await startSessionCacheSync(config, redis, logger);
    cleanups.push(() => sessions.close());
    const realtimeHub = createRealtimeHub({ redis, subscriber: new Redis(redisServer.url, { maxRetriesPerRequest: null, lazyConnect: true }), prefix: config.REDIS_PREFIX, logger, openReplaySeconds: config.REALTIME_OPEN_REPLAY_SECONDS });
    cleanups.push(() => realtimeHub.close());
    const deps: ApiDeps = { config, db: db.db, redis, jobs, logger, now: () => new Date(), flags, sessionCache: sessions.cache, realtimeHub };

    const listen = async (app: Express) => {
      const server: Server = await new Promise((resolve) => {
        const s = app.listen(0, "127.0.0.1", () => resolve(s));
      });
      cleanups.push(() => new Promise((resolve) => server.close(resolve)), () => server.closeAllConnections());
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    };
    const pool = () => {
      const handle = createDb(databaseUrl);
      cleanups.push(() => handle.close());
      return handle.pool;
    };
    return { apiUrl: await listen(createApp(deps)), databaseUrl, adminPassword, config, listen, pool, stop, redisUrl: redisServer.url, postgresDataDir: path.join(dir, "pg") };
  } catch (err) {
    await stop();
    throw err;
  }
}

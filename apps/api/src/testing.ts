import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import { Redis } from "ioredis";
import { createLogger, loadConfig, type Env } from "@atrium/config";
import { createTestDatabase, testInfraUrls, testRedisPrefix, type TestDatabase } from "@atrium/db/testing";
import { bootstrap, createRealtimeHub, createRedisRealtimePublisher, startFlagRuntime, type ServiceContext } from "@atrium/core";
import { createJobQueues } from "@atrium/core/queues";
import { startSessionCacheSync } from "./http/middleware/session-cache-sync.js";
import { createApp } from "./server.js";
import type { Request, Response } from "express";
import { createContextFactory } from "./trpc/context.js";
import { createCallerFactory } from "./trpc/init.js";
import { appRouter } from "./trpc/root.js";
import type { ApiDeps } from "./deps.js";

export interface TestApi {
  url: string;
  deps: ApiDeps;
  db: TestDatabase;
  svc: ServiceContext;
  close: () => Promise<void>;
}

export interface TestApiOptions {
  /**
   * PUBLIC_URL becomes this server's own url (unless overridden), so links and
   * redirects the api builds (e.g. back from the local checkout) reach the SPA it serves.
   */
  publicUrlIsSelf?: boolean;
}

/**
 * A real api on a free port over a fresh database copied from the template,
 * with the default tenant and admin (admin / admin123) bootstrapped.
 */
export async function startTestApi(overrides: Partial<Record<keyof Env, string>> = {}, options: TestApiOptions = {}): Promise<TestApi> {
  // Listen first: the port is known before the config is, so PUBLIC_URL can name it.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { pgAdminUrl, redisUrl } = testInfraUrls();
  const db = await createTestDatabase(pgAdminUrl);
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: db.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: testRedisPrefix(),
    // Tests queue `noop` jobs; real deployments keep them off.
    ALLOW_NOOP_JOBS: "true",
    // Streams count exactly what a test publishes after opening them; the open replay (its own tests turn it on) would add what came before.
    REALTIME_OPEN_REPLAY_SECONDS: "0",
    ...(options.publicUrlIsSelf ? { PUBLIC_URL: url } : {}),
    ...overrides,
  });
  const logger = createLogger(config, "api-test");
  const redis = new Redis(config.REDIS_URL ?? "", { maxRetriesPerRequest: 1, enableOfflineQueue: false, enableAutoPipelining: true });
  redis.on("error", () => {});
  const queueConnection = new Redis(config.REDIS_URL ?? "", { maxRetriesPerRequest: null });
  queueConnection.on("error", () => {});
  const jobs = createJobQueues({ connection: queueConnection, prefix: config.REDIS_PREFIX });
  // Bootstrap seeds the built-in flags; the runtime then starts with them in memory.
  await bootstrap({ db: db.db, config, logger, now: () => new Date(), jobs });
  const flags = await startFlagRuntime({ db: db.db, redis, prefix: config.REDIS_PREFIX, environment: config.ATRIUM_ENV, logger });
  // The session cache is on as in production: every test that ends a session or changes a user proves its invalidation.
  const sessions = await startSessionCacheSync(config, redis, logger);
  const realtimeHub = createRealtimeHub({ redis, subscriber: new Redis(config.REDIS_URL ?? "", { lazyConnect: true, maxRetriesPerRequest: null }), prefix: config.REDIS_PREFIX, logger, openReplaySeconds: config.REALTIME_OPEN_REPLAY_SECONDS });
  const deps: ApiDeps = { config, db: db.db, redis, jobs, logger, now: () => new Date(), flags, sessionCache: sessions.cache, realtimeHub };
  const svc: ServiceContext = { db: db.db, config, logger, now: deps.now, jobs, flags, sessionCache: sessions.cache, realtime: createRedisRealtimePublisher(redis, config.REDIS_PREFIX) };
  server.on("request", createApp(deps));
  return {
    url,
    deps,
    db,
    svc,
    close: async () => {
      await realtimeHub.close();
      await new Promise((r) => server.close(r));
      server.closeAllConnections();
      await jobs.close();
      await sessions.close();
      await flags.close();
      redis.disconnect();
      queueConnection.disconnect();
      await db.drop();
    },
  };
}

/**
 * A tRPC caller acting as the bearer of `token` (anonymous without one), built
 * by the same context factory as real requests, minus the HTTP.
 */
export function callerFor(api: Pick<TestApi, "deps">, token?: string) {
  const createContext = createContextFactory(api.deps);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const req = { headers, ip: "127.0.0.1", get: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
  const res = { headersSent: false, setHeader: () => res, cookie: () => res, clearCookie: () => res } as unknown as Response;
  return createCallerFactory(appRouter)(() => createContext({ req, res }));
}

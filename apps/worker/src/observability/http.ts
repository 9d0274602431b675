import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { redisOptions } from "@atrium/config";
import type { Env, Logger } from "@atrium/config";
import type { Db } from "@atrium/db";
import { createJobQueues } from "@atrium/core/queues";
import { metricsAccess, probePostgres, probeRedis, type PoolLike } from "@atrium/core/system";
import { countJobsWith, pools, registry } from "./metrics.js";

export interface WorkerHttpOptions {
  config: Env;
  db: Db;
  redisUrl: string;
  logger: Logger;
  /** The worker this process runs; ready once it has started and until it begins to stop. */
  worker: Promise<{ isRunning: () => boolean }>;
  /** Defaults to WORKER_HTTP_PORT; tests pass a free one. */
  port?: number;
  host?: string;
}

export interface WorkerHttp {
  port: number;
  close: () => Promise<void>;
}

const json = (status: number, body: unknown) => ({ status, type: "application/json", body: JSON.stringify(body) });

/**
 * The worker's own small HTTP server: GET /healthz (the process answers),
 * /readyz (Postgres, Redis, and the worker running and not draining) and
 * /metrics (Prometheus, behind METRICS_TOKEN like the api's). Port 0 turns it
 * off; a port already taken (a second worker on one host) is logged, not fatal:
 * jobs matter more than their metrics.
 */
export async function startWorkerHttp(opts: WorkerHttpOptions): Promise<WorkerHttp | null> {
  const port = opts.port ?? opts.config.WORKER_HTTP_PORT;
  if (port === 0) return null;
  const { config, logger } = opts;
  // Fails fast while Redis is away, so /readyz answers instead of hanging.
  const redis = new Redis(opts.redisUrl, { ...redisOptions(opts.config), maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on("error", () => {});
  const queues = createJobQueues({ connection: redis, prefix: config.REDIS_PREFIX });
  countJobsWith(queues);
  const pool = (opts.db as unknown as { $client?: PoolLike }).$client;
  if (pool && "waitingCount" in pool) pools.track(pool);
  let worker: { isRunning: () => boolean } | undefined;
  opts.worker.then((w) => (worker = w)).catch(() => undefined);

  const answer = async (path: string, authorization: string | undefined) => {
    if (path === "/healthz") return json(200, { status: "ok" });
    if (path === "/readyz") {
      const [postgres, redisProbe] = await Promise.all([probePostgres(opts.db), probeRedis(redis)]);
      const running = worker?.isRunning() ?? false;
      const ok = postgres.ok && redisProbe.ok && running;
      return json(ok ? 200 : 503, {
        status: ok ? "ok" : "unavailable",
        checks: { postgres: { ok: postgres.ok, latencyMs: postgres.latencyMs }, redis: { ok: redisProbe.ok, latencyMs: redisProbe.latencyMs }, worker: { ok: running } },
      });
    }
    if (path === "/metrics") {
      const access = metricsAccess(config, authorization);
      if (access === "unauthorized") return json(401, { message: "A valid METRICS_TOKEN bearer token is required", code: "UNAUTHORIZED" });
      if (access === "disabled") return json(403, { message: "Set METRICS_TOKEN to scrape metrics in production", code: "FORBIDDEN" });
      return { status: 200, type: registry.contentType, body: await registry.metrics() };
    }
    return json(404, { message: "Not found", code: "NOT_FOUND" });
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]?.replace(/\/$/, "") || "/";
    const reply = req.method === "GET" || req.method === "HEAD" ? answer(path, req.headers.authorization) : Promise.resolve(json(405, { message: "Method not allowed" }));
    reply
      .catch((err: unknown) => {
        logger.error({ err }, "worker http request failed");
        return json(500, { message: "Internal server error" });
      })
      .then(({ status, type, body }) => {
        res.writeHead(status, { "content-type": type }).end(req.method === "HEAD" ? undefined : body);
      });
  });
  const closeRedis = async () => {
    countJobsWith(undefined);
    await queues.close().catch(() => undefined);
    redis.disconnect();
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, opts.host ?? "0.0.0.0", resolve);
    });
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : err, port }, "worker HTTP server not started; metrics and health are unavailable from this process");
    await closeRedis();
    return null;
  }
  const bound = (server.address() as AddressInfo).port;
  logger.info({ port: bound }, "worker HTTP server listening (/healthz, /readyz, /metrics)");
  return {
    port: bound,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closeRedis();
    },
  };
}

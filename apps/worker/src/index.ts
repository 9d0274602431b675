import os from "node:os";
import { randomBytes } from "node:crypto";
import { Worker } from "bullmq";
import { Redis } from "ioredis";
import { redisOptions } from "@atrium/config";
import { analyzerFromConfig, createRedisRealtimePublisher, startFlagRuntime, transportFromConfig, type FlagRuntime } from "@atrium/core";
import { createJobQueues, jobsOfQueue } from "@atrium/core/queues";
import { bullmqTelemetry } from "@atrium/core/tracing";
import type { WorkerDeps } from "./deps.js";
import { startHeartbeat } from "./heartbeat.js";
import { createDispatcher, type JobRuntime } from "./processors/base.js";
import { ALL_QUEUES } from "./queues/all-queues.js";
import type { QueueConfig } from "./queues/queue-config.js";
import { upsertSchedules } from "./schedules.js";

export type { WorkerDeps } from "./deps.js";

export interface RunningWorker {
  id: string;
  /** Stops taking jobs, lets active ones finish, removes the heartbeat, closes Redis. Safe to call twice. */
  stop: () => Promise<void>;
  /** False once stop() has been called: the process is draining, not ready for more. */
  isRunning: () => boolean;
}

/** Fails at startup, not at the first job, when a queue carries a job nobody processes. */
function assertComplete(queue: QueueConfig): void {
  const handled = new Set<string>(queue.processors.map((p) => p.job));
  const missing = jobsOfQueue(queue.name).filter((name) => !handled.has(name));
  if (missing.length) throw new Error(`queue "${queue.name}" has no processor for: ${missing.join(", ")}`);
}

function createWorker(queue: QueueConfig, connection: Redis, workerId: string, runtime: JobRuntime): Worker {
  const { config, logger } = runtime;
  const worker = new Worker(queue.name, createDispatcher(queue.name, queue.processors, runtime), {
    connection,
    prefix: config.REDIS_PREFIX,
    concurrency: queue.concurrency(config),
    name: workerId,
    // A killed worker's lock lapses after this long and the stalled check hands its jobs to another worker.
    lockDuration: config.WORKER_STALLED_INTERVAL_MS,
    stalledInterval: config.WORKER_STALLED_INTERVAL_MS,
    // With tracing on, a job's spans continue the trace of the request that queued it.
    telemetry: bullmqTelemetry(),
  });
  worker.on("failed", (job, err) => logger.warn({ queue: queue.name, job: job?.name, jobId: job?.id, err: err.message }, "job failed"));
  // Without a listener an 'error' event would crash the process; BullMQ reconnects on its own.
  worker.on("error", (err) => logger.error({ queue: queue.name, err: err.message }, "worker error"));
  return worker;
}

/**
 * Starts one BullMQ worker per queue, upserts the schedules and begins
 * heartbeating. Stateless: any number of these may share one Redis and Postgres.
 */
export async function startWorker(deps: WorkerDeps, queues: readonly QueueConfig[] = ALL_QUEUES): Promise<RunningWorker> {
  queues.forEach(assertComplete);
  const { config, logger } = deps;
  const workerId = `${os.hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  // BullMQ needs `maxRetriesPerRequest: null` so its blocking commands never time out.
  const connection = new Redis(deps.redisUrl, { ...redisOptions(config), maxRetriesPerRequest: null });
  connection.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
  const producers = createJobQueues({ connection, prefix: config.REDIS_PREFIX });
  // Live events (job timelines, balances, outbox) on a connection of their own: a publish gives up after one
  // retry when Redis is away (publishEvent logs it; the job goes on), where BullMQ's connection would wait forever.
  const realtimeConnection = new Redis(deps.redisUrl, { ...redisOptions(config), maxRetriesPerRequest: 1, enableAutoPipelining: true });
  realtimeConnection.on("error", (err) => logger.warn({ err: err.message }, "redis (realtime) connection error"));
  const closeRealtime = () => realtimeConnection.quit().then(() => undefined, () => realtimeConnection.disconnect());
  // The same in-memory flags as the api, refreshed by the same Redis channel.
  let flags: FlagRuntime;
  try {
    flags = await startFlagRuntime({ db: deps.db, redis: connection, prefix: config.REDIS_PREFIX, environment: config.ATRIUM_ENV, logger });
  } catch (err) {
    await producers.close();
    realtimeConnection.disconnect();
    connection.disconnect();
    throw err;
  }
  const runtime: JobRuntime = {
    flags,
    db: deps.db,
    config,
    logger,
    now: deps.now,
    jobs: producers,
    emailTransport: deps.emailTransport ?? transportFromConfig(config),
    analyzer: deps.analyzer ?? analyzerFromConfig(config),
    realtime: createRedisRealtimePublisher(realtimeConnection, config.REDIS_PREFIX, deps.now),
  };

  let workers: Worker[] = [];
  let heartbeat: Awaited<ReturnType<typeof startHeartbeat>>;
  try {
    await upsertSchedules(producers, queues, config);
    workers = queues.map((queue) => createWorker(queue, connection, workerId, runtime));
    heartbeat = await startHeartbeat({
      redis: connection,
      prefix: config.REDIS_PREFIX,
      workerId,
      queues: queues.map((q) => q.name),
      intervalSeconds: config.WORKER_HEARTBEAT_SECONDS,
      logger,
      now: deps.now,
    });
  } catch (err) {
    // Don't leave a half-started worker holding Redis open.
    await Promise.allSettled([...workers.map((w) => w.close(true)), producers.close(), flags.close()]);
    realtimeConnection.disconnect();
    connection.disconnect();
    throw err;
  }
  logger.info({ workerId, queues: queues.map((q) => q.name) }, "worker started");

  const stop = async () => {
    // Workers first, so the heartbeat keeps beating while active jobs drain.
    await Promise.all(workers.map((w) => w.close()));
    await heartbeat.stop();
    await producers.close();
    await flags.close();
    await closeRealtime();
    await connection.quit();
    logger.info({ workerId }, "worker stopped");
  };
  let stopping: Promise<void> | undefined;
  return { id: workerId, stop: () => (stopping ??= stop()), isRunning: () => stopping === undefined };
}

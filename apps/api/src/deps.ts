import type { Env, Logger } from "@atrium/config";
import type { Db } from "@atrium/db";
import type { Redis } from "ioredis";
import type { SessionCache } from "@atrium/core";
import type { JobQueues } from "@atrium/core/queues";
import type { FlagRuntime, RealtimeHub } from "@atrium/core";

/** What the api process holds: connections and config, nothing per-request. */
export interface ApiDeps {
  config: Env;
  db: Db;
  redis: Redis;
  /** Producers' handle on the BullMQ queues (its own blocking-safe connection). */
  jobs: JobQueues;
  logger: Logger;
  /** Feature flags in memory, refreshed through Redis pub/sub (startFlagRuntime). */
  flags: FlagRuntime;
  now: () => Date;
  /** The session cache (http/session-cache-sync.ts); without one every request reads its session from Postgres. */
  sessionCache?: SessionCache;
  /** The process's realtime subscriber hub (one Redis connection for every event stream); without one, streams answer 503. */
  realtimeHub?: RealtimeHub;
}

import type { Env, Logger } from "@atrium/config";
import type { DbOrTx } from "@atrium/db";
import type { SessionCache } from "../auth/session-cache.service.js";
import type { JobQueues } from "../queues/enqueue.js";
import type { FlagEvaluator } from "../flags/flag-runtime.js";
import type { RealtimePublisher } from "../realtime/realtime.service.js";

/** Everything a service needs from the outside world, passed in, never imported. */
export interface ServiceContext {
  db: DbOrTx;
  config: Env;
  logger: Logger;
  now: () => Date;
  /** Producers' handle on the queues; absent in contexts that never enqueue (scripts, some tests). */
  jobs?: JobQueues;
  /**
   * Feature flags, evaluated in memory. The api always has them; contexts without them
   * (worker internals, scripts, other domains' tests) gate nothing.
   */
  flags?: FlagEvaluator;
  /** The api process's session cache; services that end sessions or change users invalidate it (auth/session-cache.ts). */
  sessionCache?: SessionCache;
  /** Live events to streams on every api process (realtime/); absent where nobody listens (scripts, some tests). */
  realtime?: RealtimePublisher;
}

/** Who is acting, once authenticated. */
export interface Actor {
  userId: string;
  username: string;
  accountId: string | null;
  isStaff: boolean;
}

/** Where a request came from, for audit and session records. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

import type { Env, Logger } from "@atrium/config";
import type { Db } from "@atrium/db";
import type { Redis } from "ioredis";

/** What the api process holds: connections and config, nothing per-request. */
export interface ApiDeps {
  config: Env;
  db: Db;
  redis: Redis;
  logger: Logger;
  now: () => Date;
}

import type { Env, Logger } from "@atrium/config";
import type { Db } from "@atrium/db";
import type { Analyzer, EmailTransport } from "@atrium/core";

/** What a worker process is given; it opens its own Redis connections from `redisUrl`. */
export interface WorkerDeps {
  config: Env;
  db: Db;
  redisUrl: string;
  logger: Logger;
  now: () => Date;
  /** Where `email.send` delivers; defaults to the transport the config selects (SMTP, Resend or the outbox). */
  emailTransport?: EmailTransport;
  /** Defaults to the analyzer the config selects (ANALYZER). */
  analyzer?: Analyzer;
}

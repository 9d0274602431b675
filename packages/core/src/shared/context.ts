import type { Env, Logger } from "@atrium/config";
import type { DbOrTx } from "@atrium/db";

/** Everything a service needs from the outside world, passed in, never imported. */
export interface ServiceContext {
  db: DbOrTx;
  config: Env;
  logger: Logger;
  now: () => Date;
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

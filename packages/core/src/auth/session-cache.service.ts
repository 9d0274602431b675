import { LRUCache } from "lru-cache";
import type { Logger } from "@atrium/config";
import type { ServiceContext } from "../shared/context.js";
import type { AccountRow } from "../accounts/tenant.repository.js";
import type { UserRow } from "../users/user.repository.js";
import type { AccountRole, SessionRow } from "./session.repository.js";

/** What a session token resolves to: the one row `validateSessionToken` reads. */
export interface SessionLookup {
  session: SessionRow;
  user: UserRow;
  account: AccountRow | null;
  /** The user's role in that account (null without one); role changes invalidate like any other change. */
  accountRole: AccountRole | null;
}

/** Something that ended or changed: a session (logout) or a user (disable, password, profile, account role). */
export type AuthChange = { sessionId: string } | { userId: string };

/**
 * The in-process session cache of one api process: session id → its session,
 * user and account, kept at most `ttlMs`. Every change that ends a session or
 * alters a user drops the entries here and is published (Redis pub/sub, see
 * apps/api) so every other process drops them too; `ttlMs` is the bound when a
 * message is lost (Redis down): a change is seen everywhere within it.
 */
export interface SessionCache {
  readonly ttlMs: number;
  /** Read before the database; `epoch()` taken before the read decides whether `set` may store it. */
  get(sessionId: string): SessionLookup | undefined;
  epoch(): number;
  /** Stores a lookup unless an invalidation arrived since `epochBefore` (the row read may predate it). */
  set(sessionId: string, value: SessionLookup, epochBefore: number): void;
  /** Drops locally only: what a pub/sub message from another process does. */
  drop(change: AuthChange | "all"): void;
  /** Drops locally and tells every other process. Call after the change has committed. */
  invalidate(change: AuthChange): Promise<void>;
  /**
   * Whether changes from other processes are reaching us (apps/api: the pub/sub subscription is up).
   * While not, the cache answers nothing and stores nothing, so a lost message can't be served from it.
   */
  setLive(live: boolean): void;
}

export interface SessionCacheOptions {
  ttlMs: number;
  max?: number;
  /** Sends a change to the other processes (apps/api publishes on Redis); absent for a single process. */
  publish?: (change: AuthChange) => Promise<unknown>;
  logger?: Logger;
}

export function createSessionCache({ ttlMs, max = 10_000, publish, logger }: SessionCacheOptions): SessionCache {
  const entries = new LRUCache<string, SessionLookup>({ max, ttl: ttlMs });
  // Bumped by every invalidation: a lookup that read the database before it must not be stored after it.
  let epoch = 0;
  const drop = (change: AuthChange | "all") => {
    epoch++;
    if (change === "all") return entries.clear();
    if ("sessionId" in change) return void entries.delete(change.sessionId);
    const ids = [...entries.entries()].filter(([, v]) => v.user.id === change.userId).map(([id]) => id);
    for (const id of ids) entries.delete(id);
  };
  let live = !publish;
  return {
    ttlMs,
    get: (id) => (live ? entries.get(id) : undefined),
    epoch: () => epoch,
    set: (id, value, epochBefore) => {
      if (live && epochBefore === epoch) entries.set(id, value);
    },
    setLive(next) {
      if (next !== live) drop("all");
      live = next;
    },
    drop,
    async invalidate(change) {
      drop(change);
      // The TTL still bounds staleness elsewhere when Redis is away; the change itself has committed.
      await publish?.(change).catch((err: unknown) => logger?.warn({ err }, "session cache invalidation not published"));
    },
  };
}

/** Encodes a change for the wire (and back): `s:<session id>` or `u:<user id>`. */
export const encodeAuthChange = (c: AuthChange) => ("sessionId" in c ? `s:${c.sessionId}` : `u:${c.userId}`);
export function decodeAuthChange(message: string): AuthChange | "all" {
  if (message.startsWith("s:")) return { sessionId: message.slice(2) };
  if (message.startsWith("u:")) return { userId: message.slice(2) };
  return "all";
}

/** After a committed change: this process's cache and every other one forget it. No-op without a cache. */
export async function authChanged(ctx: Pick<ServiceContext, "sessionCache">, change: AuthChange): Promise<void> {
  await ctx.sessionCache?.invalidate(change);
}

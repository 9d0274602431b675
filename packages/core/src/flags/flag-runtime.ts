import { randomBytes } from "node:crypto";
import { OpenFeature, NOOP_PROVIDER, type Client } from "@openfeature/server-sdk";
import type { Logger } from "@atrium/config";
import type { DbOrTx } from "@atrium/db";
import type { Redis } from "ioredis";
import { FlagStore } from "./flag-store.js";
import { FLAGS, type TFlagValue } from "./flags.schema.js";
import { AtriumFlagProvider, contextOf } from "./provider.js";
import type { FlagSubject } from "./targeting.js";

const KNOWN_FLAGS = new Set<string>(Object.values(FLAGS));

/** What services use to read flags; evaluation never touches the database. */
export interface FlagEvaluator {
  /** The flag's value for the subject; undefined when no such flag exists. */
  value(key: string, subject: FlagSubject): Promise<TFlagValue | undefined>;
  /** A boolean flag; a missing flag or another type counts as off. */
  isEnabled(key: string, subject: FlagSubject): Promise<boolean>;
  /** Every flag, evaluated for the subject. */
  evaluateAll(subject: FlagSubject): Promise<Record<string, TFlagValue>>;
  /** Call after writing the table: reloads here, then tells every other process to. */
  changed(): Promise<void>;
}

export interface FlagRuntime extends FlagEvaluator {
  store: FlagStore;
  client: Client;
  close(): Promise<void>;
}

export interface FlagRuntimeOptions {
  db: DbOrTx;
  /** Publishes changes; a dedicated subscriber connection is duplicated from it (same TLS options). */
  redis: Redis;
  prefix: string;
  environment: string;
  logger: Logger;
  /** Safety net when a pub/sub message is lost (Redis restarted mid-change): reload this often anyway. */
  refreshEveryMs?: number;
}

export const flagChannel = (prefix: string) => `${prefix}:flags:changed`;

/**
 * Loads every flag into memory, registers Atrium's provider with OpenFeature (in a domain of
 * its own, so several runtimes can share a test process) and keeps the map fresh: it
 * subscribes to the change channel before the first read, so no change can fall between the
 * two, and reloads on every message and every reconnect.
 */
export async function startFlagRuntime(opts: FlagRuntimeOptions): Promise<FlagRuntime> {
  const store = new FlagStore({ db: opts.db, environment: opts.environment, logger: opts.logger });
  const channel = flagChannel(opts.prefix);
  const subscriber = opts.redis.duplicate({ lazyConnect: true, enableOfflineQueue: true, maxRetriesPerRequest: null });
  subscriber.on("error", (err: Error) => opts.logger.warn({ err: err.message }, "feature flags: subscriber error"));
  subscriber.on("message", (ch: string) => {
    if (ch === channel) void store.reload().catch(() => undefined);
  });
  await subscriber.connect();
  await subscriber.subscribe(channel);
  // After a reconnect (ioredis re-subscribes by itself) messages sent meanwhile are gone: read again.
  subscriber.on("ready", () => void store.reload().catch(() => undefined));
  await store.reload();

  const domain = `atrium-${randomBytes(6).toString("hex")}`;
  await OpenFeature.setProviderAndWait(domain, new AtriumFlagProvider(store));
  const client = OpenFeature.getClient(domain);
  const timer = setInterval(() => void store.reload().catch(() => undefined), opts.refreshEveryMs ?? 60_000);
  timer.unref();

  const value = async (key: string, subject: FlagSubject): Promise<TFlagValue | undefined> => {
    const flag = store.get(key);
    if (!flag) return undefined;
    const ctx = contextOf(subject);
    if (flag.type === "boolean") return client.getBooleanValue(key, false, ctx);
    if (flag.type === "string") return client.getStringValue(key, "", ctx);
    if (flag.type === "number") return client.getNumberValue(key, 0, ctx);
    return (await client.getObjectValue(key, {}, ctx)) as TFlagValue;
  };

  return {
    store,
    client,
    value,
    // A built-in flag is on until staff turn it off: a database that never ran bootstrap (a bare
    // migrate, a restored backup of an older version) must not silently switch features off.
    isEnabled: (key, subject) => client.getBooleanValue(key, KNOWN_FLAGS.has(key), contextOf(subject)),
    evaluateAll: async (subject) => {
      const entries = await Promise.all(store.all().map(async (f) => [f.key, await value(f.key, subject)] as const));
      return Object.fromEntries(entries.filter((e): e is readonly [string, TFlagValue] => e[1] !== undefined));
    },
    changed: async () => {
      await store.reload();
      await opts.redis.publish(channel, "changed");
    },
    close: async () => {
      clearInterval(timer);
      await OpenFeature.setProviderAndWait(domain, NOOP_PROVIDER);
      subscriber.disconnect();
    },
  };
}

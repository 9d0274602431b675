import { readFileSync } from "node:fs";
import type { Env } from "./env.js";
import { ZEnv } from "./env.js";

export interface ConfigEntry {
  name: string;
  /** As the process uses it, secrets replaced by `[redacted]`; null when unset. */
  value: string | null;
  secret: boolean;
}

/** Variables whose value is a credential; URLs elsewhere keep their host but lose any password. */
const SECRET = /SECRET|(PASSWORD|TOKEN|API_KEY|ACCESS_KEY_ID|DSN)$/;

function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = "[redacted]";
    return url.toString().replace("%5Bredacted%5D", "[redacted]");
  } catch {
    return value;
  }
}

const show = (v: unknown): string | null => (v === undefined || v === null ? null : Array.isArray(v) ? v.join(",") : String(v));

/** The effective configuration, every variable of the schema, safe to print or show to staff. */
export function describeConfig(env: Env): ConfigEntry[] {
  return Object.keys(ZEnv.shape).map((name) => {
    const raw = show((env as Record<string, unknown>)[name]);
    const secret = SECRET.test(name) && !name.endsWith("_FILE");
    const value = raw === null ? null : secret ? "[redacted]" : /_URL$/.test(name) ? redactUrl(raw) : raw;
    return { name, value, secret };
  });
}

/**
 * ioredis options for REDIS_URL: a `rediss://` URL already means TLS to ioredis; a private CA
 * (REDIS_TLS_CA_FILE) is added so a self-signed server certificate verifies.
 */
export function redisOptions(env: Pick<Env, "REDIS_URL" | "REDIS_TLS_CA_FILE">): { tls?: { ca: string } } {
  if (!env.REDIS_URL?.startsWith("rediss://") || !env.REDIS_TLS_CA_FILE) return {};
  return { tls: { ca: readFileSync(env.REDIS_TLS_CA_FILE, "utf8") } };
}

/** What every process logs at startup: the same report `atrium config check` prints, secrets redacted. */
export function logEffectiveConfig(env: Env, logger: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void }, warnings: string[]): void {
  const set = describeConfig(env).filter((e) => e.value !== null);
  logger.info({ environment: env.ATRIUM_ENV, config: Object.fromEntries(set.map((e) => [e.name, e.value])) }, "effective configuration");
  for (const warning of warnings) logger.warn({ environment: env.ATRIUM_ENV }, `configuration: ${warning}`);
}

import { accessSync, constants } from "node:fs";
import type { Env } from "./env.js";
import { LOOPBACK_HOSTS, PROFILES } from "./profiles.js";

type Unresolved = Omit<Env, "ALLOWED_HOSTS" | "SECURE_SSL_REDIRECT" | "HSTS_SECONDS"> & {
  ALLOWED_HOSTS?: string[] | undefined;
  SECURE_SSL_REDIRECT?: boolean | undefined;
  HSTS_SECONDS?: number | undefined;
};

const SSL_MODES = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full", "no-verify"];

/** The profile's defaults for whatever the operator left unset. */
export function resolveProfile(env: Unresolved): Env {
  const profile = PROFILES[env.ATRIUM_ENV];
  const allowedHosts = env.ALLOWED_HOSTS ?? (profile.allowedHosts === "any" ? ["*"] : [new URL(env.PUBLIC_URL).host.toLowerCase(), ...LOOPBACK_HOSTS]);
  return {
    ...env,
    ALLOWED_HOSTS: allowedHosts,
    // Only behind a proxy can the api know the client spoke plain http (X-Forwarded-Proto); directly, it serves what it is given.
    SECURE_SSL_REDIRECT: env.SECURE_SSL_REDIRECT ?? (!profile.devDefaults && env.TRUST_PROXY !== false),
    HSTS_SECONDS: env.HSTS_SECONDS ?? profile.hstsSeconds,
    DATABASE_URL: env.DATABASE_URL && env.DATABASE_CA_FILE ? withRootCert(env.DATABASE_URL, env.DATABASE_CA_FILE) : env.DATABASE_URL,
  };
}

/** pg reads sslrootcert (a path) from the URL; naming a CA means verifying the server, so sslmode defaults to verify-full. */
function withRootCert(databaseUrl: string, caFile: string): string {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has("sslrootcert")) url.searchParams.set("sslrootcert", caFile);
  if (!url.searchParams.has("sslmode")) url.searchParams.set("sslmode", "verify-full");
  return url.toString();
}

const readable = (file: string) => {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
};

/** What the profile refuses beyond secrets, and settings that can't work (unreadable CA files, TLS without TLS). */
export function profileProblems(env: Env): string[] {
  const profile = PROFILES[env.ATRIUM_ENV];
  const problems: string[] = [];
  if (!profile.testStripeKeys && env.STRIPE_SECRET_KEY && /^(sk|rk)_test_/.test(env.STRIPE_SECRET_KEY)) {
    problems.push(`STRIPE_SECRET_KEY: a test-mode key is not accepted in ${env.ATRIUM_ENV} (staging takes one)`);
  }
  if (!profile.verboseLogs && (env.LOG_LEVEL === "debug" || env.LOG_LEVEL === "trace")) {
    problems.push(`LOG_LEVEL: ${env.LOG_LEVEL} is not accepted in ${env.ATRIUM_ENV} (staging takes it); use info or quieter`);
  }
  if (env.REDIS_TLS_CA_FILE) {
    if (!readable(env.REDIS_TLS_CA_FILE)) problems.push(`REDIS_TLS_CA_FILE: cannot read ${env.REDIS_TLS_CA_FILE}`);
    if (env.REDIS_URL && !env.REDIS_URL.startsWith("rediss://")) problems.push("REDIS_TLS_CA_FILE: set, but REDIS_URL is not rediss:// (TLS)");
  }
  if (env.DATABASE_CA_FILE && !readable(env.DATABASE_CA_FILE)) problems.push(`DATABASE_CA_FILE: cannot read ${env.DATABASE_CA_FILE}`);
  const sslmode = env.DATABASE_URL ? new URL(env.DATABASE_URL).searchParams.get("sslmode") : null;
  if (sslmode !== null && !SSL_MODES.includes(sslmode)) problems.push(`DATABASE_URL: sslmode must be one of ${SSL_MODES.join(", ")}`);
  if (env.ALLOWED_HOSTS.length === 0) problems.push("ALLOWED_HOSTS: empty; name the hosts users reach (or * for any)");
  return problems;
}

const isLocal = (url: string | undefined) => {
  if (!url) return true;
  const host = new URL(url).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host === "::1";
};

/** Settings that work but that an operator of staging/production probably didn't mean; shown, never refused. */
export function configWarnings(env: Env): string[] {
  if (PROFILES[env.ATRIUM_ENV].devDefaults) return [];
  const warnings: string[] = [];
  if (env.ALLOWED_HOSTS.includes("*")) warnings.push("ALLOWED_HOSTS: * answers any Host header");
  if (env.TRUST_PROXY !== false && !env.SECURE_SSL_REDIRECT) warnings.push("SECURE_SSL_REDIRECT: off behind a proxy; plain-http requests are served");
  if (env.HSTS_SECONDS === 0) warnings.push("HSTS_SECONDS: 0, browsers are not told to insist on https");
  if (env.DATABASE_URL && !isLocal(env.DATABASE_URL) && !new URL(env.DATABASE_URL).searchParams.get("sslmode")) {
    warnings.push("DATABASE_URL: a remote Postgres without sslmode; add ?sslmode=verify-full (and DATABASE_CA_FILE for a private CA)");
  }
  if (env.REDIS_URL && !isLocal(env.REDIS_URL) && env.REDIS_URL.startsWith("redis://")) warnings.push("REDIS_URL: a remote Redis over plain TCP; use rediss:// (REDIS_TLS_CA_FILE for a private CA)");
  return warnings;
}

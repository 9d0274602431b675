import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "pg-connection-string";
import { describe, expect, it } from "vitest";
import { describeConfig } from "./describe.js";
import { ATRIUM_ENVS, PROFILES } from "./profiles.js";
import { allowsDevDefaults, checkConfig, loadConfig } from "./env.js";

const secrets = { SESSION_SECRET: "s".repeat(40), BOOTSTRAP_ADMIN_PASSWORD: "a-strong-admin-pass" };

describe("environment profiles", () => {
  it("derives ATRIUM_ENV from NODE_ENV, failing closed to production", () => {
    expect(loadConfig({ NODE_ENV: "development" }).ATRIUM_ENV).toBe("development");
    expect(loadConfig({ NODE_ENV: "test" }).ATRIUM_ENV).toBe("test");
    expect(loadConfig(secrets).ATRIUM_ENV).toBe("production");
    expect(loadConfig({ ...secrets, NODE_ENV: "production", ATRIUM_ENV: "staging" }).ATRIUM_ENV).toBe("staging");
  });

  it("gives each profile its documented defaults", () => {
    for (const name of ATRIUM_ENVS) {
      const env = loadConfig({ ...secrets, ATRIUM_ENV: name, PUBLIC_URL: "https://app.example.com" });
      const profile = PROFILES[name];
      expect(allowsDevDefaults(env)).toBe(profile.devDefaults);
      expect(env.HSTS_SECONDS).toBe(profile.hstsSeconds);
      expect(env.ALLOWED_HOSTS).toEqual(profile.allowedHosts === "any" ? ["*"] : ["app.example.com", "localhost", "127.0.0.1", "[::1]"]);
      // Without a proxy in front the api can't tell http from https, so it never redirects by default.
      expect(env.SECURE_SSL_REDIRECT).toBe(false);
      expect(loadConfig({ ...secrets, ATRIUM_ENV: name, TRUST_PROXY: "1" }).SECURE_SSL_REDIRECT).toBe(!profile.devDefaults);
    }
    expect(PROFILES.staging.secureCookies && PROFILES.production.secureCookies).toBe(true);
    expect(PROFILES.development.secureCookies || PROFILES.test.secureCookies).toBe(false);
  });

  it("lets an operator override every profile default", () => {
    const env = loadConfig({ ...secrets, ATRIUM_ENV: "production", ALLOWED_HOSTS: "api.example.com, .example.org", HSTS_SECONDS: "600", SECURE_SSL_REDIRECT: "false", TRUST_PROXY: "1", COOKIE_DOMAIN: ".example.com" });
    expect(env.ALLOWED_HOSTS).toEqual(["api.example.com", ".example.org"]);
    expect(env.HSTS_SECONDS).toBe(600);
    expect(env.SECURE_SSL_REDIRECT).toBe(false);
    expect(env.COOKIE_DOMAIN).toBe(".example.com");
  });

  it("staging takes what production refuses: test Stripe keys and verbose logs; secrets it refuses alike", () => {
    const risky = { ...secrets, STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_real", LOG_LEVEL: "debug" };
    expect(loadConfig({ ...risky, ATRIUM_ENV: "staging" }).LOG_LEVEL).toBe("debug");
    const { problems } = checkConfig({ ...risky, ATRIUM_ENV: "production" });
    expect(problems.map((p) => p.split(":")[0])).toEqual(["STRIPE_SECRET_KEY", "LOG_LEVEL"]);
    expect(checkConfig({ ATRIUM_ENV: "staging" }).problems.map((p) => p.split(":")[0])).toEqual(["SESSION_SECRET", "BOOTSTRAP_ADMIN_PASSWORD"]);
  });

  it("reports schema errors and profile refusals together, in one list", () => {
    const { env, problems } = checkConfig({ ATRIUM_ENV: "production", API_PORT: "abc", LOG_LEVEL: "trace", REDIS_TLS_CA_FILE: "/nonexistent/ca.pem", REDIS_URL: "redis://localhost:6379" });
    expect(env).toBeUndefined();
    expect(problems.map((p) => p.split(":")[0])).toEqual(["API_PORT", "SESSION_SECRET", "BOOTSTRAP_ADMIN_PASSWORD", "LOG_LEVEL", "REDIS_TLS_CA_FILE", "REDIS_TLS_CA_FILE"]);
  });

  it("passes sslmode and a CA file through to pg", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atrium-ca-"));
    const ca = path.join(dir, "ca.pem");
    writeFileSync(ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    const env = loadConfig({ NODE_ENV: "test", DATABASE_URL: "postgres://u:p@db.internal:5432/atrium", DATABASE_CA_FILE: ca });
    const pg = parse(env.DATABASE_URL ?? "");
    expect(pg.ssl).toMatchObject({ ca: expect.stringContaining("BEGIN CERTIFICATE") });
    expect(new URL(env.DATABASE_URL ?? "").searchParams.get("sslmode")).toBe("verify-full");
    const required = parse(loadConfig({ NODE_ENV: "test", DATABASE_URL: "postgres://u:p@db.internal/atrium?sslmode=require" }).DATABASE_URL ?? "");
    expect(required.ssl).toBeTruthy();
    expect(checkConfig({ NODE_ENV: "test", DATABASE_URL: "postgres://u:p@h/db?sslmode=sometimes" }).problems[0]).toMatch(/^DATABASE_URL: sslmode/);
  });

  it("redacts secrets and URL passwords when describing the configuration", () => {
    const env = loadConfig({ ...secrets, NODE_ENV: "production", DATABASE_URL: "postgres://atrium:hunter2@db/atrium", STRIPE_SECRET_KEY: "sk_live_123", STRIPE_WEBHOOK_SECRET: "whsec_x" });
    const entries = Object.fromEntries(describeConfig(env).map((e) => [e.name, e.value]));
    expect(JSON.stringify(entries)).not.toMatch(/hunter2|sk_live_123|whsec_x|a-strong-admin-pass|ssss/);
    expect(entries.DATABASE_URL).toBe("postgres://atrium:[redacted]@db/atrium");
    expect(entries.SESSION_SECRET).toBe("[redacted]");
    expect(entries.ATRIUM_ENV).toBe("production");
    // Settings named like secrets but not secret stay readable.
    expect(entries.PASSWORD_MIN_LENGTH).toBe("8");
    expect(describeConfig(env).filter((e) => e.secret).map((e) => e.name)).toEqual(expect.arrayContaining(["SESSION_SECRET", "BOOTSTRAP_ADMIN_PASSWORD", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "METRICS_TOKEN", "LLM_API_KEY", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "SENTRY_DSN", "RESEND_API_KEY"]));
  });
});

import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./env.js";

describe("loadConfig", () => {
  it("applies defaults on an empty environment", () => {
    const env = loadConfig({});
    expect(env.API_PORT).toBe(8000);
    expect(env.CORS_ORIGINS).toEqual(["http://localhost:3000"]);
  });

  it("reports every invalid variable at once, by name", () => {
    try {
      loadConfig({ API_PORT: "abc", DATABASE_URL: "mysql://x", SIGNUP_MODE: "maybe" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const names = (e as ConfigError).problems.map((p) => p.split(":")[0]);
      expect(names.sort()).toEqual(["API_PORT", "DATABASE_URL", "SIGNUP_MODE"]);
    }
  });

  it("refuses production with default secrets", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET[\s\S]*BOOTSTRAP_ADMIN_PASSWORD/);
  });

  it("refuses the dev Stripe webhook secret in production once Stripe is configured", () => {
    const prod = { NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), BOOTSTRAP_ADMIN_PASSWORD: "a-strong-admin-pass" };
    expect(() => loadConfig(prod)).not.toThrow();
    expect(() => loadConfig({ ...prod, STRIPE_SECRET_KEY: "sk_live_x" })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(loadConfig({ ...prod, STRIPE_SECRET_KEY: "sk_live_x", STRIPE_WEBHOOK_SECRET: "whsec_real" }).STRIPE_WEBHOOK_SECRET).toBe("whsec_real");
  });

  it("checks the top-up bounds", () => {
    expect(loadConfig({}).TOPUP_MIN_DOLLARS).toBe(5);
    expect(() => loadConfig({ TOPUP_MIN_DOLLARS: "50", TOPUP_MAX_DOLLARS: "10" })).toThrow(/TOPUP_MIN_DOLLARS/);
  });

  it("migrates on api start by default in development only; an explicit value wins", () => {
    const prod = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40), BOOTSTRAP_ADMIN_PASSWORD: "a-real-one" };
    expect(loadConfig({}).MIGRATE_ON_START).toBe(true);
    expect(loadConfig(prod).MIGRATE_ON_START).toBe(false);
    expect(loadConfig({ ...prod, MIGRATE_ON_START: "true" }).MIGRATE_ON_START).toBe(true);
    expect(loadConfig({ MIGRATE_ON_START: "false" }).MIGRATE_ON_START).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { allowsDevDefaults, ConfigError, loadConfig } from "./env.js";

describe("loadConfig", () => {
  it("applies defaults on an empty development environment", () => {
    const env = loadConfig({ NODE_ENV: "development" });
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
      // Unset NODE_ENV = production: its refusals come in the same list.
      expect(names.sort()).toEqual(["API_PORT", "BOOTSTRAP_ADMIN_PASSWORD", "DATABASE_URL", "NODE_ENV", "SESSION_SECRET", "SIGNUP_MODE"]);
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

  it("treats an unset NODE_ENV as production: no default secrets, no admin123", () => {
    try {
      loadConfig({});
      expect.unreachable();
    } catch (e) {
      const names = (e as ConfigError).problems.map((p) => p.split(":")[0]);
      expect(names).toEqual(["SESSION_SECRET", "BOOTSTRAP_ADMIN_PASSWORD", "NODE_ENV"]);
    }
    const secrets = { SESSION_SECRET: "s".repeat(40), BOOTSTRAP_ADMIN_PASSWORD: "a-strong-admin-pass" };
    expect(loadConfig(secrets).NODE_ENV).toBe("production");
    expect(allowsDevDefaults(loadConfig(secrets))).toBe(false);
    expect(allowsDevDefaults(loadConfig({ NODE_ENV: "development" }))).toBe(true);
    expect(allowsDevDefaults(loadConfig({ NODE_ENV: "test" }))).toBe(true);
  });

  it("refuses the Stripe stand-in server outside development and tests", () => {
    const secrets = { SESSION_SECRET: "s".repeat(40), BOOTSTRAP_ADMIN_PASSWORD: "a-strong-admin-pass" };
    const standIn = { STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: "12111", STRIPE_API_PROTOCOL: "http" };
    expect(() => loadConfig({ ...secrets, ...standIn })).toThrow(/STRIPE_API_HOST[\s\S]*STRIPE_API_PORT[\s\S]*STRIPE_API_PROTOCOL/);
    expect(() => loadConfig({ ...secrets, NODE_ENV: "production", STRIPE_API_PROTOCOL: "http" })).toThrow(/STRIPE_API_PROTOCOL/);
    expect(loadConfig({ NODE_ENV: "test", ...standIn }).STRIPE_API_PROTOCOL).toBe("http");
  });

  it("trusts proxies by hop count or address, never blindly", () => {
    const dev = { NODE_ENV: "test" };
    expect(loadConfig(dev).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...dev, TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...dev, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ ...dev, TRUST_PROXY: "10.0.0.0/8, loopback, ::1" }).TRUST_PROXY).toEqual(["10.0.0.0/8", "loopback", "::1"]);
    expect(() => loadConfig({ ...dev, TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY: .*true would trust any client/);
    expect(() => loadConfig({ ...dev, TRUST_PROXY: "10.0.0.0/99,proxy.local" })).toThrow(/TRUST_PROXY: .*10\.0\.0\.0\/99, proxy\.local/);
  });

  it("checks the top-up bounds", () => {
    expect(loadConfig({ NODE_ENV: "test" }).TOPUP_MIN_DOLLARS).toBe(5);
    expect(() => loadConfig({ NODE_ENV: "test", TOPUP_MIN_DOLLARS: "50", TOPUP_MAX_DOLLARS: "10" })).toThrow(/TOPUP_MIN_DOLLARS/);
  });

  it("migrates on api start by default in development only; an explicit value wins", () => {
    const prod = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40), BOOTSTRAP_ADMIN_PASSWORD: "a-real-one" };
    expect(loadConfig({ NODE_ENV: "development" }).MIGRATE_ON_START).toBe(true);
    expect(loadConfig(prod).MIGRATE_ON_START).toBe(false);
    expect(loadConfig({ ...prod, MIGRATE_ON_START: "true" }).MIGRATE_ON_START).toBe(true);
    expect(loadConfig({ NODE_ENV: "development", MIGRATE_ON_START: "false" }).MIGRATE_ON_START).toBe(false);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "./env.js";
import { repoRoot } from "./paths.js";

// An unset NODE_ENV is production; these cases are about paths, not secrets.
const dev = { NODE_ENV: "development" };
let root = "";
let cwd = "";
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "atrium-root-"));
  writeFileSync(path.join(root, "pnpm-workspace.yaml"), "packages: []\n");
  mkdirSync(path.join(root, "apps", "worker"), { recursive: true });
  cwd = process.cwd();
});
afterEach(() => {
  process.chdir(cwd);
  rmSync(root, { recursive: true, force: true });
});

describe("paths from the config", () => {
  it("anchors a relative DATA_DIR at the repository root, whatever the working directory", () => {
    process.chdir(path.join(root, "apps", "worker"));
    const env = loadConfig({ ...dev, DATA_DIR: ".data" }, { root });
    expect(env.DATA_DIR).toBe(path.join(root, ".data"));
    expect(loadConfig({ ...dev, DATA_DIR: "/srv/atrium" }, { root }).DATA_DIR).toBe("/srv/atrium");
  });

  it("finds this checkout's root from its own location, not from the working directory", () => {
    process.chdir(os.tmpdir());
    const here = path.resolve(import.meta.dirname, "../../..");
    expect(repoRoot()).toBe(here);
    expect(loadConfig(dev).DATA_DIR).toBe(path.join(here, ".data"));
  });

  it("serves apps/web/dist by default in production only", () => {
    const prod = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(40), BOOTSTRAP_ADMIN_PASSWORD: "a-real-one" };
    expect(loadConfig(prod, { root }).WEB_DIST_DIR).toBe(path.join(root, "apps", "web", "dist"));
    expect(loadConfig(dev, { root }).WEB_DIST_DIR).toBeUndefined();
    expect(loadConfig({ ...dev, WEB_DIST_DIR: "web" }, { root }).WEB_DIST_DIR).toBe(path.join(root, "web"));
  });
});

describe(".env at the repository root", () => {
  const keys = ["API_PORT", "LOG_LEVEL", "SIGNUP_MODE"] as const;
  const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  afterEach(() => {
    for (const k of keys) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it("fills in what the process environment leaves unset; real variables win", () => {
    writeFileSync(path.join(root, ".env"), "API_PORT=8123\nLOG_LEVEL=debug\n# a comment\nSIGNUP_MODE=open\n");
    delete process.env.API_PORT;
    delete process.env.SIGNUP_MODE;
    process.env.LOG_LEVEL = "warn";
    const env = loadConfig(undefined, { root });
    expect(env.API_PORT).toBe(8123);
    expect(env.SIGNUP_MODE).toBe("open");
    expect(env.LOG_LEVEL).toBe("warn");
  });

  it("is not read when the caller passes its own environment (tests)", () => {
    writeFileSync(path.join(root, ".env"), "API_PORT=8123\n");
    expect(loadConfig(dev, { root }).API_PORT).toBe(8000);
  });
});

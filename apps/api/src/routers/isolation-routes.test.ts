import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../server.js";
import { startTestApi } from "../testing.js";
import { expressRoutes } from "./isolation/express-routes.js";
import { pool } from "./isolation/outcome.js";
import { ROUTE_CASES } from "./isolation/route-cases.js";
import { buildWorld, type World } from "./isolation/world.js";

/**
 * The express handlers tRPC doesn't cover (upload, signed files, CSV exports,
 * webhook, local checkout, health, OpenAPI...), walked from the app's own
 * router stack: each must be in ROUTE_CASES, whose probe runs for every caller
 * of tenant A, active or with dead credentials.
 */

let world: World;
beforeAll(async () => {
  world = await buildWorld(await startTestApi({ RATE_LIMIT_ENABLED: "false" }));
}, 60_000);
afterAll(async () => {
  await world?.api.close();
});

describe("tenant isolation of the express routes", () => {
  it("has a case for every handler the app serves, and no case for one it doesn't", () => {
    // With a built SPA to serve, so handlers mounted only then are listed too.
    const spa = mkdtempSync(path.join(tmpdir(), "atrium-spa-"));
    writeFileSync(path.join(spa, "index.html"), "<!doctype html>");
    const { deps } = world.api;
    const served = expressRoutes(createApp({ ...deps, config: { ...deps.config, WEB_DIST_DIR: spa } }));
    rmSync(spa, { recursive: true });
    expect(served.filter((k) => !(k in ROUTE_CASES))).toEqual([]);
    expect(Object.keys(ROUTE_CASES).filter((k) => !served.includes(k))).toEqual([]);
  });

  it("gives no caller another tenant's data or a way in, on any route", async () => {
    const callers = [...world.callers.map((caller) => ({ caller, active: true })), ...world.inactive.map((caller) => ({ caller, active: false }))];
    const tasks = Object.entries(ROUTE_CASES).flatMap(([key, c]) =>
      c.probe ? callers.map(({ caller, active }) => async () => c.probe?.({ world, caller, active }).then((problem) => problem && `[${caller.name}] ${key}: ${problem}`)) : [],
    );
    const problems = (await pool(tasks, 6)).filter((x): x is string => !!x);
    expect(problems).toEqual([]);
  });
});

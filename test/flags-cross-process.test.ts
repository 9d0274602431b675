// Issue 16: flags are cached in each process's memory; a change made through one api must be
// visible on every other within a second (Redis pub/sub), with no restart.
import { freePort } from "@atrium/db/embedded";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiSpec, startService, stopAllServices, waitForApi, createTestStack, type TestStack } from "@atrium/testing";
import { call, token } from "./rest.js";

let stack: TestStack;
const bases: string[] = [];

beforeAll(async () => {
  stack = await createTestStack({ RATE_LIMIT_ENABLED: "false" });
  for (const name of ["api-1", "api-2"]) {
    const port = await freePort();
    const api = startService(apiSpec("dev", { ...stack.env, API_PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }, name));
    bases.push(await waitForApi(api, port));
  }
}, 120_000);

afterAll(async () => {
  await stopAllServices();
  await stack?.db.drop();
});

describe("feature flags across processes", () => {
  it("a flag turned off on api-1 is off on api-2 within a second, and the 403 follows", async () => {
    const [one = "", two = ""] = bases;
    const admin = await token(one, "admin", "admin123");
    const before = await call(two, "GET", "/api/flags/", admin);
    expect(before.body.flags as Record<string, unknown>).toMatchObject({ "ai-analysis": true });

    const changed = await call(one, "PATCH", "/api/admin/flags/ai-analysis/", admin, { targeting: { default: false, rules: [] } });
    expect(changed.status).toBe(200);
    const started = Date.now();
    let seenAfter = Infinity;
    while (Date.now() - started < 3000) {
      const now = await call(two, "GET", "/api/flags/", admin);
      if ((now.body.flags as Record<string, unknown>)["ai-analysis"] === false) {
        seenAfter = Date.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seenAfter).toBeLessThan(1000);
    const refused = await call(two, "POST", "/api/jobs/", admin, { type: "document_analysis", input: { documentId: "00000000-0000-4000-8000-000000000000" } });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/feature flag ai-analysis/);
  }, 60_000);
});

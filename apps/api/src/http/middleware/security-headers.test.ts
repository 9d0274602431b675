import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../testing.js";

let api: TestApi;
let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), "atrium-dist-"));
  await writeFile(path.join(dist, "index.html"), '<!doctype html><div id="root"></div><script type="module" src="/assets/index.js"></script>');
  api = await startTestApi({ WEB_DIST_DIR: dist });
});
afterAll(async () => {
  await api?.close();
  await rm(dist, { recursive: true, force: true });
});

/** The CSP header as a map of directive → sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get("content-security-policy") ?? "";
  return new Map(
    header
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = "", ...sources]) => [name, sources]),
  );
}

describe("Content-Security-Policy", () => {
  it("Swagger UI runs with no inline script allowed, and has none", async () => {
    const res = await fetch(`${api.url}/api/docs/`);
    expect(res.status).toBe(200);
    const policy = csp(res);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    const html = await res.text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toMatch(/\ssrc=/);
  });

  it("the SPA served by the api gets the same policy: scripts from files only, inline styles for Mantine", async () => {
    const res = await fetch(`${api.url}/settings`);
    expect(res.status).toBe(200);
    const policy = csp(res);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
  });

  it("the local checkout page allows no script at all", async () => {
    const res = await fetch(`${api.url}/api/billing/local-checkout/cs_local_nothing`);
    const policy = csp(res);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.has("script-src")).toBe(false);
  });
});

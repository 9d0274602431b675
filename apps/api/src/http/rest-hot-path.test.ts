import { PassThrough } from "node:stream";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Request, RequestHandler, Response } from "express";
import { pino, type Logger } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restFastPath } from "./middleware/rest-fast-path.js";
import { RAW_ROUTES } from "./routes/raw-routes.js";
import { createApp } from "../server.js";
import { startTestApi, type TestApi } from "../testing.js";

// GET /api/me/ is the api's hottest path (issue 13: within 0.8x of bare express + pg).
// What it was made cheaper by must not cost a guarantee: these pin what it still does.

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: "admin123" }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** The app on the test api's deps, logging through `logger`, on its own port. */
async function serve(api: TestApi, logger: Logger): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await new Promise<Server>((resolve) => {
    const s = createApp({ ...api.deps, logger }).listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise((r) => server.close(() => r())) };
}

/** A pino logger writing JSON lines into `lines`, counting the child loggers made from it. */
function countingLogger(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new PassThrough();
  sink.on("data", (b: Buffer) => lines.push(...b.toString().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)));
  const logger = pino({ level }, sink);
  const counts = { children: 0 };
  const child = logger.child.bind(logger);
  logger.child = ((...args: Parameters<Logger["child"]>) => {
    counts.children++;
    return child(...args);
  }) as Logger["child"];
  return { logger, lines, counts };
}

describe("GET /api/me/", () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = await login(api.url);
  });
  afterAll(async () => {
    await api?.close();
  });

  it("answers in one piece with a Content-Length, through the fast path as before it", async () => {
    const res = await fetch(`${api.url}/api/me/`, { headers: { authorization: `Bearer ${token}` } });
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(res.headers.get("transfer-encoding")).toBeNull();
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
    expect(JSON.parse(body.toString()).user.username).toBe("admin");
  });

  it("carries every security header and a request id, as routes further down do", async () => {
    const me = await fetch(`${api.url}/api/me/`, { headers: { authorization: `Bearer ${token}`, "x-request-id": "trace-me-1" } });
    await me.arrayBuffer();
    const health = await fetch(`${api.url}/api/healthz`);
    await health.arrayBuffer();
    expect(me.headers.get("x-request-id")).toBe("trace-me-1");
    for (const name of ["content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy", "cross-origin-opener-policy", "vary"]) {
      expect(health.headers.get(name), name).not.toBeNull();
      expect(me.headers.get(name), name).toBe(health.headers.get(name));
    }
  });

  it("builds no logger of its own when nothing is logged, and logs one line per request when the level says so", async () => {
    const quiet = countingLogger("warn");
    const quietApp = await serve(api, quiet.logger);
    const loud = countingLogger("info");
    const loudApp = await serve(api, loud.logger);
    try {
      const before = quiet.counts.children;
      for (let i = 0; i < 5; i++) expect((await fetch(`${quietApp.url}/api/me/`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect(quiet.counts.children - before).toBe(0);

      const res = await fetch(`${loudApp.url}/api/v1/me/`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      const id = res.headers.get("x-request-id");
      // The line is written when the response finishes, which can be just after the client has it.
      await expect.poll(() => loud.lines.filter((l) => (l.req as { id?: string } | undefined)?.id === id).length).toBe(1);
      const line = loud.lines.find((l) => (l.req as { id?: string } | undefined)?.id === id);
      expect(line).toMatchObject({ msg: "request completed", req: { id, method: "GET", url: "/api/v1/me/" }, res: { statusCode: 200 } });
      expect(typeof line?.responseTime).toBe("number");
    } finally {
      await Promise.all([quietApp.close(), loudApp.close()]);
    }
  });
});

describe("GET /api/me/ within the per-user budget", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_AUTH_PER_HOUR: "3" });
  });
  afterAll(async () => {
    await api?.close();
  });

  it("is still rate limited: the 4th call of the hour is a 429 with Retry-After", async () => {
    const token = await login(api.url);
    const statuses: number[] = [];
    let last: globalThis.Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await fetch(`${api.url}/api/me/`, { headers: { authorization: `Bearer ${token}` } });
      await last.arrayBuffer();
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("the REST fast path", () => {
  it("never takes a request a raw route (upload, download, webhook, export, event stream) answers", () => {
    let taken = 0;
    const chain: RequestHandler[] = [() => void taken++];
    const fast = restFastPath(chain);
    for (const route of RAW_ROUTES) {
      const path = route.path.replace(/:(\w+)/g, "x1").replace(/\*\w+/, "a/b");
      let passedOn = false;
      fast({ method: route.method.toUpperCase(), path, url: path } as Request, {} as Response, () => void (passedOn = true));
      expect(passedOn, `${route.method} ${route.path}`).toBe(true);
    }
    expect(taken).toBe(0);
  });

  it("takes a JSON procedure's literal path, with or without its trailing slash, and leaves other methods on it alone", () => {
    let taken = 0;
    const fast = restFastPath([() => void taken++]);
    const run = (method: string, path: string) => {
      let passedOn = false;
      fast({ method, path, url: path } as Request, {} as Response, () => void (passedOn = true));
      return passedOn;
    };
    expect(run("GET", "/me/")).toBe(false);
    expect(run("GET", "/me")).toBe(false);
    expect(taken).toBe(2);
    expect(run("DELETE", "/me/")).toBe(true);
    expect(run("GET", "/me//")).toBe(true);
    // POST /documents/ is the upload (a raw route); GET /documents/ is the list procedure.
    expect(run("POST", "/documents/")).toBe(true);
    expect(run("GET", "/documents/")).toBe(false);
  });
});

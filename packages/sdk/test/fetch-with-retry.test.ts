import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchWithRetry, parseRetryAfter } from "../src/fetch-with-retry.js";

// A real server that answers from a script, one entry per request, then 200.
let server: Server;
let url: string;
let script: Array<{ status: number; headers?: Record<string, string>; delayMs?: number }> = [];
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits++;
    req.resume();
    const next = script.shift() ?? { status: 200 };
    const answer = () => {
      if (res.destroyed) return;
      res.writeHead(next.status, { "content-type": "text/plain", ...next.headers });
      res.end(next.status === 200 ? "ok" : "busy");
    };
    if (next.delayMs) setTimeout(answer, next.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  script = [];
  hits = 0;
});

const retrying = (retries = 3, maxDelayMs?: number) => fetchWithRetry(fetch, { retries, maxDelayMs, baseDelayMs: 10 });

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

describe("fetchWithRetry", () => {
  it("retries a 429 after Retry-After seconds", async () => {
    script = [{ status: 429, headers: { "retry-after": "1" } }];
    const { value: res, ms } = await timed(() => retrying()(url));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
    expect(hits).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(950);
  });

  it("retries a 503 until the Retry-After HTTP date", async () => {
    // HTTP dates have whole seconds: two seconds ahead is at least one second away.
    script = [{ status: 503, headers: { "retry-after": new Date(Date.now() + 2000).toUTCString() } }];
    const { value: res, ms } = await timed(() => retrying()(url));
    expect(res.status).toBe(200);
    expect(hits).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(4000);
  });

  it("gives up after `retries` retries and returns the last answer", async () => {
    script = Array.from({ length: 5 }, () => ({ status: 503, headers: { "retry-after": "0" } }));
    const res = await retrying(2)(url);
    expect(res.status).toBe(503);
    expect(hits).toBe(3);
  });

  it("retries 502 and 504 from a gateway, with backoff when no Retry-After is given", async () => {
    script = [{ status: 502 }, { status: 504 }];
    const res = await retrying()(url);
    expect(res.status).toBe(200);
    expect(hits).toBe(3);
  });

  it("resends a change (POST) only when the api cannot have acted on it, unless it is idempotent", async () => {
    script = [{ status: 502 }];
    expect((await retrying()(url, { method: "POST", body: "x" })).status).toBe(502);
    expect(hits).toBe(1);
    script = [{ status: 503, headers: { "retry-after": "0" } }, { status: 429, headers: { "retry-after": "0" } }];
    hits = 0;
    expect((await retrying()(url, { method: "POST", body: "x" })).status).toBe(200);
    expect(hits).toBe(3);
    script = [{ status: 504 }];
    hits = 0;
    expect((await fetchWithRetry(fetch, { idempotent: true, baseDelayMs: 10 })(url, { method: "POST", body: "x" })).status).toBe(200);
    expect(hits).toBe(2);
  });

  it("gives up on a slow answer after timeoutMs and tries again", async () => {
    script = [{ status: 200, delayMs: 5000 }];
    const res = await fetchWithRetry(fetch, { timeoutMs: 200, baseDelayMs: 10 })(url);
    expect(res.status).toBe(200);
    expect(hits).toBe(2);
  });

  it("throws a TimeoutError when every attempt is too slow", async () => {
    script = [{ status: 200, delayMs: 5000 }, { status: 200, delayMs: 5000 }];
    const failed = await fetchWithRetry(fetch, { timeoutMs: 100, maxAttempts: 2, baseDelayMs: 10 })(url).catch((e: unknown) => e);
    expect(failed).toMatchObject({ name: "TimeoutError" });
    expect(hits).toBe(2);
  });

  it("retries a refused connection, then throws the network error", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const failed = await fetchWithRetry(counting, { maxAttempts: 3, baseDelayMs: 10 })(`http://127.0.0.1:${port}/`, { method: "POST" }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(TypeError);
    expect(calls).toBe(3);
  });

  it("waits a random part of an exponentially growing step (full jitter)", async () => {
    script = [{ status: 503 }, { status: 503 }, { status: 503 }];
    const asked: number[] = [];
    // random() = 1 makes each wait its step's ceiling: 10, 20, 40 ms; the draws say how many waits were computed.
    const res = await fetchWithRetry(fetch, { baseDelayMs: 10, random: () => (asked.push(1), 1) })(url);
    expect(res.status).toBe(200);
    expect(asked).toHaveLength(3);
  });

  it("does not retry 500 or 400", async () => {
    for (const status of [500, 400]) {
      script = [{ status, headers: { "retry-after": "0" } }];
      hits = 0;
      const res = await retrying()(url);
      expect(res.status).toBe(status);
      expect(hits).toBe(1);
    }
  });

  it("caps a long Retry-After at maxDelayMs", async () => {
    script = [{ status: 429, headers: { "retry-after": "60" } }];
    const { value: res, ms } = await timed(() => retrying(3, 50)(url));
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(3000);
  });

  it("stops waiting when the request is aborted", async () => {
    script = [{ status: 429, headers: { "retry-after": "30" } }];
    const controller = new AbortController();
    // Abort only once the 429 is in, so the abort lands in the 30-second wait.
    const abortAfterAnswer: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      setTimeout(() => controller.abort(new Error("gave up")), 20);
      return res;
    };
    const started = performance.now();
    await expect(fetchWithRetry(abortAfterAnswer)(url, { signal: controller.signal })).rejects.toThrow("gave up");
    expect(performance.now() - started).toBeLessThan(5000);
    expect(hits).toBe(1);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it("reads seconds and HTTP dates, and nothing else", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

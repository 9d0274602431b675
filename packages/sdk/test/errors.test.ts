import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// Relative until @atrium/api exports "./testing".
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { AtriumError, createClient, TRPCClientError } from "../src/index.js";

// A real api, and a tiny local server standing in for a broken network path (never answers / 429s).
let api: TestApi;
let token: string;
let silent: Server;
let silentUrl: string;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  token = (await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "admin", password: "admin123" })).token;
  silent = createServer((req) => req.resume());
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  silent?.closeAllConnections();
  await new Promise((resolve) => silent?.close(resolve));
  await api?.close();
});

const failureOf = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);

describe("createClient", () => {
  it("names the missing baseUrl instead of failing inside", () => {
    expect(() => createClient({ url: "http://127.0.0.1:1" } as never)).toThrow(/createClient needs \{ baseUrl \}/);
    // "" is the page's own origin (the SPA): accepted.
    expect(() => createClient({ baseUrl: "" })).not.toThrow();
  });
});

describe("AtriumError", () => {
  it("carries the api's code, status, message, field errors and request id", async () => {
    const client = createClient({ baseUrl: api.url, token });
    const err = await failureOf(client.billing.topup.createSession.mutate({ amountDollars: 1 }));
    expect(err).toBeInstanceOf(AtriumError);
    expect(err).toBeInstanceOf(TRPCClientError);
    const e = err as AtriumError;
    expect(e).toMatchObject({ code: "BAD_REQUEST", status: 400, message: expect.stringMatching(/Top up between/) });
    expect(Object.keys(e.fieldErrors ?? {})).toEqual(["amountDollars"]);
    expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const missing = (await failureOf(client.documents.get.query({ id: "00000000-0000-4000-8000-000000000000" }))) as AtriumError;
    expect(missing).toMatchObject({ code: "NOT_FOUND", status: 404, fieldErrors: null });
    const anonymous = (await failureOf(createClient({ baseUrl: api.url }).auth.me.query())) as AtriumError;
    expect(anonymous).toMatchObject({ code: "UNAUTHORIZED", status: 401 });
  });

  it("names network failures, timeouts and aborts", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = await failureOf(createClient({ baseUrl: `http://127.0.0.1:${port}`, token, retry: { maxAttempts: 2, baseDelayMs: 5 } }).auth.me.query());
    expect(unreachable).toMatchObject({ name: "AtriumError", code: "NETWORK_ERROR", status: 0, message: expect.stringMatching(/ECONNREFUSED/) });

    const slow = createClient({ baseUrl: silentUrl, token, retry: { maxAttempts: 1, timeoutMs: 100 } });
    expect(await failureOf(slow.auth.me.query())).toMatchObject({ code: "TIMEOUT", status: 0 });

    const controller = new AbortController();
    const pending = failureOf(createClient({ baseUrl: silentUrl, token, retry: { timeoutMs: 0 } }).auth.me.query(undefined, { signal: controller.signal }));
    controller.abort();
    expect(await pending).toMatchObject({ code: "ABORTED", status: 0 });
  });
});

describe("money mutations", () => {
  it("send an idempotency key, so the retry after a lost answer adjusts the balance once", async () => {
    const client = createClient({ baseUrl: api.url, token });
    const me = await client.auth.me.query();
    const tenantId = me.account?.id ?? "";
    const before = (await client.billing.balance.query({ accountId: tenantId })).balanceCents;
    const bodies: string[] = [];
    let lose = true;
    // The first answer is lost on the way back: the api has applied the adjustment, the caller sees a network error.
    const lossy = async (input: string | URL | Request, init?: RequestInit) => {
      bodies.push(String(init?.body));
      const res = await fetch(input, init);
      if (lose) {
        lose = false;
        await res.body?.cancel();
        throw new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) });
      }
      return res;
    };
    const flaky = createClient({ baseUrl: api.url, token, fetch: lossy, retry: { baseDelayMs: 5 } });
    const result = await flaky.billing.admin.adjust.mutate({ tenantId, amountCents: 700, reason: "goodwill" });
    expect(result.applied).toBe(false);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toMatch(/"idempotencyKey":"[0-9a-f-]{36}"/);
    expect(bodies[1]).toBe(bodies[0]);
    expect((await client.billing.balance.query({ accountId: tenantId })).balanceCents).toBe(before + 700);
  });
});

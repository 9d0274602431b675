import { afterAll, beforeAll, describe, expect, it } from "vitest";
// Relative until @atrium/api exports "./testing".
import { startTestApi, type TestApi } from "../../../apps/api/src/testing.js";
import { createClient, TRPCClientError, type AppRouter } from "../src/index.js";

// A real api whose auth budget is one call per 2-second window.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_PER_MINUTE: "1", RATE_LIMIT_WINDOW_SECONDS: "2" });
});
afterAll(async () => {
  await api?.close();
});

const credentials = { username: "admin", password: "admin123" };

describe("the SDK against the api's rate limits", () => {
  it("waits out a 429 for the Retry-After the api sends, then succeeds", async () => {
    const seen: Array<{ status: number; retryAfter: string | null }> = [];
    const observed = async (input: string | URL | Request, init?: RequestInit) => {
      const res = await fetch(input, init);
      seen.push({ status: res.status, retryAfter: res.headers.get("retry-after") });
      return res;
    };
    const noRetry = createClient({ baseUrl: api.url, retry: { retries: 0 } });
    const client = createClient({ baseUrl: api.url, fetch: observed });

    expect((await client.auth.token.mutate(credentials)).user.username).toBe("admin");
    // The budget is spent: without retries the 429 reaches the caller.
    const refused = await noRetry.auth.token.mutate(credentials).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<AppRouter>).data?.httpStatus).toBe(429);

    seen.length = 0;
    const started = performance.now();
    const ok = await client.auth.token.mutate(credentials);
    const elapsed = performance.now() - started;
    expect(ok.token).toEqual(expect.any(String));
    expect(seen[0]).toEqual({ status: 429, retryAfter: expect.stringMatching(/^[12]$/) });
    expect(seen.at(-1)?.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(Number(seen[0]?.retryAfter) * 1000 - 50);
  });
});

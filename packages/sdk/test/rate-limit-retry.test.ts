import { afterAll, beforeAll, describe, expect, it } from "vitest";
// Relative until @atrium/api exports "./testing".
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { createClient, retryAfterSecondsOf, TRPCClientError, type AppRouter } from "../src/index.js";

// A real api whose auth budget is one call per 2-second window, and anonymous budget one.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_AUTH_PER_MINUTE: "1", RATE_LIMIT_ANON_PER_MINUTE: "1", RATE_LIMIT_WINDOW_SECONDS: "2" });
});
afterAll(async () => {
  await api?.close();
});

const credentials = { username: "admin", password: "admin123" };

describe("the SDK against the api's rate limits", () => {
  it("never resends a password after a 429 but retries ordinary calls after Retry-After", async () => {
    const seen: Array<{ url: string; body: string | null; status: number; retryAfter: string | null }> = [];
    const observed = async (input: string | URL | Request, init?: RequestInit) => {
      const res = await fetch(input, init);
      const body = typeof init?.body === "string" ? init.body : null;
      seen.push({ url: String(input), body, status: res.status, retryAfter: res.headers.get("retry-after") });
      return res;
    };
    const client = createClient({ baseUrl: api.url, fetch: observed });

    expect((await client.auth.token.mutate(credentials)).user.username).toBe("admin");
    // The auth budget is spent: the second sign-in is refused, and the password was sent once only.
    seen.length = 0;
    const refused = await client.auth.token.mutate(credentials).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect((refused as TRPCClientError<AppRouter>).data?.httpStatus).toBe(429);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: 429, retryAfter: expect.stringMatching(/^[12]$/) });
    expect(seen[0]?.body).toContain("admin123");
    // The caller learns when to try again, to tell the user.
    expect(retryAfterSecondsOf(refused)).toBe(Number(seen[0]?.retryAfter));
    expect(refused).toMatchObject({ name: "AtriumError", code: "TOO_MANY_REQUESTS", status: 429, retryAfter: Number(seen[0]?.retryAfter) });

    // The anonymous budget is spent too: an ordinary call waits out its 429 and then gets its answer.
    seen.length = 0;
    const preview = await client.invitations.get.query({ token: "x".repeat(43) }).catch((e: unknown) => e);
    expect(seen[0]).toMatchObject({ status: 429, retryAfter: expect.stringMatching(/^[12]$/) });
    expect(seen.at(-1)?.status).not.toBe(429);
    expect(retryAfterSecondsOf(preview)).toBeUndefined();
    expect(seen.every((s) => !s.url.includes("auth."))).toBe(true);
  });
});

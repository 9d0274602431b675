import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailService, type TOutboxEmail } from "@atrium/core";
import { startTestApi, type TestApi } from "../testing.js";
import type { Transport } from "../test-transports.js";
import { bearer, call, IDENTITY_TEST_ENV, idRoutes, tokenFor } from "./identity.test-helpers.js";

let api: TestApi;
let staff: string;
beforeAll(async () => {
  api = await startTestApi(IDENTITY_TEST_ENV);
  staff = await tokenFor(api, "admin", "admin123");
  for (let i = 0; i < 5; i++) {
    await emailService.queueEmail(api.svc, { to: i % 2 ? "odd@example.com" : "even@example.com", template: "welcome", data: { username: `u${i}`, loginUrl: "http://x/login" } });
  }
});
afterAll(async () => {
  await api.close();
});

type Page = { items: TOutboxEmail[]; nextCursor: string | null };

describe.each<Transport>(["rest", "trpc"])("email outbox over %s", (transport) => {
  it("lists recorded emails newest first, filtered by recipient (any case), with rendered bodies", async () => {
    const r = await call(api.url, transport, idRoutes.listOutbox, { to: "EVEN@example.com" }, bearer(staff));
    expect(r.status).toBe(200);
    const { items } = r.data as Page;
    expect(items.map((e) => e.text.match(/Welcome, (u\d)!/)?.[1])).toEqual(["u4", "u2", "u0"]);
    expect(items[0]).toMatchObject({ toAddress: "even@example.com", template: "welcome", subject: "Welcome to Atrium", status: "queued" });
    expect(items[0]?.html).toContain("<h1");
  });

  it("pages with a cursor and gets one email by id", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const r = await call(api.url, transport, idRoutes.listOutbox, { limit: 2, ...(cursor ? { cursor } : {}) }, bearer(staff));
      const page = r.data as Page;
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
    const one = await call(api.url, transport, idRoutes.getOutbox, { id: seen[0] }, bearer(staff));
    expect(one.data).toMatchObject({ id: seen[0] });
    expect((await call(api.url, transport, idRoutes.getOutbox, { id: "00000000-0000-4000-8000-000000000000" }, bearer(staff))).status).toBe(404);
  });
});

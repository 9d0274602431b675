import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishEvent, userTopic, type TRealtimeEnvelope } from "@atrium/core";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { AtriumError, createClient, subscribeEvents, type AtriumClient } from "../src/index.js";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let token: string;
let userId: string;
let client: AtriumClient;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  token = (await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "admin", password: "admin123" })).token;
  client = createClient({ baseUrl: api.url, token });
  userId = (await client.auth.me.query()).user.id;
});
afterAll(async () => {
  await api?.close();
});

const notify = () => publishEvent(api.svc, [userTopic(userId)], { type: "notification.created", notificationId: randomUUID(), kind: "sdk-test" });

/** Runs subscribeEvents until `n` events arrived, publishing `publish()` once it is open. */
async function collect(n: number, publish: () => Promise<unknown>, lastEventId?: string): Promise<TRealtimeEnvelope[]> {
  const ac = new AbortController();
  const got: TRealtimeEnvelope[] = [];
  await subscribeEvents(
    { baseUrl: api.url, token },
    {
      lastEventId,
      signal: ac.signal,
      onOpen: () => void publish(),
      onEvent: (e) => {
        got.push(e);
        if (got.length >= n) ac.abort();
      },
    },
  );
  return got;
}

describe("subscribeEvents (GET /api/events/ in Node, with a bearer token)", () => {
  it("delivers live events, then resumes after the last one with what was published meanwhile", async () => {
    const [first] = await collect(1, notify);
    await notify();
    await notify();
    const resumed = await collect(2, async () => undefined, first?.id);
    // Ids rise across all topics; only this user's two events may come back, in order.
    expect(resumed).toHaveLength(2);
    expect(Number(resumed[1]?.id)).toBeGreaterThan(Number(resumed[0]?.id));
    expect(Number(resumed[0]?.id)).toBeGreaterThan(Number(first?.id));
    expect(resumed.every((e) => e.event.type === "notification.created")).toBe(true);
  });

  it("rejects with an AtriumError when the token is not accepted", async () => {
    const refused = subscribeEvents({ baseUrl: api.url, token: "not-a-token" }, { onEvent: () => {} });
    await expect(refused).rejects.toBeInstanceOf(AtriumError);
    await expect(refused).rejects.toMatchObject({ status: 401 });
  });
});

describe("the client's subscriptions (events.stream over httpSubscriptionLink, in Node)", () => {
  it("receives the caller's events with their ids", async () => {
    const got: TRealtimeEnvelope[] = [];
    const sub = client.events.stream.subscribe({}, { onData: ({ data }) => void got.push(data) });
    // tRPC announces the stream before the server has subscribed: publish until one arrives.
    await expect.poll(async () => (await notify(), got.length), { interval: 100 }).toBeGreaterThan(0);
    sub.unsubscribe();
    expect(got[0]?.event).toMatchObject({ type: "notification.created", kind: "sdk-test" });
  });
});

describe("atrium events", () => {
  it("prints each event as one JSON line and stops after --count, replaying from --since", async () => {
    const [first] = await collect(1, notify);
    await notify();
    await notify();
    const config = path.join(mkdtempSync(path.join(os.tmpdir(), "atrium-events-cli-")), "config.json");
    const out = await runAtrium(config, ["events", "--json", "--count", "2", "--since", first?.id ?? ""], { env: { ATRIUM_URL: api.url, ATRIUM_TOKEN: token } });
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split("\n").map((l) => JSON.parse(l) as TRealtimeEnvelope);
    expect(lines.map((l) => l.event.type)).toEqual(["notification.created", "notification.created"]);
    expect(Number(lines[0]?.id)).toBeGreaterThan(Number(first?.id));
  });
});

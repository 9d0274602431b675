import { describe, expect, it } from "vitest";
import { createSessionCache, type SessionLookup } from "./session-cache.service.js";

const lookup = (userId: string, sessionId: string) => ({ session: { id: sessionId, userId }, user: { id: userId }, account: null }) as unknown as SessionLookup;

describe("the session cache", () => {
  it("does not store a lookup read before an invalidation that arrived while it was in flight", () => {
    const cache = createSessionCache({ ttlMs: 60_000 });
    const epoch = cache.epoch(); // a request starts reading the session row...
    cache.drop({ userId: "u1" }); // ...another process disables the user meanwhile...
    cache.set("s1", lookup("u1", "s1"), epoch); // ...and the (now stale) row must not be cached.
    expect(cache.get("s1")).toBeUndefined();
  });

  it("drops every session of a user, and only theirs", () => {
    const cache = createSessionCache({ ttlMs: 60_000 });
    for (const [u, s] of [["u1", "a"], ["u1", "b"], ["u2", "c"]] as const) cache.set(s, lookup(u, s), cache.epoch());
    cache.drop({ userId: "u1" });
    expect([cache.get("a"), cache.get("b"), cache.get("c")?.user.id]).toEqual([undefined, undefined, "u2"]);
  });

  it("answers nothing while changes from other processes can't reach it", async () => {
    const cache = createSessionCache({ ttlMs: 60_000, publish: async () => 1 });
    cache.set("s1", lookup("u1", "s1"), cache.epoch());
    expect(cache.get("s1")).toBeUndefined();
    cache.setLive(true);
    cache.set("s1", lookup("u1", "s1"), cache.epoch());
    expect(cache.get("s1")?.user.id).toBe("u1");
    cache.setLive(false); // the subscription dropped: what it held may have missed a message
    cache.setLive(true);
    expect(cache.get("s1")).toBeUndefined();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restStream, subscribed, type OpenStream } from "../realtime/sse.test-helpers.js";
import { startTestApi, type TestApi } from "../testing.js";
import { candidate, employer, posting } from "./application.test-helpers.js";

// The candidate sees their status change live: every application change reaches the candidate's own
// stream and the employer's account, never another employer's.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
});
afterAll(async () => {
  await api.close();
});

const changes = (s: OpenStream) => s.got.flatMap((e) => (e.event.type === "application.changed" ? [e.event] : []));

describe("application.changed", () => {
  it("reaches the candidate and the employer's people on each apply and move, and no other tenant", async () => {
    const e = await employer(api, "live");
    const other = await employer(api, "live-other");
    const p = await posting(api, e.account.id, "Live Engineer");
    const c = await candidate(api, "live");
    const streams = { candidate: restStream(api, c.token), recruiter: restStream(api, e.recruiter.token), outsider: restStream(api, other.owner.token) };
    await subscribed(api, [c.user, e.recruiter.user, other.owner.user]);

    const applied = await c.call.recruiting.applications.create({ postingId: p.id, resumeDocumentId: c.resumeId });
    await e.recruiter.call.recruiting.applications.move({ id: applied.id, from: "applied", to: "interview" });
    await expect.poll(() => changes(streams.candidate).some((ev) => ev.status === "interview")).toBe(true);
    await expect.poll(() => changes(streams.recruiter).some((ev) => ev.status === "interview")).toBe(true);
    for (const s of Object.values(streams)) s.close();
    await Promise.all(Object.values(streams).map((s) => s.ended));

    expect(changes(streams.candidate)).toContainEqual({ type: "application.changed", applicationId: applied.id, postingId: p.id, accountId: e.account.id, status: "applied" });
    expect(changes(streams.candidate).at(-1)).toMatchObject({ applicationId: applied.id, status: "interview" });
    expect(changes(streams.outsider)).toEqual([]);
  });
});

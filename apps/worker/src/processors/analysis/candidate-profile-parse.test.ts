// Issue 15 (candidate portal): "fill from résumé" end to end through a running worker: the candidate's
// resume_parse job fills the profile fields they left empty, keeps the ones they wrote, and says so live.
import { Redis } from "ioredis";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { candidateProfileService, createRedisRealtimePublisher, realtimeKey, userTopic, type JobActor, type ServiceContext, type TRealtimeEvent } from "@atrium/core";
import { schema } from "@atrium/db";
import { waitFor } from "../../testing.js";
import { debitsOf, startFundedWorker, uploadFixture, waitForStatus } from "./analysis.test-helpers.js";

let svc: ServiceContext;
let t: { accountId: string; actor: JobActor };
let stop: (() => Promise<void>) | undefined;
let subscriber: Redis;
let publisher: Redis;
const live: TRealtimeEvent[] = [];

beforeAll(async () => {
  ({ svc, t, stop } = await startFundedWorker("profile-parse"));
  publisher = new Redis(svc.config.REDIS_URL ?? "");
  svc = { ...svc, realtime: createRedisRealtimePublisher(publisher, svc.config.REDIS_PREFIX) };
  subscriber = new Redis(svc.config.REDIS_URL ?? "");
  subscriber.on("message", (_channel: string, message: string) => live.push((JSON.parse(message.slice(message.indexOf(" ") + 1)) as { event: TRealtimeEvent }).event));
  await subscriber.subscribe(realtimeKey(svc.config.REDIS_PREFIX, userTopic(t.actor.userId)));
});
afterAll(async () => {
  subscriber?.disconnect();
  publisher?.disconnect();
  await stop?.();
});

const storedProfile = async (userId: string) => (await svc.db.select().from(schema.candidateProfiles).where(eq(schema.candidateProfiles.userId, userId)))[0];

describe("fill the candidate profile from a résumé", () => {
  it("fills what the candidate left empty once the worker's resume_parse succeeds, keeps what they wrote, bills their account, and announces it", async () => {
    const actor = { ...t.actor, username: "candidate" };
    // The candidate already wrote a headline and one skill; the résumé must not overwrite them.
    await candidateProfileService.updateMyProfile(svc, actor, { headline: "Nurse looking for night shifts", skills: ["Triage"] });
    const documentId = await uploadFixture(svc, t.accountId, "resume-nurse.txt", "text/plain");

    const started = await candidateProfileService.parseMyProfile(svc, actor, { documentId });
    const jobId = started.parse?.jobId ?? "";
    expect(["queued", "running", "success"]).toContain(started.parse?.status);

    // Filled by the worker itself (the row, not the read path, which would also catch up).
    const row = await waitFor(async () => ((await storedProfile(actor.userId))?.parsedAt ? storedProfile(actor.userId) : null), { timeoutMs: 20_000, what: "the profile to be filled" });
    expect(row?.headline).toBe("Nurse looking for night shifts");
    expect(row?.contact).toEqual({ name: "Jane Doe", email: "jane.doe@example.com", phone: "+1 (206) 555-0142", location: "Seattle", links: ["linkedin.com/in/janedoe"] });
    expect((row?.experience as Array<{ title: string; company: string; end: string | null }>).map((e) => [e.title, e.company, e.end])).toEqual([
      ["Charge Nurse", "Harborview Medical Center", null],
      ["Staff Nurse", "Swedish Hospital", "Dec 2020"],
    ]);
    expect(row?.education).toEqual([{ school: "University of Washington", degree: "BSN", field: "", start: "2014", end: "2018" }]);
    expect(row?.skills[0]).toBe("Triage");
    expect(row?.skills).toEqual(expect.arrayContaining(["ACLS", "BLS", "telemetry monitoring"]));

    const job = await waitForStatus(svc, t.actor, jobId, ["success"]);
    expect((await debitsOf(svc, job.id)).map((d) => [d.accountId, d.amountCents])).toEqual([[t.accountId, -(job.costCents ?? 0)]]);
    await waitFor(() => live.some((e) => e.type === "candidate_profile.changed" && e.parseJobId === jobId), { what: "candidate_profile.changed" });

    const view = await candidateProfileService.getMyProfile(svc, actor);
    expect(view.parse).toMatchObject({ jobId, status: "success", appliedAt: expect.any(String) });
  });

  it("applies a parse result once: a second delivery or an older job changes nothing", async () => {
    const actor = { ...t.actor, username: "candidate" };
    const before = await storedProfile(actor.userId);
    const jobId = before?.parseJobId ?? "";
    const [job] = await svc.db.select().from(schema.jobs).where(eq(schema.jobs.id, jobId));
    expect(await candidateProfileService.applyParsedProfile(svc, actor.userId, jobId, job?.result)).toBe(false);
    expect(await candidateProfileService.applyParsedProfile(svc, actor.userId, "00000000-0000-4000-8000-000000000000", job?.result)).toBe(false);
    expect(await storedProfile(actor.userId)).toEqual(before);
  });
});

// Issue 15: an interview's recording, uploaded into the employer's account, transcribed by the worker through
// a local server speaking OpenAI's /audio/transcriptions; the interview then shows transcript, summary and sentiment.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { accountTopic, interviewRecordingService, interviewService, realtimeKey, type JobActor, type ServiceContext, type TRealtimeEvent } from "@atrium/core";
import { schema } from "@atrium/db";
import { waitFor } from "../../testing.js";
import { startFundedWorker, tenant } from "../analysis/analysis.test-helpers.js";
import { startFakeTranscriber, uploadBytes, wav } from "../analysis/fake-transcriber.test-helpers.js";

const SPOKEN = "I designed the billing pipeline and led a team of four. It was a great success and I loved the work.";

let svc: ServiceContext;
let t: { accountId: string; actor: JobActor };
let stop: (() => Promise<void>) | undefined;
let provider: Awaited<ReturnType<typeof startFakeTranscriber>> | undefined;
let interviewId: string;

beforeAll(async () => {
  provider = await startFakeTranscriber(SPOKEN);
  ({ svc, t, stop } = await startFundedWorker("rec", { TRANSCRIPTION_BASE_URL: provider.baseUrl, TRANSCRIPTION_API_KEY: "k" }));
  const db = svc.db;
  const [home] = await db.insert(schema.accounts).values({ name: "Cand home", slug: "cand-home" }).returning();
  const [user] = await db.insert(schema.users).values({ username: "cand", email: "cand@example.test", passwordHash: "x" }).returning();
  const [posting] = await db.insert(schema.jobPostings).values({ accountId: t.accountId, title: "Billing Engineer", description: "d", status: "published" }).returning();
  if (!home || !user || !posting) throw new Error("not seeded");
  const [application] = await db.insert(schema.applications).values({ accountId: t.accountId, postingId: posting.id, candidateUserId: user.id, candidateAccountId: home.id, status: "interview" }).returning();
  if (!application) throw new Error("no application");
  const [interview] = await db.insert(schema.interviews).values({ accountId: t.accountId, applicationId: application.id, startsAt: new Date(Date.now() - 3_600_000), location: "Office" }).returning();
  if (!interview) throw new Error("no interview");
  interviewId = interview.id;
});
afterAll(async () => {
  await stop?.();
  await provider?.close();
});

describe("interview recordings", () => {
  it("transcribes the uploaded recording and shows the transcript, its summary and sentiment on the interview", async () => {
    const documentId = await uploadBytes(svc, t.accountId, wav(30), "interview.wav", "audio/wav");
    const attached = await interviewRecordingService.attachRecording(svc, t.actor, { id: interviewId, documentId });
    expect(attached.recording).toMatchObject({ documentId, filename: "interview.wav", transcript: null });
    expect(attached.recording?.transcriptionJobId).toBeTruthy();

    const done = await waitFor(
      async () => {
        const view = await interviewService.getInterview(svc, t.actor, { id: interviewId });
        return view.recording?.transcriptionStatus === "success" || view.recording?.transcriptionStatus === "failed" ? view : null;
      },
      { timeoutMs: 30_000, what: "the transcription to finish" },
    );
    expect(done.recording, done.recording?.error ?? "").toMatchObject({ transcriptionStatus: "success", transcript: SPOKEN, error: null });
    expect(done.recording?.summary).toContain("billing pipeline");
    expect(done.recording?.sentiment).toBeGreaterThan(0);
    expect(provider?.received.map((r) => r.filename)).toEqual(["interview.wav"]);
    const audit = await svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.targetId, interviewId));
    expect(audit.map((e) => e.eventType)).toContain("interview.recording_attached");

    // The finish is announced on the employer's topic by the worker, so its pages update live (this test's
    // producer publishes nothing: the attach's own event goes nowhere, every event here is the worker's).
    const redis = new Redis(String(svc.config.REDIS_URL));
    try {
      const changes = async () =>
        (await redis.xrange(realtimeKey(svc.config.REDIS_PREFIX, accountTopic(t.accountId)), "-", "+"))
          .map(([, fields]) => (JSON.parse(fields[1] ?? "{}") as { event: TRealtimeEvent }).event)
          .filter((e) => e.type === "interview.changed" && e.interviewId === interviewId);
      await waitFor(async () => (await changes()).length > 0, { timeoutMs: 10_000, what: "interview.changed after the transcription finished" });
    } finally {
      redis.disconnect();
    }
  });

  it("refuses another account's document as not found, naming the field, and a text file as not a recording", async () => {
    const other = await tenant(svc);
    const foreign = await uploadBytes(svc, other.accountId, wav(5), "theirs.wav", "audio/wav");
    await expect(interviewRecordingService.attachRecording(svc, t.actor, { id: interviewId, documentId: foreign })).rejects.toMatchObject({ code: "NOT_FOUND", fieldErrors: { documentId: [expect.any(String)] } });
    const notes = await uploadBytes(svc, t.accountId, Buffer.from("just notes"), "notes.txt", "text/plain");
    await expect(interviewRecordingService.attachRecording(svc, t.actor, { id: interviewId, documentId: notes })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [row] = await svc.db.select().from(schema.interviews).where(eq(schema.interviews.id, interviewId));
    expect(row?.recordingDocumentId).not.toBe(notes);
  });
});

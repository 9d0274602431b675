// Issue 15 (analysis additions): an interview recording transcribed through an OpenAI-compatible
// /audio/transcriptions API (a local server speaking it: multipart in, JSON out), priced per audio minute.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocument, jobService, storageFromConfig, NO_TRANSCRIPTION_PROVIDER, type JobActor, type ServiceContext } from "@atrium/core";
import { schema } from "@atrium/db";
import { createJob, debitsOf, eventsOf, startFundedWorker, waitForStatus } from "./analysis.test-helpers.js";
import { startFakeTranscriber, uploadBytes as store, wav } from "./fake-transcriber.test-helpers.js";

const SPOKEN = "Thanks for having me. I really enjoyed leading the migration to Kubernetes, it was a great success. The team was wonderful and I am excited about this role.";

let svc: ServiceContext;
let t: { accountId: string; actor: JobActor };
let stop: (() => Promise<void>) | undefined;
let provider: Awaited<ReturnType<typeof startFakeTranscriber>> | undefined;
let received: Awaited<ReturnType<typeof startFakeTranscriber>>["received"] = [];

const uploadBytes = (bytes: Buffer, filename: string, mimeType: string) => store(svc, t.accountId, bytes, filename, mimeType);

beforeAll(async () => {
  provider = await startFakeTranscriber(SPOKEN);
  received = provider.received;
  ({ svc, t, stop } = await startFundedWorker("stt", {
    TRANSCRIPTION_BASE_URL: provider.baseUrl,
    TRANSCRIPTION_MODEL: "whisper-large-v3",
    TRANSCRIPTION_API_KEY: "stt-key",
  }));
});
afterAll(async () => {
  await stop?.();
  await provider?.close();
});

describe("interview_transcription", () => {
  it("sends the recording to /audio/transcriptions, stores the transcript as the document's text, then summarizes it with its sentiment, billed per audio minute", async () => {
    const documentId = await uploadBytes(wav(90), "interview.wav", "audio/wav");
    const estimate = await jobService.estimateJob(svc, t.actor, { type: "interview_transcription", documentId });

    const created = await createJob(svc, t.actor, "interview_transcription", { documentId });
    const job = await waitForStatus(svc, t.actor, created.id, ["success", "failed"]);
    expect(job.status, job.error ?? "").toBe("success");

    expect(received).toEqual([{ path: "/v1/audio/transcriptions", auth: "Bearer stt-key", model: "whisper-large-v3", format: "json", filename: "interview.wav", type: "audio/wav", size: 44 + 90 * 8000 }]);
    expect(job.result).toMatchObject({ documentId, durationSeconds: 90, transcript: SPOKEN });
    expect(job.result?.sentiment).toBeGreaterThan(0);
    expect(String(job.result?.summary)).toContain("Kubernetes");

    const [doc] = await svc.db.select().from(schema.documents).where(eq(schema.documents.id, documentId));
    expect(doc).toMatchObject({ extractionStatus: "done", extractedText: SPOKEN });

    const events = await eventsOf(svc, t.actor, job.id);
    expect(events.filter((e) => e.type === "step").map((e) => e.data.step)).toEqual(["read_audio", "transcribe", "store_transcript", "analyze"]);
    expect(events.find((e) => e.type === "transcription.call")?.message).toMatch(/^whisper-large-v3: 1\.5 min of audio/);

    // 90 s at 1¢ a minute is 1.5¢, in the estimate and in the debit alike.
    const audioLine = { item: "compute:interview_transcription", unit: "audio minute", quantity: 1.5, amountCents: 1.5 };
    expect(job.result?.lineItems).toEqual(expect.arrayContaining([expect.objectContaining(audioLine)]));
    expect(estimate.estimatedCents).toBeGreaterThanOrEqual(3);
    expect((await debitsOf(svc, job.id)).map((d) => d.amountCents)).toEqual([-(job.costCents ?? 0)]);
  });

  it("keeps the transcript when the upload's own text extraction of the recording finishes after it", async () => {
    const documentId = await uploadBytes(wav(3), "late.wav", "audio/wav");
    const storage = storageFromConfig(svc.config);
    let jobId = "";
    // The upload's document.extract on a busy worker: while it reads the bytes the transcription runs to the end.
    const slow = {
      ...storage,
      get: async (key: string) => {
        jobId = (await createJob(svc, t.actor, "interview_transcription", { documentId })).id;
        expect((await waitForStatus(svc, t.actor, jobId, ["success", "failed"])).status).toBe("success");
        return storage.get(key);
      },
    };
    expect(await extractDocument(svc, slow, documentId)).toEqual({ status: "done", text: SPOKEN });
    expect(jobId).not.toBe("");
    const [doc] = await svc.db.select().from(schema.documents).where(eq(schema.documents.id, documentId));
    expect(doc).toMatchObject({ extractionStatus: "done", extractedText: SPOKEN, extractionError: null });
  });

  it("refuses a document that is not a recording, naming the field, before anything is queued", async () => {
    const documentId = await uploadBytes(Buffer.from("just text"), "notes.txt", "text/plain");
    await expect(createJob(svc, t.actor, "interview_transcription", { documentId })).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { "input.documentId": [expect.stringMatching(/notes\.txt is not a recording/)] } });
  });

  it("without a provider, refuses the job and its estimate up front with a message naming TRANSCRIPTION_BASE_URL", async () => {
    const documentId = await uploadBytes(wav(5), "short.wav", "audio/wav");
    const bare: ServiceContext = { ...svc, config: { ...svc.config, TRANSCRIPTION_BASE_URL: undefined } };
    const refusal = { code: "BAD_REQUEST", message: NO_TRANSCRIPTION_PROVIDER };
    expect(NO_TRANSCRIPTION_PROVIDER).toContain("TRANSCRIPTION_BASE_URL");
    await expect(jobService.estimateJob(bare, t.actor, { type: "interview_transcription", documentId })).rejects.toMatchObject(refusal);
    await expect(createJob(bare, t.actor, "interview_transcription", { documentId })).rejects.toMatchObject(refusal);
    const jobs = await svc.db.select().from(schema.jobs).where(eq(schema.jobs.accountId, t.accountId));
    expect(jobs.filter((j) => j.input.documentId === documentId)).toEqual([]);
  });
});

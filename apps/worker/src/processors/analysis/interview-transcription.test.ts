// Issue 15 (analysis additions): an interview recording transcribed through an OpenAI-compatible
// /audio/transcriptions API (a local server speaking it: multipart in, JSON out), priced per audio minute.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentKey, jobService, NO_TRANSCRIPTION_PROVIDER, storageFromConfig, type JobActor, type ServiceContext } from "@atrium/core";
import { schema } from "@atrium/db";
import { createJob, debitsOf, eventsOf, startFundedWorker, waitForStatus } from "./analysis.test-helpers.js";

const SPOKEN = "Thanks for having me. I really enjoyed leading the migration to Kubernetes, it was a great success. The team was wonderful and I am excited about this role.";

let svc: ServiceContext;
let t: { accountId: string; actor: JobActor };
let stop: (() => Promise<void>) | undefined;
let server: Server;
const received: Array<{ path: string; auth?: string; model: unknown; format: unknown; filename?: string; type?: string; size?: number }> = [];

/** A PCM WAV of `seconds` of silence (8 kHz, 8-bit, mono): a real file whose header says how long it is. */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate * seconds, 128);
  const h = Buffer.alloc(44);
  h.write("RIFF", 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write("WAVEfmt ", 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate, 28);
  h.writeUInt16LE(1, 32);
  h.writeUInt16LE(8, 34);
  h.write("data", 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

async function uploadBytes(bytes: Buffer, filename: string, mimeType: string): Promise<string> {
  const id = randomUUID();
  const storageKey = documentKey(t.accountId, id, filename);
  await storageFromConfig(svc.config).put(storageKey, bytes, { contentType: mimeType });
  await svc.db.insert(schema.documents).values({ id, accountId: t.accountId, filename, mimeType, sizeBytes: bytes.length, sha256: "0".repeat(64), storageKey });
  return id;
}

beforeAll(async () => {
  // The provider: parses the multipart body the way any server would (undici's FormData parser) and answers OpenAI's `json` shape.
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void new Response(Buffer.concat(chunks), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData().then((form) => {
        const file = form.get("file");
        received.push({ path: req.url ?? "", auth: req.headers.authorization, model: form.get("model"), format: form.get("response_format"), filename: file instanceof File ? file.name : undefined, type: file instanceof File ? file.type : undefined, size: file instanceof File ? file.size : undefined });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ text: ` ${SPOKEN} ` }));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  ({ svc, t, stop } = await startFundedWorker("stt", {
    TRANSCRIPTION_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    TRANSCRIPTION_MODEL: "whisper-large-v3",
    TRANSCRIPTION_API_KEY: "stt-key",
  }));
});
afterAll(async () => {
  await stop?.();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
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

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAiTranscriber } from "./transcription.js";
import { audioSeconds } from "./audio-duration.js";

/** A stand-in for an OpenAI-compatible /audio/transcriptions API: each test queues the answers it wants. */
let server: Server;
let baseUrl: string;
let answers: Array<{ status: number; body: unknown }> = [];
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      hits++;
      const a = answers.shift() ?? { status: 500, body: { error: "no answer queued" } };
      res.writeHead(a.status, { "content-type": "application/json" });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const transcriber = () => createOpenAiTranscriber({ baseUrl, model: "whisper-1", timeoutMs: 2000, retryBaseMs: 5 });
const audio = { bytes: new Uint8Array([1, 2, 3]), filename: "a.wav", mimeType: "audio/wav" };

describe("OpenAI-compatible transcriber", () => {
  it("retries a 503 and a 429, then returns the text (trimmed) and the language when the server gives one", async () => {
    hits = 0;
    answers = [{ status: 503, body: {} }, { status: 429, body: {} }, { status: 200, body: { text: "  Hello there. ", language: "en" } }];
    await expect(transcriber().transcribe(audio)).resolves.toMatchObject({ text: "Hello there.", language: "en", attempts: 3 });
    expect(hits).toBe(3);
  });

  it("gives up on persistent 5xx with a transient error (the job retries later); a refusal or an answer without text is final", async () => {
    answers = [0, 1, 2].map(() => ({ status: 502, body: {} }));
    await expect(transcriber().transcribe(audio)).rejects.toMatchObject({ transient: true, message: "the transcription API answered 502 after 3 attempts" });
    answers = [{ status: 413, body: { error: "too big" } }];
    await expect(transcriber().transcribe(audio)).rejects.toMatchObject({ transient: false, message: "the transcription API refused the recording (413)" });
    answers = [{ status: 200, body: { segments: [] } }];
    await expect(transcriber().transcribe(audio)).rejects.toMatchObject({ transient: false, message: "the transcription API's answer has no text" });
  });

  it("refuses a file whose length can't be read instead of billing it as zero minutes", async () => {
    await expect(audioSeconds(new Uint8Array(64), "audio/mpeg")).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

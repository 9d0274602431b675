// A local server speaking OpenAI's /audio/transcriptions (multipart in, JSON out), a real WAV file to send
// it, and a way to store bytes as an uploaded document: what the transcription tests share.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { documentKey, storageFromConfig, type ServiceContext } from "@atrium/core";
import { schema } from "@atrium/db";

export interface TranscriptionRequest {
  path: string;
  auth?: string;
  model: unknown;
  format: unknown;
  filename?: string;
  type?: string;
  size?: number;
}

/** Answers every request with `spoken` (padded, as providers do); `received` records what each request carried. */
export async function startFakeTranscriber(spoken: string) {
  const received: TranscriptionRequest[] = [];
  // Parses the multipart body the way any server would (undici's FormData parser) and answers OpenAI's `json` shape.
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void new Response(Buffer.concat(chunks), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData().then((form) => {
        const file = form.get("file");
        received.push({ path: req.url ?? "", auth: req.headers.authorization, model: form.get("model"), format: form.get("response_format"), filename: file instanceof File ? file.name : undefined, type: file instanceof File ? file.type : undefined, size: file instanceof File ? file.size : undefined });
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ text: ` ${spoken} ` }));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    received,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A PCM WAV of `seconds` of silence (8 kHz, 8-bit, mono): a real file whose header says how long it is. */
export function wav(seconds: number): Buffer {
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

/** The bytes in storage and a `pending` document row, as an upload leaves them. */
export async function uploadBytes(svc: ServiceContext, accountId: string, bytes: Buffer, filename: string, mimeType: string): Promise<string> {
  const id = randomUUID();
  const storageKey = documentKey(accountId, id, filename);
  await storageFromConfig(svc.config).put(storageKey, bytes, { contentType: mimeType });
  await svc.db.insert(schema.documents).values({ id, accountId, filename, mimeType, sizeBytes: bytes.length, sha256: "0".repeat(64), storageKey });
  return id;
}

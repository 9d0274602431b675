// Multipart uploads for the document tests: fetch + FormData, and a raw streaming request to watch the cut-off.
import { readFileSync } from "node:fs";
import { request, type ClientRequest } from "node:http";
import { fileURLToPath } from "node:url";
import type { TestApi } from "../testing.js";

export const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../../packages/core/test-fixtures/${name}`, import.meta.url)));

export async function upload(api: TestApi, token: string | null, file: { name: string; bytes: Uint8Array } | null, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new Blob([file.bytes]), file.name);
  const res = await fetch(`${api.url}/api/documents/`, { method: "POST", headers: token ? { authorization: `Bearer ${token}` } : {}, body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { message?: string; code?: string } };
}

/**
 * Sends a multipart body of `totalBytes` zeros (after a PDF header) in 64 KiB
 * chunks, stopping as soon as a response arrives. Reports how much was sent by then.
 */
function drained(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off("drain", done).off("close", done);
      resolve();
    };
    req.on("drain", done).on("close", done);
  });
}

export function streamingUpload(api: TestApi, token: string, totalBytes: number): Promise<{ status: number; body: Record<string, unknown>; sentBytes: number }> {
  const boundary = "----atrium-test-boundary";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(`${api.url}/api/documents/`);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": `multipart/form-data; boundary=${boundary}`, "content-length": head.length + totalBytes + tail.length } },
      (res) => {
        answered = true;
        const sentAtResponse = sent;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>, sentBytes: sentAtResponse }));
        res.on("error", reject);
      },
    );
    // The server closes the connection mid-body; that is the point, not a failure.
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    const chunk = Buffer.alloc(64 * 1024);
    const write = async () => {
      req.write(head);
      while (sent < totalBytes && !answered && !req.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent));
        sent += piece.length;
        const flowing = req.write(piece);
        if (!flowing) await drained(req);
        // Paced like a real client, so the answer can arrive while the body is still going out.
        // Past the limit it slows down further, so a slow (loaded) server still gets to answer first.
        await new Promise((r) => setTimeout(r, sent > totalBytes - 1024 * 1024 ? 20 : 1));
      }
      if (!answered && !req.destroyed) req.end(tail);
    };
    write().catch(reject);
  });
}

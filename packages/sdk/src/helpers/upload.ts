import type { TDocument, TDocumentKind } from "@atrium/core/contracts";
import { restFetch, type RestTarget } from "../rest.js";

/** Bytes to upload: a Blob or File (browsers, Node), a Buffer/Uint8Array, or a stream (Node `fs.createReadStream`). */
export type UploadSource = Blob | Uint8Array | AsyncIterable<Uint8Array>;

export interface UploadProgress {
  loaded: number;
  /** Undefined for a stream of unknown length (pass `size`). */
  total: number | undefined;
}

export interface UploadOptions {
  /** The name stored with the document; a File's own name by default. */
  filename?: string;
  kind?: TDocumentKind;
  /** The account to upload to (default: your home account). */
  accountId?: string;
  /** A stream's length in bytes, for progress. */
  size?: number;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
}

const encoder = new TextEncoder();
/** A header value inside quotes: no quotes or line breaks may escape it. */
const quoted = (v: string) => v.replace(/[\r\n]/g, " ").replace(/"/g, "%22");

const isStream = (s: UploadSource): s is AsyncIterable<Uint8Array> => !(s instanceof Uint8Array) && !(typeof Blob !== "undefined" && s instanceof Blob);
/** Node (and runtimes that say they are) send a ReadableStream body as it is read. */
const streamsRequestBodies = () => typeof process !== "undefined" && !!process.versions?.node;

async function* chunksOf(source: UploadSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    // Slices, so progress moves while a big buffer goes out.
    for (let i = 0; i < source.length; i += 64 * 1024) yield source.subarray(i, i + 64 * 1024);
  } else if (typeof Blob !== "undefined" && source instanceof Blob) {
    const reader = source.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } else {
    for await (const chunk of source as AsyncIterable<Uint8Array | string>) yield typeof chunk === "string" ? encoder.encode(chunk) : chunk;
  }
}

/**
 * `POST /api/documents/` as a streamed multipart body: the bytes are never held whole in memory,
 * and `onProgress` hears of each chunk as it is sent. Not retried (a resend would be a second
 * document); failures are AtriumErrors (e.g. 413 with the size limit, 400 naming `file`).
 */
export async function uploadDocument(target: RestTarget, source: UploadSource, opts: UploadOptions = {}): Promise<TDocument> {
  const filename = opts.filename ?? (source as { name?: string }).name ?? "upload";
  const total = opts.size ?? (source instanceof Uint8Array ? source.length : typeof Blob !== "undefined" && source instanceof Blob ? source.size : undefined);
  const boundary = `atrium-${globalThis.crypto.randomUUID()}`;
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const type = (typeof Blob !== "undefined" && source instanceof Blob && source.type) || "application/octet-stream";
  const head =
    field("kind", opts.kind ?? "other") +
    (opts.accountId ? field("accountId", opts.accountId) : "") +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(filename)}"\r\nContent-Type: ${type}\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const headers = { "content-type": `multipart/form-data; boundary=${boundary}` };
  const uploadTarget = { ...target, retry: { ...target.retry, maxAttempts: 1, timeoutMs: 0 } };
  // Browsers stream request bodies only in some engines and over HTTP/2: there a Blob body (which
  // refers to the file rather than copying it) goes out whole, and progress is told at both ends.
  if (!streamsRequestBodies() && !isStream(source)) {
    opts.onProgress?.({ loaded: 0, total });
    const res = await restFetch(uploadTarget, { method: "POST", path: "/documents/", headers, body: new Blob([head, source as BlobPart, tail]), signal: opts.signal });
    opts.onProgress?.({ loaded: total ?? 0, total });
    return (await res.json()) as TDocument;
  }
  const parts = (async function* () {
    yield encoder.encode(head);
    let loaded = 0;
    opts.onProgress?.({ loaded, total });
    for await (const chunk of chunksOf(source)) {
      yield chunk;
      loaded += chunk.byteLength;
      opts.onProgress?.({ loaded, total });
    }
    yield encoder.encode(tail);
  })();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
  // duplex: fetch's requirement for a streamed request body.
  const res = await restFetch(uploadTarget, { method: "POST", path: "/documents/", headers, body, signal: opts.signal, init: { duplex: "half" } });
  return (await res.json()) as TDocument;
}

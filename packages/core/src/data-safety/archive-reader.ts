import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { createGunzip } from "node:zlib";
import { ServiceError } from "../shared/errors.js";

/** Where an uploaded archive waits between the validating pass and the writing pass. */
export interface ArchiveSource {
  /** A fresh stream of the bytes as sent, each call. */
  open: () => Readable;
  gzip: boolean;
}

export const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

const tooLarge = (max: number) => new ServiceError("PAYLOAD_TOO_LARGE", `The archive inflates past the limit of ${max} bytes (RESTORE_MAX_UNCOMPRESSED_BYTES)`);

/**
 * The archive's bytes, inflated when gzip, cut off past `maxBytes` as they
 * stream: a gzip bomb costs at most the cap, never memory or disk.
 */
async function* inflated(source: ArchiveSource, maxBytes: number): AsyncGenerator<Buffer> {
  const raw = source.open();
  const stream = source.gzip ? raw.pipe(createGunzip()) : raw;
  raw.on("error", (err) => stream.destroy(err));
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw new ServiceError("BAD_REQUEST", `The archive could not be read: ${(err as Error).message}`, { archive: ["not valid gzip or truncated"] });
  } finally {
    raw.destroy();
    stream.destroy();
  }
}

/** Below V8's string limit and far above any real row (a 10 MB file is ~14 MB of base64). */
export const MAX_LINE_CHARS = 256 * 1024 * 1024;

/**
 * The archive's lines, each with its number (1-based), never more than one line held at a time.
 * Each chunk is searched for newlines once (not the whole pending line again), and a line past
 * `maxLineChars` is refused: an archive of zeros without a newline must not grow one string forever.
 */
export async function* archiveLines(source: ArchiveSource, maxBytes: number, maxLineChars = MAX_LINE_CHARS): AsyncGenerator<{ n: number; text: string }> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let n = 0;
  for await (const chunk of inflated(source, maxBytes)) {
    const searchFrom = pending.length;
    pending += decoder.write(chunk);
    let start = 0;
    for (let nl = pending.indexOf("\n", searchFrom); nl !== -1; nl = pending.indexOf("\n", start)) {
      const text = pending.slice(start, nl);
      start = nl + 1;
      if (text.trim()) yield { n: ++n, text };
      else n += 1;
    }
    pending = pending.slice(start);
    if (pending.length > maxLineChars) {
      throw new ServiceError("BAD_REQUEST", `Archive refused, nothing was written: line ${n + 1} is longer than ${maxLineChars} characters`, { archive: [`line ${n + 1} is too long`] });
    }
  }
  pending += decoder.end();
  if (pending.trim()) yield { n: n + 1, text: pending };
}

import { ServiceError } from "../shared/errors.js";

/**
 * Whole seconds of a recording, from its own metadata (music-metadata reads
 * WAV, MP3, M4A, OGG, FLAC headers and frames): what a transcription is priced
 * by, the same number for the estimate and the debit. A file whose length
 * can't be read is refused rather than transcribed for free.
 */
export async function audioSeconds(bytes: Uint8Array, mimeType: string): Promise<number> {
  const { parseBuffer } = await import("music-metadata");
  const meta = await parseBuffer(bytes, { mimeType, size: bytes.length }, { duration: true, skipCovers: true }).catch(() => null);
  const duration = meta?.format.duration;
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0) {
    const message = "Could not read the length of this recording; upload it as MP3, WAV, M4A, OGG or FLAC";
    throw new ServiceError("BAD_REQUEST", message, { documentId: [message] });
  }
  return Math.max(1, Math.ceil(duration));
}

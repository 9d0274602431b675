/** Bytes of the head the type is judged by (file-type needs at most this many). */
export const SNIFF_BYTES = 4100;

export interface DetectedType {
  mimeType: string;
  /** What the user calls it, for messages. */
  label: string;
}

const DOCUMENT_TYPES: Record<string, string> = {
  "application/pdf": "PDF",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
};
const AUDIO_TYPES: Record<string, string> = {
  "audio/mpeg": "MP3",
  "audio/wav": "WAV",
  "audio/vnd.wave": "WAV",
  "audio/x-wav": "WAV",
  "audio/mp4": "M4A",
  "audio/x-m4a": "M4A",
  "audio/ogg": "OGG",
  "audio/opus": "OGG",
  "audio/x-flac": "FLAC",
  "audio/flac": "FLAC",
  "audio/aac": "AAC",
  "audio/webm": "WEBM",
};

export const allowedLabels = (allowAudio: boolean) => ["PDF", "DOCX", "TXT", "Markdown", ...(allowAudio ? ["MP3", "WAV", "M4A", "OGG", "FLAC", "AAC"] : [])];

/**
 * Text has no magic number: it is text when the head decodes as UTF-8 and has
 * no NUL byte. A multi-byte character cut at the end of the head is fine.
 */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try again without a possibly truncated last character
    }
  }
  return false;
}

export type Detection = { ok: true; type: DetectedType } | { ok: false; detected: string };

/**
 * Judges a file by its first bytes, never by its name: PDF, DOCX, UTF-8 text
 * (Markdown is text), and audio when allowed. `isComplete` says the head is the whole file.
 */
export async function detectType(head: Uint8Array, opts: { allowAudio: boolean; filename?: string }): Promise<Detection> {
  const { fileTypeFromBuffer } = await import("file-type");
  const found = await fileTypeFromBuffer(head);
  if (found) {
    const label = DOCUMENT_TYPES[found.mime] ?? (opts.allowAudio ? AUDIO_TYPES[found.mime] : undefined);
    return label ? { ok: true, type: { mimeType: found.mime, label } } : { ok: false, detected: found.mime };
  }
  if (looksLikeText(head)) {
    const markdown = /\.(md|markdown)$/i.test(opts.filename ?? "");
    return { ok: true, type: markdown ? { mimeType: "text/markdown", label: "Markdown" } : { mimeType: "text/plain", label: "TXT" } };
  }
  return { ok: false, detected: head.length === 0 ? "an empty file" : "binary data of an unknown type" };
}

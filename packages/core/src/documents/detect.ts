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

export type Detection =
  | { ok: true; type: DetectedType }
  /** `message` is for the user (it names what was found and what to do); `empty` is a 400, the rest are 415s. */
  | { ok: false; detected: string; message: string; reason: "empty" | "unsupported" | "misnamed" };

/** The document types a name's extension claims; a name whose claim the content contradicts is refused (see detectType). */
const CLAIMED: Record<string, string[]> = { pdf: ["PDF"], docx: ["DOCX"], txt: ["TXT", "Markdown"], md: ["TXT", "Markdown"], markdown: ["TXT", "Markdown"] };
const describe = (label: string) => (label === "TXT" || label === "Markdown" ? "text" : `a ${label}`);

/**
 * Judges a file by its first bytes, never by its name: PDF, DOCX, UTF-8 text
 * (Markdown is text), and audio when allowed. The name only matters when it lies: a
 * "resume.pdf" that is HTML (text) or a PDF called .docx is refused with what it really
 * is, rather than stored under a name that every later reader (the download's type, a
 * recruiter) would believe.
 */
export async function detectType(head: Uint8Array, opts: { allowAudio: boolean; filename?: string }): Promise<Detection> {
  const refuse = (detected: string, reason: "empty" | "unsupported" = "unsupported"): Detection => ({
    ok: false,
    detected,
    reason,
    message: reason === "empty" ? "The file is empty: choose the file again" : `Unsupported file type: detected ${detected}. Allowed: ${allowedLabels(opts.allowAudio).join(", ")}`,
  });
  if (head.length === 0) return refuse("an empty file", "empty");
  // UTF-16 text starts with a byte-order mark that file-type takes for an MP3 frame.
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return refuse("binary data: UTF-16 text (save it as UTF-8)");
  const { fileTypeFromBuffer } = await import("file-type");
  const found = await fileTypeFromBuffer(head);
  let type: DetectedType | undefined;
  if (found) {
    const label = DOCUMENT_TYPES[found.mime] ?? (opts.allowAudio ? AUDIO_TYPES[found.mime] : undefined);
    if (!label) return refuse(found.mime);
    type = { mimeType: found.mime, label };
  } else if (looksLikeText(head)) {
    const markdown = /\.(md|markdown)$/i.test(opts.filename ?? "");
    type = markdown ? { mimeType: "text/markdown", label: "Markdown" } : { mimeType: "text/plain", label: "TXT" };
  } else {
    return refuse("binary data of an unknown type");
  }
  const ext = /\.([a-z]+)$/i.exec(opts.filename ?? "")?.[1]?.toLowerCase();
  const claimed = ext ? CLAIMED[ext] : undefined;
  if (claimed && !claimed.includes(type.label)) {
    const message = `${opts.filename} is not ${describe(claimed[0] as string)}: its content is ${describe(type.label)}. Rename it to match, or export it again as ${allowedLabels(false).join(", ")}`;
    return { ok: false, detected: type.mimeType, reason: "misnamed", message };
  }
  return { ok: true, type };
}

import { ServiceError } from "../shared/errors.js";
import { assertZipWithinLimits } from "./limits.js";

export interface Extracted {
  text: string;
  pageCount?: number;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n")[0]?.slice(0, 200) ?? "unknown error";

/** DOCX_MAX_UNCOMPRESSED_MB's default, for callers without a config. */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;

/**
 * The text of a document. PDF via unpdf (pdf.js), DOCX via mammoth, text as
 * UTF-8. Unreadable input is the user's file, not our bug: BAD_REQUEST with why.
 * A DOCX whose entries claim to inflate past `maxUncompressedBytes` is refused
 * before mammoth inflates anything. Runs in the caller's thread: the worker
 * calls it through the sandbox (extractInSandbox), which bounds memory and time.
 */
export async function extractText(bytes: Buffer | Uint8Array, mimeType: string, opts: { maxUncompressedBytes?: number } = {}): Promise<Extracted> {
  if (mimeType === "application/pdf") {
    const { extractText: pdfText, getDocumentProxy } = await import("unpdf");
    try {
      // pdf.js takes ownership of (detaches) the array it is given, so it gets a copy.
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text, totalPages } = await pdfText(pdf, { mergePages: true });
      await pdf.destroy();
      return { text: text.trim(), pageCount: totalPages };
    } catch (err) {
      throw new ServiceError("BAD_REQUEST", `Could not read this PDF: ${reason(err)}`);
    }
  }
  if (mimeType === DOCX) {
    assertZipWithinLimits(bytes, opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES);
    const mammoth = (await import("mammoth")).default;
    try {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return { text: value.trim() };
    } catch (err) {
      throw new ServiceError("BAD_REQUEST", `Could not read this DOCX: ${reason(err)}`);
    }
  }
  if (mimeType === "text/plain" || mimeType === "text/markdown") {
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "") };
    } catch {
      throw new ServiceError("BAD_REQUEST", "Could not read this text file: it is not valid UTF-8");
    }
  }
  // A recording's text is its transcript: the interview_transcription job writes it.
  if (mimeType.startsWith("audio/")) throw new ServiceError("BAD_REQUEST", "A recording has no text until it is transcribed: run an interview transcription on it");
  throw new ServiceError("BAD_REQUEST", `Text extraction is not supported for ${mimeType}`);
}

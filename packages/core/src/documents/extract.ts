import { ServiceError } from "../shared/errors.js";
import { assertZipWithinLimits, MAX_PDF_PAGES, tooComplex } from "./limits.js";

export interface Extracted {
  text: string;
  pageCount?: number;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n")[0]?.slice(0, 200) ?? "unknown error";

// Control characters other than tab, newline, carriage return and form feed: Postgres can't store
// NUL, and the rest are noise (or terminal escapes) that would flow into profiles and matches.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g;
/** Extracted text as stored: no control characters, trimmed. */
const clean = (text: string) => text.replace(CONTROL, "").trim();

/** No text at all is a failure the user can act on (a scan has none), not an empty success. */
function withText(extracted: Extracted, what: string): Extracted {
  if (extracted.text) return extracted;
  const hint = what === "PDF" ? " (a scanned image has none): upload a PDF whose text you can select, a DOCX or a text file" : "";
  throw new ServiceError("BAD_REQUEST", `No text found in this ${what}${hint}`);
}

/** pdf.js's failures in words a candidate can act on. */
function pdfFailure(err: unknown): ServiceError {
  if (err instanceof ServiceError) return err;
  // pdf.js passes errors on as its own kinds: a stack overflow (objects nested 100,000 deep) is known by its message.
  if (err instanceof RangeError || /maximum call stack/i.test(reason(err))) return tooComplex("its objects nest too deeply");
  if ((err as { name?: string } | null)?.name === "PasswordException") return new ServiceError("BAD_REQUEST", "Could not read this PDF: it is password-protected; upload a copy without a password");
  const why = reason(err);
  const incomplete = /invalid pdf structure|unexpected end|missing pdf/i.test(why) ? " (the file may be incomplete: upload it again)" : "";
  return new ServiceError("BAD_REQUEST", `Could not read this PDF: ${why}${incomplete}`);
}

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
    let extracted: Extracted;
    try {
      // pdf.js takes ownership of (detaches) the array it is given, so it gets a copy.
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      // A few bytes per empty page make a 100,000-page PDF of a few MB: refused before reading any page.
      if (pdf.numPages > MAX_PDF_PAGES) throw tooComplex(`it has ${pdf.numPages} pages (at most ${MAX_PDF_PAGES})`);
      const { text, totalPages } = await pdfText(pdf, { mergePages: true });
      await pdf.destroy();
      extracted = { text: clean(text), pageCount: totalPages };
    } catch (err) {
      throw pdfFailure(err);
    }
    return withText(extracted, "PDF");
  }
  if (mimeType === DOCX) {
    assertZipWithinLimits(bytes, opts.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES);
    const mammoth = (await import("mammoth")).default;
    let text: string;
    try {
      text = clean((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value);
    } catch (err) {
      throw new ServiceError("BAD_REQUEST", `Could not read this DOCX: ${reason(err)}`);
    }
    return withText({ text }, "DOCX");
  }
  if (mimeType === "text/plain" || mimeType === "text/markdown") {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      throw new ServiceError("BAD_REQUEST", "Could not read this text file: it is not valid UTF-8");
    }
    // The upload judged only the head; a NUL further on means this is not text after all.
    if (text.includes("\u0000")) throw new ServiceError("BAD_REQUEST", "Could not read this text file: it holds NUL bytes, so it is not plain text (save it as UTF-8 text)");
    return withText({ text: clean(text) }, "text file");
  }
  // A recording's text is its transcript: the interview_transcription job writes it.
  if (mimeType.startsWith("audio/")) throw new ServiceError("BAD_REQUEST", "A recording has no text until it is transcribed: run an interview transcription on it");
  throw new ServiceError("BAD_REQUEST", `Text extraction is not supported for ${mimeType}`);
}

import { unzipSync } from "fflate";
import { ServiceError } from "../shared/errors.js";

/** The one message every read limit ends in: permanent, shown to the user, never retried. */
export const TOO_COMPLEX = "Document too large or complex to read";

export const tooComplex = (why: string) => new ServiceError("BAD_REQUEST", `${TOO_COMPLEX}: ${why}`);

/** More pages than a document we analyse needs; pdf.js would otherwise walk every one (≈0.7 ms each when empty). */
export const MAX_PDF_PAGES = 2000;

/** More entries than any real DOCX has; a zip of a million empty files is a bomb of another kind. */
export const MAX_ZIP_ENTRIES = 5000;

/**
 * Reads a zip's central directory (the sizes each entry claims, nothing
 * inflated) and refuses it when the entries would inflate past the limit.
 * Entries that lie about their size are caught by the sandbox's heap limit.
 * Non-zips pass: the parser that follows says what is wrong with them.
 */
export function assertZipWithinLimits(bytes: Uint8Array, maxUncompressedBytes: number): void {
  let total = 0;
  let entries = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        total += file.originalSize;
        return false; // never inflate here
      },
    });
  } catch {
    return;
  }
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  if (entries > MAX_ZIP_ENTRIES) throw tooComplex(`it holds ${entries} files (at most ${MAX_ZIP_ENTRIES})`);
  if (total > maxUncompressedBytes) throw tooComplex(`it unpacks to ${mb(total)} (at most ${mb(maxUncompressedBytes)})`);
}

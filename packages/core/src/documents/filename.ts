import { withoutHidden } from "../shared/hidden-chars.js";

/** The longest name a document keeps (what file systems allow is 255 bytes; lists and messages need less). */
export const MAX_FILENAME_CHARS = 200;

/**
 * The name a document is listed, shown and downloaded under: the client's name without a path,
 * hidden or control characters, at most MAX_FILENAME_CHARS characters (the extension kept).
 * Storage keys go further (safeFilename); this one keeps what a person wrote, accents and spaces.
 */
export function displayFilename(raw: string): string {
  const base = withoutHidden((raw.split(/[\\/]/).pop() ?? "").normalize("NFC")).trim();
  const chars = Array.from(base);
  if (chars.length <= MAX_FILENAME_CHARS) return base || "upload";
  const ext = /\.[^.\s]{1,10}$/.exec(base)?.[0] ?? "";
  return chars.slice(0, MAX_FILENAME_CHARS - ext.length).join("").trimEnd() + ext;
}

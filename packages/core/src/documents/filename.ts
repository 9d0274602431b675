/** The longest name a document keeps (what file systems allow is 255 bytes; lists and messages need less). */
export const MAX_FILENAME_CHARS = 200;

// Control characters (C0, DEL, C1: NUL is one, and Postgres can't store it) and the bidirectional
// overrides, embeddings, isolates and marks that make "cv‮fdp.exe" show as "cvexe.pdf".
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a document is listed, shown and downloaded under: the client's name without a path,
 * hidden or control characters, at most MAX_FILENAME_CHARS characters (the extension kept).
 * Storage keys go further (safeFilename); this one keeps what a person wrote, accents and spaces.
 */
export function displayFilename(raw: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? "").normalize("NFC").replace(HIDDEN, "").trim();
  const chars = Array.from(base);
  if (chars.length <= MAX_FILENAME_CHARS) return base || "upload";
  const ext = /\.[^.\s]{1,10}$/.exec(base)?.[0] ?? "";
  return chars.slice(0, MAX_FILENAME_CHARS - ext.length).join("").trimEnd() + ext;
}

import type { Readable } from "node:stream";

/** Where uploaded bytes live. Keys are per tenant (see documentKey); callers never build paths themselves. */
export interface Storage {
  readonly kind: "local" | "s3";
  /** Writes the whole body; a failed or aborted body leaves nothing behind. */
  put(key: string, body: Readable | Buffer | Uint8Array, opts: { contentType: string }): Promise<void>;
  /** The bytes, streamed. Throws StorageNotFoundError for a missing key. */
  get(key: string): Promise<Readable>;
  /** Removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Removes every object under a key prefix (a tenant's whole folder, see accountPrefix); none is not an error. */
  deletePrefix(prefix: string): Promise<void>;
  /** Every key under a prefix ("" = all), in no particular order; what a full backup mirrors. */
  list(prefix: string): AsyncIterable<string>;
  /** A short-lived URL anyone holding it may download from (HMAC-signed api URL, or an S3 presigned URL). */
  signedUrl(key: string, opts: { expiresInSeconds: number; filename: string }): Promise<string>;
}

export class StorageNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object at ${key}`);
    this.name = "StorageNotFoundError";
  }
}

/** A file name safe in a key and a Content-Disposition: no path parts, no control or odd characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFKD")
    .replace(/[^\w.\- ]+/g, "")
    .replace(/\s+/g, "_")
    .replace(/^\.+/, "")
    .slice(-120);
  return cleaned || "file";
}

/** `accounts/<accountId>/documents/<documentId>/<safe filename>`: one tenant's files share a prefix. */
export function documentKey(accountId: string, documentId: string, filename: string): string {
  return `accounts/${accountId}/documents/${documentId}/${safeFilename(filename)}`;
}

/** `accounts/<accountId>/`: everything stored for one tenant, removed with it when the account is purged. */
export function accountPrefix(accountId: string): string {
  return `accounts/${accountId}/`;
}

/** Keys are ours, but a key that could climb out of the storage root is refused all the same. */
export function assertSafeKey(key: string): void {
  if (!key || key.startsWith("/") || key.split("/").some((p) => p === "" || p === "." || p === "..") || key.includes("\\") || key.includes("\0")) {
    throw new Error(`Unsafe storage key: ${key}`);
  }
}

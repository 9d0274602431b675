import { createHmac, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import type { Dirent } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertSafeKey, StorageNotFoundError, type Storage } from "./storage.service.js";

/** The api route that serves local files behind a signature (mounted under /api). */
export const LOCAL_FILES_PATH = "/files";

export interface LocalStorageOptions {
  /** Directory the keys live under. */
  root: string;
  /** Signs download URLs (the download-url key derived from SESSION_SECRET, see downloadSigningKey). */
  secret: string | Buffer;
  /** Public base of the api, e.g. http://localhost:8000/api; signed URLs are relative when absent. */
  baseUrl?: string;
  now?: () => Date;
}

const sign = (secret: string | Buffer, key: string, exp: number, filename: string) =>
  createHmac("sha256", secret).update(`${key}\n${exp}\n${filename}`).digest("base64url");

export type SignatureCheck = { ok: true; filename: string } | { ok: false; reason: "expired" | "bad_signature" };

/** Checks a signed URL's parts; the filename is signed too, so nobody can rename a download. */
export function verifyLocalSignature(secret: string | Buffer, key: string, q: { exp?: unknown; sig?: unknown; name?: unknown }, now: Date): SignatureCheck {
  const exp = Number(q.exp);
  const filename = typeof q.name === "string" ? q.name : "";
  if (typeof q.sig !== "string" || !Number.isSafeInteger(exp)) return { ok: false, reason: "bad_signature" };
  const expected = Buffer.from(sign(secret, key, exp, filename));
  const given = Buffer.from(q.sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "bad_signature" };
  if (exp * 1000 < now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, filename };
}

/** Files under a directory; the default storage, for one machine. */
export function localFileStorage(opts: LocalStorageOptions): Storage {
  const root = path.resolve(opts.root);
  const now = opts.now ?? (() => new Date());
  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(root, ...key.split("/"));
  };
  return {
    kind: "local",
    async put(key, body, _opts) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      // Written under a temporary name and renamed, so a reader never sees half a file.
      const tmp = `${file}.part-${process.pid}-${Date.now()}`;
      try {
        const source = body instanceof Readable ? body : Readable.from([Buffer.from(body)]);
        await pipeline(source, createWriteStream(tmp));
        await rename(tmp, file);
      } catch (err) {
        await rm(tmp, { force: true });
        throw err;
      }
    },
    async get(key) {
      const file = fileOf(key);
      try {
        await stat(file);
      } catch {
        throw new StorageNotFoundError(key);
      }
      return createReadStream(file);
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async deletePrefix(prefix) {
      // Prefixes name folders here (accounts/<id>/): the folder goes, with everything in it.
      await rm(fileOf(prefix.replace(/\/$/, "")), { recursive: true, force: true });
    },
    async *list(prefix) {
      const base = prefix ? fileOf(prefix.replace(/\/$/, "")) : root;
      let entries: Dirent[];
      try {
        entries = await readdir(base, { recursive: true, withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        // Half-written files (renamed into place when complete) are not objects yet.
        if (!e.isFile() || e.name.includes(".part-")) continue;
        yield path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join("/");
      }
    },
    async signedUrl(key, { expiresInSeconds, filename }) {
      assertSafeKey(key);
      const exp = Math.floor(now().getTime() / 1000) + expiresInSeconds;
      const q = new URLSearchParams({ exp: String(exp), name: filename, sig: sign(opts.secret, key, exp, filename) });
      const base = (opts.baseUrl ?? "/api").replace(/\/$/, "");
      return `${base}${LOCAL_FILES_PATH}/${key.split("/").map(encodeURIComponent).join("/")}?${q.toString()}`;
    },
  };
}

import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localFileStorage, verifyLocalSignature } from "./local-storage.service.js";
import { accountPrefix, documentKey, safeFilename, StorageNotFoundError } from "./storage.service.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "atrium-storage-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const KEY = documentKey("11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222", "../../etc/passwd");

describe("local file storage", () => {
  it("keys files per tenant with a safe name", () => {
    expect(KEY).toBe("accounts/11111111-1111-4111-8111-111111111111/documents/22222222-2222-4222-8222-222222222222/passwd");
    expect(safeFilename("My CV (final).pdf")).toBe("My_CV_final.pdf");
    expect(safeFilename("...")).toBe("file");
  });

  it("puts, gets and deletes, from buffers and streams", async () => {
    const storage = localFileStorage({ root, secret: SECRET });
    await storage.put(KEY, Buffer.from("hello"), { contentType: "text/plain" });
    expect(await text(await storage.get(KEY))).toBe("hello");
    await storage.put(KEY, Readable.from(["str", "eam"]), { contentType: "text/plain" });
    expect(await text(await storage.get(KEY))).toBe("stream");
    await storage.delete(KEY);
    await expect(storage.get(KEY)).rejects.toBeInstanceOf(StorageNotFoundError);
    await storage.delete(KEY);
  });

  it("deletes one tenant's whole prefix and nothing of another's; refuses a prefix that climbs out", async () => {
    const storage = localFileStorage({ root, secret: SECRET });
    const [a, b] = ["aaaaaaaa-1111-4111-8111-111111111111", "bbbbbbbb-1111-4111-8111-111111111111"];
    const aKeys = [documentKey(a, "d1", "x.txt"), documentKey(a, "d2", "y.txt")];
    const bKey = documentKey(b, "d3", "z.txt");
    for (const key of [...aKeys, bKey]) await storage.put(key, Buffer.from(key), { contentType: "text/plain" });
    await storage.deletePrefix(accountPrefix(a));
    for (const key of aKeys) await expect(storage.get(key)).rejects.toBeInstanceOf(StorageNotFoundError);
    expect(await text(await storage.get(bKey))).toBe(bKey);
    await storage.deletePrefix(accountPrefix(a));
    await expect(storage.deletePrefix("accounts/../")).rejects.toThrow(/Unsafe storage key/);
  });

  it("leaves nothing behind when the body fails half way", async () => {
    const storage = localFileStorage({ root, secret: SECRET });
    async function* failing() {
      yield Buffer.alloc(1000);
      throw new Error("client went away");
    }
    await expect(storage.put(KEY, Readable.from(failing()), { contentType: "text/plain" })).rejects.toThrow("client went away");
    const dir = path.join(root, ...path.posix.dirname(KEY).split("/"));
    expect(await readdir(dir)).toEqual([]);
  });

  it("refuses keys that climb out of the root", async () => {
    const storage = localFileStorage({ root, secret: SECRET });
    await expect(storage.put("../outside", Buffer.from("x"), { contentType: "text/plain" })).rejects.toThrow("Unsafe storage key");
    await expect(storage.get("/etc/passwd")).rejects.toThrow("Unsafe storage key");
  });

  it("signs download URLs that expire and can't be altered", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const storage = localFileStorage({ root, secret: SECRET, baseUrl: "http://api.test/api", now: () => now });
    const url = new URL(await storage.signedUrl(KEY, { expiresInSeconds: 300, filename: "cv.pdf" }));
    expect(url.origin + url.pathname).toBe(`http://api.test/api/files/${KEY}`);
    const q = Object.fromEntries(url.searchParams);
    expect(verifyLocalSignature(SECRET, KEY, q, now)).toEqual({ ok: true, filename: "cv.pdf" });
    expect(verifyLocalSignature(SECRET, KEY, q, new Date(now.getTime() + 301_000))).toEqual({ ok: false, reason: "expired" });
    expect(verifyLocalSignature(SECRET, KEY, { ...q, name: "other.pdf" }, now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyLocalSignature(SECRET, KEY.replace("passwd", "other"), q, now)).toEqual({ ok: false, reason: "bad_signature" });
    expect(verifyLocalSignature("another-secret-another-secret-0123456789", KEY, q, now)).toEqual({ ok: false, reason: "bad_signature" });
  });
});

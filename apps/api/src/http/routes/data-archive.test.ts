import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { gunzipSync, gzipSync } from "node:zlib";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeSoftDeleted, storageFromConfig } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../../testing.js";
import { newUser, rest } from "../../routers/tenancy.test-helpers.js";
import { canonical, linesOf, pack, populatedTenant, type Line } from "./data-archive.test-helpers.js";

let api: TestApi;
let dataDir: string;
let t: Awaited<ReturnType<typeof populatedTenant>>;
let original: Buffer;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "atrium-archive-"));
  api = await startTestApi({ DATA_DIR: dataDir, RATE_LIMIT_ENABLED: "false", RESTORE_MAX_UNCOMPRESSED_BYTES: String(8 * 1024 * 1024) }, { publicUrlIsSelf: true });
  t = await populatedTenant(api, "arc");
  original = await exportOf(t.owner.token, { includeFiles: "true" });
}, 60_000);

afterAll(async () => {
  await api?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function exportOf(token: string, query: Record<string, string> = {}): Promise<Buffer> {
  const res = await fetch(`${api.url}/api/data/export/?${new URLSearchParams(query).toString()}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
  expect(res.headers.get("content-type")).toBe("application/gzip");
  return Buffer.from(await res.arrayBuffer());
}

async function restore(token: string, body: Buffer, query: Record<string, string> = {}, contentType = "application/gzip") {
  const res = await fetch(`${api.url}/api/data/restore/?${new URLSearchParams(query).toString()}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": contentType }, body });
  return { status: res.status, body: (await res.json()) as { accountId: string; sections: Record<string, number>; files: number; message?: string; data?: { fieldErrors?: Record<string, string[]> } } };
}

/** Everything a failed restore could have left behind: rows anywhere that matter, and accounts. */
async function footprint() {
  const n = async (table: typeof schema.accounts | typeof schema.ledgerEntries | typeof schema.documents | typeof schema.organizations) => (await api.svc.db.select({ n: count() }).from(table))[0]?.n;
  return { accounts: await n(schema.accounts), ledger: await n(schema.ledgerEntries), documents: await n(schema.documents), organizations: await n(schema.organizations) };
}

async function download(token: string, documentId: string): Promise<Buffer> {
  const link = await rest(api, token, "GET", `/documents/${documentId}/download/`);
  expect(link.status).toBe(200);
  const file = await fetch(String(link.body.url));
  expect(file.status).toBe(200);
  return Buffer.from(await file.arrayBuffer());
}

describe("tenant export", () => {
  it("holds every section with a count and checksum, the ledger, the files, and no password hashes", () => {
    const lines = linesOf(original);
    expect(lines[0]).toMatchObject({ t: "header", format: "atrium.tenant-archive", formatVersion: 1, accountId: t.account.id, includeFiles: true });
    const trailers = Object.fromEntries(lines.filter((l) => l.t === "section").map((l) => [l.s, l.count]));
    expect(trailers, JSON.stringify(trailers)).toMatchObject({ account: 1, organizations: 2, teams: 2, accountMembers: 2, memberships: 3, teamMembers: 3, invitations: 1, documents: 2, jobs: 2, jobEvents: 4, ledgerEntries: 4, usageCosts: 2, reserve: 1 });
    expect(lines.filter((l) => l.t === "file")).toHaveLength(2);
    expect(JSON.stringify(lines)).not.toMatch(/passwordHash/);
    expect(lines.at(-1)).toMatchObject({ t: "end", files: 2 });
  });

  it("is audited, and another tenant's account is not found for a tenant admin (staff may name it)", async () => {
    const [audit] = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.eventType, "data.exported"));
    expect(audit).toMatchObject({ accountId: t.account.id, actorId: t.owner.user.id });
    const other = await populatedTenant(api, "oth");
    const res = await fetch(`${api.url}/api/data/export/?accountId=${other.account.id}`, { headers: { authorization: `Bearer ${t.owner.token}` } });
    expect(res.status).toBe(404);
    // A plain member is inside the tenant, so the answer is the honest one: their role is too small.
    expect((await fetch(`${api.url}/api/data/export/?accountId=${t.account.id}`, { headers: { authorization: `Bearer ${t.member.token}` } })).status).toBe(403);
    expect(linesOf(await exportOf(t.staff.token, { accountId: other.account.id }))[0]).toMatchObject({ accountId: other.account.id });
  });
});

describe("tenant restore", () => {
  let copyId: string;

  it("dry run reports what would be created and writes nothing", async () => {
    const before = await footprint();
    const res = await restore(t.staff.token, original, { dryRun: "true" });
    expect(res.status).toBe(200);
    expect(res.body.sections).toMatchObject({ ledgerEntries: 4, documents: 2, jobs: 2 });
    expect(res.body.files).toBe(2);
    expect(await footprint()).toEqual(before);
  });

  it("restores into a new account: the copy exports equal modulo ids, and its documents download byte-identical", async () => {
    const res = await restore(t.staff.token, original);
    expect(res.status).toBe(201);
    copyId = res.body.accountId;
    expect(copyId).not.toBe(t.account.id);
    expect(res.body.sections).toMatchObject({ account: 1, organizations: 2, ledgerEntries: 4, jobEvents: 4, documents: 2 });
    const copy = await exportOf(t.staff.token, { accountId: copyId, includeFiles: "true" });
    expect(canonical(linesOf(copy))).toEqual(canonical(linesOf(original)));
    const [reserve] = await api.svc.db.select().from(schema.reserves).where(eq(schema.reserves.accountId, copyId));
    const [sum] = await api.svc.db.select({ s: sql<number>`coalesce(sum(${schema.ledgerEntries.amountCents}), 0)::int` }).from(schema.ledgerEntries).where(eq(schema.ledgerEntries.accountId, copyId));
    expect(reserve?.balanceCents).toBe(5000 + 250 - 240);
    expect(sum?.s).toBe(reserve?.balanceCents);
    const docs = await api.svc.db.select().from(schema.documents).where(eq(schema.documents.accountId, copyId));
    // The owner is linked to the copy (users are shared, not copied), so they can download its files.
    for (const doc of docs) {
      const source = t.docs.find((d) => d.bytes.length === doc.sizeBytes);
      expect(doc.storageKey.startsWith(`accounts/${copyId}/documents/${doc.id}/`)).toBe(true);
      expect((await download(t.owner.token, doc.id)).equals(source?.bytes ?? Buffer.alloc(0))).toBe(true);
    }
    const [audit] = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.eventType, "data.restored"));
    expect(audit).toMatchObject({ accountId: copyId, actorId: t.staff.user.id, details: expect.objectContaining({ sourceAccountId: t.account.id, target: "new" }) });
  });

  it("refuses target=same while the account exists; after a purge restores it under its own ids", async () => {
    expect((await restore(t.staff.token, original, { target: "same" })).status).toBe(409);
    const victim = await populatedTenant(api, "pur");
    const archive = await exportOf(victim.owner.token, { includeFiles: "true" });
    await api.svc.db.update(schema.accounts).set({ deletedAt: new Date(Date.now() - 86_400_000) }).where(eq(schema.accounts.id, victim.account.id));
    expect((await purgeSoftDeleted(api.svc, storageFromConfig(api.svc.config), { olderThanDays: 0 })).accounts).toBe(1);
    const res = await restore(t.staff.token, archive, { target: "same" });
    expect(res.status).toBe(201);
    expect(res.body.accountId).toBe(victim.account.id);
    const again = linesOf(await exportOf(t.staff.token, { accountId: victim.account.id, includeFiles: "true" }));
    // The audit trail outlives a purge, so the export's own event (recorded after its snapshot) is there now too.
    // The purge and the restore touched the users (home account gone, then back): their updatedAt is the restore's.
    const strip = (lines: Line[]) =>
      lines
        .filter((l) => l.t === "row" && !(l.s === "auditEvents" && ["data.restored", "data.exported"].includes(String(l.r?.eventType))))
        .map((l) => (l.s === "users" ? { ...l, r: { ...l.r, updatedAt: "<restore>" } } : l));
    expect(strip(again)).toEqual(strip(linesOf(archive)));
    for (const doc of victim.docs) expect((await download(victim.owner.token, doc.id)).equals(doc.bytes)).toBe(true);
  });

  it("takes the uncompressed JSON lines too", async () => {
    const res = await restore(t.staff.token, gunzipSync(original), { dryRun: "true" }, "application/json");
    expect(res.status).toBe(200);
    expect(res.body.sections).toMatchObject({ ledgerEntries: 4 });
  });

  it("is staff only", async () => {
    expect((await restore(t.owner.token, original)).status).toBe(403);
  });
});

describe("a damaged or forged archive is refused with a clear error and writes nothing", () => {
  const cases: Array<[string, (lines: Line[]) => Buffer, RegExp]> = [
    [
      "a changed row without a new checksum",
      (lines) => pack(lines.map((l) => (l.s === "ledgerEntries" && l.t === "row" ? { ...l, r: { ...l.r, reason: "edited" } } : l))),
      /ledgerEntries: checksum mismatch/,
    ],
    [
      "a ledger that no longer sums to the balance (checksums redone)",
      (lines) => {
        const i = lines.findIndex((l) => l.s === "ledgerEntries" && l.t === "row");
        return pack(lines.map((l, j) => (j === i ? { ...l, r: { ...l.r, amountCents: Number(l.r?.amountCents) + 100_000 } } : l)), { rehash: true });
      },
      /ledger sums to .* but the reserve balance is/,
    ],
    [
      "a row of another tenant (checksums redone)",
      (lines) => {
        const i = lines.findIndex((l) => l.s === "organizations" && l.t === "row");
        return pack(lines.map((l, j) => (j === i ? { ...l, r: { ...l.r, accountId: "00000000-0000-4000-8000-000000000001" } } : l)), { rehash: true });
      },
      /belongs to another tenant/,
    ],
    [
      "an archive from a newer schema",
      (lines) => pack(lines.map((l) => (l.t === "header" ? { ...l, schemaVersion: "9999_from_the_future" } : l))),
      /newer schema \(9999_from_the_future\)/,
    ],
    [
      "a reference to a row the archive does not hold (checksums redone)",
      (lines) => pack(lines.filter((l) => !(l.s === "organizations" && l.t === "row" && l === lines.find((x) => x.s === "organizations" && x.t === "row"))), { rehash: true }),
      /points at organizations/,
    ],
    ["a truncated archive", (lines) => pack(lines.slice(0, -3)), /incomplete/],
  ];

  it.each(cases)("%s", async (_name, forge, message) => {
    const before = await footprint();
    const res = await restore(t.staff.token, forge(linesOf(original)));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^Archive refused, nothing was written/);
    expect(res.body.message).toMatch(message);
    expect(res.body.data?.fieldErrors?.archive?.length).toBeGreaterThan(0);
    expect(await footprint()).toEqual(before);
  });

  it("a gzip bomb is cut off at RESTORE_MAX_UNCOMPRESSED_BYTES (413); garbage and wrong types are 400/415", async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await restore(t.staff.token, bomb);
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/RESTORE_MAX_UNCOMPRESSED_BYTES/);
    expect((await restore(t.staff.token, Buffer.from("not an archive"), {}, "application/json")).status).toBe(400);
    expect((await restore(t.staff.token, Buffer.from("x"), {}, "text/plain")).status).toBe(415);
    expect((await restore(t.staff.token, original, { target: "elsewhere" })).status).toBe(400);
  });
});

describe("RESTORE_MAX_BYTES", () => {
  let small: TestApi;
  beforeAll(async () => {
    small = await startTestApi({ DATA_DIR: dataDir, RATE_LIMIT_ENABLED: "false", RESTORE_MAX_BYTES: "4096" });
  });
  afterAll(async () => {
    await small?.close();
  });

  it("refuses a body past the cap: by its Content-Length before reading, or while a chunked one streams", async () => {
    const staff = await newUser(small, "cap-staff", { isStaff: true });
    const url = `${small.url}/api/data/restore/?dryRun=true`;
    const headers = { authorization: `Bearer ${staff.token}`, "content-type": "application/gzip" };
    const sized = await fetch(url, { method: "POST", headers, body: Buffer.alloc(64 * 1024) });
    expect(sized.status).toBe(413);
    expect(((await sized.json()) as { message: string }).message).toMatch(/RESTORE_MAX_BYTES/);
    const chunks = (async function* () {
      for (let i = 0; i < 16; i++) yield Buffer.alloc(1024, i);
    })();
    const streamed = await fetch(url, { method: "POST", headers, body: Readable.from(chunks) as unknown as RequestInit["body"], duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});

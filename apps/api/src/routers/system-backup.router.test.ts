import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { list as listTar } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackup, storageFromConfig, type BackupResult } from "@atrium/core";
import { DATA_JOBS, QUEUES } from "@atrium/core/queues";
import { startTestApi, type TestApi } from "../testing.js";
import { newUser, rest, type TestUser } from "./tenancy.test-helpers.js";

let api: TestApi;
let dataDir: string;
let staff: TestUser;
let backup: BackupResult;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "atrium-backups-api-"));
  api = await startTestApi({ DATA_DIR: dataDir, RATE_LIMIT_ENABLED: "false" });
  staff = await newUser(api, "backup-staff", { isStaff: true });
  backup = await createBackup(api.svc, { storage: storageFromConfig(api.svc.config) });
}, 60_000);

afterAll(async () => {
  await api?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe("Admin → System → Backups", () => {
  it("lists backups with size, age and contents; verifies one; is staff only", async () => {
    const list = await rest(api, staff.token, "GET", "/system/backups/");
    expect(list.status).toBe(200);
    const backups = list.body.backups as Array<{ id: string; sizeBytes: number; rows: number; tables: number }>;
    expect(backups.map((b) => b.id)).toEqual([backup.id]);
    expect(backups[0]?.sizeBytes).toBeGreaterThan(0);
    expect(backups[0]?.rows).toBeGreaterThan(0);
    const verified = await rest(api, staff.token, "POST", `/system/backups/${backup.id}/verify/`);
    expect(verified.body).toMatchObject({ id: backup.id, ok: true, problems: [] });
    const member = await newUser(api, "backup-nobody");
    expect((await rest(api, member.token, "GET", "/system/backups/")).status).toBe(403);
    expect((await rest(api, staff.token, "POST", "/system/backups/atrium-19990101T000000000Z/verify/")).status).toBe(404);
    expect((await rest(api, staff.token, "POST", "/system/backups/..%2Fetc/verify/")).status).toBe(400);
  });

  it("a tampered backup fails verification and says which table", async () => {
    const manifestPath = path.join(backup.dir, "manifest.json");
    const manifest = await readFile(manifestPath, "utf8");
    try {
      const changed = JSON.parse(manifest) as { tables: Record<string, { sha256: string }> };
      (changed.tables.users as { sha256: string }).sha256 = "0".repeat(64);
      await writeFile(manifestPath, JSON.stringify(changed));
      const verified = await rest(api, staff.token, "POST", `/system/backups/${backup.id}/verify/`);
      expect(verified.body).toMatchObject({ ok: false, problems: ["table users: checksum mismatch"] });
    } finally {
      await writeFile(manifestPath, manifest);
    }
  });

  it("downloads a backup as one tar.gz with its manifest, tables and files", async () => {
    const res = await fetch(`${api.url}/api/system/backups/${backup.id}/download/`, { headers: { authorization: `Bearer ${staff.token}` } });
    expect(res.status).toBe(200);
    const entries: string[] = [];
    await pipeline(Readable.from(Buffer.from(await res.arrayBuffer())), listTar({ onReadEntry: (e) => entries.push(e.path) }));
    expect(entries).toContain(`${backup.id}/manifest.json`);
    expect(entries).toContain(`${backup.id}/tables/accounts.copy.gz`);
  });

  it("'back up now' queues the worker's backup job", async () => {
    const res = await rest(api, staff.token, "POST", "/system/backups/");
    expect(res.status).toBe(200);
    const job = await api.deps.jobs.queue(QUEUES.maintenance).getJob(String(res.body.jobId));
    expect(job?.name).toBe(DATA_JOBS.backup);
    expect(job?.data).toEqual({ requestedById: staff.user.id });
  });
});

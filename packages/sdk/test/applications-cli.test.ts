import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { createClient } from "../src/index.js";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-applications-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", SIGNUP_MODE: "open", DATA_DIR: path.join(dir, "data") });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (config: string, args: string[], stdin?: string) => runAtrium(path.join(dir, config), args, { stdin });
type Pool = { query: (q: string, p: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> };

describe("atrium applications", () => {
  it("lists a posting's ranked applications and moves one along the pipeline, in words and JSON", async () => {
    const pool = (api.deps.db as unknown as { $client: Pool }).$client;
    const admin = createClient({ baseUrl: api.url, token: (await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "admin", password: "admin123" })).token });
    const account = (await admin.auth.me.query()).account;
    if (!account) throw new Error("admin has no account");
    // A published posting of the admin's account (rows straight in: postings have their own tests).
    const jd = await pool.query("insert into documents (account_id, filename, mime_type, size_bytes, sha256, storage_key, kind, extraction_status, extracted_text) values ($1, 'job.txt', 'text/plain', 10, $2, 'x/jd', 'job_description', 'done', 'TypeScript engineer') returning id", [account.id, "0".repeat(64)]);
    const posting = await pool.query("insert into job_postings (account_id, title, description, status, published_at, job_description_document_id) values ($1, 'CLI Engineer', 'TypeScript engineer', 'published', now(), $2) returning id", [account.id, jd.rows[0]?.id]);
    const postingId = String(posting.rows[0]?.id);

    // A candidate signs up (their own account), uploads a résumé with the CLI and applies.
    await createClient({ baseUrl: api.url }).auth.signup.mutate({ username: "cand-cli", email: "cand-cli@example.test", password: "a sturdy passphrase 42" });
    expect((await atrium("cand.json", ["login", "--url", api.url, "-u", "cand-cli", "--password-stdin"], "a sturdy passphrase 42\n")).code).toBe(0);
    const file = path.join(dir, "cv.txt");
    writeFileSync(file, "TypeScript and PostgreSQL engineer.\n");
    const up = JSON.parse((await atrium("cand.json", ["documents", "upload", file, "--kind", "resume", "--json"])).stdout) as { id: string };
    await pool.query("update documents set extraction_status = 'done', extracted_text = 'TypeScript and PostgreSQL engineer.' where id = $1", [up.id]);
    const candidate = createClient({ baseUrl: api.url, token: (await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "cand-cli", password: "a sturdy passphrase 42" })).token });
    const applied = await candidate.recruiting.applications.create.mutate({ postingId, resumeDocumentId: up.id });

    expect((await atrium("admin.json", ["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    const list = await atrium("admin.json", ["applications", "list", postingId]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${applied.id}\\s+cand-cli\\s+applied`));
    const json = JSON.parse((await atrium("admin.json", ["applications", "list", postingId, "--status", "applied", "--json"])).stdout) as Array<{ id: string }>;
    expect(json.map((a) => a.id)).toEqual([applied.id]);

    const moved = await atrium("admin.json", ["applications", "move", applied.id, "interview", "--from", "applied"]);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toBe("cand-cli's application is now interview.\n");
    const stale = await atrium("admin.json", ["applications", "move", applied.id, "offer", "--from", "applied"]);
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toContain("moved on since you loaded it");
    const typo = await atrium("admin.json", ["applications", "move", applied.id, "hird"]);
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toContain("Stage must be one of");
    // The candidate's own CLI login can't list the employer's applications.
    const outsider = await atrium("cand.json", ["applications", "list", postingId]);
    expect(outsider.code).not.toBe(0);
    expect(outsider.stderr).toContain("Posting not found");
  });
});

import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliStack } from "./testing.js";

const stack = cliStack("applications", { SIGNUP_MODE: "open" });
const { atrium, sql } = stack;

describe("atrium applications", () => {
  it("lists a posting's ranked applications and moves one along the pipeline, in words and JSON", async () => {
    const admin = await stack.client("admin", "admin123");
    const account = (await admin.auth.me.query()).account;
    if (!account) throw new Error("admin has no account");
    // A published posting of the admin's account (rows straight in: postings have their own tests).
    const [jd] = await sql("insert into documents (account_id, filename, mime_type, size_bytes, sha256, storage_key, kind, extraction_status, extracted_text) values ($1, 'job.txt', 'text/plain', 10, $2, 'x/jd', 'job_description', 'done', 'TypeScript engineer') returning id", [account.id, "0".repeat(64)]);
    const [posting] = await sql("insert into job_postings (account_id, title, description, status, published_at, job_description_document_id) values ($1, 'CLI Engineer', 'TypeScript engineer', 'published', now(), $2) returning id", [account.id, jd?.id]);
    const postingId = String(posting?.id);

    // A candidate signs up (their own account), uploads a résumé with the CLI and applies.
    await stack.signup("cand-cli", "a sturdy passphrase 42");
    expect((await stack.login("cand.json", "cand-cli", "a sturdy passphrase 42")).code).toBe(0);
    const file = path.join(stack.dir, "cv.txt");
    writeFileSync(file, "TypeScript and PostgreSQL engineer.\n");
    const up = JSON.parse((await atrium("cand.json", ["documents", "upload", file, "--kind", "resume", "--json"])).stdout) as { id: string };
    await sql("update documents set extraction_status = 'done', extracted_text = 'TypeScript and PostgreSQL engineer.' where id = $1", [up.id]);
    const candidate = await stack.client("cand-cli", "a sturdy passphrase 42");
    const applied = await candidate.recruiting.applications.create.mutate({ postingId, resumeDocumentId: up.id });

    expect((await stack.login("admin.json", "admin", "admin123")).code).toBe(0);
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

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@atrium/config";
import { DEFAULT_ACCOUNT } from "@atrium/core";
import { startTestApi, startWorker, type RunningWorker, type TestApi } from "@atrium/testing/api";
import { runAtrium } from "./cli-harness.js";

const FIXTURES = fileURLToPath(new URL("../../core/test-fixtures/", import.meta.url));
let api: TestApi;
let worker: RunningWorker;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-jobs-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", DATA_DIR: path.join(dir, "data") });
  const { config, db } = api.svc;
  worker = await startWorker({ config, db, redisUrl: config.REDIS_URL ?? "", logger: createLogger(config, "worker-test"), now: () => new Date() });
  // Jobs cost money and a new tenant is on `block`: staff credit the admin's tenant with the CLI first.
  const account = await db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.slug, DEFAULT_ACCOUNT.slug) });
  if (!account) throw new Error("no default account");
  expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
  const credit = await atrium(["billing", "adjust", "--tenant", account.id, "--amount-cents", "500", "--reason", "jobs CLI test credit"]);
  expect(credit.code).toBe(0);
});
afterAll(async () => {
  await worker?.stop();
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], stdin?: string) => runAtrium(path.join(dir, "config.json"), args, { stdin });

describe("atrium jobs", () => {
  it("uploads a PDF, runs document_analysis and prints the timeline until it ends; list and show find it", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    const run = await atrium(["jobs", "run", "document_analysis", path.join(FIXTURES, "resume.pdf"), "--wait", "--interval", "100"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const order = ["job.queued", "job.running", "extract_text done", "analyze done", "llm.call", "job.succeeded", "Status: success"].map((s) => run.stdout.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const id = /Job ([0-9a-f-]{36})/.exec(run.stdout)?.[1] ?? "";

    const list = await atrium(["jobs", "list"]);
    expect(list.stdout).toMatch(new RegExp(`${id}\\s+document_analysis\\s+success.*resume\\.pdf`));
    const show = await atrium(["jobs", "show", id]);
    expect(show.stdout).toContain(`Job ${id} (document_analysis): success`);
    expect(show.stdout).toContain("Documents: resume.pdf");
    expect(show.stdout).toContain('"summary"');
  }, 60_000);

  it("parses a résumé with `jobs run resume_parse`, then again on the uploaded document with `jobs create --type resume_parse`", async () => {
    const run = await atrium(["jobs", "run", "resume_parse", path.join(FIXTURES, "resume-nurse.txt"), "--wait", "--interval", "100", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const first = JSON.parse(run.stdout) as { status: string; input: { documentId: string }; result: { contact: { email: string }; experience: unknown[] } };
    expect(first.status).toBe("success");
    expect(first.result.contact.email).toBe("jane.doe@example.com");
    expect(first.result.experience).toHaveLength(2);

    const created = await atrium(["jobs", "create", "--type", "resume_parse", "--document", first.input.documentId, "--wait", "--interval", "100"]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain("parse_resume done");
    expect(created.stdout).toContain("Status: success");
    const missing = await atrium(["jobs", "create", "--type", "resume_parse"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("resume_parse takes --document <id>");
    const unknown = await atrium(["jobs", "create", "--type", "mine_bitcoin", "--document", first.input.documentId]);
    expect(unknown.stderr).toContain("interview_transcription");
  }, 60_000);

  it("runs resume_match on a PDF resume and a DOCX job description, and refuses a wrong file count", async () => {
    const run = await atrium(["jobs", "run", "resume_match", path.join(FIXTURES, "resume.pdf"), path.join(FIXTURES, "job-description.docx"), "--wait", "--interval", "100", "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const job = JSON.parse(run.stdout) as { status: string; result: { score: number; matchedSkills: string[]; missingSkills: string[] } };
    expect(job.status).toBe("success");
    expect(job.result.score).toBeGreaterThanOrEqual(0);
    expect(job.result.score).toBeLessThanOrEqual(100);
    // Read by a person, the score is the sum of its parts, each requirement with the skill that met it.
    const show = await atrium(["jobs", "show", (job as unknown as { id: string }).id]);
    expect(show.stdout).toContain(`Score ${job.result.score}/100 = required skills `);
    expect(show.stdout).toMatch(/Required: [✓✗] /);
    expect(show.stdout).toMatch(/Years: /);
    const wrong = await atrium(["jobs", "run", "resume_match", path.join(FIXTURES, "resume.pdf")]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("resume_match takes 2 files (resume, job_description), got 1");
  }, 60_000);
});

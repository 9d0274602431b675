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
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-candidate-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], stdin?: string) => runAtrium(path.join(dir, "admin.json"), args, { stdin });

describe("atrium candidate / assistant", () => {
  it("shows an empty profile, starts a parse of an own résumé, refuses an unknown document, and says the assistant needs a provider", async () => {
    const admin = createClient({ baseUrl: api.url, token: (await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "admin", password: "admin123" })).token });
    const account = (await admin.auth.me.query()).account;
    if (!account) throw new Error("admin has no account");
    await admin.billing.admin.adjust.mutate({ tenantId: account.id, amountCents: 1000, reason: "CLI test credit" });
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);

    const empty = await atrium(["candidate", "profile"]);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain("No candidate profile yet");

    const file = path.join(dir, "resume.txt");
    writeFileSync(file, "Jane Doe\nRegistered Nurse, Seattle\n\nExperience\nCharge Nurse at Harborview, Seattle (2021 - Present)\n\nSkills\nBLS, ACLS\n");
    const uploaded = JSON.parse((await atrium(["documents", "upload", file, "--kind", "resume", "--json"])).stdout) as { id: string };
    const started = await atrium(["candidate", "parse", uploaded.id, "--json"]);
    expect(started.code, started.stderr).toBe(0);
    const profile = JSON.parse(started.stdout) as { sourceDocumentId: string; parse: { jobId: string; status: string } };
    expect(profile.sourceDocumentId).toBe(uploaded.id);
    expect((await admin.jobs.get.query({ id: profile.parse.jobId })).type).toBe("resume_parse");

    const unknown = await atrium(["candidate", "parse", "00000000-0000-4000-8000-000000000000"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain("Document not found");

    const noProvider = await atrium(["assistant", "ask", "Who", "is", "best?", "--posting", "00000000-0000-4000-8000-000000000000"]);
    expect(noProvider.code).not.toBe(0);
    expect(noProvider.stderr).toContain("The assistant needs an OpenAI-compatible chat provider");
    const neither = await atrium(["assistant", "ask", "Who?"]);
    expect(neither.code).not.toBe(0);
    expect(neither.stderr).toContain("Name either --posting <id> or --application <id>");
  });
});

import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cliStack } from "./testing.js";

const stack = cliStack("candidate");
const atrium = (args: string[], stdin?: string) => stack.atrium("admin.json", args, stdin);

describe("atrium candidate / assistant", () => {
  it("shows an empty profile, starts a parse of an own résumé, refuses an unknown document, and says the assistant needs a provider", async () => {
    const admin = await stack.client("admin", "admin123");
    const account = (await admin.auth.me.query()).account;
    if (!account) throw new Error("admin has no account");
    await admin.billing.admin.adjust.mutate({ tenantId: account.id, amountCents: 1000, reason: "CLI test credit" });
    expect((await stack.login("admin.json", "admin", "admin123")).code).toBe(0);

    const empty = await atrium(["candidate", "profile"]);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toContain("No candidate profile yet");

    const file = path.join(stack.dir, "resume.txt");
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

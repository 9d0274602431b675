import { describe, expect, it } from "vitest";
import { cliStack } from "./testing.js";

const stack = cliStack("application-messages", { SIGNUP_MODE: "open" });
const { atrium, sql } = stack;

describe("atrium applications messages|message", () => {
  it("lets the candidate and the employer's admin talk about an application; a stranger is told it isn't found", async () => {
    const admin = await stack.client("admin", "admin123");
    const employer = (await admin.auth.me.query()).account;
    if (!employer) throw new Error("admin has no account");
    for (const u of ["cand-msg", "stranger-msg"]) await stack.signup(u, "a sturdy passphrase 42");
    const [cand] = await sql("select u.id, m.account_id from users u join account_members m on m.user_id = u.id where u.username = 'cand-msg'", []);
    // A published posting and the candidate's application, as rows (applying has its own tests).
    const [posting] = await sql("insert into job_postings (account_id, title, description, status, published_at) values ($1, 'CLI Nurse', 'Care', 'published', now()) returning id", [employer.id]);
    const [app] = await sql("insert into applications (account_id, posting_id, candidate_user_id, candidate_account_id) values ($1, $2, $3, $4) returning id", [employer.id, posting?.id, cand?.id, cand?.account_id]);
    const id = String(app?.id);

    for (const [config, user, password] of [["cand.json", "cand-msg", "a sturdy passphrase 42"], ["admin.json", "admin", "admin123"], ["stranger.json", "stranger-msg", "a sturdy passphrase 42"]] as const) {
      expect((await stack.login(config, user, password)).code).toBe(0);
    }
    const sent = await atrium("cand.json", ["applications", "message", id, "Is", "the", "night", "shift", "fixed?"]);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/^Sent \(conversation [0-9a-f-]{36}\)\.\n$/);
    expect((await atrium("admin.json", ["applications", "message", id, "It rotates weekly."])).code).toBe(0);

    const thread = await atrium("cand.json", ["applications", "messages", id]);
    expect(thread.code, thread.stderr).toBe(0);
    expect(thread.stdout).toMatch(/\] you: Is the night shift fixed\?\n\[.*\] Administrator: It rotates weekly\.\n$/);
    const json = JSON.parse((await atrium("admin.json", ["applications", "messages", id, "--json"])).stdout) as { items: Array<{ content: string }> };
    expect(json.items.map((m) => m.content)).toEqual(["Is the night shift fixed?", "It rotates weekly."]);

    const stranger = await atrium("stranger.json", ["applications", "messages", id]);
    expect(stranger.code).not.toBe(0);
    expect(stranger.stderr).toContain("Application not found");
    const empty = await atrium("cand.json", ["applications", "message", id, " "]);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain("Write a message");
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { createClient } from "../src/index.js";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-messages-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", SIGNUP_MODE: "open" });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (config: string, args: string[], stdin?: string) => runAtrium(path.join(dir, config), args, { stdin });

describe("atrium messages", () => {
  it("sends by username, lists with unread counts, reads (marking read) and counts unread, in words and JSON", async () => {
    // Bob signs up and joins the admin's account (straight into the table: joining is not what this tests).
    const bob = await createClient({ baseUrl: api.url }).auth.signup.mutate({ username: "bob-cli", email: "bob-cli@example.test", password: "a sturdy passphrase 42" });
    const admin = createClient({ baseUrl: api.url, token: (await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "admin", password: "admin123" })).token });
    const account = (await admin.auth.me.query()).account;
    if (!account) throw new Error("admin has no account");
    const pool = (api.deps.db as unknown as { $client: { query: (q: string, p: unknown[]) => Promise<unknown> } }).$client;
    await pool.query("insert into account_members (account_id, user_id, role) values ($1, $2, 'member')", [account.id, bob.user.id]);

    expect((await atrium("admin.json", ["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    expect((await atrium("bob.json", ["login", "--url", api.url, "-u", "bob-cli", "--password-stdin"], "a sturdy passphrase 42\n")).code).toBe(0);

    const sent = await atrium("admin.json", ["messages", "send", "bob-cli", "Hello", "Bob,", "<b>welcome</b>"]);
    expect(sent.code, sent.stderr).toBe(0);
    const conversationId = /conversation ([0-9a-f-]{36})/.exec(sent.stdout)?.[1] ?? "";
    expect(sent.stdout).toBe(`Sent to bob-cli (conversation ${conversationId}).\n`);
    const byId = JSON.parse((await atrium("admin.json", ["messages", "send", bob.user.id, "second", "--json"])).stdout) as { message: { content: string } };
    expect(byId.message.content).toBe("second");

    expect((await atrium("bob.json", ["messages", "unread"])).stdout).toBe("2 unread.\n");
    expect((await atrium("bob.json", ["messages", "list"])).stdout).toMatch(new RegExp(`${conversationId}\\s+Administrator\\s+2\\s+second`));
    const listed = JSON.parse((await atrium("bob.json", ["messages", "list", "--json"])).stdout) as Array<{ id: string; unreadCount: number }>;
    expect(listed).toEqual([expect.objectContaining({ id: conversationId, unreadCount: 2 })]);

    const read = await atrium("bob.json", ["messages", "read", conversationId]);
    expect(read.stdout).toMatch(/Administrator: Hello Bob, <b>welcome<\/b>\n.*Administrator: second\n$/);
    expect(JSON.parse((await atrium("bob.json", ["messages", "unread", "--json"])).stdout)).toEqual({ unreadCount: 0 });

    const stranger = await atrium("admin.json", ["messages", "send", "nobody-here", "hi"]);
    expect(stranger.code).not.toBe(0);
    expect(stranger.stderr).toContain("No one named nobody-here");
  });
});

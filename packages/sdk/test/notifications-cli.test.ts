import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationService } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-notifications-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", DATA_DIR: path.join(dir, "data") });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], opts: { stdin?: string } = {}) => runAtrium(path.join(dir, "config.json"), args, opts);

describe("atrium notifications", () => {
  it("lists (all or unread, table or JSON), reads one and then all", async () => {
    const [admin] = await api.svc.db.select().from(schema.users).where(eq(schema.users.username, "admin"));
    if (!admin) throw new Error("no admin");
    for (const title of ["Nightly import finished", "Weekly report failed"]) {
      await notificationService.notify(api.svc, { userId: admin.id, kind: "job.finished", title, body: "b", link: "/jobs", email: false });
    }
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], { stdin: "admin123\n" })).code).toBe(0);

    const table = await atrium(["notifications", "list"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/Weekly report failed[\s\S]*Nightly import finished/);
    expect(table.stderr).toContain("2 unread.");

    const json = JSON.parse((await atrium(["notifications", "list", "--json"])).stdout) as { items: Array<{ id: string; title: string }>; unreadCount: number };
    const newest = json.items[0];
    const one = await atrium(["notifications", "read", newest?.id ?? ""]);
    expect(one.stdout).toContain('Marked "Weekly report failed" read.');
    const unread = JSON.parse((await atrium(["notifications", "list", "--unread", "--json"])).stdout) as { items: Array<{ title: string }> };
    expect(unread.items.map((n) => n.title)).toEqual(["Nightly import finished"]);

    expect((await atrium(["notifications", "read", "--all"])).stdout).toContain("Marked 1 notification read.");
    const none = await atrium(["notifications", "read"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("Give a notification id, or --all");
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../../apps/api/src/testing.js";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;
beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-notes-cli-"));
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], stdin?: string) => runAtrium(path.join(dir, "config.json"), args, { stdin });

describe("atrium notes", () => {
  it("adds, lists and deletes a note", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    const added = await atrium(["notes", "add", "buy milk"]);
    expect(added.code).toBe(0);
    const id = added.stdout.trim();
    const listed = await atrium(["notes", "list", "--json"]);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ id, body: "buy milk" })]);
    expect((await atrium(["notes", "delete", id])).stdout).toContain(`Deleted note ${id}.`);
    expect((await atrium(["notes", "list"])).stdout).toContain("No notes.");
  });
});

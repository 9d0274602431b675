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
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-postings-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], stdin?: string) => runAtrium(path.join(dir, "config.json"), args, { stdin });

describe("atrium postings", () => {
  it("creates a posting from a description file, publishes it, and lists it in words and JSON", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    const file = path.join(dir, "nurse.md");
    writeFileSync(file, "Care for patients on the night shift.\n");
    const created = await atrium(["postings", "create", "Night nurse", "--description-file", file, "--location", "Lyon", "--salary-min", "30000", "--salary-max", "40000", "--currency", "eur", "--skills", "Triage, IV therapy,triage", "--publish", "--json"]);
    expect(created.code, created.stderr).toBe(0);
    const posting = JSON.parse(created.stdout) as { id: string; status: string; requiredSkills: string[]; salaryCurrency: string; description: string };
    expect(posting).toMatchObject({ status: "published", requiredSkills: ["Triage", "IV therapy"], salaryCurrency: "EUR", description: "Care for patients on the night shift." });

    const listed = await atrium(["postings", "list", "--status", "published"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${posting.id}\\s+Night nurse\\s+published\\s+Lyon\\s+30000–40000 EUR`));
    const json = JSON.parse((await atrium(["postings", "list", "-q", "nurse", "--json"])).stdout) as Array<{ id: string }>;
    expect(json.map((p) => p.id)).toEqual([posting.id]);

    // It is on the public board, which needs no sign-in.
    const me = await createClient({ baseUrl: api.url, token: (await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "admin", password: "admin123" })).token }).auth.me.query();
    const board = await createClient({ baseUrl: api.url }).recruiting.board.list.query({ accountSlug: String(me.account?.slug) });
    expect(board.items.map((p) => p.id)).toContain(posting.id);

    const closed = await atrium(["postings", "close", posting.id]);
    expect(closed.stdout).toContain(`Night nurse (${posting.id}) is closed.`);
  });

  it("says what is wrong: a missing description, an upside-down salary range, an unknown status", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    const missing = await atrium(["postings", "create", "Cook"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("Describe the role");
    const upside = await atrium(["postings", "create", "Cook", "--description", "Cook.", "--salary-min", "50000", "--salary-max", "100"]);
    expect(upside.code).not.toBe(0);
    expect(upside.stderr).toContain("The maximum salary can't be below the minimum");
    const status = await atrium(["postings", "list", "--status", "open"]);
    expect(status.code).toBe(2);
  });
});

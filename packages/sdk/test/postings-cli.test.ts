import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createClient } from "../src/index.js";
import { cliStack } from "./testing.js";

const stack = cliStack("postings");
const atrium = (args: string[], stdin?: string) => stack.atrium("config.json", args, stdin);

describe("atrium postings", () => {
  it("creates a posting from a description file, publishes it, and lists it in words and JSON", async () => {
    expect((await stack.login("config.json", "admin", "admin123")).code).toBe(0);
    const file = path.join(stack.dir, "nurse.md");
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
    const me = await (await stack.client("admin", "admin123")).auth.me.query();
    const board = await createClient({ baseUrl: stack.api.url }).recruiting.board.list.query({ accountSlug: String(me.account?.slug) });
    expect(board.items.map((p) => p.id)).toContain(posting.id);

    const closed = await atrium(["postings", "close", posting.id]);
    expect(closed.stdout).toContain(`Night nurse (${posting.id}) is closed.`);
  });

  it("says what is wrong: a missing description, an upside-down salary range, an unknown status", async () => {
    expect((await stack.login("config.json", "admin", "admin123")).code).toBe(0);
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

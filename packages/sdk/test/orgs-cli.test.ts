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
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-orgs-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], stdin?: string) => runAtrium(path.join(dir, "config.json"), args, { stdin });

describe("atrium orgs", () => {
  it("lets staff list an organization deleted by mistake and restore it", async () => {
    const { token } = await createClient({ baseUrl: api.url }).auth.token.mutate({ username: "admin", password: "admin123" });
    const client = createClient({ baseUrl: api.url, token });
    const me = await client.auth.me.query();
    if (!me.account) throw new Error("admin has no account");
    const org = await client.organizations.create.mutate({ accountId: me.account.id, name: "Oops Org" });
    await client.organizations.delete.mutate({ id: org.id });

    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    const listed = await atrium(["orgs", "deleted"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${org.id}\\s+Oops Org\\s+${me.account.name}`));

    const restored = await atrium(["orgs", "restore", org.id]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored Oops Org (${org.id}).`);
    expect((await client.organizations.get.query({ id: org.id })).deletedAt).toBeNull();
    expect((await atrium(["orgs", "deleted"])).stdout).toContain("No deleted organizations.");
  });

  it("creates an organization and a team, lists them and their members, in words and JSON", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    const created = await atrium(["orgs", "create", "Research", "--slug", "research", "--json"]);
    expect(created.code, created.stderr).toBe(0);
    const org = JSON.parse(created.stdout) as { id: string; name: string; role: string };
    expect(org).toMatchObject({ name: "Research", role: "owner" });
    expect((await atrium(["orgs", "list"])).stdout).toMatch(new RegExp(`${org.id}\\s+Research\\s+research\\s+owner`));
    const members = JSON.parse((await atrium(["orgs", "members", org.id, "--json"])).stdout) as Array<{ username: string; role: string }>;
    expect(members).toEqual([expect.objectContaining({ username: "admin", role: "owner" })]);

    const team = await atrium(["teams", "create", "Platform", "--org", org.id]);
    expect(team.stdout).toMatch(/^Created team Platform \(([0-9a-f-]{36})\)\.\n$/);
    const teamId = /\(([0-9a-f-]{36})\)/.exec(team.stdout)?.[1] ?? "";
    expect(JSON.parse((await atrium(["teams", "list", "--org", org.id, "--json"])).stdout)).toEqual([expect.objectContaining({ id: teamId, name: "Platform" })]);
    const me = JSON.parse((await atrium(["me", "--json"])).stdout) as { user: { id: string } };
    expect((await atrium(["teams", "add-member", teamId, me.user.id, "--role", "lead"])).stdout).toBe("Added admin as lead.\n");
    expect((await atrium(["teams", "members", teamId])).stdout).toMatch(/admin\s+lead/);
    expect((await atrium(["teams", "list", "--limit", "0"])).code).toBe(2);
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@atrium/core";
import { insertUser } from "@atrium/core/testing";
import { startTestApi, type TestApi } from "../../../apps/api/src/testing.js";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;

beforeAll(async () => {
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false" });
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-identity-cli-"));
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], stdin?: string) => runAtrium(path.join(dir, "config.json"), args, { stdin });

const PASSWORD = "gentle-quarry-lamp-52";
async function person(username: string, verified: boolean) {
  await insertUser(api.svc.db, { username, email: `${username}@example.test`, passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: verified ? new Date() : null });
  expect((await atrium(["login", "--url", api.url, "-u", username, "--password-stdin"], `${PASSWORD}\n`)).code).toBe(0);
}

describe("atrium invitations and email", () => {
  it("lists, accepts and declines invitations; an unconfirmed address confirms first", async () => {
    await person("cli-owner", true);
    // The owner's tenant and invitations, made through the same api the CLI talks to.
    const { createClient } = await import("../src/client.js");
    const tokenOf = async (username: string, password = PASSWORD) =>
      ((await (await fetch(`${api.url}/api/auth/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) })).json()) as { token: string }).token;
    const owner = createClient({ baseUrl: api.url, token: await tokenOf("cli-owner") });
    const acc = await owner.accounts.create.mutate({ name: "CLI Inc" });
    const org = await owner.organizations.create.mutate({ accountId: acc.id, name: "CLI Org" });
    const other = await owner.organizations.create.mutate({ accountId: acc.id, name: "Other Org" });

    await person("cli-newbie", false);
    await owner.invitations.create.mutate({ id: org.id, email: "cli-newbie@example.test", role: "admin" });
    await owner.invitations.create.mutate({ id: other.id, email: "cli-newbie@example.test", role: "member" });
    expect((await atrium(["me"])).stdout).toContain("email:    not confirmed");
    expect((await atrium(["invitations", "list"])).stdout).toMatch(/not confirmed yet/);

    const resent = await atrium(["email", "resend"]);
    expect(resent.stdout).toBe("We've sent a confirmation link to cli-newbie@example.test.\n");
    // Read the link the way an operator would: staff's outbox.
    const staff = createClient({ baseUrl: api.url, token: await tokenOf("admin", "admin123") });
    const { items } = await staff.email.outbox.list.query({ to: "cli-newbie@example.test" });
    const token = items.map((m) => m.text.match(/verify-email\?token=([a-z0-9]+)/)?.[1]).find(Boolean) ?? "";
    expect((await atrium(["email", "verify", token])).code).toBe(0);
    expect((await atrium(["me"])).stdout).toContain("email:    confirmed");

    const listed = JSON.parse((await atrium(["invitations", "list", "--json"])).stdout) as { items: Array<{ id: string; organizationName: string }> };
    const byOrg = Object.fromEntries(listed.items.map((i) => [i.organizationName, i.id]));
    expect(Object.keys(byOrg).sort()).toEqual(["CLI Org", "Other Org"]);
    expect((await atrium(["invitations", "list"])).stdout).toMatch(/CLI Org\s+admin\s+cli-owner/);
    const accepted = await atrium(["invitations", "accept", byOrg["CLI Org"] ?? ""]);
    expect(accepted.stdout).toBe(`Joined organization ${org.id}.\n`);
    expect((await atrium(["invitations", "decline", byOrg["Other Org"] ?? ""])).stdout).toBe("Invitation declined.\n");
    expect((await atrium(["invitations", "list"])).stdout).toBe("No pending invitations.\n");
    const again = await atrium(["invitations", "accept", byOrg["Other Org"] ?? ""]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/not found/i);
  });
});

describe("atrium profile", () => {
  it("sets and clears your display name; a bad one is refused with the field's message", async () => {
    await person("cli-named", true);
    const set = await atrium(["profile", "set-name", "  Ada Lovelace "]);
    expect(set).toMatchObject({ code: 0, stdout: "display name: Ada Lovelace\n" });
    expect((await atrium(["me"])).stdout).toContain("cli-named (Ada Lovelace)");
    const bad = await atrium(["profile", "set-name", "Ada\nAdmin"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/Control characters/);
    expect((await atrium(["profile", "clear-name"])).stdout).toBe("display name cleared (lists show cli-named)\n");
    expect((await atrium(["me"])).stdout).not.toContain("Ada Lovelace");
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// Relative until @atrium/api exports "./testing".
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;
let configFile: string;

beforeAll(async () => {
  api = await startTestApi();
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-cli-"));
  configFile = path.join(dir, "atrium", "config.json");
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI in-process with its own config file; stdin is empty unless given. */
const atrium = (args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}) => runAtrium(configFile, args, opts);

/** A port nothing listens on: taken from the kernel, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const stored = () => JSON.parse(readFileSync(configFile, "utf8")) as { url?: string; token?: string };

describe("atrium CLI", () => {
  it("refuses a wrong password with the server's message and no stack", async () => {
    const r = await atrium(["login", "--url", api.url, "-u", "admin", "-p", "wrong"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("error: Invalid username or password\n");
  });

  it("asks for a password it cannot prompt for", async () => {
    const r = await atrium(["login", "--url", api.url, "-u", "admin"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No password given/);
  });

  it("logs in, stores url and token 0600, and answers `me`", async () => {
    const login = await atrium(["login", "--url", `${api.url}/`, "-u", "admin", "--password-stdin"], { stdin: "admin123\n" });
    expect(login.stderr).toBe("");
    expect(login.code).toBe(0);
    expect(login.stdout).toMatch(/Logged in to .* as admin/);
    expect(stored()).toEqual({ url: api.url, token: expect.any(String) });
    expect(statSync(configFile).mode & 0o777).toBe(0o600);

    const json = await atrium(["me", "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ user: { username: "admin", isStaff: true }, authMethod: "session" });

    const text = await atrium(["me"]);
    expect(text.stdout).toMatch(/^admin \(Administrator\) <admin@atrium\.local>/);
  });

  it("creates, lists, uses and revokes an API key", async () => {
    const created = await atrium(["api-keys", "create", "ci", "--expires-in-days", "7", "--json"]);
    expect(created.code).toBe(0);
    const key = JSON.parse(created.stdout) as { id: string; key: string };

    const list = await atrium(["api-keys", "list"]);
    expect(list.stdout).toMatch(new RegExp(`${key.id}\\s+ci\\s+\\S+\\s+active`));

    // ATRIUM_TOKEN beats the stored login.
    const asKey = await atrium(["me", "--json"], { env: { ATRIUM_TOKEN: key.key } });
    expect(JSON.parse(asKey.stdout)).toMatchObject({ authMethod: "api_key" });

    const revoked = await atrium(["api-keys", "revoke", key.id]);
    expect(revoked.stdout).toBe(`Revoked "ci" (${key.id}).\n`);
    const after = await atrium(["me"], { env: { ATRIUM_TOKEN: key.key } });
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/^error: .*\(run `atrium login`/);
  });

  it("reports bad arguments and invalid ids clearly", async () => {
    const badDays = await atrium(["api-keys", "create", "x", "--expires-in-days", "soon"]);
    expect(badDays.code).toBe(2);
    expect(badDays.stderr).toMatch(/expected a whole number of days/);
    const badId = await atrium(["api-keys", "revoke", "nope"]);
    expect(badId.code).toBe(1);
    expect(badId.stderr).toMatch(/Not a valid key id/);
  });

  it("never sends the stored token to another server", async () => {
    const r = await atrium(["me", "--url", "http://127.0.0.1:1"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Not logged in/);
  });

  it("says when the api cannot be reached", async () => {
    const r = await atrium(["me", "--url", `http://127.0.0.1:${await closedPort()}`, "--token", "x"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Cannot reach the api: ECONNREFUSED/);
  });

  it("logs out: the session ends and the token is forgotten, the url kept", async () => {
    const { token } = stored();
    const r = await atrium(["logout"]);
    expect(r.code).toBe(0);
    expect(stored()).toEqual({ url: api.url });
    const me = await fetch(`${api.url}/api/me/`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(401);
    expect((await atrium(["me"])).stderr).toMatch(/Not logged in/);
    expect((await atrium(["logout"])).stdout).toBe("Not logged in.\n");
  });

  it("needs a url when nothing is stored", async () => {
    const r = await atrium(["me"], { env: { ATRIUM_CONFIG: path.join(dir, "none.json") } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No API URL/);
  });

  it("creates an invite key that signs a new user up, and lists it as used", async () => {
    const token = ((await (await fetch(`${api.url}/api/auth/token/`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: "admin123" }) })).json()) as { token: string }).token;
    const created = await atrium(["invite", "create", "--days", "3", "--notes", "for cli test", "--url", api.url, "--token", token]);
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^inv_/);
    const signup = await fetch(`${api.url}/api/auth/signup/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "cliinvitee", email: "cliinvitee@example.com", password: "Quiet-harbor-lantern-42", inviteKey: key }),
    });
    expect(signup.status).toBe(200);
    const listed = await atrium(["invite", "list", "--status", "used", "--json", "--url", api.url, "--token", token]);
    const items = JSON.parse(listed.stdout) as Array<{ notes: string; usedByUsername: string }>;
    expect(items.find((k) => k.notes === "for cli test")?.usedByUsername).toBe("cliinvitee");
    const bad = await atrium(["invite", "create", "--days", "0", "--url", api.url, "--token", token]);
    expect(bad.code).not.toBe(0);
  });
});

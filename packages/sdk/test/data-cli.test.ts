import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-data-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", DATA_DIR: path.join(dir, "data") });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], stdin?: string) => runAtrium(path.join(dir, "config.json"), args, { stdin });

describe("atrium data export | restore", () => {
  it("exports the account to a file, dry-runs and restores it as a new account, refuses a damaged copy", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    const file = path.join(dir, "tenant.json.gz");
    const exported = await atrium(["data", "export", "--files", "-o", file]);
    expect(exported.stderr).toBe(`Wrote ${file}\n`);
    const header = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8").split("\n")[0] ?? "{}") as { format?: string };
    expect(header.format).toBe("atrium.tenant-archive");

    const dry = await atrium(["data", "restore", file, "--dry-run"]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run: would restore account [0-9a-f-]{36} \(new\)/);
    const restored = await atrium(["data", "restore", file, "--json"]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ dryRun: false, target: "new", sections: expect.objectContaining({ account: 1 }) });

    const damaged = path.join(dir, "damaged.json.gz");
    writeFileSync(damaged, gzipSync(gunzipSync(readFileSync(file)).toString("utf8").replace('"t":"end"', '"t":"ending"')));
    const refused = await atrium(["data", "restore", damaged]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: Archive refused, nothing was written/);
  });
});

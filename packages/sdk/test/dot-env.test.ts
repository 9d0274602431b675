import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withDotEnv } from "../src/cli/dot-env.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-cli-env-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the CLI's .env", () => {
  it("reads ATRIUM_URL / ATRIUM_TOKEN from ./.env, the shell's values winning", () => {
    writeFileSync(path.join(dir, ".env"), "ATRIUM_URL=http://from-file:8000\nATRIUM_TOKEN=file-token\n");
    expect(withDotEnv({ ATRIUM_TOKEN: "shell-token" }, dir)).toMatchObject({ ATRIUM_URL: "http://from-file:8000", ATRIUM_TOKEN: "shell-token" });
    expect(withDotEnv({}, os.tmpdir() + "/does-not-exist")).toEqual({});
  });
});

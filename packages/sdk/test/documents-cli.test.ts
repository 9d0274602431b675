import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@atrium/testing/api";
import { runAtrium } from "./cli-harness.js";

let api: TestApi;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "atrium-documents-cli-"));
  api = await startTestApi({ RATE_LIMIT_ENABLED: "false", DATA_DIR: path.join(dir, "data") }, { publicUrlIsSelf: true });
});
afterAll(async () => {
  await api?.close();
  rmSync(dir, { recursive: true, force: true });
});

const atrium = (args: string[], stdin?: string) => runAtrium(path.join(dir, "config.json"), args, { stdin });

describe("atrium documents", () => {
  it("uploads, lists, downloads and deletes a file, in words and in JSON", async () => {
    expect((await atrium(["login", "--url", api.url, "-u", "admin", "--password-stdin"], "admin123\n")).code).toBe(0);
    const file = path.join(dir, "notes.md");
    writeFileSync(file, "# Notes\n\nThe SDK streams uploads.\n");

    const up = await atrium(["documents", "upload", file, "--kind", "worklog", "--json"]);
    expect(up.code, up.stderr).toBe(0);
    const doc = JSON.parse(up.stdout) as { id: string; filename: string; kind: string };
    expect(doc).toMatchObject({ filename: "notes.md", kind: "worklog" });

    const list = await atrium(["documents", "list", "--kind", "worklog"]);
    expect(list.stdout).toMatch(new RegExp(`${doc.id}\\s+notes\\.md\\s+worklog`));
    expect(JSON.parse((await atrium(["documents", "list", "--json"])).stdout)).toEqual([expect.objectContaining({ id: doc.id })]);

    const out = path.join(dir, "copy.md");
    const down = await atrium(["documents", "download", doc.id, "-o", out]);
    expect(down.code, down.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(readFileSync(file, "utf8"));

    const del = await atrium(["documents", "delete", doc.id]);
    expect(del.stdout).toBe(`Deleted notes.md (${doc.id}).\n`);
    expect((await atrium(["documents", "list"])).stdout).toBe("No documents.\n");
  });

  it("refuses a malformed number or kind with exit code 2 and says what it expected", async () => {
    for (const bad of ["ten", "2.5", "0", "1001", ""]) {
      const r = await atrium(["documents", "list", "--limit", bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stderr).toMatch(/--limit <n>.*expected a whole number between 1 and 1000/);
      expect(r.stdout).toBe("");
    }
    const kind = await atrium(["documents", "upload", "x", "--kind", "poem"]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/Allowed choices are resume, job_description/);
    const interval = await atrium(["jobs", "run", "document_analysis", "x.pdf", "--interval", "-5"]);
    expect(interval.code).toBe(2);
  });
});

describe("atrium completion", () => {
  it("prints a bash script that completes commands, subcommands and flags", async () => {
    const script = await atrium(["completion", "bash"]);
    expect(script.code).toBe(0);
    const complete = async (...words: string[]) => {
      const probe = `${script.stdout}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _atrium_complete; echo "\${COMPREPLY[*]}"`;
      return (await promisify(execFile)("bash", ["-c", probe])).stdout.trim().split(" ");
    };
    expect(await complete("atrium", "doc")).toEqual(["documents"]);
    expect((await complete("atrium", "documents", "")).sort()).toEqual(expect.arrayContaining(["delete", "download", "list", "upload"]));
    expect(await complete("atrium", "--url", "x", "teams", "list", "--o")).toEqual(["--org"]);
    expect((await atrium(["completion", "zsh"])).stdout).toMatch(/^autoload -U \+X bashcompinit/);
    expect((await atrium(["completion", "fish"])).code).toBe(2);
  });
});

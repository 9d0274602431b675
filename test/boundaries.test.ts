// The import boundaries (.dependency-cruiser.cjs, run by `pnpm lint:boundaries` in npm test's lint step)
// refuse a forbidden import: each case writes a probe file into the real tree, runs the checker on it as
// the lint step does, and expects it refused with the rule's name; the same probe with an allowed import passes.
import { execFile } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ROOT } from "@atrium/testing";

// Its package exports hide the bin; the root devDependency puts it here.
const CLI = path.join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");

/** The probe and what it imports directly (--max-depth 1: the rules judge direct imports; the lint step cruises everything). */
async function cruise(file: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, "--config", ".dependency-cruiser.cjs", "--output-type", "err", "--max-depth", "1", file], { cwd: ROOT });
    return { ok: true, output: stdout + stderr };
  } catch (err) {
    const { stdout = "", stderr = "" } = err as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  }
}

/** Writes `source` at `file` (relative to the repository root), cruises it, and removes it again. */
async function probe(file: string, source: string) {
  const full = path.join(ROOT, file);
  writeFileSync(full, source);
  try {
    return await cruise(file);
  } finally {
    rmSync(full, { force: true });
  }
}

const CASES = [
  { rule: "web-only-sdk", file: "apps/web/src/__boundary_probe.ts", forbidden: `import { schema } from "@atrium/db";`, allowed: `import { createClient } from "@atrium/sdk";` },
  { rule: "app-imports-app", file: "apps/worker/src/__boundary_probe.ts", forbidden: `import { createApp } from "../../api/src/index.js";`, allowed: `import { loadConfig } from "@atrium/config";` },
  { rule: "package-imports-app", file: "packages/core/src/__boundary_probe.ts", forbidden: `import { startWorker } from "../../../apps/worker/src/index.js";`, allowed: `import { schema } from "@atrium/db";` },
  { rule: "e2e-through-harness", file: "apps/web/e2e/__boundary_probe.ts", forbidden: `import { createClient } from "../../../packages/sdk/src/index.js";`, allowed: `import { createClient } from "@atrium/testing/e2e";` },
  { rule: "e2e-seeds-through-harness", file: "apps/web/e2e/__boundary_probe.ts", forbidden: `import { eq } from "drizzle-orm";`, allowed: `import { grantCredit } from "@atrium/testing/e2e";` },
  { rule: "process-tests-run-apps", file: "test/__boundary_probe.ts", forbidden: `import { createApp } from "../apps/api/src/index.js";`, allowed: `import { ROOT } from "@atrium/testing";` },
];

describe("import boundaries", () => {
  for (const c of CASES) {
    it(`${c.rule}: refuses ${c.forbidden} in ${c.file}, naming the rule`, { timeout: 60_000 }, async () => {
      const refused = await probe(c.file, `${c.forbidden}\nexport const probe = 1;\n`);
      expect(refused.ok, refused.output).toBe(false);
      expect(refused.output).toContain(`error ${c.rule}: ${c.file} →`);

      const passed = await probe(c.file, `${c.allowed}\nexport const probe = 1;\n`);
      expect(passed.output).not.toContain(`error ${c.rule}`);
      expect(passed.ok, passed.output).toBe(true);
    });
  }
});

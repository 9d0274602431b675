// Where "the repository" is, once for every process: turbo runs each app in its own
// package folder, so anything relative to the working directory splits api and worker.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";

const MARKER = "pnpm-workspace.yaml";

function findUp(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, MARKER))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

let cached: string | undefined;

/**
 * The repository root: the nearest folder holding pnpm-workspace.yaml above this module
 * (source, compiled dist or the container's /app alike), else above the working directory.
 */
export function repoRoot(): string {
  cached ??= findUp(path.dirname(fileURLToPath(import.meta.url))) ?? findUp(process.cwd()) ?? process.cwd();
  return cached;
}

/** `value` as an absolute path: itself when absolute, else anchored at `root`. */
export function resolveFromRoot(value: string, root: string = repoRoot()): string {
  return path.isAbsolute(value) ? path.normalize(value) : path.resolve(root, value);
}

/**
 * The variables of `<root>/.env` (none when it doesn't exist), under the real environment:
 * a variable set in the process always wins over the file.
 */
export function withDotEnv(env: Record<string, string | undefined>, root: string = repoRoot()): Record<string, string | undefined> {
  const file = path.join(root, ".env");
  if (!existsSync(file)) return env;
  const fromFile = parseEnv(readFileSync(file, "utf8")) as Record<string, string>;
  return { ...fromFile, ...env };
}

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";

/**
 * ATRIUM_URL / ATRIUM_TOKEN may come from a `.env` in the working directory (a checkout's root,
 * like the api and worker read); variables set in the shell always win.
 */
export function withDotEnv(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): NodeJS.ProcessEnv {
  const file = path.join(cwd, ".env");
  if (!existsSync(file)) return env;
  return { ...(parseEnv(readFileSync(file, "utf8")) as Record<string, string>), ...env };
}

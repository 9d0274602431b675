import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { CliError } from "./io.js";

const ZStoredConfig = z.object({ url: z.string().optional(), token: z.string().optional() });
export type StoredConfig = z.infer<typeof ZStoredConfig>;

/** $ATRIUM_CONFIG, else the XDG config dir (~/.config/atrium/config.json). */
export function configPath(env: Record<string, string | undefined>): string {
  if (env.ATRIUM_CONFIG) return path.resolve(env.ATRIUM_CONFIG);
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), ".config");
  return path.join(base, "atrium", "config.json");
}

export async function readConfig(file: string): Promise<StoredConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new CliError(`Cannot read ${file}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not valid JSON; delete it and run \`atrium login\` again`);
  }
  const result = ZStoredConfig.safeParse(parsed);
  if (!result.success) throw new CliError(`${file} is not an atrium config; delete it and run \`atrium login\` again`);
  return result.data;
}

/**
 * Writes via a temporary file created 0600 and renamed over the old one, so
 * the token is never readable by others, not even for a moment.
 */
export async function writeConfig(file: string, config: StoredConfig): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new CliError(`Cannot write ${file}: ${(err as Error).message}`);
  }
}

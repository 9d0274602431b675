import { Readable } from "node:stream";
import { runCli } from "../src/cli/program.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the `atrium` CLI in-process with captured output; `configFile` keeps each test's login apart. */
export async function runAtrium(configFile: string, args: string[], opts: { stdin?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from(opts.stdin === undefined ? [] : [opts.stdin]),
    env: { ATRIUM_CONFIG: configFile, ...opts.env },
  });
  return { code, stdout, stderr };
}

import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { type Command, Option } from "commander";
import type { CliContext, Target } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { printJson, printLines } from "../cli/output.js";
import { AtriumError } from "../errors.js";
import { exportTenant, restoreTenant, type DataTarget } from "../data.js";

const dataTarget = (t: Target): DataTarget => {
  if (!t.token) throw new CliError("Not logged in: run `atrium login`, or pass --token / set ATRIUM_TOKEN");
  return { baseUrl: t.url, token: t.token };
};

/** The api's refusal as one line, with the archive's problems when it names them. */
const explain = (err: unknown): never => {
  if (err instanceof AtriumError) throw new CliError(`${err.message}${err.status === 401 ? " (run `atrium login`)" : ""}`);
  throw err;
};

/** `atrium data export|restore`: a tenant as one archive, and an archive back as a tenant (staff). */
export function registerData(program: Command, ctx: CliContext): void {
  const data = program.command("data").description("tenant archives: export your account, restore one (staff)");

  data
    .command("export")
    .description("the account as a gzip of JSON lines (to stdout, or --output): `atrium data export > tenant.json.gz`")
    .option("--account <id>", "another account (staff only)")
    .option("--files", "include the documents' stored files")
    .option("-o, --output <file>", "write here instead of stdout")
    .option("--json", "with --output: print where it was written, as JSON")
    .action(async (opts: { account?: string; files?: boolean; output?: string; json?: boolean }, cmd: Command) => {
      if (opts.json && !opts.output) throw new CliError("--json needs --output (the archive itself goes to stdout)", 2);
      const target = dataTarget(await ctx.target(cmd));
      const body = await exportTenant(target, { accountId: opts.account, includeFiles: opts.files }).catch(explain);
      const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
      // Bytes, not text: stdout gets the gzip as is, so a shell redirect makes a valid file.
      const sink = opts.output ? createWriteStream(opts.output) : new Writable({ write: (chunk: Buffer, _e, done) => (ctx.io.stdout.write(chunk as unknown as string), done()) });
      await pipeline(source, sink);
      if (opts.output && opts.json) printJson(ctx.io, { path: opts.output });
      else if (opts.output) ctx.io.stderr.write(`Wrote ${opts.output}\n`);
    });

  data
    .command("restore")
    .description("restore an archive into a new account (staff); validated whole before anything is written")
    .argument("<archive>", "a file from `atrium data export` (.json.gz or .jsonl)")
    .option("--dry-run", "validate and report what would be created; write nothing")
    .addOption(new Option("--target <target>", "new account, or the same ids once the account is purged").choices(["new", "same"]).default("new"))
    .option("--json", "print JSON")
    .action(async (file: string, opts: { dryRun?: boolean; target: "new" | "same"; json?: boolean }, cmd: Command) => {
      const target = dataTarget(await ctx.target(cmd));
      const bytes = await readFile(file).catch(() => {
        throw new CliError(`Cannot read ${file}`);
      });
      const result = await restoreTenant(target, bytes, { dryRun: opts.dryRun, target: opts.target }).catch(explain);
      if (opts.json) return printJson(ctx.io, result);
      const rows = Object.entries(result.sections).map(([k, v]) => `  ${k.padEnd(16)} ${v}`);
      printLines(ctx.io, `${result.dryRun ? "Dry run: would restore" : "Restored"} account ${result.accountId} (${result.target})`, ...rows, `  files            ${result.files}`);
    });
}

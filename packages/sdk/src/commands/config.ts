import type { Command } from "commander";
import { checkConfig, configWarnings, describeConfig } from "@atrium/config/check";
import type { CliContext } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { printJson, printLines, printTable } from "../cli/output.js";

interface Report {
  environment: string;
  entries: Array<{ name: string; value: string | null }>;
  problems: string[];
  warnings: string[];
}

function print(ctx: CliContext, report: Report, json: boolean | undefined): void {
  if (json) return printJson(ctx.io, report);
  printLines(ctx.io, `Environment: ${report.environment}`, "");
  printTable(ctx.io, ["VARIABLE", "VALUE"], report.entries.map((e) => [e.name, e.value ?? "-"]));
  for (const w of report.warnings) printLines(ctx.io, `warning: ${w}`);
  for (const p of report.problems) printLines(ctx.io, `problem: ${p}`);
}

/**
 * `atrium config check`: the effective configuration of this directory's environment (.env +
 * variables), secrets redacted, and every problem at once (exit 1 if any); `--remote` asks the
 * api what it runs with (staff).
 */
export function registerConfig(program: Command, ctx: CliContext): void {
  const config = program.command("config").description("the environment Atrium runs with");
  config
    .command("check")
    .description("print the effective configuration (secrets redacted) and every problem; exit 1 if any")
    .option("--remote", "ask the api (GET /api/system/config/, staff) instead of checking this environment")
    .option("--json", "print JSON")
    .action(async (opts: { remote?: boolean; json?: boolean }, cmd: Command) => {
      if (opts.remote) {
        const { client } = await ctx.client(cmd);
        return print(ctx, await client.system.config.get.query({}), opts.json);
      }
      const { env, problems } = checkConfig(ctx.io.env, { root: ctx.io.cwd ?? "." });
      const report: Report = env
        ? { environment: env.ATRIUM_ENV, entries: describeConfig(env), problems, warnings: configWarnings(env) }
        : { environment: ctx.io.env.ATRIUM_ENV ?? ctx.io.env.NODE_ENV ?? "production (NODE_ENV unset)", entries: [], problems, warnings: [] };
      print(ctx, report, opts.json);
      if (problems.length) throw new CliError(`${problems.length} configuration problem${problems.length === 1 ? "" : "s"}`, 1);
    });
}

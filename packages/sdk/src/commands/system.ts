import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { printJson, printLines, printTable } from "../cli/output.js";

const MARK = { ok: "ok", degraded: "DEGRADED", down: "DOWN" } as const;

/** `atrium system health`: the staff deep-health view; exits 1 unless everything is ok, so scripts and cron can alert on it. */
export function registerSystem(program: Command, ctx: CliContext): void {
  const system = program.command("system").description("platform operations (staff)");
  system
    .command("health")
    .description("status and latency of Postgres, Redis, storage, email, each worker and each queue")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const health = await client.system.health.get.query({});
      if (opts.json) printJson(ctx.io, health);
      else {
        printLines(ctx.io, `Overall: ${MARK[health.status]} (checked ${health.checkedAt})`, "");
        printTable(
          ctx.io,
          ["KIND", "NAME", "STATUS", "LATENCY", "NOTE"],
          health.checks.map((c) => [c.kind, c.name, MARK[c.status], c.latencyMs === null ? "-" : `${c.latencyMs} ms`, c.message ?? ""]),
        );
      }
      if (health.status !== "ok") throw new CliError(`system is ${health.status}`, 1);
    });
}

import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";

/** `atrium orgs deleted|restore`: staff find organizations deleted by mistake and bring them back before the purge. */
export function registerOrgs(program: Command, ctx: CliContext): void {
  const orgs = program.command("orgs").description("soft-deleted organizations (staff)");

  orgs
    .command("deleted")
    .description("list soft-deleted organizations of every tenant, newest first")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const { items } = await client.organizations.listDeleted.query({ limit: 100 });
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No deleted organizations.");
      printTable(
        ctx.io,
        ["ID", "NAME", "ACCOUNT", "DELETED"],
        items.map((o) => [o.id, o.name, o.accountName, when(o.deletedAt)]),
      );
    });

  orgs
    .command("restore")
    .description("restore a soft-deleted organization, with its teams")
    .argument("<id>", "the organization's id (see `atrium orgs deleted`)")
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const restored = await client.organizations.restore.mutate({ id });
      printLines(ctx.io, `Restored ${restored.name} (${restored.id}).`);
    });
}

import { type Command, InvalidArgumentError } from "commander";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";

function days(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 365) throw new InvalidArgumentError("expected a whole number of days between 1 and 365");
  return n;
}

/** `atrium invite create|list|revoke`: staff-issued signup keys. */
export function registerInvite(program: Command, ctx: CliContext): void {
  const invite = program.command("invite").description("manage signup invite keys (staff)");

  invite
    .command("create")
    .description("create an invite key; the key is shown once")
    .option("--days <days>", "days until the key expires", days, 7)
    .option("--notes <text>", "who the key is for")
    .option("--json", "print JSON")
    .action(async (opts: { days: number; notes?: string; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const created = await client.inviteKeys.create.mutate({ expiresDays: opts.days, notes: opts.notes });
      if (opts.json) return printJson(ctx.io, created);
      printLines(ctx.io, created.key);
      ctx.io.stderr.write(`Invite key ${created.prefix}… expires ${when(created.expiresAt)}. Store it now: it is not shown again.\n`);
    });

  invite
    .command("list")
    .description("list invite keys")
    .option("--status <status>", "active, used, expired or revoked")
    .option("--json", "print JSON")
    .action(async (opts: { status?: "active" | "used" | "expired" | "revoked"; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const { items } = await client.inviteKeys.list.query({ status: opts.status });
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No invite keys.");
      printTable(
        ctx.io,
        ["ID", "PREFIX", "STATUS", "NOTES", "EXPIRES", "USED BY"],
        items.map((k) => [k.id, k.prefix, k.status, k.notes ?? "", when(k.expiresAt), k.usedByUsername ?? ""]),
      );
    });

  invite
    .command("revoke")
    .description("revoke an unused invite key")
    .argument("<id>", "the key's id (see `atrium invite list`)")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const revoked = await client.inviteKeys.revoke.mutate({ id });
      if (opts.json) return printJson(ctx.io, revoked);
      printLines(ctx.io, `Revoked invite key ${revoked.prefix}… (${revoked.id}).`);
    });
}

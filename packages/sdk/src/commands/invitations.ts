import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";

/**
 * `atrium invitations list|accept|decline`: organization invitations sent to
 * your address. Nobody joins by being invited; you accept, from a confirmed address.
 */
export function registerInvitations(program: Command, ctx: CliContext): void {
  const invitations = program.command("invitations").description("organization invitations sent to your (confirmed) email address");

  invitations
    .command("list")
    .description("list your pending invitations")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const mine = await client.invitations.mine.query();
      if (opts.json) return printJson(ctx.io, mine);
      if (!mine.emailVerified) return printLines(ctx.io, "Your email address is not confirmed yet: run `atrium email resend` and open the link first.");
      if (mine.items.length === 0) return printLines(ctx.io, "No pending invitations.");
      printTable(
        ctx.io,
        ["ID", "ORGANIZATION", "ROLE", "FROM", "EXPIRES"],
        mine.items.map((i) => [i.id, i.organizationName, i.role, i.inviterName ?? "", when(i.expiresAt)]),
      );
    });

  for (const answer of ["accept", "decline"] as const) {
    invitations
      .command(answer)
      .description(`${answer} an invitation`)
      .argument("<id>", "the invitation's id (see `atrium invitations list`)")
      .option("--json", "print JSON")
      .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        const { client } = await ctx.client(cmd);
        if (answer === "accept") {
          const joined = await client.invitations.accept.mutate({ invitationId: id });
          if (opts.json) return printJson(ctx.io, joined);
          printLines(ctx.io, `Joined organization ${joined.organizationId}.`);
        } else {
          const declined = await client.invitations.decline.mutate({ invitationId: id });
          if (opts.json) return printJson(ctx.io, declined ?? { declined: true });
          printLines(ctx.io, "Invitation declined.");
        }
      });
  }
}

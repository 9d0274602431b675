import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines } from "../cli/output.js";

/** `atrium me`: who the token belongs to. */
export function registerMe(program: Command, ctx: CliContext): void {
  program
    .command("me")
    .description("show the authenticated user and their tenant")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const me = await client.auth.me.query();
      if (opts.json) return printJson(ctx.io, me);
      const { user, account } = me;
      printLines(
        ctx.io,
        `${user.username}${user.displayName ? ` (${user.displayName})` : ""} <${user.email}>`,
        `id:       ${user.id}`,
        `email:    ${user.emailVerifiedAt ? "confirmed" : "not confirmed (run `atrium email resend`)"}`,
        `staff:    ${user.isStaff ? "yes" : "no"}`,
        `account:  ${account ? `${account.name} (${account.slug})` : "-"}`,
        `role:     ${me.accountRole ?? "-"}`,
        `auth:     ${me.authMethod === "api_key" ? "API key" : "session"}`,
      );
    });
}

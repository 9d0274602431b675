import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines } from "../cli/output.js";

/** `atrium email resend|verify`: confirming your address (needed to accept invitations). */
export function registerEmail(program: Command, ctx: CliContext): void {
  const email = program.command("email").description("confirm your email address");

  email
    .command("resend")
    .description("email a fresh confirmation link to your address")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const r = await client.email.resend.mutate();
      if (opts.json) return printJson(ctx.io, r);
      printLines(ctx.io, r.message);
    });

  email
    .command("verify")
    .description("confirm your address with the token from the emailed link")
    .argument("<token>", "the token=… part of the link")
    .option("--json", "print JSON")
    .action(async (token: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const r = await client.email.verify.mutate({ token });
      if (opts.json) return printJson(ctx.io, r);
      printLines(ctx.io, r.message);
    });
}

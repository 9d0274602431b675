import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { printLines } from "../cli/output.js";

/** `atrium email resend|verify`: confirming your address (needed to accept invitations). */
export function registerEmail(program: Command, ctx: CliContext): void {
  const email = program.command("email").description("confirm your email address");

  email
    .command("resend")
    .description("email a fresh confirmation link to your address")
    .action(async (_opts: unknown, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      printLines(ctx.io, (await client.email.resend.mutate()).message);
    });

  email
    .command("verify")
    .description("confirm your address with the token from the emailed link")
    .argument("<token>", "the token=… part of the link")
    .action(async (token: string, _opts: unknown, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      printLines(ctx.io, (await client.email.verify.mutate({ token })).message);
    });
}

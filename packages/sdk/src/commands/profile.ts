import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines } from "../cli/output.js";

/** `atrium profile set-name <name>` / `clear-name`: your own display name (PATCH /api/me/profile/). */
export function registerProfile(program: Command, ctx: CliContext): void {
  const profile = program.command("profile").description("change your own profile");
  const save = async (displayName: string | null, opts: { json?: boolean }, cmd: Command) => {
    const { client } = await ctx.client(cmd);
    const user = await client.users.profile.update.mutate({ displayName });
    if (opts.json) return printJson(ctx.io, user);
    printLines(ctx.io, user.displayName ? `display name: ${user.displayName}` : `display name cleared (lists show ${user.username})`);
  };
  profile
    .command("set-name <name>")
    .description("set your display name (1-80 characters)")
    .option("--json", "print JSON")
    .action((name: string, opts: { json?: boolean }, cmd: Command) => save(name, opts, cmd));
  profile
    .command("clear-name")
    .description("clear your display name")
    .option("--json", "print JSON")
    .action((opts: { json?: boolean }, cmd: Command) => save(null, opts, cmd));
}

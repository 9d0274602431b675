import type { Command } from "commander";
import { createClient } from "../client.js";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines } from "../cli/output.js";

/** `atrium logout`: ends the session on the server and forgets the stored token. */
export function registerLogout(program: Command, ctx: CliContext): void {
  program
    .command("logout")
    .description("end the session and remove the stored token")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const stored = await ctx.readConfig();
      const target = await ctx.target(cmd).catch(() => undefined);
      if (!target?.token) return opts.json ? printJson(ctx.io, { loggedOut: false }) : printLines(ctx.io, "Not logged in.");
      let warning: string | undefined;
      try {
        await createClient({ baseUrl: target.url, token: target.token, retry: { retries: 0 } }).auth.logout.mutate();
      } catch (err) {
        // An expired session or an unreachable server must not keep the token on disk.
        warning = `(the server did not confirm: ${(err as Error).message})`;
      }
      if (target.storedToken) await ctx.writeConfig({ url: stored.url });
      if (opts.json) printJson(ctx.io, { loggedOut: true, confirmedByServer: !warning });
      else printLines(ctx.io, "Logged out.");
      if (warning) ctx.io.stderr.write(`${warning}\n`);
    });
}

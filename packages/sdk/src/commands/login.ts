import { TRPCClientError } from "@trpc/client";
import type { Command } from "commander";
import { createClient } from "../client.js";
import type { CliContext } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { printJson, printLines } from "../cli/output.js";
import { promptHidden, readStdin } from "../cli/prompt.js";

interface LoginOptions {
  username: string;
  password?: string;
  passwordStdin?: boolean;
  json?: boolean;
}

/** `atrium login`: trades credentials for a long-lived session token and stores it. */
export function registerLogin(program: Command, ctx: CliContext): void {
  program
    .command("login")
    .description("log in to the server at --url and store the session token")
    .requiredOption("-u, --username <username>", "username or email")
    .option("-p, --password <password>", "password (prompted for when omitted)")
    .option("--password-stdin", "read the password from standard input")
    .option("--json", "print JSON (the user and when the session expires; never the token)")
    .action(async (opts: LoginOptions, cmd: Command) => {
      const { url } = await ctx.target(cmd);
      const password = opts.password ?? (opts.passwordStdin ? await readStdin(ctx.io) : await promptHidden(ctx.io, "Password: "));
      if (!password) throw new CliError("Empty password");
      const client = createClient({ baseUrl: url, retry: { retries: 0 } });
      // rememberMe: a CLI login should outlive the 12-hour browser session.
      const { token, user, expiresAt } = await client.auth.token
        .mutate({ username: opts.username, password, rememberMe: true })
        .catch((err: unknown) => {
          // The server's answer (wrong password, disabled account) is the whole message here.
          if (err instanceof TRPCClientError && err.data) throw new CliError(err.message);
          throw err;
        });
      await ctx.writeConfig({ url, token });
      if (opts.json) return printJson(ctx.io, { url, user, expiresAt });
      printLines(ctx.io, `Logged in to ${url} as ${user.username} (session expires ${expiresAt.slice(0, 10)})`);
    });
}

import { Command, CommanderError } from "commander";
import { registerApiKeys } from "../commands/api-keys.js";
import { registerBilling } from "../commands/billing.js";
import { registerData } from "../commands/data.js";
import { registerConfig } from "../commands/config.js";
import { registerFlags } from "../commands/flags.js";
import { registerEmail } from "../commands/email.js";
import { registerInvitations } from "../commands/invitations.js";
import { registerInvite } from "../commands/invite.js";
import { registerJobs } from "../commands/jobs.js";
import { registerLogin } from "../commands/login.js";
import { registerLogout } from "../commands/logout.js";
import { registerMe } from "../commands/me.js";
import { registerOrgs } from "../commands/orgs.js";
import { registerTeams } from "../commands/teams.js";
import { registerDocuments } from "../commands/documents.js";
import { registerCompletion } from "../commands/completion.js";
import { registerProfile } from "../commands/profile.js";
import { registerSystem } from "../commands/system.js";
import { registerMessages } from "../commands/messages.js";
import { registerCandidate } from "../commands/candidate.js";
import { registerEvents } from "../commands/events.js";
import { registerNotifications } from "../commands/notifications.js";
import { registerPostings } from "../commands/postings.js";
import { registerApplications } from "../commands/applications.js";
import { createCliContext } from "./context.js";
import { describeError } from "./errors.js";
import type { CliIo } from "./io.js";

// Replaced with package.json's version by the build (tsdown `define`).
declare const __ATRIUM_SDK_VERSION__: string | undefined;
const VERSION = typeof __ATRIUM_SDK_VERSION__ === "string" ? __ATRIUM_SDK_VERSION__ : "0.0.0-dev";

/** The `atrium` command tree; one register function per command file. */
export function createProgram(io: CliIo): Command {
  const program = new Command("atrium")
    .description("Command-line client for the Atrium API")
    .version(VERSION)
    .option("--url <url>", "API base URL (default: $ATRIUM_URL, then the stored login)")
    .option("--token <token>", "session token or API key (default: $ATRIUM_TOKEN, then the stored login)")
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError("(run `atrium --help` for usage)")
    .exitOverride();
  const ctx = createCliContext(io);
  registerLogin(program, ctx);
  registerLogout(program, ctx);
  registerMe(program, ctx);
  registerProfile(program, ctx);
  registerApiKeys(program, ctx);
  registerBilling(program, ctx);
  registerInvite(program, ctx);
  registerInvitations(program, ctx);
  registerEmail(program, ctx);
  registerJobs(program, ctx);
  registerSystem(program, ctx);
  registerOrgs(program, ctx);
  registerTeams(program, ctx);
  registerDocuments(program, ctx);
  registerMessages(program, ctx);
  registerCandidate(program, ctx);
  registerApplications(program, ctx);
  registerEvents(program, ctx);
  registerData(program, ctx);
  registerConfig(program, ctx);
  registerFlags(program, ctx);
  registerNotifications(program, ctx);
  registerPostings(program, ctx);
  // Last: it reads the whole tree.
  registerCompletion(program, ctx);
  return program;
}

/** A wrong command line (unknown option, missing or invalid argument), as usual for CLIs. */
export const USAGE_ERROR = 2;

/** Runs one command line and returns the exit code; errors become one line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await createProgram(io).parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    // Commander has already printed its own usage errors (exit 2: the command line was wrong), and help/version exit 0.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : USAGE_ERROR;
    const { message, exitCode } = describeError(err);
    io.stderr.write(`error: ${message}\n`);
    if (io.env.ATRIUM_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return exitCode;
  }
}

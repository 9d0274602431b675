import { type Command, Option } from "commander";
import type { CliContext } from "../cli/context.js";
import { wholeNumber } from "../cli/numbers.js";
import { printJson, printLines, when } from "../cli/output.js";

const nameOf = (u: { username: string; displayName: string | null }) => u.displayName ?? u.username;

/**
 * `atrium applications messages|message`: the conversation about one application, for its candidate
 * and the employer's recruiting users (anyone else: not found).
 */
export function registerApplicationMessages(apps: Command, ctx: CliContext): void {
  apps
    .command("messages")
    .description("show an application's latest messages and mark them read")
    .argument("<id>", "the application's id")
    .addOption(new Option("--limit <n>", "this many latest messages (1-100)").default(20).argParser(wholeNumber(1, 100)))
    .option("--json", "print JSON")
    .action(async (id: string, opts: { limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const thread = await client.recruiting.conversation.messages.query({ id, limit: opts.limit });
      await client.recruiting.conversation.read.mutate({ id });
      if (opts.json) return printJson(ctx.io, thread);
      if (thread.items.length === 0) return printLines(ctx.io, "No messages.");
      const other = thread.conversation.otherUser;
      const me = (await client.auth.me.query()).user.id;
      const from = (senderId: string | null) => (senderId === me ? "you" : senderId === other.id ? nameOf(other) : "a colleague");
      printLines(ctx.io, ...thread.items.map((m) => `[${when(m.createdAt)}] ${from(m.senderId)}: ${m.deleted ? "(deleted)" : m.content}`));
    });

  apps
    .command("message")
    .description("send a message about an application (to its candidate, or to the employer's recruiters)")
    .argument("<id>", "the application's id")
    .argument("<text...>", "the message")
    .option("--json", "print JSON")
    .action(async (id: string, text: string[], opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const sent = await client.recruiting.conversation.send.mutate({ id, content: text.join(" ") });
      if (opts.json) return printJson(ctx.io, sent);
      printLines(ctx.io, `Sent (conversation ${sent.conversation.id}).`);
    });
}

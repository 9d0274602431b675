import { type Command, Option } from "commander";
import type { CliContext } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { firstItems, wholeNumber } from "../cli/numbers.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";
import type { TConversation, TMessage } from "../contracts.js";
import { paginate } from "../helpers/paginate.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const nameOf = (u: { username: string; displayName: string | null }) => u.displayName ?? u.username;
const oneLine = (s: string, max = 60) => {
  const flat = s.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** `atrium messages send|list|read|unread`: direct messages with people you share an account with. */
export function registerMessages(program: Command, ctx: CliContext): void {
  const messages = program.command("messages").description("direct messages with members of your accounts");

  messages
    .command("send")
    .description("send a message (to a user id or username you share an account with)")
    .argument("<to>", "the receiver: user id or username")
    .argument("<text...>", "the message")
    .option("--conversation <id>", "post into this conversation")
    .option("--json", "print JSON")
    .action(async (to: string, words: string[], opts: { conversation?: string; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      let receiverId = to;
      if (!UUID.test(to)) {
        const { items } = await client.messages.contacts.query({ q: to, limit: 100 });
        const match = items.find((u) => u.username.toLowerCase() === to.toLowerCase());
        if (!match) throw new CliError(`No one named ${to} among the people you share an account with`);
        receiverId = match.id;
      }
      const sent = await client.messages.send.mutate({ receiverId, content: words.join(" "), conversationId: opts.conversation });
      if (opts.json) return printJson(ctx.io, sent);
      printLines(ctx.io, `Sent to ${nameOf(sent.conversation.otherUser)} (conversation ${sent.conversation.id}).`);
    });

  messages
    .command("list")
    .description("your conversations, newest activity first")
    .addOption(new Option("--limit <n>", "at most this many (1-1000)").default(50).argParser(wholeNumber(1, 1000)))
    .option("--json", "print JSON")
    .action(async (opts: { limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const items: TConversation[] = await firstItems(paginate(client.messages.conversations, { limit: Math.min(opts.limit, 100) }), opts.limit);
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No conversations.");
      printTable(
        ctx.io,
        ["ID", "WITH", "UNREAD", "LAST", "WHEN"],
        items.map((c) => [c.id, nameOf(c.otherUser), String(c.unreadCount), c.lastMessage ? oneLine(c.lastMessage.deleted ? "(deleted)" : c.lastMessage.content) : "-", when(c.lastActivityAt)]),
      );
    });

  messages
    .command("read")
    .description("show a conversation's latest messages and mark it read")
    .argument("<conversation>", "conversation id (see `atrium messages list`)")
    .addOption(new Option("--limit <n>", "this many latest messages (1-100)").default(20).argParser(wholeNumber(1, 100)))
    .option("--json", "print JSON")
    .action(async (id: string, opts: { limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const thread = await client.messages.get.query({ id, limit: opts.limit });
      await client.messages.read.mutate({ id });
      if (opts.json) return printJson(ctx.io, thread);
      const other = thread.conversation.otherUser;
      const from = (m: TMessage) => (m.senderId === other.id ? nameOf(other) : "you");
      if (thread.items.length === 0) return printLines(ctx.io, "No messages.");
      printLines(ctx.io, ...thread.items.map((m) => `[${when(m.createdAt)}] ${from(m)}: ${m.deleted ? "(deleted)" : m.content}`));
    });

  messages
    .command("unread")
    .description("how many messages you haven't read")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const count = await client.messages.unread.query();
      if (opts.json) return printJson(ctx.io, count);
      printLines(ctx.io, `${count.unreadCount} unread.`);
    });
}

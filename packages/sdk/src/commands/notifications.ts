import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";

/** `atrium notifications list|read`: the bell, from a terminal. */
export function registerNotifications(program: Command, ctx: CliContext): void {
  const notifications = program.command("notifications").description("your notifications (jobs, balances, invitations)");

  notifications
    .command("list")
    .description("list your notifications, newest first")
    .option("--unread", "only unread ones")
    .option("--json", "print JSON")
    .action(async (opts: { unread?: boolean; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const page = await client.notifications.list.query({ unread: opts.unread });
      if (opts.json) return printJson(ctx.io, page);
      if (page.items.length === 0) return printLines(ctx.io, opts.unread ? "No unread notifications." : "No notifications.");
      printTable(
        ctx.io,
        ["ID", "WHEN", "KIND", "TITLE", "READ"],
        page.items.map((n) => [n.id, when(n.createdAt), n.kind, n.title, n.readAt ? "yes" : "no"]),
      );
      ctx.io.stderr.write(`${page.unreadCount} unread.\n`);
    });

  notifications
    .command("read")
    .description("mark one notification read, or all of them with --all")
    .argument("[id]", "the notification's id (see `atrium notifications list`)")
    .option("--all", "mark every notification read")
    .option("--json", "print JSON")
    .action(async (id: string | undefined, opts: { all?: boolean; json?: boolean }, cmd: Command) => {
      if (!id && !opts.all) throw new CliError("Give a notification id, or --all");
      const { client } = await ctx.client(cmd);
      if (opts.all) {
        const done = await client.notifications.readAll.mutate();
        if (opts.json) return printJson(ctx.io, done);
        return printLines(ctx.io, `Marked ${done.updated} notification${done.updated === 1 ? "" : "s"} read.`);
      }
      const read = await client.notifications.read.mutate({ id: id ?? "" });
      if (opts.json) return printJson(ctx.io, read);
      printLines(ctx.io, `Marked "${read.title}" read.`);
    });
}

import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";

/** `atrium notes list|add|delete`: your own short notes. */
export function registerNotes(program: Command, ctx: CliContext): void {
  const notes = program.command("notes").description("manage your notes");

  notes
    .command("list")
    .description("list your notes")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const { items } = await client.notes.list.query();
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No notes.");
      printTable(ctx.io, ["ID", "CREATED", "NOTE"], items.map((n) => [n.id, when(n.createdAt), n.body]));
    });

  notes
    .command("add")
    .description("write a note")
    .argument("<body>", "the note")
    .option("--json", "print JSON")
    .action(async (body: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const created = await client.notes.create.mutate({ body });
      if (opts.json) return printJson(ctx.io, created);
      printLines(ctx.io, created.id);
    });

  notes
    .command("delete")
    .description("delete a note")
    .argument("<id>", "the note's id (see `atrium notes list`)")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const deleted = await client.notes.delete.mutate({ id });
      if (opts.json) return printJson(ctx.io, deleted);
      printLines(ctx.io, `Deleted note ${deleted.id}.`);
    });
}

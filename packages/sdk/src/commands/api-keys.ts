import { type Command, InvalidArgumentError } from "commander";
import type { TApiKey } from "../contracts.js";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";

const status = (k: TApiKey) => (k.revokedAt ? "revoked" : k.expiresAt && Date.parse(k.expiresAt) <= Date.now() ? "expired" : "active");

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number of days");
  return n;
}

/** `atrium api-keys list|create|revoke`: named, revocable bearer keys for scripts. */
export function registerApiKeys(program: Command, ctx: CliContext): void {
  const keys = program.command("api-keys").description("manage your API keys");

  keys
    .command("list")
    .description("list your API keys")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const { items } = await client.apiKeys.list.query();
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No API keys.");
      printTable(
        ctx.io,
        ["ID", "NAME", "PREFIX", "STATUS", "CREATED", "LAST USED", "EXPIRES"],
        items.map((k) => [k.id, k.name, k.prefix, status(k), when(k.createdAt), when(k.lastUsedAt), when(k.expiresAt)]),
      );
    });

  keys
    .command("create")
    .description("create an API key; the key is shown once")
    .argument("<name>", "a name to recognise the key by")
    .option("--expires-in-days <days>", "expire the key after this many days", positiveInt)
    .option("--json", "print JSON")
    .action(async (name: string, opts: { expiresInDays?: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const created = await client.apiKeys.create.mutate({ name, expiresInDays: opts.expiresInDays });
      if (opts.json) return printJson(ctx.io, created);
      printLines(ctx.io, created.key);
      ctx.io.stderr.write(`Created "${created.name}" (${created.id}). Store the key now: it is not shown again.\n`);
    });

  keys
    .command("revoke")
    .description("revoke an API key")
    .argument("<id>", "the key's id (see `atrium api-keys list`)")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const revoked = await client.apiKeys.revoke.mutate({ id });
      if (opts.json) return printJson(ctx.io, revoked);
      printLines(ctx.io, `Revoked "${revoked.name}" (${revoked.id}).`);
    });
}

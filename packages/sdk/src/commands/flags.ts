import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { printJson, printTable, when } from "../cli/output.js";
import { flags } from "../flags.js";

/** A command-line value as JSON when it parses (true, 42, {"a":1}), else as a plain string. */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function parseJson(raw: string, what: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new CliError(`${what} must be JSON`);
  }
}

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

/** `atrium flags list|mine|set`: staff manage feature flags; anyone sees their own evaluated flags. */
export function registerFlags(program: Command, ctx: CliContext): void {
  const cmd = program.command("flags").description("feature flags");
  cmd
    .command("list")
    .description("every flag with its default, rules and rollout (staff)")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, c: Command) => {
      const { client } = await ctx.client(c);
      const { items } = await client.flags.list.query({});
      if (opts.json) return printJson(ctx.io, items);
      printTable(
        ctx.io,
        ["KEY", "TYPE", "DEFAULT", "RULES", "ROLLOUT", "ENVIRONMENTS", "UPDATED"],
        items.map((f) => [f.key, f.type, show(f.targeting.default), String(f.targeting.rules.length), f.targeting.rollout ? `${f.targeting.rollout.percentage}% → ${show(f.targeting.rollout.value)}` : "-", Object.keys(f.environments).join(",") || "-", when(f.updatedAt)]),
      );
    });
  cmd
    .command("mine")
    .description("your flags as the api evaluates them")
    .option("--account <id>", "evaluate for another of your accounts")
    .option("--json", "print JSON")
    .action(async (opts: { account?: string; json?: boolean }, c: Command) => {
      const { client } = await ctx.client(c);
      const mine = await flags(client, { accountId: opts.account });
      if (opts.json) return printJson(ctx.io, mine);
      printTable(ctx.io, ["KEY", "VALUE"], Object.entries(mine).map(([k, v]) => [k, show(v)]));
    });
  cmd
    .command("set <key> [value]")
    .description("set a flag's default (value as JSON, e.g. true / 42 / \"text\"), or its whole targeting (staff; audited)")
    .option("--targeting <json>", 'the whole targeting: {"default":v,"rules":[{"match":{"accountId":"…"},"value":v}],"rollout":{"percentage":n,"value":v}}')
    .option("--env <name>", "set the targeting of one environment (development, test, staging, production) instead")
    .option("--json", "print JSON (what this command prints anyway)")
    .action(async (key: string, value: string | undefined, opts: { targeting?: string; env?: string }, c: Command) => {
      if (value === undefined && !opts.targeting) throw new CliError("give a value or --targeting <json>");
      const { client } = await ctx.client(c);
      const flag = await client.flags.get.query({ key });
      const base = opts.env ? (flag.environments[opts.env as keyof typeof flag.environments] ?? flag.targeting) : flag.targeting;
      const targeting = opts.targeting ? parseJson(opts.targeting, "--targeting") : { ...base, default: parseValue(value ?? "") };
      const input = opts.env ? { key, environments: { ...flag.environments, [opts.env]: targeting } } : { key, targeting };
      // The api validates the shape and the value types; its field messages come back as the error.
      const updated = await client.flags.update.mutate(input as Parameters<typeof client.flags.update.mutate>[0]);
      printJson(ctx.io, { key: updated.key, targeting: updated.targeting, environments: updated.environments });
    });
}

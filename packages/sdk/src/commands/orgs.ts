import { type Command, Option } from "commander";
import type { CliContext } from "../cli/context.js";
import { firstItems, wholeNumber } from "../cli/numbers.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";
import { TENANT_ROLES } from "../contracts.js";
import { paginate } from "../helpers/paginate.js";

const limitOption = () => new Option("--limit <n>", "at most this many (1-1000)").default(100).argParser(wholeNumber(1, 1000));
const ROLES = TENANT_ROLES;

/** `atrium orgs list|create|members|add-member|remove-member|deleted|restore`. */
export function registerOrgs(program: Command, ctx: CliContext): void {
  const orgs = program.command("orgs").description("organizations: list, create, members; (staff) deleted ones back");

  orgs
    .command("list")
    .description("organizations you can see")
    .option("--account <id>", "only this account's")
    .addOption(limitOption())
    .option("--json", "print JSON")
    .action(async (opts: { account?: string; limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const items = await firstItems(paginate(client.organizations.list, { accountId: opts.account, limit: Math.min(opts.limit, 100) }), opts.limit);
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No organizations.");
      printTable(ctx.io, ["ID", "NAME", "SLUG", "YOUR ROLE", "CREATED"], items.map((o) => [o.id, o.name, o.slug, o.role ?? "-", when(o.createdAt)]));
    });

  orgs
    .command("create")
    .description("create an organization in an account; you become its owner")
    .argument("<name>", "its name")
    .option("--account <id>", "the account (default: your home account)")
    .option("--slug <slug>", "URL name (default: made from the name)")
    .option("--description <text>", "what it is for")
    .option("--json", "print JSON")
    .action(async (name: string, opts: { account?: string; slug?: string; description?: string; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const accountId = opts.account ?? (await client.auth.me.query()).account?.id;
      if (!accountId) throw new Error("You have no home account: pass --account <id>");
      const org = await client.organizations.create.mutate({ accountId, name, slug: opts.slug, description: opts.description });
      if (opts.json) return printJson(ctx.io, org);
      printLines(ctx.io, `Created ${org.name} (${org.id}).`);
    });

  orgs
    .command("members")
    .description("an organization's members")
    .argument("<id>", "organization id")
    .addOption(limitOption())
    .option("--json", "print JSON")
    .action(async (id: string, opts: { limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const items = await firstItems(paginate(client.organizations.listMembers, { id, limit: Math.min(opts.limit, 100) }), opts.limit);
      if (opts.json) return printJson(ctx.io, items);
      printTable(ctx.io, ["USER ID", "USERNAME", "EMAIL", "ROLE", "JOINED"], items.map((m) => [m.userId, m.username, m.email, m.role, when(m.joinedAt)]));
    });

  orgs
    .command("add-member")
    .description("add a member of the account to the organization")
    .argument("<id>", "organization id")
    .argument("<userId>", "the user's id")
    .addOption(new Option("--role <role>", "their role").choices(ROLES).default("member"))
    .option("--json", "print JSON")
    .action(async (id: string, userId: string, opts: { role: (typeof ROLES)[number]; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const member = await client.organizations.addMember.mutate({ id, userId, role: opts.role });
      if (opts.json) return printJson(ctx.io, member);
      printLines(ctx.io, `Added ${member.username} as ${member.role}.`);
    });

  orgs
    .command("remove-member")
    .description("remove a member (your own id: leave)")
    .argument("<id>", "organization id")
    .argument("<userId>", "the user's id")
    .option("--json", "print JSON")
    .action(async (id: string, userId: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const member = await client.organizations.removeMember.mutate({ id, userId });
      if (opts.json) return printJson(ctx.io, member);
      printLines(ctx.io, `Removed ${member.username}.`);
    });

  orgs
    .command("deleted")
    .description("(staff) soft-deleted organizations of every tenant, newest first")
    .addOption(limitOption())
    .option("--json", "print JSON")
    .action(async (opts: { limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const items = await firstItems(paginate(client.organizations.listDeleted, { limit: Math.min(opts.limit, 100) }), opts.limit);
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No deleted organizations.");
      printTable(ctx.io, ["ID", "NAME", "ACCOUNT", "DELETED"], items.map((o) => [o.id, o.name, o.accountName, when(o.deletedAt)]));
    });

  orgs
    .command("restore")
    .description("restore a soft-deleted organization, with its teams")
    .argument("<id>", "the organization's id (see `atrium orgs deleted`)")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const restored = await client.organizations.restore.mutate({ id });
      if (opts.json) return printJson(ctx.io, restored);
      printLines(ctx.io, `Restored ${restored.name} (${restored.id}).`);
    });
}

import { type Command, Option } from "commander";
import type { CliContext } from "../cli/context.js";
import { firstItems, wholeNumber } from "../cli/numbers.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";
import { TEAM_ROLES } from "../contracts.js";
import { paginate } from "../helpers/paginate.js";

const limitOption = () => new Option("--limit <n>", "at most this many (1-1000)").default(100).argParser(wholeNumber(1, 1000));
const ROLES = TEAM_ROLES;

/** `atrium teams list|create|members|add-member|remove-member`. */
export function registerTeams(program: Command, ctx: CliContext): void {
  const teams = program.command("teams").description("teams inside organizations: list, create, members");

  teams
    .command("list")
    .description("teams you can see")
    .option("--org <id>", "only this organization's")
    .addOption(limitOption())
    .option("--json", "print JSON")
    .action(async (opts: { org?: string; limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const items = await firstItems(paginate(client.teams.list, { organizationId: opts.org, limit: Math.min(opts.limit, 100) }), opts.limit);
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No teams.");
      printTable(ctx.io, ["ID", "NAME", "ORGANIZATION", "CREATED"], items.map((t) => [t.id, t.name, t.organizationId, when(t.createdAt)]));
    });

  teams
    .command("create")
    .description("create a team in an organization")
    .argument("<name>", "its name")
    .requiredOption("--org <id>", "the organization")
    .option("--description <text>", "what it is for")
    .option("--json", "print JSON")
    .action(async (name: string, opts: { org: string; description?: string; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const team = await client.teams.create.mutate({ organizationId: opts.org, name, description: opts.description });
      if (opts.json) return printJson(ctx.io, team);
      printLines(ctx.io, `Created team ${team.name} (${team.id}).`);
    });

  teams
    .command("members")
    .description("a team's members")
    .argument("<id>", "team id")
    .addOption(limitOption())
    .option("--json", "print JSON")
    .action(async (id: string, opts: { limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const items = await firstItems(paginate(client.teams.listMembers, { id, limit: Math.min(opts.limit, 100) }), opts.limit);
      if (opts.json) return printJson(ctx.io, items);
      printTable(ctx.io, ["USER ID", "USERNAME", "ROLE", "JOINED"], items.map((m) => [m.userId, m.username, m.role, when(m.joinedAt)]));
    });

  teams
    .command("add-member")
    .description("add an organization member to the team, or change their team role")
    .argument("<id>", "team id")
    .argument("<userId>", "the user's id")
    .addOption(new Option("--role <role>", "their team role").choices(ROLES).default("member"))
    .option("--json", "print JSON")
    .action(async (id: string, userId: string, opts: { role: (typeof ROLES)[number]; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const member = await client.teams.addMember.mutate({ id, userId, role: opts.role });
      if (opts.json) return printJson(ctx.io, member);
      printLines(ctx.io, `Added ${member.username} as ${member.role}.`);
    });

  teams
    .command("remove-member")
    .description("remove someone from a team (your own id: leave)")
    .argument("<id>", "team id")
    .argument("<userId>", "the user's id")
    .option("--json", "print JSON")
    .action(async (id: string, userId: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const member = await client.teams.removeMember.mutate({ id, userId });
      if (opts.json) return printJson(ctx.io, member);
      printLines(ctx.io, `Removed ${member.username}.`);
    });
}

import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Command, Option } from "commander";
import type { CliContext } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { firstItems, wholeNumber } from "../cli/numbers.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";
import { EMPLOYMENT_TYPES, POSTING_STATUSES, type TEmploymentType, type TPostingStatus } from "../contracts.js";
import { paginate } from "../helpers/paginate.js";

const limitOption = () => new Option("--limit <n>", "at most this many (1-1000)").default(50).argParser(wholeNumber(1, 1000));
/** "a, b,c" → ["a", "b", "c"]; the api normalizes and deduplicates. */
const list = (value: string) => value.split(",");
const salary = (p: { salaryMin: number | null; salaryMax: number | null; salaryCurrency: string }) =>
  p.salaryMin === null && p.salaryMax === null ? "—" : `${p.salaryMin ?? "…"}–${p.salaryMax ?? "…"} ${p.salaryCurrency}`;

interface CreateOptions {
  description?: string;
  descriptionFile?: string;
  location?: string;
  remote?: boolean;
  type?: TEmploymentType;
  salaryMin?: number;
  salaryMax?: number;
  currency?: string;
  skills?: string[];
  niceToHave?: string[];
  publish?: boolean;
  account?: string;
  json?: boolean;
}

/** `atrium postings list|create|publish|close`: the employer's job postings (recruiters and admins write). */
export function registerPostings(program: Command, ctx: CliContext): void {
  const postings = program.command("postings").description("your account's job postings: list, create, publish, close");

  postings
    .command("list")
    .description("job postings, newest first")
    .addOption(new Option("--status <status>", "only this status").choices(POSTING_STATUSES))
    .option("-q, --query <words>", "words in the title or location")
    .option("--account <id>", "account id (default: your home account)")
    .addOption(limitOption())
    .option("--json", "print JSON")
    .action(async (opts: { status?: TPostingStatus; query?: string; account?: string; limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const items = await firstItems(paginate(client.recruiting.postings.list, { status: opts.status, q: opts.query, accountId: opts.account, limit: Math.min(opts.limit, 100) }), opts.limit);
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No postings.");
      printTable(
        ctx.io,
        ["ID", "TITLE", "STATUS", "LOCATION", "SALARY", "CREATED"],
        items.map((p) => [p.id, p.title, p.status, [p.location, p.remote ? "remote" : ""].filter(Boolean).join(", ") || "—", salary(p), when(p.createdAt)]),
      );
    });

  postings
    .command("create")
    .description("create a posting (a draft unless --publish)")
    .argument("<title>", "the role's title")
    .option("--description <text>", "what the role is")
    .option("--description-file <file>", "read the description from a text or Markdown file")
    .option("--location <place>", "where the work is")
    .option("--remote", "the role can be done remotely")
    .addOption(new Option("--type <type>", "employment type").choices(EMPLOYMENT_TYPES))
    .addOption(new Option("--salary-min <n>", "yearly salary, lower bound").argParser(wholeNumber(0)))
    .addOption(new Option("--salary-max <n>", "yearly salary, upper bound").argParser(wholeNumber(0)))
    .option("--currency <code>", "salary currency (3 letters, default USD)")
    .option("--skills <list>", "required skills, comma-separated", list)
    .option("--nice-to-have <list>", "nice-to-have skills, comma-separated", list)
    .option("--publish", "publish it at once (it appears on the public board)")
    .option("--account <id>", "account id (default: your home account)")
    .option("--json", "print JSON")
    .action(async (title: string, opts: CreateOptions, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      if (opts.description !== undefined && opts.descriptionFile) throw new CliError("Give --description or --description-file, not both");
      const description = opts.descriptionFile
        ? await readFile(path.resolve(ctx.io.cwd ?? ".", opts.descriptionFile), "utf8").catch(() => {
            throw new CliError(`Cannot read ${opts.descriptionFile}`);
          })
        : opts.description;
      if (!description?.trim()) throw new CliError("Describe the role with --description or --description-file");
      let posting = await client.recruiting.postings.create.mutate({
        accountId: opts.account,
        title,
        description,
        location: opts.location,
        remote: opts.remote,
        employmentType: opts.type,
        salaryMin: opts.salaryMin,
        salaryMax: opts.salaryMax,
        salaryCurrency: opts.currency,
        requiredSkills: opts.skills,
        niceToHaveSkills: opts.niceToHave,
      });
      if (opts.publish) posting = await client.recruiting.postings.publish.mutate({ id: posting.id });
      if (opts.json) return printJson(ctx.io, posting);
      printLines(ctx.io, `Created ${posting.status} posting ${posting.title} (${posting.id}).`);
    });

  for (const [verb, what] of [
    ["publish", "publish a draft or reopen a closed posting"],
    ["close", "close a posting (off the public board)"],
  ] as const) {
    postings
      .command(verb)
      .description(what)
      .argument("<id>", "posting id")
      .option("--json", "print JSON")
      .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
        const { client } = await ctx.client(cmd);
        const posting = await client.recruiting.postings[verb].mutate({ id });
        if (opts.json) return printJson(ctx.io, posting);
        printLines(ctx.io, `${posting.title} (${posting.id}) is ${posting.status}.`);
      });
  }
}

import { type Command, Option } from "commander";
import type { CliContext } from "../cli/context.js";
import { firstItems, wholeNumber } from "../cli/numbers.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";
import { INTERVIEW_WHEN, type TInterviewWhen } from "../contracts.js";
import { paginate } from "../helpers/paginate.js";
import { recruitingReportCsv, type RecruitingReport } from "../helpers/reports.js";

/** How many to print, fetched page by page (an api page holds at most 100). */
const limitOption = () => new Option("--limit <n>", "at most this many (1-1000)").default(100).argParser(wholeNumber(1, 1000));

const where = (i: { meetingUrl: string | null; location: string | null }) => [i.meetingUrl, i.location].filter(Boolean).join(" · ");

/** `atrium interviews mine|candidate|confirm|cancel`: interviews from a terminal, either side of them. */
export function registerInterviews(program: Command, ctx: CliContext): void {
  const interviews = program.command("interviews").description("recruiting interviews: yours as an interviewer or as a candidate");

  interviews
    .command("mine")
    .description("your upcoming interviews as an interviewer")
    .option("--account <id>", "only this employer's (default: every employer you recruit for)")
    .addOption(limitOption())
    .option("--json", "print JSON")
    .action(async (opts: { account?: string; limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const items = await firstItems(paginate(client.recruiting.interviews.mine, { limit: Math.min(opts.limit, 100), ...(opts.account ? { accountId: opts.account } : {}) }), opts.limit);
      // Every page walked prints as one: `{ items }`, the shape a single page had.
      const page = { items };
      if (opts.json) return printJson(ctx.io, page);
      if (page.items.length === 0) return printLines(ctx.io, "No upcoming interviews.");
      printTable(
        ctx.io,
        ["ID", "WHEN", "MIN", "POSTING", "CANDIDATE", "STATUS", "WHERE"],
        page.items.map((i) => [i.id, when(i.startsAt), String(i.durationMinutes), i.postingTitle, i.candidate.displayName ?? i.candidate.username, i.status, where(i)]),
      );
    });

  interviews
    .command("candidate")
    .description("your interviews as a candidate (soonest first; --when past: newest first)")
    .addOption(new Option("--when <when>", "only upcoming ones, or only past ones (over, cancelled, completed)").choices(INTERVIEW_WHEN))
    .addOption(limitOption())
    .option("--json", "print JSON")
    .action(async (opts: { when?: TInterviewWhen; limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const items = await firstItems(paginate(client.recruiting.interviews.candidate, { limit: Math.min(opts.limit, 100), ...(opts.when ? { when: opts.when } : {}) }), opts.limit);
      // Every page walked prints as one: `{ items }`, the shape a single page had.
      const page = { items };
      if (opts.json) return printJson(ctx.io, page);
      if (page.items.length === 0) return printLines(ctx.io, "No interviews.");
      printTable(
        ctx.io,
        ["ID", "WHEN", "MIN", "POSTING", "EMPLOYER", "STATUS", "WHERE"],
        page.items.map((i) => [i.id, when(i.startsAt), String(i.durationMinutes), i.postingTitle, i.employerName, i.status, where(i)]),
      );
    });

  interviews
    .command("confirm")
    .description("confirm an interview of your application (candidate)")
    .argument("<id>", "the interview's id (see `atrium interviews candidate`)")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const done = await client.recruiting.interviews.confirm.mutate({ id });
      if (opts.json) return printJson(ctx.io, done);
      printLines(ctx.io, `Confirmed: ${done.postingTitle} at ${done.employerName}, ${when(done.startsAt)}.`);
    });

  interviews
    .command("cancel")
    .description("cancel an interview (recruiters and admins); the candidate is emailed")
    .argument("<id>", "the interview's id")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const done = await client.recruiting.interviews.cancel.mutate({ id });
      if (opts.json) return printJson(ctx.io, done);
      printLines(ctx.io, `Cancelled the interview of ${done.candidate.displayName ?? done.candidate.username} for ${done.postingTitle}.`);
    });
}

/** `atrium reports funnel|time-to-hire|sources`: the recruiting reports, as tables or JSON. */
export function registerReports(program: Command, ctx: CliContext): void {
  const reports = program.command("reports").description("recruiting reports of your employer account");
  const range = (c: Command) =>
    c
      .option("--account <id>", "the employer's account id (default: your home account)")
      .option("--from <day>", "first day applications arrived (YYYY-MM-DD)")
      .option("--to <day>", "last day (YYYY-MM-DD)")
      .option("--json", "print JSON")
      .option("--csv", "print the report's CSV download");
  type Opts = { account?: string; from?: string; to?: string; json?: boolean; csv?: boolean };
  const input = (o: Opts) => ({ ...(o.account ? { accountId: o.account } : {}), ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) });
  /** With --csv, the raw download is printed as it comes and the command is done. */
  const printedCsv = async (report: RecruitingReport, opts: Opts, cmd: Command) => {
    if (!opts.csv) return false;
    const { target } = await ctx.client(cmd);
    ctx.io.stdout.write(await recruitingReportCsv({ baseUrl: target.url, token: target.token }, report, input(opts)));
    return true;
  };
  const num = (n: number | null) => (n === null ? "-" : String(n));

  range(reports.command("funnel").description("applications that reached each stage, per posting")).action(async (opts: Opts, cmd: Command) => {
    if (await printedCsv("funnel", opts, cmd)) return;
    const { client } = await ctx.client(cmd);
    const r = await client.recruiting.reports.funnel.query(input(opts));
    if (opts.json) return printJson(ctx.io, r);
    const rows = [...r.items.map((p) => ({ ...p, name: p.postingTitle })), { ...r.total, name: "Total" }];
    printTable(
      ctx.io,
      ["POSTING", "APPLIED", "SCREENING", "INTERVIEW", "OFFER", "HIRED", "REJECTED", "WITHDRAWN"],
      rows.map((p) => [p.name, ...[p.applied, p.screening, p.interview, p.offer, p.hired, p.rejected, p.withdrawn].map(String)]),
    );
  });

  range(reports.command("time-to-hire").description("median and average days from applying to hired")).action(async (opts: Opts, cmd: Command) => {
    if (await printedCsv("time-to-hire", opts, cmd)) return;
    const { client } = await ctx.client(cmd);
    const r = await client.recruiting.reports.timeToHire.query(input(opts));
    if (opts.json) return printJson(ctx.io, r);
    const rows = [{ postingTitle: "All postings", ...r.overall }, ...r.items];
    printTable(ctx.io, ["POSTING", "HIRES", "MEDIAN DAYS", "AVERAGE DAYS"], rows.map((p) => [p.postingTitle, String(p.hires), num(p.medianDays), num(p.averageDays)]));
  });

  range(reports.command("sources").description("applications, hires and hire rate per source")).action(async (opts: Opts, cmd: Command) => {
    if (await printedCsv("sources", opts, cmd)) return;
    const { client } = await ctx.client(cmd);
    const r = await client.recruiting.reports.sources.query(input(opts));
    if (opts.json) return printJson(ctx.io, r);
    printTable(ctx.io, ["SOURCE", "APPLICATIONS", "HIRES", "HIRE RATE"], r.items.map((s) => [s.source, String(s.applications), String(s.hires), num(s.hireRate)]));
  });
}

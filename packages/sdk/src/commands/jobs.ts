import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { wholeNumber } from "../cli/numbers.js";
import type { CliContext, Target } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";
import { JOB_TYPES, type TDocumentKind } from "../contracts.js";
import { AtriumError } from "../errors.js";
import { uploadDocument } from "../helpers/upload.js";
import { waitForJob } from "../helpers/wait-for-job.js";
import { scoreLines } from "./job-result.js";

/** Every job type of the contracts but the test-only noop: a type added there is here too. */
type JobType = Exclude<(typeof JOB_TYPES)[number], "noop">;
const TYPES = JOB_TYPES.filter((t): t is JobType => t !== "noop");
/** What each file of a job is, in the order given on the command line. */
const KINDS: Record<JobType, string[]> = {
  document_analysis: ["other"],
  resume_match: ["resume", "job_description"],
  worklog_summary: ["worklog"],
  resume_parse: ["resume"],
  interview_transcription: ["other"],
};

/** A job's input from already uploaded documents (`jobs create`). */
function inputFor(type: JobType, opts: { document?: string; resume?: string; jobDescription?: string }): Record<string, string | undefined> {
  if (type === "resume_match") {
    if (!opts.resume || !opts.jobDescription) throw new CliError("resume_match takes --resume <id> and --job-description <id>");
    return { resumeDocumentId: opts.resume, jobDescriptionDocumentId: opts.jobDescription };
  }
  if (!opts.document) throw new CliError(`${type} takes --document <id>`);
  return { documentId: opts.document };
}

interface TimelineEvent {
  seq: number;
  type: string;
  message: string;
  durationMs: number | null;
  costCents: number | null;
  occurredAt: string;
}

/** A job's result: a match's score spelled out as its parts, then the result's JSON. */
function resultLines(result: Record<string, unknown> | null | undefined): string[] {
  if (!result) return [];
  return [...scoreLines(result.score, result.breakdown), JSON.stringify(result, null, 2)];
}

/** Uploads one file through the multipart route (it has no tRPC form), streamed from disk. */
async function upload(target: Target, file: string, kind: string): Promise<{ id: string; filename: string }> {
  const info = await stat(file).catch(() => {
    throw new CliError(`Cannot read ${file}`);
  });
  const name = path.basename(file);
  const doc = await uploadDocument({ baseUrl: target.url, token: target.token }, createReadStream(file), { filename: name, kind: kind as TDocumentKind, size: info.size }).catch((err: unknown) => {
    throw new CliError(`Upload of ${name} failed${err instanceof AtriumError ? ` (${err.status})` : ""}: ${(err as Error).message}`);
  });
  return { id: doc.id, filename: doc.filename };
}

/** A job's input documents by name; a deleted one says so. */
const documentNames = (docs: Array<{ filename: string | null }>) => docs.map((d) => d.filename ?? "deleted document").join(" vs ") || "-";

function eventLine(e: TimelineEvent): string {
  const extras = [e.durationMs !== null ? `${e.durationMs} ms` : "", e.costCents ? `${e.costCents} ¢` : ""].filter(Boolean).join(", ");
  return `${e.occurredAt.slice(11, 19)}  ${e.type.padEnd(15)} ${e.message}${extras ? `  (${extras})` : ""}`;
}

function jobType(value: string): JobType {
  if (!(TYPES as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${TYPES.join(", ")}`);
  return value as JobType;
}

/** `atrium jobs run|create|list|show`: upload files (or name uploaded ones), run an analysis, follow its timeline. */
export function registerJobs(program: Command, ctx: CliContext): void {
  const jobs = program.command("jobs").description("analysis jobs: run one on files or uploaded documents, list, show");

  jobs
    .command("run")
    .description("upload the files and run a job on them (resume_match: resume first, then the job description)")
    .argument("<type>", TYPES.join(" | "), jobType)
    .argument("<files...>", "files to upload (PDF, DOCX, text/Markdown; a recording for interview_transcription)")
    .option("--wait", "print the timeline as it happens until the job ends")
    .addOption(new Option("--interval <ms>", "first polling interval with --wait (backs off while the job is quiet)").default(1000).argParser(wholeNumber(50, 60_000, "milliseconds")))
    .option("--json", "print JSON")
    .action(async (type: JobType, files: string[], opts: { wait?: boolean; interval: number; json?: boolean }, cmd: Command) => {
      const kinds = KINDS[type];
      if (files.length !== kinds.length) throw new CliError(`${type} takes ${kinds.length} file${kinds.length > 1 ? "s" : ""} (${kinds.join(", ")}), got ${files.length}`);
      const { client, target } = await ctx.client(cmd);
      const docs = [];
      for (const [i, file] of files.entries()) docs.push(await upload(target, file, kinds[i] ?? "other"));
      const input = type === "resume_match" ? { resumeDocumentId: docs[0]?.id, jobDescriptionDocumentId: docs[1]?.id } : { documentId: docs[0]?.id };
      const job = await client.jobs.create.mutate({ type, input });
      if (!opts.wait) return opts.json ? printJson(ctx.io, job) : printLines(ctx.io, `Job ${job.id} queued (${type}, estimated ${job.estimatedCostCents} ¢).`);
      if (!opts.json) printLines(ctx.io, `Job ${job.id} (${type}) — following its timeline:`);
      const final = await waitForJob(client, job.id, { intervalMs: opts.interval, onEvent: (e) => (opts.json ? undefined : printLines(ctx.io, eventLine(e))) });
      if (opts.json) return printJson(ctx.io, final);
      printLines(ctx.io, `Status: ${final.status}${final.costCents !== null ? `, cost ${final.costCents} ¢` : ""}`, ...resultLines(final.result));
      if (final.status !== "success") throw new CliError(final.error ?? `The job ended ${final.status}`);
    });

  jobs
    .command("create")
    .description("run a job on documents already uploaded (by id); `jobs run` uploads files first")
    .requiredOption("--type <type>", TYPES.join(" | "), jobType)
    .option("--document <id>", "the document (every type but resume_match)")
    .option("--resume <id>", "resume_match: the résumé")
    .option("--job-description <id>", "resume_match: the job description")
    .option("--wait", "print the timeline as it happens until the job ends")
    .addOption(new Option("--interval <ms>", "first polling interval with --wait").default(1000).argParser(wholeNumber(50, 60_000, "milliseconds")))
    .option("--json", "print JSON")
    .action(async (opts: { type: JobType; document?: string; resume?: string; jobDescription?: string; wait?: boolean; interval: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const job = await client.jobs.create.mutate({ type: opts.type, input: inputFor(opts.type, opts) });
      if (!opts.wait) return opts.json ? printJson(ctx.io, job) : printLines(ctx.io, `Job ${job.id} queued (${opts.type}, estimated ${job.estimatedCostCents} ¢).`);
      const final = await waitForJob(client, job.id, { intervalMs: opts.interval, onEvent: (e) => (opts.json ? undefined : printLines(ctx.io, eventLine(e))) });
      if (opts.json) return printJson(ctx.io, final);
      printLines(ctx.io, `Status: ${final.status}${final.costCents !== null ? `, cost ${final.costCents} ¢` : ""}`, ...resultLines(final.result));
      if (final.status !== "success") throw new CliError(final.error ?? `The job ended ${final.status}`);
    });

  jobs
    .command("list")
    .description("your account's jobs, newest first")
    .option("--status <status>", "queued | running | success | failed | cancelled")
    .option("--type <type>", "job type")
    .addOption(new Option("--limit <n>", "at most this many").default(25).argParser(wholeNumber(1, 100)))
    .option("--json", "print JSON")
    .action(async (opts: { status?: "queued"; type?: string; limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const page = await client.jobs.list.query({ status: opts.status, type: opts.type, limit: opts.limit });
      if (opts.json) return printJson(ctx.io, page);
      printTable(
        ctx.io,
        ["ID", "TYPE", "STATUS", "COST ¢", "CREATED", "DOCUMENTS"],
        page.items.map((j) => [j.id, j.type, j.status, j.costCents === null ? "-" : String(j.costCents), when(j.createdAt), documentNames(j.documents)]),
      );
    });

  jobs
    .command("show")
    .description("one job: status, result and its timeline")
    .argument("<id>", "job id")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const [job, events] = await Promise.all([client.jobs.get.query({ id }), client.jobs.events.query({ id, afterSeq: 0 })]);
      if (opts.json) return printJson(ctx.io, { ...job, events: events.items });
      printLines(
        ctx.io,
        `Job ${job.id} (${job.type}): ${job.status}${job.error ? ` — ${job.error}` : ""}`,
        ...(job.documents.length ? [`Documents: ${documentNames(job.documents)}`] : []),
        // Only staff reads carry the internal cause.
        ...(job.errorCause ? [`Cause (staff only): ${job.errorCause}`] : []),
        ...events.items.map(eventLine),
        ...resultLines(job.result),
      );
    });
}

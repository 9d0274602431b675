import { type Command, InvalidArgumentError } from "commander";
import type { z } from "zod";
import { PIPELINE_STAGES, ZApplicationStatus, ZPipelineStage, type TApplication } from "../contracts.js";
import type { CliContext } from "../cli/context.js";
import { printJson, printLines, printTable, when } from "../cli/output.js";
import { registerApplicationMessages } from "./application-messages.js";

const score = (a: TApplication) => (a.match.score === null ? a.match.state.replace("_", " ") : String(Math.round(a.match.score)));

/** An argument parser from a contract: the contract's own message when the value doesn't fit. */
const parsed =
  <T>(schema: z.ZodType<T>) =>
  (value: string): T => {
    const r = schema.safeParse(value);
    if (!r.success) throw new InvalidArgumentError(r.error.issues[0]?.message ?? "invalid value");
    return r.data;
  };
const number = (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError("expected a number");
  return n;
};

/** `atrium applications list|move`: a posting's ranked applications and the pipeline, for recruiters' scripts. */
export function registerApplications(program: Command, ctx: CliContext): void {
  const apps = program.command("applications").description("a posting's applications (recruiting roles)");

  apps
    .command("list")
    .description("a posting's applications, best match first")
    .argument("<postingId>", "the posting's id")
    .option("--status <status>", "only this stage", parsed(ZApplicationStatus))
    .option("--min-score <score>", "only scores at or above (0–100)", number)
    .option("--skill <skill>", "only applications whose match found this skill")
    .option("--limit <n>", "how many (1–100)", number, 25)
    .option("--json", "print JSON")
    .action(async (postingId: string, opts: { status?: TApplication["status"]; minScore?: number; skill?: string; limit: number; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const { items } = await client.recruiting.applications.list.query({ postingId, status: opts.status, minScore: opts.minScore, skill: opts.skill, limit: opts.limit });
      if (opts.json) return printJson(ctx.io, items);
      if (items.length === 0) return printLines(ctx.io, "No applications.");
      printTable(
        ctx.io,
        ["ID", "CANDIDATE", "STATUS", "SCORE", "MATCHED", "APPLIED"],
        items.map((a) => [a.id, a.candidateName, a.status, score(a), a.match.matchedSkills.join(", "), when(a.appliedAt)]),
      );
    });

  apps
    .command("move")
    .description(`move an application to another stage (${PIPELINE_STAGES.join(", ")}); the candidate is emailed`)
    .argument("<id>", "the application's id")
    .argument("<stage>", "the stage to move it to", parsed(ZPipelineStage))
    .option("--from <stage>", "refuse if it is no longer in this stage (someone moved it first)", parsed(ZApplicationStatus))
    .option("--json", "print JSON")
    .action(async (id: string, stage: TApplication["status"] & z.infer<typeof ZPipelineStage>, opts: { from?: TApplication["status"]; json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const moved = await client.recruiting.applications.move.mutate({ id, to: stage, from: opts.from });
      if (opts.json) return printJson(ctx.io, moved);
      printLines(ctx.io, `${moved.candidateName}'s application is now ${moved.status}.`);
    });

  registerApplicationMessages(apps, ctx);
}

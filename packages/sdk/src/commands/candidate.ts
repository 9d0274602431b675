import type { Command } from "commander";
import type { CliContext } from "../cli/context.js";
import { CliError } from "../cli/io.js";
import { printJson, printLines } from "../cli/output.js";
import type { TCandidateProfile } from "../contracts.js";

/** The profile in a few lines: who, headline, jobs, schools, skills, and the last parse. */
function describe(p: TCandidateProfile): string[] {
  if (!p.exists) return ["No candidate profile yet: `atrium candidate parse <documentId>` fills one from a résumé."];
  const c = p.contact;
  const lines = [`${c.name ?? "(no name)"}${p.headline ? ` — ${p.headline}` : ""}`, [c.email, c.phone, c.location].filter(Boolean).join(" · ")].filter(Boolean);
  for (const e of p.experience) lines.push(`  job: ${[e.title, e.company].filter(Boolean).join(", ")} (${e.start || "?"} – ${e.end ?? "now"})`);
  for (const s of p.education) lines.push(`  school: ${[s.degree, s.field, s.school].filter(Boolean).join(", ")}${s.end ? ` (${s.end})` : ""}`);
  if (p.skills.length) lines.push(`  skills: ${p.skills.join(", ")}`);
  if (p.parse) lines.push(`  last parse: job ${p.parse.jobId}, ${p.parse.status}${p.parse.appliedAt ? ", applied" : ""}`);
  return lines;
}

/** `atrium candidate profile|parse` and `atrium assistant ask`: the candidate profile and the recruiting assistant. */
export function registerCandidate(program: Command, ctx: CliContext): void {
  const candidate = program.command("candidate").description("your candidate profile: show it, fill it from a résumé");

  candidate
    .command("profile")
    .description("show your candidate profile")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const profile = await client.recruiting.profile.get.query();
      if (opts.json) return printJson(ctx.io, profile);
      printLines(ctx.io, ...describe(profile));
    });

  candidate
    .command("parse")
    .description("fill your profile's empty fields from one of your résumés (a paid resume_parse job)")
    .argument("<documentId>", "one of your own documents (`atrium documents upload cv.pdf --kind resume`)")
    .option("--json", "print JSON")
    .action(async (documentId: string, opts: { json?: boolean }, cmd: Command) => {
      const { client } = await ctx.client(cmd);
      const profile = await client.recruiting.profile.parse.mutate({ documentId });
      if (opts.json) return printJson(ctx.io, profile);
      printLines(ctx.io, `Parsing started (job ${profile.parse?.jobId ?? "?"}); the worker fills your profile when it is done. Watch it with \`atrium jobs show ${profile.parse?.jobId ?? ""}\`.`);
    });

  program
    .command("assistant")
    .description("the recruiting assistant")
    .command("ask")
    .description("ask about one of your postings or applications; the answer cites its sources")
    .argument("<question...>", "the question")
    .option("--posting <id>", "ask about this posting and its applicants")
    .option("--application <id>", "ask about this application")
    .option("--json", "print JSON")
    .action(async (words: string[], opts: { posting?: string; application?: string; json?: boolean }, cmd: Command) => {
      if (Boolean(opts.posting) === Boolean(opts.application)) throw new CliError("Name either --posting <id> or --application <id>");
      const { client } = await ctx.client(cmd);
      const out = await client.recruiting.assistant.ask.mutate({ question: words.join(" "), postingId: opts.posting, applicationId: opts.application });
      if (opts.json) return printJson(ctx.io, out);
      printLines(ctx.io, out.answer, ...out.citations.map((c) => `  [${c.type}] ${c.title} (${c.id})`), `(${out.model}, ${out.costCents} ¢)`);
    });
}

import { randomUUID } from "node:crypto";
import { z } from "zod";
import { estimateTokens } from "../analyzers/analyzer.js";
import { AnalyzerError } from "../analyzers/analyzer.js";
import { createOpenAiChat } from "../analyzers/openai.analyzer.js";
import { recordAudit } from "../audit/audit.service.js";
import { by } from "../accounts/owner-guard.service.js";
import { can, type PolicyActor } from "../accounts/policy.service.js";
import { checkSpend } from "../billing/low-balance.service.js";
import { priceUsage } from "../billing/pricing.service.js";
import { recordRunCost } from "../billing/usage.service.js";
import { accountTopic } from "../realtime/realtime.schema.js";
import { publishEvent } from "../realtime/realtime.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { requireFlag, subjectFor } from "../flags/flag-gate.js";
import { FLAGS } from "../flags/flags.schema.js";
import * as repo from "./recruiting-assistant.repository.js";
import { ASSISTANT_SOURCE_TYPES, type TAskAssistantInput, type TAssistantAnswer, type TAssistantCitation } from "./recruiting-assistant.schema.js";

/** How much of the tenant's data one question may carry to the model (characters), and per piece. */
export const ASSISTANT_BUDGET = { totalChars: 24_000, resumeChars: 8_000, resumeExcerptChars: 1_200, descriptionChars: 4_000, applications: 40, answerTokens: 800 } as const;
export const NO_ASSISTANT_PROVIDER = "The assistant needs an OpenAI-compatible chat provider: set ANALYZER=openai with LLM_BASE_URL, LLM_API_KEY and LLM_MODEL";
/** Billed like an analysis run, under this name in usage costs and the ledger. */
export const ASSISTANT_USAGE_TYPE = "recruiting_assistant";

interface Source extends TAssistantCitation {
  body: string;
}

const SYSTEM =
  "You are a recruiting assistant for an employer. Answer the question using ONLY the sources given, each marked [type:id]. " +
  'Answer JSON only: {"answer": string (concise, plain text), "citations": [{"type": "posting"|"application"|"document", "id": string}]} citing every source you used by its type and id. ' +
  "If the sources do not answer the question, say so.";

const ZModelAnswer = z.object({
  answer: z.string().min(1).max(8_000),
  citations: z.array(z.object({ type: z.enum(ASSISTANT_SOURCE_TYPES), id: z.string() })).max(50).default([]),
});

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);
const postingBody = (p: NonNullable<Awaited<ReturnType<typeof repo.findPosting>>>) =>
  [`Title: ${p.title}`, `Status: ${p.status}`, `Location: ${p.location || "-"}${p.remote ? " (remote)" : ""}`, `Required skills: ${p.requiredSkills.join(", ") || "-"}`, `Nice to have: ${p.niceToHaveSkills.join(", ") || "-"}`, `Description:\n${cut(p.description, ASSISTANT_BUDGET.descriptionChars)}`].join("\n");
const applicationBody = (a: NonNullable<Awaited<ReturnType<typeof repo.findApplication>>>) => {
  const x = a.application;
  return [`Candidate: ${a.candidate}`, `Status: ${x.status}`, `Source: ${x.source}`, `Match score: ${x.matchScore ?? "not scored yet"}`, `Matched skills: ${x.matchedSkills.join(", ") || "-"}`, `Missing skills: ${x.missingSkills.join(", ") || "-"}`, x.coverLetter ? `Cover letter:\n${cut(x.coverLetter, 1_500)}` : ""].filter(Boolean).join("\n");
};

/** A recruiting row of a tenant the actor may read; anyone else's is NOT_FOUND, like an unknown id. */
function readable<T extends { accountId: string }>(actor: PolicyActor, row: T | undefined, what: string): T {
  if (!row || !can(actor, "recruiting.read", { accountId: row.accountId })) throw notFound(what);
  return row;
}

/**
 * The tenant's own rows the question is about, as sources: the application
 * (with the employer's résumé copy) and its posting, or the posting and its
 * applicants best match first (each with a résumé excerpt), within the budget.
 */
async function gather(ctx: ServiceContext, actor: PolicyActor, input: TAskAssistantInput): Promise<{ accountId: string; sources: Source[]; truncated: boolean }> {
  const sources: Source[] = [];
  let truncated = false;
  let accountId: string;
  if (input.applicationId) {
    const found = await repo.findApplication(ctx.db, input.applicationId);
    const app = readable(actor, found?.application, "Application");
    accountId = app.accountId;
    const posting = await repo.findPosting(ctx.db, app.postingId);
    sources.push({ type: "application", id: app.id, title: `${found?.candidate ?? "Candidate"}'s application`, body: found ? applicationBody(found) : "" });
    if (posting && posting.accountId === accountId) sources.push({ type: "posting", id: posting.id, title: posting.title, body: postingBody(posting) });
    const docs = await repo.documentTexts(ctx.db, accountId, app.resumeDocumentId ? [app.resumeDocumentId] : []);
    for (const [id, d] of docs) {
      truncated ||= d.text.length > ASSISTANT_BUDGET.resumeChars;
      sources.push({ type: "document", id, title: `Résumé: ${d.filename}`, body: cut(d.text, ASSISTANT_BUDGET.resumeChars) });
    }
  } else {
    const posting = readable(actor, await repo.findPosting(ctx.db, input.postingId ?? ""), "Posting");
    accountId = posting.accountId;
    sources.push({ type: "posting", id: posting.id, title: posting.title, body: postingBody(posting) });
    const apps = await repo.applicationsOfPosting(ctx.db, accountId, posting.id, ASSISTANT_BUDGET.applications + 1);
    truncated = apps.length > ASSISTANT_BUDGET.applications;
    const shown = apps.slice(0, ASSISTANT_BUDGET.applications);
    const docs = await repo.documentTexts(ctx.db, accountId, shown.flatMap((a) => (a.application.resumeDocumentId ? [a.application.resumeDocumentId] : [])));
    for (const a of shown) {
      const resume = a.application.resumeDocumentId ? docs.get(a.application.resumeDocumentId) : undefined;
      const excerpt = resume ? `\nRésumé excerpt:\n${cut(resume.text, ASSISTANT_BUDGET.resumeExcerptChars)}` : "";
      sources.push({ type: "application", id: a.application.id, title: `${a.candidate}'s application`, body: applicationBody(a) + excerpt });
    }
  }
  // The whole budget: later sources (lower-ranked applicants) are dropped first.
  let used = 0;
  const kept = sources.filter((s) => {
    used += s.body.length + 60;
    return used <= ASSISTANT_BUDGET.totalChars || s === sources[0];
  });
  return { accountId, sources: kept, truncated: truncated || kept.length < sources.length };
}

/**
 * Answers a question about one of the tenant's postings or applications
 * (recruiting.read) through the configured OpenAI-compatible chat provider,
 * from the tenant's own rows only, citing them. Refused (PRECONDITION_FAILED)
 * without a provider; checked against the low-balance policy before the call
 * and billed after it like an analysis run (tokens × the model's price), audited.
 */
export async function ask(ctx: ServiceContext, actor: PolicyActor, input: TAskAssistantInput, meta?: RequestMeta): Promise<TAssistantAnswer> {
  if (ctx.config.ANALYZER !== "openai") throw new ServiceError("PRECONDITION_FAILED", NO_ASSISTANT_PROVIDER);
  const { accountId, sources, truncated } = await gather(ctx, actor, input);
  await requireFlag(ctx, FLAGS.recruiting, subjectFor(actor, accountId));
  const prompt = `${sources.map((s) => `[${s.type}:${s.id}] ${s.title}\n${s.body}`).join("\n\n")}\n\nQUESTION: ${input.question}`;
  const model = ctx.config.LLM_MODEL;
  const estimate = await priceUsage(ctx.db, { llm: [{ model, inputTokens: estimateTokens(SYSTEM + prompt), outputTokens: ASSISTANT_BUDGET.answerTokens }] });
  const spend = await checkSpend(ctx, accountId, { estimatedCents: estimate.totalCents, jobType: ASSISTANT_USAGE_TYPE });
  if (!spend.allowed) throw new ServiceError("PAYMENT_REQUIRED", spend.message ?? "The low-balance policy refuses this question");

  const chat = createOpenAiChat({ baseUrl: ctx.config.LLM_BASE_URL, apiKey: ctx.config.LLM_API_KEY, model, timeoutMs: ctx.config.LLM_TIMEOUT_MS, maxRetries: 1 });
  const out = await chat(SYSTEM, prompt, ZModelAnswer).catch((err: unknown) => {
    if (err instanceof AnalyzerError) throw new ServiceError("PRECONDITION_FAILED", `The assistant's model could not answer: ${err.message}`);
    throw err;
  });
  const runId = `assistant:${randomUUID()}`;
  const priced = await priceUsage(ctx.db, { llm: out.calls.map((c) => ({ model: c.model, inputTokens: c.inputTokens, outputTokens: c.outputTokens })) });
  const cost = await recordRunCost(ctx.db, { accountId, runId, jobType: ASSISTANT_USAGE_TYPE, lineItems: priced.lineItems, totalCents: priced.totalCents }, ctx);
  if (cost.debited) await publishEvent(ctx, [accountTopic(accountId)], { type: "balance.changed", accountId });
  await recordAudit(ctx.db, {
    eventType: "recruiting_assistant.asked",
    actor: by(actor),
    target: input.applicationId ? { type: "application", id: input.applicationId } : { type: "posting", id: input.postingId ?? "" },
    accountId,
    meta,
    details: { runId, model, costCents: cost.totalCents, sources: sources.length },
  });
  // Only what we gave it, with our titles: a made-up or foreign id is not a citation.
  const byKey = new Map(sources.map((s) => [`${s.type}:${s.id}`, s]));
  const seen = new Set<string>();
  const citations = out.result.citations.flatMap((c) => {
    const s = byKey.get(`${c.type}:${c.id}`);
    if (!s || seen.has(`${c.type}:${c.id}`)) return [];
    seen.add(`${c.type}:${c.id}`);
    return [{ type: s.type, id: s.id, title: s.title }];
  });
  return { answer: out.result.answer, citations, model, costCents: cost.totalCents, truncated };
}

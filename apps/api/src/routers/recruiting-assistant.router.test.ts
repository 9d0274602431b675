// Issue 15 (HR portal): "ask about this candidate / this posting" through an OpenAI-compatible chat provider
// (a local stand-in speaking the API), from the employer's own rows only, citing them, billed, refused without a provider.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { creditReserve, NO_ASSISTANT_PROVIDER } from "@atrium/core";
import { schema } from "@atrium/db";
import { startTestApi, type TestApi } from "../testing.js";
import { bearer, call, type Transport } from "../test-transports.js";
import { textDocument } from "./job.test-helpers.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

const ask = { method: "POST", rest: "/api/recruiting/assistant/ask/", trpc: "recruiting.assistant.ask", kind: "mutation" } as const;

/** The model's side: each test queues the JSON content it answers with; every request is kept. */
let llm: Server;
let answers: string[] = [];
const requests: Array<{ auth?: string; body: { model: string; messages: Array<{ role: string; content: string }> } }> = [];
const read = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as (typeof requests)[number]["body"];
};

let api: TestApi;
let bare: TestApi;

interface Employer {
  owner: TestUser;
  accountId: string;
  postingId: string;
  applicationId: string;
  resumeId: string;
}

/** An employer with a posting and one candidate's application whose résumé copy says `marker`. */
async function employer(prefix: string, marker: string): Promise<Employer> {
  const owner = await newUser(api, `${prefix}-owner`);
  const account = await owner.call.accounts.create({ name: `${prefix} Inc` });
  await creditReserve(api.svc.db, { accountId: account.id, amountCents: 10_000, idempotencyKey: `seed:${account.id}`, reason: "seed" });
  const cand = await newUser(api, `${prefix}-cand`, { email: `${prefix}-cand@example.test` });
  const personal = await cand.call.accounts.create({ name: `${prefix} cand` });
  const db = api.svc.db;
  const [posting] = await db.insert(schema.jobPostings).values({ accountId: account.id, title: `${prefix} ICU Nurse`, description: "Night shifts on the ICU.", requiredSkills: ["ACLS"], status: "published" }).returning();
  const resumeId = await textDocument(db, account.id, `Jane ${prefix}\nRegistered Nurse\n${marker}: 6 years on telemetry wards, ACLS certified.`, "resume");
  const [app] = await db
    .insert(schema.applications)
    .values({ accountId: account.id, postingId: posting?.id ?? "", candidateUserId: cand.user.id, candidateAccountId: personal.id, resumeDocumentId: resumeId, matchScore: 81, matchedSkills: ["ACLS"], missingSkills: [] })
    .returning();
  return { owner, accountId: account.id, postingId: posting?.id ?? "", applicationId: app?.id ?? "", resumeId };
}

let a: Employer;
let b: Employer;

beforeAll(async () => {
  llm = createServer((req, res) => {
    void read(req).then((body) => {
      requests.push({ auth: req.headers.authorization, body });
      const content = answers.shift();
      res.writeHead(content ? 200 : 500, { "content-type": "application/json" });
      // 2M prompt tokens at gpt-4o-mini's $0.15/1M is 30 ¢, plus 100k output tokens at $0.60/1M, 6 ¢.
      res.end(JSON.stringify(content ? { choices: [{ index: 0, message: { role: "assistant", content } }], usage: { prompt_tokens: 2_000_000, completion_tokens: 100_000 } } : { error: "no answer queued" }));
    });
  });
  await new Promise<void>((r) => llm.listen(0, "127.0.0.1", r));
  const baseUrl = `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`;
  [api, bare] = await Promise.all([startTestApi({ RATE_LIMIT_ENABLED: "false", ANALYZER: "openai", LLM_BASE_URL: baseUrl, LLM_API_KEY: "sk-test", LLM_MODEL: "gpt-4o-mini" }), startTestApi({ RATE_LIMIT_ENABLED: "false" })]);
  a = await employer("acme", "MARKER-A");
  b = await employer("globex", "MARKER-B");
});
afterAll(async () => {
  await Promise.all([api?.close(), bare?.close()]);
  await new Promise((r) => llm.close(r));
});

describe.each<Transport>(["rest", "trpc"])("the recruiting assistant over %s", (transport) => {
  it("answers about an application from the employer's own rows (its résumé copy included), citing only sources it was given, billed like an analysis run", async () => {
    requests.length = 0;
    const madeUp = "11111111-1111-4111-8111-111111111111";
    answers = [JSON.stringify({ answer: "Yes: 6 years on telemetry wards and ACLS.", citations: [{ type: "document", id: a.resumeId }, { type: "application", id: a.applicationId }, { type: "application", id: b.applicationId }, { type: "posting", id: madeUp }] })];
    const out = await call(api.url, transport, ask, { question: "Does she have ICU-relevant experience?", applicationId: a.applicationId }, bearer(a.owner.token));
    expect(out.status).toBe(200);
    expect(out.data).toMatchObject({ answer: "Yes: 6 years on telemetry wards and ACLS.", model: "gpt-4o-mini", costCents: 36, truncated: false });
    expect((out.data as { citations: unknown[] }).citations).toEqual([
      { type: "document", id: a.resumeId, title: "Résumé: resume.txt" },
      { type: "application", id: a.applicationId, title: "acme-cand's application" },
    ]);
    const prompt = JSON.stringify(requests[0]?.body.messages);
    expect(requests[0]?.auth).toBe("Bearer sk-test");
    expect(prompt).toContain("MARKER-A");
    expect(prompt).toContain("acme ICU Nurse");
    expect(prompt).not.toContain("MARKER-B");

    const debits = await api.svc.db.select().from(schema.ledgerEntries).where(eq(schema.ledgerEntries.accountId, a.accountId));
    expect(debits.filter((d) => d.amountCents < 0).map((d) => d.amountCents)).toContain(-36);
    const audit = await api.svc.db.select().from(schema.auditEvents).where(eq(schema.auditEvents.eventType, "recruiting_assistant.asked"));
    expect(audit.some((e) => e.targetId === a.applicationId && e.accountId === a.accountId)).toBe(true);
  });

  it("answers about a posting with its applicants, best match first", async () => {
    requests.length = 0;
    answers = [JSON.stringify({ answer: "One applicant, a strong match.", citations: [{ type: "posting", id: a.postingId }] })];
    const out = await call(api.url, transport, ask, { question: "Who should we interview first?", postingId: a.postingId }, bearer(a.owner.token));
    expect(out.status).toBe(200);
    expect((out.data as { citations: unknown[] }).citations).toEqual([{ type: "posting", id: a.postingId, title: "acme ICU Nurse" }]);
    const prompt = JSON.stringify(requests[0]?.body.messages);
    expect(prompt).toContain(`[application:${a.applicationId}]`);
    expect(prompt).toContain("Match score: 81");
    expect(prompt).not.toContain(b.applicationId);
  });

  it("never reads another employer's rows: their posting and application ids answer 404, and nothing reaches the model", async () => {
    requests.length = 0;
    for (const input of [{ postingId: b.postingId }, { applicationId: b.applicationId }, { postingId: "00000000-0000-4000-8000-000000000000" }]) {
      const out = await call(api.url, transport, ask, { question: "Tell me everything", ...input }, bearer(a.owner.token));
      expect(out.status).toBe(404);
    }
    // A member of the employer without a recruiting role can't read candidates either.
    const plain = await newUser(api, `plain-${transport}`);
    await api.svc.db.insert(schema.accountMembers).values({ accountId: a.accountId, userId: plain.user.id, role: "member" });
    const out = await call(api.url, transport, ask, { question: "Tell me everything", applicationId: a.applicationId }, bearer(plain.token));
    expect(out.status).toBe(404);
    expect(requests).toEqual([]);
  });

  it("validates the question: one of posting or application, a real question, no unknown keys", async () => {
    const neither = await call(api.url, transport, ask, { question: "Anything?" }, bearer(a.owner.token));
    expect(neither.status).toBe(400);
    expect(neither.error?.fieldErrors?.postingId).toEqual(["Name either a posting or an application"]);
    const both = await call(api.url, transport, ask, { question: "Anything?", postingId: a.postingId, applicationId: a.applicationId }, bearer(a.owner.token));
    expect(both.status).toBe(400);
    const short = await call(api.url, transport, ask, { question: " ", postingId: a.postingId }, bearer(a.owner.token));
    expect(short.error?.fieldErrors?.question).toEqual(["Ask a question"]);
    expect((await call(api.url, transport, ask, { question: "Anything?", postingId: a.postingId, temperature: 2 }, bearer(a.owner.token))).status).toBe(400);
  });

  it("is refused with a clear message when no chat provider is configured", async () => {
    const owner = await newUser(bare, `bare-${transport}`);
    const account = await owner.call.accounts.create({ name: `Bare ${transport}` });
    const out = await call(bare.url, transport, ask, { question: "Who is best?", postingId: account.id }, bearer(owner.token));
    expect(out.status).toBe(412);
    expect(out.error?.message).toBe(NO_ASSISTANT_PROVIDER);
  });
});

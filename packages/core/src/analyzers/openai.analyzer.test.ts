import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnalyzerError } from "./analyzer.js";
import { createOpenAiAnalyzer } from "./openai.analyzer.js";

/** A stand-in for an OpenAI-compatible API: each test queues the answers it wants. */
type Answer = { status: number; body: unknown; headers?: Record<string, string> };
let server: Server;
let baseUrl: string;
let answers: Answer[] = [];
const requests: Array<{ path: string; auth?: string; body: Record<string, unknown> }> = [];

const read = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
};
const completion = (content: string, usage = { prompt_tokens: 1200, completion_tokens: 340 }) => ({
  status: 200,
  body: { id: "chatcmpl-1", object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage },
});

beforeAll(async () => {
  server = createServer((req, res) => {
    void read(req).then((body) => {
      requests.push({ path: req.url ?? "", auth: req.headers.authorization, body });
      const a = answers.shift() ?? { status: 500, body: { error: { message: "no answer queued" } } };
      res.writeHead(a.status, { "content-type": "application/json", ...a.headers });
      res.end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const analyzer = () => createOpenAiAnalyzer({ baseUrl, apiKey: "sk-test", model: "gpt-4o-mini", timeoutMs: 2000, retryBaseMs: 10 });
const analysis = { summary: "A backend engineer.", keywords: ["node"], skills: ["TypeScript"], entities: [{ text: "Jane Doe", type: "person" }], sentiment: 0.4 };

describe("OpenAI-compatible analyzer", () => {
  it("asks chat/completions for JSON and returns the zod-checked answer with the usage it reports", async () => {
    requests.length = 0;
    answers = [completion(JSON.stringify(analysis))];
    const out = await analyzer().analyzeDocument("Jane Doe writes TypeScript.");
    expect(out.result).toEqual(analysis);
    expect(out.calls).toEqual([{ provider: "openai", model: "gpt-4o-mini", inputTokens: 1200, outputTokens: 340, latencyMs: expect.any(Number), attempts: 1 }]);
    expect(requests[0]).toMatchObject({ path: "/v1/chat/completions", auth: "Bearer sk-test", body: { model: "gpt-4o-mini", response_format: { type: "json_object" } } });
  });

  it("retries a 429 (honouring Retry-After) and a 503, then succeeds, counting the attempts", async () => {
    requests.length = 0;
    answers = [
      { status: 429, body: { error: { message: "rate limited" } }, headers: { "retry-after": "0" } },
      { status: 503, body: { error: { message: "overloaded" } } },
      completion(JSON.stringify({ score: 72, matchedSkills: ["TypeScript"], missingSkills: ["Go"], summary: "Close." })),
    ];
    const out = await analyzer().matchResume("resume", "jd");
    expect(out.result.score).toBe(72);
    expect(out.calls[0]?.attempts).toBe(3);
    expect(requests).toHaveLength(3);
  });

  it("gives up on persistent 429s with a transient error, so the job is retried later", async () => {
    answers = [0, 1, 2].map(() => ({ status: 429, body: {}, headers: { "retry-after": "0" } }));
    const err = await analyzer().summarizeWorklog("log").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AnalyzerError);
    expect(err).toMatchObject({ transient: true, message: "the model API answered 429 after 3 attempts" });
  });

  it("refuses a malformed JSON answer, or JSON without the expected fields, with a clear, final error", async () => {
    answers = [completion("{ this is not json")];
    await expect(analyzer().analyzeDocument("x")).rejects.toMatchObject({ name: "AnalyzerError", transient: false, message: "the model answered with malformed JSON" });
    answers = [completion(JSON.stringify({ summary: "no other fields" }))];
    await expect(analyzer().analyzeDocument("x")).rejects.toMatchObject({ transient: false, message: expect.stringMatching(/^the model's JSON does not have the expected fields/) });
    answers = [{ status: 401, body: { error: { message: "bad key" } } }];
    await expect(analyzer().analyzeDocument("x")).rejects.toMatchObject({ transient: false, message: "the model API refused the request (401)" });
  });

  it("parses a résumé into the profile contract: a valid answer passes (missing links and highlights default), a wrong shape is refused", async () => {
    requests.length = 0;
    const profile = {
      contact: { name: "Jane Doe", email: "jane@example.com", phone: null, location: "Seattle" },
      headline: "Registered Nurse",
      years: 6,
      summary: "ICU nurse.",
      experience: [{ title: "Staff Nurse", employer: "Swedish Hospital", location: null, start: "2018", end: "2020" }],
      education: [{ school: "University of Washington", degree: "BSN", start: null, end: "2018" }],
      skills: ["ACLS", "patient education"],
    };
    answers = [completion(JSON.stringify(profile))];
    const out = await analyzer().parseResume("Jane Doe, Registered Nurse");
    expect(out.result.contact.links).toEqual([]);
    expect(out.result.experience[0]?.highlights).toEqual([]);
    expect(out.result.skills).toEqual(["ACLS", "patient education"]);
    expect(JSON.stringify(requests[0]?.body.messages)).toContain("structured profile");
    answers = [completion(JSON.stringify({ ...profile, experience: "eight years" }))];
    await expect(analyzer().parseResume("x")).rejects.toMatchObject({ transient: false, message: expect.stringMatching(/^the model's JSON does not have the expected fields/) });
  });
});

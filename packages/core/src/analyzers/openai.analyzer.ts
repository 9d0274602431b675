import { z } from "zod";
import { AnalyzerError, type Analyzed, type Analyzer } from "./analyzer.js";
import { ZDocumentAnalysis, ZResumeMatch, ZResumeProfile, ZWorklogSummary } from "./analyzer.schema.js";

export interface OpenAiOptions {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  /** Extra attempts on 429/5xx/timeouts before giving up (as a transient error, so the job retries later). */
  maxRetries?: number;
  /** First backoff; doubles per attempt, or Retry-After when the server says. */
  retryBaseMs?: number;
}

const ZChatResponse = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
  usage: z.object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) }).optional(),
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PROMPTS = {
  document: 'Analyse the document. Answer JSON only: {"summary": string (2-3 sentences), "keywords": string[], "skills": string[], "entities": [{"text": string, "type": string}], "sentiment": number from -1 to 1}.',
  match: 'Compare the resume with the job description. Answer JSON only: {"score": integer 0-100, "matchedSkills": string[], "missingSkills": string[], "summary": string}.',
  resume:
    'Parse the resume into a structured profile. Answer JSON only: {"contact": {"name": string|null, "email": string|null, "phone": string|null, "location": string|null, "links": string[]}, "headline": string|null, "years": number|null (total years of experience), "summary": string (1-2 sentences), ' +
    '"experience": [{"title": string|null, "employer": string|null, "location": string|null, "start": string|null, "end": string|null, "highlights": string[]}], "education": [{"school": string, "degree": string|null, "start": string|null, "end": string|null}], "skills": string[]}. Dates as written in the resume; null when absent.',
  worklog: 'Turn the worklog into achievement bullet points. Answer JSON only: {"bullets": string[], "summary": string}.',
};

/** One JSON-mode chat call whose answer `schema` checks; 429/5xx/timeouts retried, then a transient AnalyzerError. */
export type OpenAiChat = <T>(system: string, user: string, schema: z.ZodType<T>) => Promise<Analyzed<T>>;

/** The chat call the analyzer makes, for other callers of the same provider (the recruiting assistant). */
export function createOpenAiChat(opts: OpenAiOptions): OpenAiChat {
  const url = `${opts.baseUrl.replace(/\/+$/, "")}/chat/completions`;
  const maxRetries = opts.maxRetries ?? 2;
  const retryBaseMs = opts.retryBaseMs ?? 1000;

  async function post(body: unknown): Promise<{ res: Response | null; error?: string }> {
    try {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;
      const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body), signal: AbortSignal.timeout(opts.timeoutMs) });
      return { res };
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      return { res: null, error: timedOut ? `no answer within ${opts.timeoutMs} ms` : `could not reach the model API (${err instanceof Error ? err.message : String(err)})` };
    }
  }

  async function chat<T>(system: string, user: string, schema: z.ZodType<T>): Promise<Analyzed<T>> {
    const started = Date.now();
    const body = { model: opts.model, response_format: { type: "json_object" }, messages: [{ role: "system", content: system }, { role: "user", content: user }] };
    for (let attempt = 1; ; attempt++) {
      const { res, error } = await post(body);
      const transient = !res || res.status === 429 || res.status >= 500;
      if (transient) {
        const why = error ?? `the model API answered ${res?.status ?? "?"}`;
        if (attempt > maxRetries) throw new AnalyzerError(`${why} after ${attempt} attempts`, true);
        const retryAfter = Number(res?.headers.get("retry-after"));
        await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 30_000) : retryBaseMs * 2 ** (attempt - 1));
        continue;
      }
      if (!res.ok) throw new AnalyzerError(`the model API refused the request (${res.status})`, false);
      const parsed = ZChatResponse.safeParse(await res.json().catch(() => null));
      if (!parsed.success) throw new AnalyzerError("the model API's answer is not a chat completion", false);
      const content = parsed.data.choices[0]?.message.content ?? "";
      let json: unknown;
      try {
        json = JSON.parse(content);
      } catch {
        throw new AnalyzerError("the model answered with malformed JSON", false);
      }
      const result = schema.safeParse(json);
      if (!result.success) throw new AnalyzerError(`the model's JSON does not have the expected fields: ${z.prettifyError(result.error).slice(0, 300)}`, false);
      const usage = parsed.data.usage;
      return {
        result: result.data,
        calls: [{ provider: "openai", model: opts.model, inputTokens: usage?.prompt_tokens ?? 0, outputTokens: usage?.completion_tokens ?? 0, latencyMs: Date.now() - started, attempts: attempt }],
      };
    }
  }

  return chat;
}

/** Any OpenAI-compatible chat-completions API (OpenAI, vLLM, Ollama, LM Studio, ...), JSON mode, answers checked by zod. */
export function createOpenAiAnalyzer(opts: OpenAiOptions): Analyzer {
  const chat = createOpenAiChat(opts);
  return {
    name: "openai",
    model: opts.model,
    analyzeDocument: (text, known) => chat(known?.readAs === "transcript" ? `${PROMPTS.document} The text is the transcript of a recorded interview.` : PROMPTS.document, text, ZDocumentAnalysis),
    matchResume: (resume, jd) => chat(PROMPTS.match, `RESUME:\n${resume}\n\nJOB DESCRIPTION:\n${jd}`, ZResumeMatch),
    summarizeWorklog: (text) => chat(PROMPTS.worklog, text, ZWorklogSummary),
    parseResume: (text) => chat(PROMPTS.resume, text, ZResumeProfile),
  };
}

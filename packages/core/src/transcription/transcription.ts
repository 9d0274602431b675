import type { Env } from "@atrium/config";
import { z } from "zod";
import { AnalyzerError } from "../analyzers/analyzer.js";
import { ServiceError } from "../shared/errors.js";

/** One audio file sent to the provider. */
export interface AudioFile {
  bytes: Uint8Array;
  filename: string;
  mimeType: string;
}

export interface Transcript {
  text: string;
  language: string | null;
  /** What the call took, for the timeline. */
  latencyMs: number;
  attempts: number;
}

export interface Transcriber {
  model: string;
  transcribe: (audio: AudioFile) => Promise<Transcript>;
}

export interface TranscriberOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  maxRetries?: number;
  retryBaseMs?: number;
}

/** OpenAI's `json` answer; `verbose_json` (and whisper.cpp, faster-whisper) add language and segments, which we read when there. */
const ZTranscription = z.object({ text: z.string(), language: z.string().optional() });

export const NO_TRANSCRIPTION_PROVIDER =
  "Interview transcription needs a speech-to-text provider: set TRANSCRIPTION_BASE_URL to an OpenAI-compatible /audio/transcriptions API (OpenAI, Groq, a local whisper.cpp or faster-whisper server). There is no offline default.";

/** The job type is refused before anything is written or charged when no provider is configured. */
export function assertTranscriptionConfigured(config: Pick<Env, "TRANSCRIPTION_BASE_URL">): void {
  if (!config.TRANSCRIPTION_BASE_URL) throw new ServiceError("BAD_REQUEST", NO_TRANSCRIPTION_PROVIDER, { type: [NO_TRANSCRIPTION_PROVIDER] });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Any OpenAI-compatible `POST {base}/audio/transcriptions` (multipart: file,
 * model, response_format). 429, 5xx and timeouts are retried, then reported as
 * transient (the job retries later); any other refusal or a malformed answer is final.
 */
export function createOpenAiTranscriber(opts: TranscriberOptions): Transcriber {
  const url = `${opts.baseUrl.replace(/\/+$/, "")}/audio/transcriptions`;
  const maxRetries = opts.maxRetries ?? 2;
  const retryBaseMs = opts.retryBaseMs ?? 1000;
  return {
    model: opts.model,
    transcribe: async (audio) => {
      const started = Date.now();
      for (let attempt = 1; ; attempt++) {
        const form = new FormData();
        form.append("file", new Blob([new Uint8Array(audio.bytes)], { type: audio.mimeType }), audio.filename);
        form.append("model", opts.model);
        form.append("response_format", "json");
        let res: Response | null = null;
        let error: string | undefined;
        try {
          res = await fetch(url, { method: "POST", body: form, headers: opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}, signal: AbortSignal.timeout(opts.timeoutMs) });
        } catch (err) {
          const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
          error = timedOut ? `no answer within ${opts.timeoutMs} ms` : `could not reach the transcription API (${err instanceof Error ? err.message : String(err)})`;
        }
        if (!res || res.status === 429 || res.status >= 500) {
          const why = error ?? `the transcription API answered ${res?.status ?? "?"}`;
          if (attempt > maxRetries) throw new AnalyzerError(`${why} after ${attempt} attempts`, true);
          await sleep(retryBaseMs * 2 ** (attempt - 1));
          continue;
        }
        if (!res.ok) throw new AnalyzerError(`the transcription API refused the recording (${res.status})`, false);
        const parsed = ZTranscription.safeParse(await res.json().catch(() => null));
        if (!parsed.success) throw new AnalyzerError("the transcription API's answer has no text", false);
        return { text: parsed.data.text.trim(), language: parsed.data.language ?? null, latencyMs: Date.now() - started, attempts: attempt };
      }
    },
  };
}

/** The configured transcriber; callers check assertTranscriptionConfigured first. */
export function transcriberFromConfig(config: Env): Transcriber {
  assertTranscriptionConfigured(config);
  return createOpenAiTranscriber({ baseUrl: config.TRANSCRIPTION_BASE_URL ?? "", model: config.TRANSCRIPTION_MODEL, apiKey: config.TRANSCRIPTION_API_KEY, timeoutMs: config.TRANSCRIPTION_TIMEOUT_MS });
}

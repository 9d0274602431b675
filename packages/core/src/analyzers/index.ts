import type { Env } from "@atrium/config";
import type { Analyzer } from "./analyzer.js";
import { sandboxLimitsFromConfig } from "../sandbox/sandbox.service.js";
import { createSandboxedLocalAnalyzer } from "./local/sandboxed.analyzer.js";
import { createOpenAiAnalyzer } from "./openai.analyzer.js";

export { AnalyzerError, estimateTokens, type AnalyzeHint, type Analyzer, type AnalyzerCall, type Analyzed } from "./analyzer.js";
export * from "./analyzer.schema.js";
export { createLocalAnalyzer } from "./local/local.analyzer.js";
export { createSandboxedLocalAnalyzer } from "./local/sandboxed.analyzer.js";
export { createOpenAiAnalyzer, createOpenAiChat, type OpenAiChat, type OpenAiOptions } from "./openai.analyzer.js";
export { capText, type TextCap } from "./text-cap.js";

/** The analyzer the config selects: local (in a sandbox process per call) unless ANALYZER=openai. */
export function analyzerFromConfig(config: Env): Analyzer {
  if (config.ANALYZER === "openai") {
    return createOpenAiAnalyzer({ baseUrl: config.LLM_BASE_URL, apiKey: config.LLM_API_KEY, model: config.LLM_MODEL, timeoutMs: config.LLM_TIMEOUT_MS });
  }
  return createSandboxedLocalAnalyzer(sandboxLimitsFromConfig(config));
}

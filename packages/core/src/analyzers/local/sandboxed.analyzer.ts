import { runSandboxed, type SandboxLimits } from "../../sandbox/sandbox.service.js";
import type { Analyzer } from "../analyzer.js";

/**
 * The local analyzer, each call in its own child process (the sandbox's heap
 * and time limits): a document that makes wink-nlp run away costs one failed
 * job, not the worker and every queue it serves.
 */
export function createSandboxedLocalAnalyzer(limits: SandboxLimits): Analyzer {
  return {
    name: "local",
    model: "local",
    analyzeDocument: (text, known) => runSandboxed({ kind: "analyze", op: "analyzeDocument", args: [text, known ?? {}] }, limits),
    matchResume: (resume, jd) => runSandboxed({ kind: "analyze", op: "matchResume", args: [resume, jd] }, limits),
    summarizeWorklog: (text) => runSandboxed({ kind: "analyze", op: "summarizeWorklog", args: [text] }, limits),
    parseResume: (text) => runSandboxed({ kind: "analyze", op: "parseResume", args: [text] }, limits),
  };
}

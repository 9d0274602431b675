// Entry of a sandbox child process (named *.worker.ts so the compiled build emits it as an entry of
// its own, next to the code that forks it): runs the tasks it is sent over IPC, one at a time, each answered
// with its id. Whatever a hostile document does in here (eat the heap, loop for minutes) kills this
// process only, never the worker; the parent replaces it.
import { AnalyzerError } from "../analyzers/analyzer.js";
import { createLocalAnalyzer } from "../analyzers/local/local.analyzer.js";
import { extractText } from "../documents/extract.js";
import { ServiceError } from "../shared/errors.js";
import type { SandboxReply, SandboxTask } from "./sandbox.schema.js";

async function run(task: SandboxTask): Promise<unknown> {
  if (task.kind === "extract") return extractText(task.bytes, task.mimeType, { maxUncompressedBytes: task.maxUncompressedBytes });
  const analyzer = createLocalAnalyzer();
  if (task.op === "matchResume") return analyzer.matchResume(...task.args);
  if (task.op === "analyzeDocument") return analyzer.analyzeDocument(...task.args);
  return analyzer[task.op](...task.args);
}

function describe(err: unknown): SandboxReply {
  if (err instanceof ServiceError) return { ok: false, error: { name: err.name, message: err.message, code: err.code } };
  if (err instanceof AnalyzerError) return { ok: false, error: { name: err.name, message: err.message, transient: err.transient } };
  return { ok: false, error: { name: "Error", message: err instanceof Error ? err.message : String(err) } };
}

process.on("message", ({ id, task }: { id: number; task: SandboxTask }) => {
  void run(task)
    .then((value): SandboxReply => ({ ok: true, value }), describe)
    .then((reply) => process.send?.({ id, reply }));
});

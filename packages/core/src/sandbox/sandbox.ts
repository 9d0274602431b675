import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Env } from "@atrium/config";
import { AnalyzerError } from "../analyzers/analyzer.js";
import { tooComplex } from "../documents/limits.js";
import { ServiceError, type ServiceErrorCode } from "../shared/errors.js";
import type { SandboxLimits, SandboxReply, SandboxTask } from "./sandbox.schema.js";

export type { SandboxLimits, SandboxTask } from "./sandbox.schema.js";

export const sandboxLimitsFromConfig = (config: Pick<Env, "DOCUMENT_TASK_TIMEOUT_MS" | "DOCUMENT_TASK_MEMORY_MB">): SandboxLimits => ({
  timeoutMs: config.DOCUMENT_TASK_TIMEOUT_MS,
  memoryMb: config.DOCUMENT_TASK_MEMORY_MB,
});

/**
 * The child's entry file, next to this module whatever the layout: compiled
 * output (dist/sandbox/sandbox.child.js) runs as is; the TypeScript sources
 * (tsx in dev, vitest in tests) run with tsx's loader.
 */
function childEntry(): { file: string; execArgv: string[] } {
  if (!import.meta.url.endsWith(".ts")) return { file: fileURLToPath(new URL("./sandbox.child.js", import.meta.url)), execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return { file: fileURLToPath(new URL("./sandbox.child.ts", import.meta.url)), execArgv: ["--import", tsx] };
}

function rebuild(error: Extract<SandboxReply, { ok: false }>["error"]): Error {
  if (error.code) return new ServiceError(error.code as ServiceErrorCode, error.message);
  if (error.name === "AnalyzerError") return new AnalyzerError(error.message, error.transient ?? false);
  return new Error(error.message);
}

/**
 * Runs one task in a fresh child process with a heap limit and a deadline.
 * A process, not a worker thread: V8 can abort the whole process when a
 * thread's heap limit is hit mid-allocation (seen here with mammoth), while a
 * child's fatal OOM ends only the child. A child that runs out of memory or
 * time means a document too large or complex to read (a permanent
 * BAD_REQUEST); an error the child catches comes back as what it threw.
 */
export function runSandboxed<T>(task: SandboxTask, limits: SandboxLimits): Promise<T> {
  const { file, execArgv } = childEntry();
  const child = fork(file, [], {
    execArgv: [...execArgv, `--max-old-space-size=${limits.memoryMb}`],
    // Structured clone over IPC, so document bytes travel as bytes, not JSON.
    serialization: "advanced",
    stdio: ["ignore", "ignore", "ignore", "ipc"],
  });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    };
    const timer = setTimeout(() => settle(() => reject(tooComplex(`reading it took longer than ${Math.round(limits.timeoutMs / 1000)} s`))), limits.timeoutMs);
    child.once("message", (reply: SandboxReply) => settle(() => (reply.ok ? resolve(reply.value as T) : reject(rebuild(reply.error)))));
    child.once("error", (err) => settle(() => reject(err)));
    child.once("exit", (code, signal) =>
      // A V8 heap OOM aborts (SIGABRT, or exit 134 through a shell); any other early exit is ours to retry.
      settle(() => reject(signal === "SIGABRT" || code === 134 ? tooComplex(`it needed more than ${limits.memoryMb} MB of memory`) : new Error(`sandbox process exited (${signal ?? code}) before answering`))),
    );
    child.send(task);
  });
}

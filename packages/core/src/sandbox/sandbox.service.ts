import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
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

/** A process serves this many tasks, then is replaced (whatever one task left behind goes with it). */
const TASKS_PER_PROCESS = 100;
/** An idle process exits after this long; the next task starts a fresh one. */
const IDLE_MS = 30_000;

/** The --conditions (-C) flags of an argv, values included whether joined by `=` or separate. */
export function conditionsOf(argv: readonly string[]): string[] {
  const out: string[] = [];
  argv.forEach((a, i) => {
    if (/^(--conditions|-C)=/.test(a)) out.push(a);
    else if ((a === "--conditions" || a === "-C") && argv[i + 1] !== undefined) out.push(a, argv[i + 1] as string);
  });
  return out;
}

/**
 * The child's entry file, next to this module whatever the layout: the
 * compiled build emits sandbox.worker.js as a flat entry beside the code that
 * forks it (any *.worker.ts is one), and runs it as is, with the process's
 * --conditions so @atrium/* resolve the same way; the TypeScript sources (tsx
 * in dev, vitest in tests) run with tsx's loader.
 */
function childEntry(): { file: string; execArgv: string[] } {
  if (!import.meta.url.endsWith(".ts")) {
    return { file: fileURLToPath(new URL("./sandbox.worker.js", import.meta.url)), execArgv: conditionsOf(process.execArgv) };
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return { file: fileURLToPath(new URL("./sandbox.worker.ts", import.meta.url)), execArgv: ["--import", tsx] };
}

function rebuild(error: Extract<SandboxReply, { ok: false }>["error"]): Error {
  if (error.code) return new ServiceError(error.code as ServiceErrorCode, error.message);
  if (error.name === "AnalyzerError") return new AnalyzerError(error.message, error.transient ?? false);
  return new Error(error.message);
}

interface Slot {
  child: ChildProcess;
  tasks: number;
  dead: boolean;
  idleTimer?: NodeJS.Timeout;
}

/**
 * Child processes that run document tasks one at a time each, with a V8 heap
 * limit (--max-old-space-size) and a deadline per task. Processes, not worker
 * threads: V8 can abort the whole process when a thread's heap limit is hit
 * mid-allocation (seen here with mammoth), while a child's fatal OOM ends
 * only the child. They are kept warm between tasks (spawning one and loading
 * the NLP model per task made analysis ~30× slower), and killed on a timeout,
 * after TASKS_PER_PROCESS tasks, or when idle. Unref'd: an idle pool never
 * keeps the worker process alive.
 */
class SandboxPool {
  private readonly idle: Slot[] = [];
  private readonly waiters: Array<() => void> = [];
  private size = 0;
  private nextId = 1;

  constructor(
    private readonly limits: SandboxLimits,
    private readonly maxProcesses: number,
  ) {}

  async run<T>(task: SandboxTask): Promise<T> {
    const slot = await this.acquire();
    try {
      return await this.exec<T>(slot, task);
    } finally {
      this.release(slot);
    }
  }

  private spawn(): Slot {
    const { file, execArgv } = childEntry();
    const child = fork(file, [], {
      execArgv: [...execArgv, `--max-old-space-size=${this.limits.memoryMb}`],
      // Structured clone over IPC, so document bytes travel as bytes, not JSON.
      serialization: "advanced",
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    child.unref();
    (child.channel as { unref?: () => void } | undefined)?.unref?.();
    const slot: Slot = { child, tasks: 0, dead: false };
    this.size += 1;
    child.once("exit", () => this.retire(slot));
    child.on("error", () => this.retire(slot));
    return slot;
  }

  private retire(slot: Slot): void {
    if (slot.dead) return;
    slot.dead = true;
    clearTimeout(slot.idleTimer);
    if (slot.child.exitCode === null && slot.child.signalCode === null) slot.child.kill("SIGKILL");
    const at = this.idle.indexOf(slot);
    if (at >= 0) this.idle.splice(at, 1);
    this.size -= 1;
    this.waiters.shift()?.();
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const slot = this.idle.pop();
      if (slot) {
        clearTimeout(slot.idleTimer);
        if (!slot.dead) return slot;
        continue;
      }
      if (this.size < this.maxProcesses) return this.spawn();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private release(slot: Slot): void {
    if (slot.dead) return;
    if (slot.tasks >= TASKS_PER_PROCESS) return this.retire(slot);
    slot.idleTimer = setTimeout(() => this.retire(slot), IDLE_MS);
    slot.idleTimer.unref();
    this.idle.push(slot);
    this.waiters.shift()?.();
  }

  private exec<T>(slot: Slot, task: SandboxTask): Promise<T> {
    const { child } = slot;
    const id = this.nextId++;
    slot.tasks += 1;
    return new Promise<T>((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        fn();
      };
      const onMessage = (msg: { id: number; reply: SandboxReply }) => {
        if (msg.id !== id) return;
        done(() => (msg.reply.ok ? resolve(msg.reply.value as T) : reject(rebuild(msg.reply.error))));
      };
      // A V8 heap OOM aborts (SIGABRT, or exit 134 through a shell). Any other signal mid-task (the
      // kernel's OOM killer, a crash in a parser) is the document's doing too: retrying would only repeat
      // it on the next worker. A plain exit code is ours (the child failed to load): retried.
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        done(() => {
          if (signal === "SIGABRT" || code === 134) return reject(tooComplex(`it needed more than ${this.limits.memoryMb} MB of memory`));
          if (signal) return reject(tooComplex(`the reader crashed on it (${signal})`));
          reject(new Error(`sandbox process exited (${code}) mid-task`));
        });
      const timer = setTimeout(() => {
        done(() => reject(tooComplex(`reading it took longer than ${Math.round(this.limits.timeoutMs / 1000)} s`)));
        this.retire(slot);
      }, this.limits.timeoutMs);
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send({ id, task }, (err) => err && done(() => reject(err)));
    });
  }
}

const pools = new Map<string, SandboxPool>();

/**
 * Runs one task in a sandbox process with the given heap limit and deadline.
 * A task that runs out of memory or time means a document too large or
 * complex to read (a permanent BAD_REQUEST) and costs only its own process;
 * an error the child catches comes back as what it threw there.
 */
export function runSandboxed<T>(task: SandboxTask, limits: SandboxLimits): Promise<T> {
  const key = `${limits.timeoutMs}:${limits.memoryMb}`;
  let pool = pools.get(key);
  if (!pool) pools.set(key, (pool = new SandboxPool(limits, Math.max(2, os.availableParallelism()))));
  return pool.run<T>(task);
}

// Atrium's programs as separate OS processes, started the way operators start them:
// each in its own package folder, its own process group (so a kill reaches every child),
// with an explicit environment and its output kept for the failure message.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface Service {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Everything it printed so far (stdout + stderr). */
  output: () => string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** Sends `signal` to its whole process group and waits for the exit; SIGKILL after `graceMs`. */
  stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<number | string>;
}

export interface ServiceSpec {
  name: string;
  /** Folder the program runs in, relative to the repository root (turbo runs apps in their own). */
  cwd: string;
  command: string;
  args: string[];
  env: Record<string, string>;
}

const running = new Set<Service>();

/** Only what a shell would give a program, plus `env`: nothing leaks from the test runner. */
function baseEnv(): Record<string, string> {
  const keep = ["PATH", "HOME", "TMPDIR", "LANG", "CHROMIUM_PATH"];
  // The harness hands its own PATH/HOME on to the programs it starts; it is not app configuration.
  // eslint-disable-next-line no-restricted-properties
  const runner = process.env;
  return Object.fromEntries(keep.flatMap((k) => (runner[k] ? [[k, runner[k] as string]] : [])));
}

export function startService(spec: ServiceSpec): Service {
  const child = spawn(spec.command, spec.args, {
    cwd: path.join(ROOT, spec.cwd),
    env: { ...baseEnv(), ...spec.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (chunk: Buffer) => {
    out += chunk.toString();
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const service: Service = {
    name: spec.name,
    pid: child.pid ?? -1,
    child,
    output: () => out,
    exited,
    stop: async (signal = "SIGTERM", graceMs = 15_000) => {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(service.pid, signal);
        const timer = setTimeout(() => killGroup(service.pid, "SIGKILL"), graceMs);
        await exited;
        clearTimeout(timer);
      }
      running.delete(service);
      return exited;
    },
  };
  running.add(service);
  void exited.then(() => running.delete(service));
  return service;
}

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Kills whatever a test left running; call from afterAll. */
export async function stopAllServices(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop("SIGKILL", 0)));
}

/** Polls until `check` passes, the service dies (its output is in the error) or the time is up. */
export async function waitFor(service: Service, what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let dead = false;
  void service.exited.then(() => (dead = true));
  while (Date.now() < deadline) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    if (dead) throw new Error(`${service.name} exited before ${what}:\n${service.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${service.name}: no ${what} after ${timeoutMs} ms:\n${service.output().slice(-4000)}`);
}

export async function httpOk(url: string): Promise<boolean> {
  const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return res.ok;
}

/** The api on `port`, once /api/readyz/ answers. */
export async function waitForApi(service: Service, port: number): Promise<string> {
  const url = `http://127.0.0.1:${port}`;
  await waitFor(service, "a ready api", () => httpOk(`${url}/api/readyz/`));
  return url;
}

/** A worker, once it has logged that it started (it has no port of its own). */
export function waitForWorker(service: Service): Promise<void> {
  return waitFor(service, "\"worker started\"", () => service.output().includes("worker started"));
}

/** How each program runs: `dev` = the sources through tsx, `prod` = the compiled build (what `npm start` runs). */
export type Mode = "dev" | "prod";

/** The compiled build must exist (`pnpm build`; scripts/test.sh builds before the tests). */
export function assertBuilt(): void {
  for (const file of ["apps/api/dist/main.js", "apps/api/dist/migrate.js", "apps/worker/dist/main.js", "apps/web/dist/index.html"]) {
    if (!existsSync(path.join(ROOT, file))) throw new Error(`No ${file}: run \`pnpm build\` first.`);
  }
}

/** Exactly what `npm run start:api|start:worker|migrate` and the Docker image run, from the repository root. */
function compiled(name: string, entry: string, env: Record<string, string>, preload?: string): ServiceSpec {
  const args = ["--conditions=compiled", ...(preload ? ["--import", preload] : []), entry];
  return { name, cwd: ".", command: process.execPath, args, env: { ...env, NODE_ENV: "production" } };
}

/**
 * `dev` = the sources as `npm run dev` runs them: tsx with the tracing preload, in the package folder,
 * NODE_ENV=development (an unset NODE_ENV means production). tsx as a loader in ONE node process, not
 * its CLI: the CLI relays signals to a child and, when that child doesn't acknowledge within 30 ms (a
 * loaded CI machine), SIGKILLs it and exits 143, so a graceful stop would look like a crash.
 */
function program(app: "api" | "worker", mode: Mode, env: Record<string, string>, name: string): ServiceSpec {
  return mode === "dev"
    ? { name, cwd: `apps/${app}`, command: process.execPath, args: ["--import", "tsx", "--import", "./src/instrument.ts", "src/main.ts"], env: { NODE_ENV: "development", ...env } }
    : compiled(name, `apps/${app}/dist/main.js`, env, `./apps/${app}/dist/instrument.js`);
}

export function apiSpec(mode: Mode, env: Record<string, string>, name = "api"): ServiceSpec {
  return program("api", mode, env, name);
}

export function workerSpec(mode: Mode, env: Record<string, string>, name = "worker"): ServiceSpec {
  // Its own HTTP server stays off unless a test gives it a free port: never the 8001 default on a shared machine.
  return program("worker", mode, { WORKER_HTTP_PORT: "0", ...env }, name);
}

export function migrateSpec(env: Record<string, string>, name = "migrate"): ServiceSpec {
  return compiled(name, "apps/api/dist/migrate.js", env);
}

/** The container healthcheck of the api or the worker (Dockerfile / compose.yaml run the same). */
export function healthcheckSpec(app: "api" | "worker", env: Record<string, string>): ServiceSpec {
  return compiled(`${app}-healthcheck`, `apps/${app}/dist/healthcheck.js`, env);
}

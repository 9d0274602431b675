import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

/** A server the me bench forked: where it listens, and its own CPU time so far (µs). */
export interface ForkedServer {
  url: string;
  cpuMicros: () => Promise<number>;
  stop: () => Promise<void>;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

async function freePort(): Promise<number> {
  const s = createServer().listen(0, "127.0.0.1");
  await once(s, "listening");
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

async function waitUntilUp(child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering`);
    const res = await fetch(url).catch(() => null);
    if (res) return void (await res.arrayBuffer());
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within 60 s`);
}

/**
 * Forks `script` the way production starts the api: its own process, NODE_ENV=production,
 * the same node flags as this one (tsx's loader) plus the CPU probe, and `extraArgs`
 * (e.g. --cpu-prof). Both sides of the bench start through here, so their process
 * shape is the same.
 */
export async function forkServer(script: string, env: Record<string, string>, extraArgs: string[] = []): Promise<ForkedServer> {
  const port = await freePort();
  const child = fork(script, [], {
    execArgv: [...process.execArgv, ...extraArgs, "--import", here("./cpu-probe.ts")],
    // eslint-disable-next-line no-restricted-properties -- a child inherits this process's environment, plus its own settings
    env: { ...process.env, ...env, NODE_ENV: "production", API_PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilUp(child, `${url}/api/healthz`);
  } catch (err) {
    await stop();
    throw err;
  }
  const cpuMicros = async () => {
    const answer = once(child, "message") as Promise<[{ cpu: NodeJS.CpuUsage }]>;
    child.send("cpu");
    const [{ cpu }] = await answer;
    return cpu.user + cpu.system;
  };
  return { url, cpuMicros, stop };
}

export const apiMain = here("../apps/api/src/main.ts");
export const bareMain = here("./bare-me-server.ts");

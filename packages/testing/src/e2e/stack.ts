// The e2e suite's stack: Chromium, and Atrium started the way `npm start` starts it — an api process
// (serving the built SPA on its own origin) and, when a story needs one, a worker process, each in its
// own package folder, on a fresh database of the run's test Postgres.
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import type { Db } from "@atrium/db";
import { freePort } from "@atrium/db/embedded";
import { ROOT, apiSpec, startService, waitForApi, waitForWorker, workerSpec, type Service } from "../processes.js";
import { createTestStack } from "../stack.js";

/** The SPA's build, which the api serves. */
export const WEB_DIST = path.join(ROOT, "apps/web/dist");

/** Debian's chromium, not a Playwright download: nothing is fetched at test time. */
export function launchChromium(executablePath = "/usr/bin/chromium"): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export interface E2eStack {
  /** The api's origin, which also serves the SPA. */
  url: string;
  /** The stack's database, for the seed helpers (seed.ts): e2e files never query it themselves. */
  db: Db;
  /** The worker process (with `worker: true`), so a story can stop it, and the id it heartbeats under. */
  worker?: { service: Service; id: string };
  /** The last `lines` lines each process printed, headed by its name: what a failing story prints. */
  tail: (lines?: number) => string;
  close: () => Promise<void>;
}

/**
 * A running api (+ worker with `worker: true`) as separate processes; PUBLIC_URL is the api's
 * own origin so links it builds (the local checkout's return, downloads) come back to it.
 */
export async function startE2eStack(env: Record<string, string> = {}, options: { worker?: boolean } = {}): Promise<E2eStack> {
  if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error(`No SPA build at ${WEB_DIST}. Run \`pnpm --filter @atrium/web build\` first.`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // NODE_ENV explicit: unset means production, which refuses the test stack's dev defaults (admin123);
  // "test" as scripts/test.sh runs the suite (and JSON logs, which loggedWorkerId reads).
  const stack = await createTestStack({ NODE_ENV: "test", API_PORT: String(port), PUBLIC_URL: url, WEB_DIST_DIR: WEB_DIST, LOG_LEVEL: "warn", ...env });
  const services: Service[] = [startService(apiSpec("dev", stack.env))];
  // A free port for the worker's own health/metrics server: never its 8001 default on a shared machine.
  if (options.worker) services.push(startService(workerSpec("dev", { ...stack.env, LOG_LEVEL: "info", WORKER_HTTP_PORT: String(await freePort()) })));
  const close = async () => {
    await Promise.all(services.map((s) => s.stop("SIGTERM", 10_000)));
    await stack.db.drop();
  };
  let worker: E2eStack["worker"];
  try {
    await waitForApi(services[0] as Service, port);
    if (services[1]) {
      await waitForWorker(services[1]);
      worker = { service: services[1], id: loggedWorkerId(services[1]) };
    }
  } catch (err) {
    await close();
    throw err;
  }
  const tail = (lines = 40) => services.map((s) => `--- ${s.name} (last ${lines} lines) ---\n${s.output().trimEnd().split("\n").slice(-lines).map((l) => (l.length > 1000 ? `${l.slice(0, 1000)}…` : l)).join("\n")}`).join("\n");
  return { url, db: stack.db.db, ...(worker ? { worker } : {}), tail, close };
}

/** The id a worker process announces in its JSON "worker started" line, as an operator reads it in the logs. */
function loggedWorkerId(service: Service): string {
  for (const line of service.output().split("\n")) {
    if (!line.includes('"worker started"')) continue;
    const { workerId } = JSON.parse(line) as { workerId?: unknown };
    if (typeof workerId === "string" && workerId) return workerId;
  }
  throw new Error(`${service.name}: no workerId in its "worker started" line:\n${service.output().slice(-4000)}`);
}

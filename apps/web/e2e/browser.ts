// The e2e suite's shared fixture: Chromium, and Atrium started the way `npm start` starts it —
// an api process (serving the built SPA on its own origin) and, when a story needs one, a worker
// process, each in its own package folder, on a fresh database of the run's test Postgres.
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { freePort } from "@atrium/db/embedded";
import type { Db } from "@atrium/db";
import { apiSpec, startService, waitForApi, waitForWorker, workerSpec, type Service } from "../../../test/processes.js";
import { createTestStack } from "../../../test/stack.js";

export const DIST = fileURLToPath(new URL("../dist", import.meta.url));

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
  /** The stack's database, for seeding what no screen can create. */
  db: Db;
  /** The worker's id as its heartbeat shows it (with `worker: true`). */
  workerId?: string;
  /** SIGTERM to the worker process, waiting for it to drain and exit. */
  stopWorker: () => Promise<void>;
  close: () => Promise<void>;
}

/**
 * A running api (+ worker with `worker: true`) as separate processes; PUBLIC_URL is the api's
 * own origin so links it builds (the local checkout's return, downloads) come back to it.
 */
export async function startE2eStack(env: Record<string, string> = {}, options: { worker?: boolean } = {}): Promise<E2eStack> {
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`No SPA build at ${DIST}. Run \`pnpm --filter @atrium/web build\` first.`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const stack = await createTestStack({ API_PORT: String(port), PUBLIC_URL: url, WEB_DIST_DIR: DIST, LOG_LEVEL: "warn", ...env });
  const services: Service[] = [startService(apiSpec("dev", stack.env))];
  if (options.worker) services.push(startService(workerSpec("dev", { ...stack.env, LOG_LEVEL: "info" })));
  const close = async () => {
    await Promise.all(services.map((s) => s.stop("SIGTERM", 10_000)));
    await stack.db.drop();
  };
  const worker = services[1];
  try {
    await waitForApi(services[0] as Service, port);
    if (worker) await waitForWorker(worker);
  } catch (err) {
    await close();
    throw err;
  }
  // Logged at start, as JSON or pretty-printed (colours stripped): workerId: "host-pid-xxxxxx".
  // eslint-disable-next-line no-control-regex
  const workerId = worker?.output().replace(/\x1b\[[0-9;]*m/g, "").match(/workerId"?:\s*"([^"]+)"/)?.[1];
  return { url, db: stack.db.db, workerId, stopWorker: async () => void (await worker?.stop("SIGTERM", 15_000)), close };
}

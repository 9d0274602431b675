// `npm start`: the newcomer path, fast. Builds once (turbo's cache makes a rebuild of unchanged
// code instant), then runs what production runs: the compiled api (also serving the built SPA) on
// :8000, the compiled worker, and the same built SPA on :3000 (`vite preview`: static files plus the
// dev server's /api/ and /trpc/ proxy), on embedded Postgres + a local redis-server.
// Why not Vite's dev server: it serves ~210 unbundled modules per hard navigation (1–2.7 s each
// here, more right after start); the build serves a few hashed bundles. `npm run dev` keeps hot reload.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "@atrium/config";
import { startStack } from "./stack.js";

// An unset NODE_ENV means production (development defaults refused); this launcher is for development.
// eslint-disable-next-line no-restricted-properties -- a launcher sets up the environment of the programs it starts
process.env.NODE_ENV ??= "development";
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const log = (m: string) => console.log(`[start] ${m}`);

log("building (cached by turbo: instant when nothing changed)");
const build = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--filter=@atrium/api", "--filter=@atrium/worker", "--filter=@atrium/web", "--output-logs=errors-only"], { cwd: ROOT, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

const stack = await startStack((m) => console.log(`[stack] ${m}`));
// eslint-disable-next-line no-restricted-properties -- handed on whole to the children, plus the stack's URLs
const env = { ...process.env, DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, WEB_DIST_DIR: path.join(ROOT, "apps/web/dist") };

/** The compiled entry points exactly as `npm run start:api|start:worker` run them, in this NODE_ENV. */
function compiled(app: "api" | "worker"): ChildProcess {
  return spawn(process.execPath, ["--conditions=compiled", "--import", `./apps/${app}/dist/instrument.js`, `apps/${app}/dist/main.js`], { cwd: ROOT, stdio: "inherit", env });
}
const children: Array<{ name: string; child: ChildProcess }> = [
  { name: "api", child: compiled("api") },
  { name: "worker", child: compiled("worker") },
  // The .bin shim execs node, so this pid is vite's own and a signal reaches it.
  { name: "web", child: spawn(path.join(ROOT, "apps/web/node_modules/.bin/vite"), ["preview"], { cwd: path.join(ROOT, "apps/web"), stdio: "inherit", env }) },
];
const { API_PORT, WEB_PORT } = loadConfig();
log(`api + SPA on http://localhost:${API_PORT}, SPA on http://localhost:${WEB_PORT}; log in as admin / admin123`);

let stopping = false;
// The api and worker drain first; the databases they use go down last.
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  const exited = children.map(({ child }) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once("exit", r)) : Promise.resolve()));
  for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 15_000))]);
  await stack.stop();
  process.exit(code);
}
for (const { name, child } of children) {
  child.on("exit", (code) => {
    if (stopping) return;
    log(`${name} exited (${code ?? "signal"}); stopping the rest`);
    void stop(code || 1);
  });
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

// `npm run dev`: databases up, then turbo dev (hot reload: Vite dev server, tsx watch) with their URLs.
// `npm start` (scripts/start.ts) runs the built code instead, which loads pages far faster.
import { spawn } from "node:child_process";
import { startStack } from "./stack.js";

// An unset NODE_ENV means production (development defaults refused); this launcher is for development.
process.env.NODE_ENV ??= "development";

const stack = await startStack((m) => console.log(`[stack] ${m}`));
const child = spawn("pnpm", ["exec", "turbo", "dev", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl },
});

let stopping = false;
const childExited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
// The api and worker drain first; the databases they use go down last.
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.race([childExited, new Promise((r) => setTimeout(r, 15_000))]);
  await stack.stop();
  process.exit(code);
}
child.on("exit", (code) => void stop(code ?? 0));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { apiMain, bareMain, forkServer, type ForkedServer } from "./me-servers.js";
import { startBenchStack } from "./stack.js";

// GET /api/me/ with a bearer session token: the real api process (apps/api/src/main.ts:
// express, helmet, cors, request log, trpc-to-openapi, tRPC, zod, session cache, rate
// limit) against a bare express + pg process running the same query (bare-me.ts).
// Prints; never asserts.
//
// A shared 2-core machine makes req/s jump between runs, so: both servers are forked
// the same way (own process, NODE_ENV=production, same flags), the same load generator
// and connection count hit each, after a warm-up, and each figure is a median over
// rounds with its spread:
// - alternating rounds: bare alone, then the api alone (the order swapped every round);
// - paired rounds: both loaded at once, so whatever else runs on the machine lands on
//   both alike (each gets the CPU share the scheduler gives it, so the ratio is mostly
//   the ratio of their costs).
// Each server reports its own CPU time, so CPU µs per request is the server's alone;
// it moves far less with the machine's load than req/s does.
// `--aa` forks the api twice instead (api vs api): the ratios it prints are the noise floor.
// `--profile DIR` starts the api with --cpu-prof (see bench/cpu-profile-top.ts).
const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "2" },
    rounds: { type: "string", default: "7" },
    connections: { type: "string", default: "10" },
    mode: { type: "string", default: "both" },
    aa: { type: "boolean", default: false },
    profile: { type: "string" },
  },
});
const DURATION_S = Number(args.duration);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);
const WARMUP_S = 2;
const TARGET = 0.8;

interface Sample {
  rate: number;
  cpuPerReq: number;
  problems: number;
}

async function load(server: ForkedServer, token: string, duration: number): Promise<Sample> {
  const cpuBefore = await server.cpuMicros();
  const r = await autocannon({ url: `${server.url}/api/me/`, connections: CONNECTIONS, duration, headers: { authorization: `Bearer ${token}` } });
  const cpu = (await server.cpuMicros()) - cpuBefore;
  return { rate: r.requests.total / r.duration, cpuPerReq: cpu / Math.max(1, r.requests.total), problems: r.non2xx + r.errors + r.timeouts };
}

async function getJson(url: string, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

const keysOf = (o: Record<string, unknown>) => JSON.stringify({ top: Object.keys(o).sort(), user: Object.keys(o.user ?? {}).sort() });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const load1 = () => (os.loadavg()[0] ?? 0).toFixed(1);

const stack = await startBenchStack();
const servers: ForkedServer[] = [];
const stopAll = async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await stack.stop();
};
const stopOnSignal = () => void stopAll().finally(() => process.exit(130));
process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);
try {
  const env = {
    LOG_LEVEL: "silent",
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    SESSION_SECRET: stack.config.SESSION_SECRET,
    BOOTSTRAP_ADMIN_PASSWORD: stack.adminPassword,
    // The limiter stays in the measured path (one Redis call per request), but must not refuse the load.
    RATE_LIMIT_AUTH_PER_HOUR: String(1e9),
  };
  const profileArgs = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
  const api = await forkServer(apiMain, env, profileArgs);
  servers.push(api);
  const bare = await forkServer(args.aa ? apiMain : bareMain, env);
  servers.push(bare);

  const login = await fetch(`${api.url}/api/auth/token/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: stack.adminPassword, rememberMe: true }),
  });
  const { token } = (await login.json()) as { token: string };
  // Both must answer the same thing, or the comparison means nothing.
  const [full, bareAnswer] = await Promise.all([getJson(`${api.url}/api/me/`, token), getJson(`${bare.url}/api/me/`, token)]);
  if (keysOf(full) !== keysOf(bareAnswer)) {
    console.warn(`warning: the bare handler's answer no longer matches me's:\n  api:  ${keysOf(full)}\n  bare: ${keysOf(bareAnswer)}`);
  }

  const modes = args.mode === "both" ? ["alternating", "paired"] : [args.mode ?? "alternating"];
  const baseName = args.aa ? "api#2" : "bare";
  console.log(`GET /api/me/ (session token), ${CONNECTIONS} connections each, ${WARMUP_S} s warm-up each, then ${ROUNDS} rounds of ${DURATION_S} s per mode (${modes.join(", ")})${args.aa ? ", A/A: api vs api" : ""}`);
  console.log(`load average at start: ${load1()} (${os.cpus().length} cores)`);
  await load(bare, token, WARMUP_S);
  await load(api, token, WARMUP_S);

  for (const mode of modes) {
    console.log(`\n${mode === "paired" ? "paired rounds (both loaded at once)" : "alternating rounds (one at a time, order swapped each round)"}:`);
    const rounds: Array<{ bare: Sample; api: Sample }> = [];
    for (let i = 0; i < ROUNDS; i++) {
      let round: { bare: Sample; api: Sample };
      if (mode === "paired") {
        const [b, a] = await Promise.all([load(bare, token, DURATION_S), load(api, token, DURATION_S)]);
        round = { bare: b, api: a };
      } else {
        // Alternate the order, so a load spike that lands on "whoever goes second" evens out.
        const [firstServer, secondServer] = i % 2 === 0 ? [bare, api] : [api, bare];
        const [first, second] = [await load(firstServer, token, DURATION_S), await load(secondServer, token, DURATION_S)];
        round = i % 2 === 0 ? { bare: first, api: second } : { api: first, bare: second };
      }
      rounds.push(round);
      const problems = round.bare.problems + round.api.problems;
      console.log(
        `  round ${i + 1}: ${baseName} ${round.bare.rate.toFixed(0).padStart(5)} req/s ${round.bare.cpuPerReq.toFixed(0).padStart(4)} µs CPU/req   ` +
          `api ${round.api.rate.toFixed(0).padStart(5)} req/s ${round.api.cpuPerReq.toFixed(0).padStart(4)} µs CPU/req   ` +
          `ratio ${(round.api.rate / round.bare.rate).toFixed(2)}x   load ${load1()}` +
          (problems ? `   (${problems} non-2xx/errors/timeouts)` : ""),
      );
    }
    const ratios = rounds.map((r) => r.api.rate / r.bare.rate);
    const ratio = median(ratios);
    const cpuBare = median(rounds.map((r) => r.bare.cpuPerReq));
    const cpuApi = median(rounds.map((r) => r.api.cpuPerReq));
    console.log(
      `  median: ${baseName} ${median(rounds.map((r) => r.bare.rate)).toFixed(0)} req/s, ${cpuBare.toFixed(0)} µs CPU/req; ` +
        `api ${median(rounds.map((r) => r.api.rate)).toFixed(0)} req/s, ${cpuApi.toFixed(0)} µs CPU/req`,
    );
    console.log(`  ratio api / ${baseName} (req/s), ${mode}: median ${ratio.toFixed(2)}x, spread ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}x (target >= ${TARGET}x)${ratio < TARGET ? "  BELOW TARGET" : ""}`);
    console.log(`  CPU per request, ${baseName} / api: ${(cpuBare / cpuApi).toFixed(2)}x (node CPU only; Postgres' share of bare's query is not in it)`);
  }
} finally {
  await stopAll();
}

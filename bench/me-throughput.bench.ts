import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { bareMeApp } from "./bare-me.js";
import { startBenchStack } from "./stack.js";

// GET /api/me/ with a bearer session token: the full api (express, helmet,
// cors, pino-http, trpc-to-openapi, tRPC, zod, drizzle) against a bare express
// + pg handler running the same queries, in one run on one machine. Prints;
// never asserts. Load comes from a worker thread so the servers keep the main
// one; the main thread's busy time per request is the stack's own CPU cost,
// which stays comparable when a shared machine makes req/s noisy.
const { values: args } = parseArgs({ options: { duration: { type: "string", default: "5" } } });
const DURATION_S = Number(args.duration);
const WARMUP_S = 1;
const CONNECTIONS = 10;
const TARGET = 0.8;

async function measure(url: string, token: string, duration: number) {
  return autocannon({ url, connections: CONNECTIONS, duration, workers: 1, headers: { authorization: `Bearer ${token}` } });
}

async function getJson(url: string, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

const keysOf = (o: Record<string, unknown>) => JSON.stringify({ top: Object.keys(o).sort(), user: Object.keys(o.user ?? {}).sort() });

const stack = await startBenchStack();
const stopOnSignal = () => void stack.stop().finally(() => process.exit(130));
process.once("SIGINT", stopOnSignal).once("SIGTERM", stopOnSignal);
try {
  const bareUrl = await stack.listen(bareMeApp(stack.pool()));
  const login = await fetch(`${stack.apiUrl}/api/auth/token/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: stack.adminPassword, rememberMe: true }),
  });
  const { token } = (await login.json()) as { token: string };

  const targets = [
    { name: "full stack (api)", url: `${stack.apiUrl}/api/me/` },
    { name: "bare express + pg", url: `${bareUrl}/api/me/` },
  ];
  // Both must answer the same thing, or the comparison means nothing.
  const [full, bare] = await Promise.all(targets.map((t) => getJson(t.url, token)));
  if (full && bare && keysOf(full) !== keysOf(bare)) {
    console.warn(`warning: the bare handler's answer no longer matches me's:\n  api:  ${keysOf(full)}\n  bare: ${keysOf(bare)}`);
  }

  console.log(`GET /api/me/ (session token), ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s each\n`);
  const rates: number[] = [];
  for (const t of targets) {
    await measure(t.url, token, WARMUP_S);
    const before = performance.eventLoopUtilization();
    const r = await measure(t.url, token, DURATION_S);
    const busyUs = (performance.eventLoopUtilization(before).active * 1000) / r.requests.total;
    const rate = r.requests.total / r.duration;
    rates.push(rate);
    const problems = r.non2xx + r.errors + r.timeouts;
    console.log(
      `${t.name.padEnd(20)} ${rate.toFixed(0).padStart(7)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   ` +
        `${busyUs.toFixed(0)} µs busy/req` +
        (problems ? `   (${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts)` : ""),
    );
  }
  const [fullRate = 0, bareRate = 1] = rates;
  const ratio = fullRate / bareRate;
  console.log(`\nratio full / bare: ${ratio.toFixed(2)}x (target >= ${TARGET}x)${ratio < TARGET ? "  BELOW TARGET" : ""}`);
} finally {
  await stack.stop();
}

import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { stripeBillingService, type ServiceContext } from "@atrium/core";
import { bareWebhookApp } from "./bare-webhook.js";
import { describePerOp, emptyPerOp, measured, startProfile, watchPostgres, type PerOp } from "./per-op.js";
import { startBenchStack } from "./stack.js";

// Stripe webhook events per second through the real route: signature check,
// the stripe_events insert and the reserve credit in one transaction, against
// a bare express + pg handler doing the same check and writes (bare-webhook.ts)
// in the same run (both served by this process). Also replays of an already-applied event (the duplicate
// path), and what the signature check alone costs. Prints; never asserts.
// `--cpu-prof <file>`: a CPU profile of one side only (see per-op.ts), the api's unless `--profile-side bare|once`.
const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "1000" },
    concurrency: { type: "string", default: "10" },
    "cpu-prof": { type: "string" },
    "profile-side": { type: "string", default: "api" },
  },
});
const EVENTS = Number(args.events);
const CONCURRENCY = Number(args.concurrency);
const TARGET = 0.7;
const secret = `whsec_bench_${randomBytes(16).toString("hex")}`;

const stack = await startBenchStack({ STRIPE_WEBHOOK_SECRET: secret });
watchPostgres(stack.postgresDataDir);
const profile = await startProfile(args["cpu-prof"]);
try {
  const login = await fetch(`${stack.apiUrl}/api/auth/token/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: stack.adminPassword }),
  });
  const { token, user } = (await login.json()) as { token: string; user: { accountId: string } };
  const event = (id: string) => ({
    id,
    object: "event",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type: "checkout.session.completed",
    data: {
      object: {
        id: `cs_bench_${id}`,
        object: "checkout.session",
        mode: "payment",
        payment_status: "paid",
        amount_total: 100,
        currency: "usd",
        metadata: { accountId: user.accountId, kind: "reserve_topup" },
      },
    },
  });
  const bareUrl = await stack.listen(bareWebhookApp(stack.pool(), stack.config));
  const onceUrl = await stack.listen(bareWebhookApp(stack.pool(), stack.config, { oneStatement: true }));
  const post = async (body: string, base = stack.apiUrl) => {
    const res = await fetch(`${base}/api/billing/webhook/`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": stripeBillingService.signWebhookPayload(body, secret) },
      body,
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { duplicate?: boolean };
  };
  const run = async (bodies: string[], base = stack.apiUrl) => {
    let next = 0;
    const start = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < bodies.length) await post(bodies[next++] as string, base); }));
    return bodies.length / ((performance.now() - start) / 1000);
  };

  const newEvents = (n: number, tag: string) => Array.from({ length: n }, () => JSON.stringify(event(`evt_${tag}_${randomBytes(8).toString("hex")}`)));
  await run(newEvents(50, "warm"));
  await run(newEvents(50, "bwarm"), bareUrl);
  await run(newEvents(50, "owarm"), onceUrl);
  // Halves alternate the order so drift on a shared machine hits every side alike.
  const sides = { api: stack.apiUrl, bare: bareUrl, once: onceUrl };
  type Side = keyof typeof sides;
  const ms: Record<Side, number> = { api: 0, bare: 0, once: 0 };
  const cost: Record<Side, PerOp> = { api: emptyPerOp(), bare: emptyPerOp(), once: emptyPerOp() };
  for (const half of [0, 1]) {
    for (const side of (half ? ["once", "bare", "api"] : ["api", "bare", "once"]) as Side[]) {
      const n = EVENTS / 2;
      const bodies = newEvents(n, side);
      const go = () => run(bodies, sides[side]);
      const rate = await measured(cost[side], n, () => (side === args["profile-side"] ? profile.profiled(go) : go()));
      ms[side] += (n / rate) * 1000;
    }
  }
  const fresh = (EVENTS / ms.api) * 1000;
  const bare = (EVENTS / ms.bare) * 1000;
  const once = (EVENTS / ms.once) * 1000;
  const replay = JSON.stringify(event("evt_replayed_once"));
  await post(replay);
  const duplicates = await run(Array.from({ length: EVENTS }, () => replay));

  const balance = await fetch(`${stack.apiUrl}/api/billing/reserve/balance/`, { headers: { authorization: `Bearer ${token}` } });
  const { balanceCents } = (await balance.json()) as { balanceCents: number };
  console.log(`Stripe webhook, ${EVENTS} events, ${CONCURRENCY} concurrent deliveries\n`);
  // The signature check alone: Stripe's HMAC over the raw body plus the envelope's shape, in-process.
  const sample = Buffer.from(replay);
  const header = stripeBillingService.signWebhookPayload(replay, secret);
  const checks = 2000;
  const t0 = performance.now();
  for (let i = 0; i < checks; i++) stripeBillingService.verifyStripeDelivery({ config: stack.config } as ServiceContext, sample, header);
  const checkUs = ((performance.now() - t0) * 1000) / checks;
  const ratio = fresh / bare;
  console.log(`new events (api)  ${fresh.toFixed(0).padStart(6)} events/s`);
  console.log(`new events (bare) ${bare.toFixed(0).padStart(6)} events/s   (express + pg: signature check + the same writes in one transaction)`);
  console.log(`bare, one statement ${once.toFixed(0).padStart(5)} events/s   (the same writes as one statement, as the api does them)`);
  console.log(`  per event, api:  ${describePerOp(cost.api)}`);
  console.log(`  per event, bare: ${describePerOp(cost.bare)}`);
  console.log(`  per event, bare one statement: ${describePerOp(cost.once)}`);
  console.log(`duplicate replays ${duplicates.toFixed(0).padStart(6)} events/s`);
  console.log(`signature check   ${checkUs.toFixed(0).padStart(6)} µs/event (${sample.length} byte body)`);
  console.log(`\nratio api / bare: ${ratio.toFixed(2)}x (target >= ${TARGET}x)${ratio < TARGET ? "  BELOW TARGET" : ""}`);
  console.log(`ratio api / bare one statement: ${(fresh / once).toFixed(2)}x (what the framework costs on the same writes)`);
  console.log(`balance ${balanceCents} cents = ${(3 * (50 + EVENTS) + 1) * 100} expected (each event credited once, by the api or a bare handler)`);
} finally {
  await profile.stop();
  await stack.stop();
}

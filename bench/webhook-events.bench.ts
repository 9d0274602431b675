import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { stripeBillingService } from "@atrium/core";
import { startBenchStack } from "./stack.js";

// Stripe webhook events per second through the real route: signature check,
// the stripe_events insert and the reserve credit in one transaction. Also
// replays of an already-applied event (the duplicate path). Prints; never asserts.
const { values: args } = parseArgs({ options: { events: { type: "string", default: "1000" }, concurrency: { type: "string", default: "10" } } });
const EVENTS = Number(args.events);
const CONCURRENCY = Number(args.concurrency);
const secret = `whsec_bench_${randomBytes(16).toString("hex")}`;

const stack = await startBenchStack({ STRIPE_WEBHOOK_SECRET: secret });
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
  const post = async (body: string) => {
    const res = await fetch(`${stack.apiUrl}/api/billing/webhook/`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": stripeBillingService.signWebhookPayload(body, secret) },
      body,
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { duplicate?: boolean };
  };
  const run = async (bodies: string[]) => {
    let next = 0;
    const start = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (next < bodies.length) await post(bodies[next++] as string); }));
    return bodies.length / ((performance.now() - start) / 1000);
  };

  await run(Array.from({ length: 50 }, () => JSON.stringify(event(`evt_warm_${randomBytes(6).toString("hex")}`))));
  const fresh = await run(Array.from({ length: EVENTS }, () => JSON.stringify(event(`evt_${randomBytes(8).toString("hex")}`))));
  const replay = JSON.stringify(event("evt_replayed_once"));
  await post(replay);
  const duplicates = await run(Array.from({ length: EVENTS }, () => replay));

  const balance = await fetch(`${stack.apiUrl}/api/billing/reserve/balance/`, { headers: { authorization: `Bearer ${token}` } });
  const { balanceCents } = (await balance.json()) as { balanceCents: number };
  console.log(`Stripe webhook, ${EVENTS} events, ${CONCURRENCY} concurrent deliveries\n`);
  console.log(`new events        ${fresh.toFixed(0).padStart(6)} events/s`);
  console.log(`duplicate replays ${duplicates.toFixed(0).padStart(6)} events/s`);
  console.log(`\nbalance ${balanceCents} cents = ${(50 + EVENTS + 1) * 100} expected (each event credited once)`);
} finally {
  await stack.stop();
}

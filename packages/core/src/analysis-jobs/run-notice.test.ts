import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "@atrium/db";
import { createLocalAnalyzer } from "../analyzers/local/local.analyzer.js";
import { newAccount, startBillingTestEnv, type BillingTestEnv } from "../billing/billing.test-helpers.js";
import { creditReserve } from "../billing/ledger.service.js";
import { updatePreferences } from "../notifications/notification.service.js";
import type { RealtimePublisher } from "../realtime/realtime.service.js";
import type { TRealtimeEvent } from "../realtime/realtime.schema.js";
import { runAnalysisJob, type RunAttempt } from "./run.service.js";
import type { RunDeps } from "./run.steps.js";

// A job's bell is decided by its starter's preference as the job ends, not by a change they make once
// they see it ended (notifications.e2e: turn job notices off, run a job, see it succeed, turn them back on:
// that job must ring nothing). The observer below is the person watching: at the job's end (its status
// published, i.e. after its commit) they flip the preference back on, before the run goes on.
let env: BillingTestEnv;
const firstAttempt: RunAttempt = { attemptsMade: 0, last: true, postpone: async () => {} };

beforeAll(async () => {
  env = await startBillingTestEnv();
  // A compute second at $10: a noop job with a declared wait is paid (debited in its finish's transaction), one without is free.
  await env.ctx.db.update(schema.prices).set({ unitPriceMillicents: 1_000_000 }).where(eq(schema.prices.item, "compute"));
});
afterAll(async () => {
  await env?.close();
});

async function starterOf(accountId: string) {
  const [user] = await env.ctx.db.select().from(schema.users).where(eq(schema.users.accountId, accountId));
  if (!user) throw new Error("no owner");
  return user;
}

const setChannel = (user: { id: string; username: string; accountId: string | null }, kind: "job.finished" | "job.failed", channel: "in_app" | "off") =>
  updatePreferences(env.ctx, { userId: user.id, username: user.username, accountId: user.accountId, isStaff: false }, { preferences: [{ kind, channel }] });

describe("a run's bell", () => {
  it.each([
    ["a free run", { steps: 0 }, "job.finished"],
    ["a paid run", { steps: 1, stepMs: 10 }, "job.finished"],
    ["a failed run", { steps: "many" }, "job.failed"],
  ] as const)("%s rings by the preference as it ended, not as its starter changed it on seeing the end", async (_name, input, kind) => {
    const { accountId } = await newAccount(env.ctx);
    await creditReserve(env.ctx.db, { accountId, amountCents: 10_000, idempotencyKey: `seed-${accountId}` });
    const starter = await starterOf(accountId);
    const published: TRealtimeEvent[] = [];
    const flipOnEnd: RealtimePublisher = {
      async publish(_topics, event) {
        published.push(event);
        if (event.type === "job.updated" && event.status !== "running") await setChannel(starter, kind, "in_app");
      },
    };
    const deps: RunDeps = { ...env.ctx, realtime: flipOnEnd, analyzer: createLocalAnalyzer() };
    const quietJob = async () => {
      await setChannel(starter, kind, "off");
      const [job] = await env.ctx.db.insert(schema.jobs).values({ accountId, type: "noop", input, createdById: starter.id }).returning();
      if (!job) throw new Error("no job");
      await runAnalysisJob(deps, firstAttempt, job.id).catch(() => undefined);
      return job.id;
    };

    const quiet = await quietJob();
    expect(published.some((e) => e.type === "job.updated" && e.jobId === quiet && e.status !== "running")).toBe(true);
    expect(await env.ctx.db.select().from(schema.notifications).where(eq(schema.notifications.userId, starter.id))).toEqual([]);
    expect(published.filter((e) => e.type === "notification.created")).toEqual([]);

    // With the kind on as the job ends, it rings: the bell row, then its live event.
    await setChannel(starter, kind, "in_app");
    const loud = await (async () => {
      const [job] = await env.ctx.db.insert(schema.jobs).values({ accountId, type: "noop", input, createdById: starter.id }).returning();
      if (!job) throw new Error("no job");
      await runAnalysisJob({ ...deps, realtime: { publish: async (_t, e) => void published.push(e) } }, firstAttempt, job.id).catch(() => undefined);
      return job.id;
    })();
    const rung = await env.ctx.db.select().from(schema.notifications).where(eq(schema.notifications.userId, starter.id));
    expect(rung.map((n) => [n.kind, n.link])).toEqual([[kind, `/jobs/${loud}`]]);
    expect(published.filter((e) => e.type === "notification.created")).toEqual([{ type: "notification.created", notificationId: rung[0]?.id, kind }]);
  });
});

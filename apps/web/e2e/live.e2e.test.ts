import type { Page, Request } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient, existingUser, grantCredit, homeAccountOf, jobStatusOf, joinAccount, userNamed } from "@atrium/testing/e2e";
import { e2eSuite } from "./harness.js";

// Live views without polling. The per-user request budget (RATE_LIMIT_AUTH_PER_HOUR; its window is an hour
// and not configurable, so the budget is what's small) covers signing in twice, opening the pages and the
// refetches the two jobs' changes cause (30 was too few for that, measured); the polling SPA spent more than
// the rest again on these pages: queues every 3 s, jobs every 2–10 s, balance every 15 s, a job page every 1 s.
// Jobs are started through the API (SDK, bearer token, the same user) as an integrator would. The refetches the
// stream's open replay causes on each page load (the events of the 10 s before it) took the first two tests to
// 51–55 calls (measured, counted per procedure as the limit counts them), hence 70; the opening-gap step watches
// as a member of the same account, on a budget of its own.
const BUDGET = 70;
const suite = e2eSuite({ worker: true, dataDir: true, env: { ALLOW_NOOP_JOBS: "true", RATE_LIMIT_AUTH_PER_HOUR: String(BUDGET) } });
let api: ReturnType<typeof createClient>;

/** The realtime stream itself is one long request (or a reconnect); everything else is a fetch of data. */
const isStream = (url: string) => url.includes("events.stream") || url.includes("/api/events");
const isApiCall = (r: Request) => {
  const { pathname } = new URL(r.url());
  return (pathname.startsWith("/trpc/") || pathname.startsWith("/api/")) && !isStream(r.url());
};

/** Every api call and every 429 a page makes from now on. */
function watch(page: Page) {
  const calls: string[] = [];
  const refused: string[] = [];
  page.on("request", (r) => {
    if (isApiCall(r)) calls.push(new URL(r.url()).pathname);
  });
  page.on("response", (r) => {
    if (r.status() === 429) refused.push(new URL(r.url()).pathname);
  });
  return { calls, refused };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  const accountId = await homeAccountOf(suite.stack(), "admin");
  await grantCredit(suite.stack(), { accountId, amountCents: 5_000, idempotencyKey: "e2e-live-credit", reason: "e2e opening credit" });
  const { token } = await createClient({ baseUrl: suite.baseUrl() }).auth.token.mutate({ username: "admin", password: "admin123" });
  api = createClient({ baseUrl: suite.baseUrl(), token });
});

describe("live views over the realtime stream", () => {
  it("Admin → Jobs left open: no polling and no 429, while a job started through the API appears and finishes on the page", async () => {
    const page = await suite.adminPage({ width: 1280, height: 900 });
    let loads = 0;
    page.on("load", () => loads++);
    // In-app navigation, as staff click through: the SPA and its stream stay loaded.
    await page.locator('nav a[href="/admin/jobs"]').click();
    await page.getByRole("heading", { name: "All jobs" }).waitFor();
    await page.getByTestId("queue-row").first().waitFor();
    const traffic = watch(page);
    loads = 0;

    // Longer than every old poll interval several times over (2–15 s): a polling page would have asked again and again.
    await sleep(25_000);
    expect(traffic.calls).toEqual([]);

    const job = await api.jobs.create.mutate({ type: "noop", input: { steps: 4, stepMs: 400 } });
    const row = page.locator(`[data-testid=system-job-row][data-job-id="${job.id}"]`);
    await row.waitFor();
    await page.locator(`[data-testid=system-job-row][data-job-id="${job.id}"][data-status=success]`).waitFor({ timeout: 30_000 });
    expect(loads).toBe(0);
    expect(traffic.refused).toEqual([]);
    // Only refetches the job's changes caused (queued, running, success, throttled), not a steady stream.
    expect(traffic.calls.length).toBeLessThan(15);
    await page.context().close();
  }, 90_000);

  it("a user watching a job's page sees its timeline grow and its status turn to success without a reload", async () => {
    const page = await suite.adminPage();
    const job = await api.jobs.create.mutate({ type: "noop", input: { steps: 6, stepMs: 700 } });
    let loads = 0;
    page.on("load", () => loads++);
    await page.goto(suite.url(`/jobs/${job.id}`));
    const timeline = page.getByTestId("job-timeline");
    await timeline.waitFor();
    const traffic = watch(page);
    loads = 0;
    const events = timeline.getByTestId("timeline-event");
    // The page opened before the run ended: it saw fewer events than the finished timeline has, then more arrived.
    const first = await events.count();
    await timeline.locator("[data-testid=timeline-event][data-type='job.succeeded']").waitFor({ timeout: 30_000 });
    await page.locator("[data-testid=job-status][data-status=success]").first().waitFor();
    const last = await events.count();
    expect(first).toBeLessThan(last);
    expect(last).toBe(1 + 1 + 6 + 1); // queued, running, a step each, succeeded
    const types = await events.evaluateAll((items) => items.map((el) => el.getAttribute("data-type")));
    expect(types[0]).toBe("job.queued");
    expect(types.at(-1)).toBe("job.succeeded");
    expect(loads).toBe(0);
    // The steps arrived on the stream: the timeline was asked for again at most twice, never per step (6 steps of
    // 700 ms): the catch-up at the end, and once when the page's first read raced the stream's opening (a start's
    // events now leave in one batched write, so they can land between the two).
    // Counted per procedure, as the rate limit counts them: a batch may carry several.
    expect(traffic.calls.flatMap((p) => p.split(",")).filter((p) => p.includes("jobs.events")).length).toBeLessThanOrEqual(2);
    expect(traffic.refused).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("a job that ends after its page's reads but before the page's stream is open still turns to success without a reload", async () => {
    await existingUser(suite.stack(), { username: "gapwatcher", password: "gapwatcher-pw-1", verified: true });
    await joinAccount(suite.stack(), { accountId: await homeAccountOf(suite.stack(), "admin"), userId: (await userNamed(suite.stack(), "gapwatcher")).id });
    const page = await suite.newPage();
    await suite.signIn(page, "gapwatcher", "gapwatcher-pw-1");
    await page.getByRole("heading", { name: /^Welcome/ }).waitFor();
    // The page's new stream is held back until the job has ended: what it published meanwhile reaches the page
    // only if the stream replays it on opening (before, the page stayed "running" until some later event).
    let streamAsked = false;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/events\.stream/, async (route) => {
      streamAsked = true;
      await held;
      await route.continue();
    });
    const job = await api.jobs.create.mutate({ type: "noop", input: { steps: 4, stepMs: 750 } });
    let loads = 0;
    page.on("load", () => loads++);
    await page.goto(suite.url(`/jobs/${job.id}`));
    await page.getByTestId("job-timeline").waitFor();
    await page.locator("[data-testid=job-status]").first().waitFor();
    await expect.poll(() => streamAsked).toBe(true);
    loads = 0;
    await expect.poll(() => jobStatusOf(suite.stack(), job.id), { timeout: 30_000 }).toBe("success");
    release();
    await page.locator("[data-testid=job-status][data-status=success]").first().waitFor({ timeout: 15_000 });
    await page.locator("[data-testid=timeline-event][data-type='job.succeeded']").waitFor();
    expect(loads).toBe(0);
    await page.context().close();
  }, 60_000);
});

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@atrium/testing/e2e";
import { e2eSuite, navLink, shot } from "./harness.js";

// Issue 12, the notification center: a job the worker (its own process) finishes rings the bell of the
// page that is already open, with no reload and no polling; the panel marks everything read; Settings →
// Notifications turns a kind off, and the next job rings nothing.
const suite = e2eSuite({ worker: true, env: { RATE_LIMIT_ENABLED: "false", ALLOW_NOOP_JOBS: "true" } });
let page: Page;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  page = await suite.adminPage({ width: 1280, height: 860 });
  const { token } = await createClient({ baseUrl: suite.baseUrl() }).auth.token.mutate({ username: "admin", password: "admin123" });
  client = createClient({ baseUrl: suite.baseUrl(), token });
  const me = await client.auth.me.query();
  if (!me.account) throw new Error("the admin has no account");
  await client.billing.admin.adjust.mutate({ tenantId: me.account.id, amountCents: 500, reason: "Credit for the notification story" });
});

const bell = () => page.getByTestId("notification-bell");
const unread = async () => Number(await bell().getAttribute("data-unread"));

/** Starts a test job through the API (as a script would) and waits until the worker has finished it. */
async function runJob(): Promise<string> {
  const { id } = await client.jobs.create.mutate({ type: "noop", input: {} });
  await expect.poll(async () => (await client.jobs.get.query({ id })).status, { timeout: 20_000 }).toBe("success");
  return id;
}

describe("the notification bell", () => {
  it("counts up live when a job finishes while the page is open", async () => {
    await bell().waitFor();
    expect(await unread()).toBe(0);
    await runJob();
    await expect.poll(unread, { timeout: 15_000 }).toBe(1);
    await shot(page, "notification-bell");
  });

  it("lists the notice in the panel, links to the job, and marks everything read", async () => {
    await runJob();
    await expect.poll(unread, { timeout: 15_000 }).toBe(2);
    await bell().click();
    const panel = page.getByTestId("notification-panel");
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId("notification").count()).toBe(2);
    expect(await panel.getByTestId("notification").first().textContent()).toContain("Test job finished");
    await shot(page, "notification-panel");
    await panel.getByRole("button", { name: "Mark all read" }).click();
    await expect.poll(unread).toBe(0);
    await expect.poll(() => panel.locator('[data-testid="notification"][data-unread="true"]').count()).toBe(0);
    await page.keyboard.press("Escape");
  });

  it("turns job notices off in Settings → Notifications; the next job rings nothing", async () => {
    await navLink(page, "Notifications").click();
    await page.getByRole("heading", { name: "Notifications" }).waitFor();
    const row = page.getByTestId("pref-job.finished");
    await row.getByText("Off", { exact: true }).click();
    await expect.poll(async () => (await client.notifications.preferences.query()).items.find((p) => p.kind === "job.finished")?.channel).toBe("off");
    await shot(page, "notification-settings");
    const quiet = await runJob();
    // A notice is written just after the job's status commits, so "nothing yet" proves little by itself: turn the kind
    // back on and run one more. The bell then counts exactly that one, never the job that ran while it was off.
    await client.notifications.updatePreferences.mutate({ preferences: [{ kind: "job.finished", channel: "in_app" }] });
    const loud = await runJob();
    await expect.poll(unread, { timeout: 15_000 }).toBe(1);
    const links = (await client.notifications.list.query({ unread: true })).items.map((n) => n.link);
    expect(links).toEqual([`/jobs/${loud}`]);
    expect(links).not.toContain(`/jobs/${quiet}`);
  });
});

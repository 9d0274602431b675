import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { addSubscriptions, costedRun, priceOf, userNamed, type E2eStack } from "@atrium/testing/e2e";
import { e2eSuite, shot } from "./harness.js";

// PUBLIC_URL = this api's own url: the local checkout redirects back to the SPA it serves.
const suite = e2eSuite({ env: { SIGNUP_MODE: "open", RATE_LIMIT_AUTH_PER_MINUTE: "100" } });
const { baseUrl } = suite;
/** A new user in open signup mode: owner of their own workspace, with an empty reserve. */
let rita: Page;
/** The staff admin, in a browser context of their own. */
let admin: Page;

beforeAll(async () => {
  rita = await suite.newPage();
  admin = await suite.newPage();
});

/** "$1,234.56" → 123456: compare what the status bar shows to the cent. */
function cents(text: string | null): number {
  const match = /(-)?\$([\d,]+)\.(\d{2})/.exec(text ?? "");
  if (!match) throw new Error(`not an amount: ${text}`);
  const value = Number((match[2] ?? "").replaceAll(",", "")) * 100 + Number(match[3]);
  return match[1] ? -value : value;
}

const statusBarCents = async (page: Page) => cents(await page.getByTestId("balance").textContent());

async function waitForStatusBar(page: Page, expected: string) {
  await page.getByTestId("balance").filter({ hasText: expected }).waitFor();
}

const DAY_MS = 24 * 3600 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS);

/**
 * What the worker and Stripe would have left behind, written straight to the
 * database: three subscriptions (MRR $29 + $240/12 = $49.00, ARR $588.00; of the
 * two paying 30 days ago one canceled: churn 50%) and three costed job runs of
 * rita's on different days ($1.25 + $0.40 + $2.10, debited from her reserve).
 */
async function seedRevenueAndUsage(test: E2eStack, accountId: string): Promise<void> {
  const sub = (id: string, amountCents: number, interval: string, status: string, startedAt: Date, canceledAt: Date | null = null) => ({
    id,
    accountId,
    plan: `plan-${id}`,
    amountCents,
    interval,
    status,
    startedAt,
    canceledAt,
    lastEventAt: canceledAt ?? startedAt,
  });
  await addSubscriptions(test, [
    sub("sub_e2e_monthly", 2900, "month", "active", daysAgo(45)),
    sub("sub_e2e_canceled", 1500, "month", "canceled", daysAgo(60), daysAgo(5)),
    sub("sub_e2e_yearly", 24000, "year", "active", daysAgo(10)),
  ]);
  const runs = [
    { runId: "run-e2e-1", jobType: "document.analyze", totalCents: 125, daysAgo: 4 },
    { runId: "run-e2e-2", jobType: "embedding.index", totalCents: 40, daysAgo: 2 },
    { runId: "run-e2e-3", jobType: "document.analyze", totalCents: 210, daysAgo: 0 },
  ];
  // The report groups by the day a run happened; spread them out so the chart has several bars.
  for (const run of runs) await costedRun(test, { accountId, runId: run.runId, jobType: run.jobType, totalCents: run.totalCents, occurredAt: daysAgo(run.daysAgo) });
}

// One story, in order: each step builds on the last.
describe("billing in the SPA", () => {
  it("shows a new user's empty balance in the status bar", async () => {
    await rita.goto(`${baseUrl()}/signup`);
    await rita.getByLabel("Username").fill("rita");
    await rita.getByLabel("Email").fill("rita@example.com");
    await rita.getByLabel("Password", { exact: true }).fill("copper-meadow-signal-31");
    await rita.getByRole("button", { name: "Create account" }).click();
    await rita.getByRole("heading", { name: "Welcome, rita" }).waitFor();

    await waitForStatusBar(rita, "$0.00");
    // A new tenant starts on the `block` policy (BILLING_DEFAULT_POLICY): with nothing in the reserve, nothing paid runs.
    expect(await rita.getByTestId("balance").getAttribute("data-state")).toBe("blocked");
  });

  it("opens /billing from the status bar, with an empty ledger", async () => {
    await rita.getByTestId("balance").click();
    await rita.waitForURL("**/billing");
    await rita.getByRole("heading", { name: "Billing" }).waitFor();
    await rita.getByTestId("balance-amount").filter({ hasText: "$0.00" }).waitFor();
    await rita.getByText("No transactions yet").waitFor();
    // Rita owns her workspace, so the policy is hers to change.
    await rita.getByRole("button", { name: "Save policy" }).waitFor();
    await shot(rita, "billing-empty");
  });

  it("shows the server's top-up range before it is hit, and refuses an amount under it", async () => {
    await rita.getByRole("button", { name: "Top up" }).click();
    const dialog = rita.getByRole("dialog", { name: "Top up your balance" });
    // TOPUP_MIN_DOLLARS / TOPUP_MAX_DOLLARS, from GET /api/limits/, under the field.
    await dialog.getByText(/^Any amount from \$5\.00 to \$[\d,]+\.\d\d$/).waitFor();
    await dialog.getByLabel("Amount").fill("2");
    await dialog.getByRole("button", { name: "Continue to checkout" }).click();
    await dialog.getByText(/^Any amount from \$5\.00 to \$[\d,]+\.\d\d\.$/).waitFor();
    await dialog.locator("button[type=submit]:not([data-loading])").waitFor();
    await shot(rita, "topup-error");
  });

  it("tops up $50 through the local checkout and sees every cent in the status bar and the ledger", async () => {
    const before = await statusBarCents(rita);
    const dialog = rita.getByRole("dialog", { name: "Top up your balance" });
    await dialog.getByRole("button", { name: "$50.00" }).click();
    expect(await dialog.getByLabel("Amount").inputValue()).toBe("$50");
    await shot(rita, "topup-dialog");
    await dialog.getByRole("button", { name: "Continue to checkout" }).click();

    // The api's own checkout page: plain HTML, no script.
    await rita.waitForURL("**/api/billing/local-checkout/**");
    await rita.getByText("$50.00").first().waitFor();
    await shot(rita, "local-checkout");
    await rita.getByRole("button", { name: "Pay $50.00" }).click();

    // Back on /billing; the return query is stripped once handled.
    await rita.waitForURL((url) => url.pathname === "/billing" && url.search === "");
    await rita.getByText("Payment received").waitFor();
    await waitForStatusBar(rita, "$50.00");
    expect((await statusBarCents(rita)) - before).toBe(5000);
    expect(await rita.getByTestId("balance").getAttribute("data-state")).toBe("ok");

    const row = rita.getByTestId("ledger-row").filter({ hasText: "+$50.00" });
    await row.waitFor();
    expect(await row.getAttribute("data-type")).toBe("credit");
    expect(await rita.getByTestId("ledger-row").count()).toBe(1);
    await rita.getByTestId("balance-amount").filter({ hasText: "$50.00" }).waitFor();
    await shot(rita, "billing-after-topup");
  });

  it("comes back from a cancelled checkout with a notice and the balance unchanged", async () => {
    await rita.getByRole("button", { name: "Top up" }).click();
    const dialog = rita.getByRole("dialog", { name: "Top up your balance" });
    await dialog.getByRole("button", { name: "$10.00" }).click();
    await dialog.getByRole("button", { name: "Continue to checkout" }).click();
    await rita.waitForURL("**/api/billing/local-checkout/**");
    await rita.getByRole("link", { name: "Cancel" }).click();

    await rita.waitForURL((url) => url.pathname === "/billing" && url.search === "");
    await rita.getByText("Top-up cancelled").waitFor();
    await waitForStatusBar(rita, "$50.00");
    expect(await rita.getByTestId("ledger-row").count()).toBe(1);
  });

  it("turns the status bar amber when low and red when blocked", async () => {
    const policy = rita.getByTestId("policy-card");
    await policy.getByRole("combobox", { name: "When the balance runs low" }).click();
    await rita.getByRole("option", { name: /^Warn/ }).click();
    await policy.getByLabel("Low-balance threshold").fill("75");
    await policy.getByRole("button", { name: "Save policy" }).click();
    await rita.locator("[data-testid=balance][data-state=low]").waitFor();
    await rita.locator("button[type=submit]:not([data-loading])").waitFor();

    await policy.getByRole("combobox", { name: "When the balance runs low" }).click();
    await rita.getByRole("option", { name: /^Block/ }).click();
    await policy.getByRole("button", { name: "Save policy" }).click();
    await rita.locator("[data-testid=balance][data-state=blocked]").waitFor();
    await rita.getByTestId("balance-policy").filter({ hasText: "Block" }).waitFor();
    await rita.locator("button[type=submit]:not([data-loading])").waitFor();
    await shot(rita, "billing-blocked");
  });

  it("keeps the admin billing area from non-staff users", async () => {
    await rita.goto(`${baseUrl()}/admin/billing`);
    await rita.getByTestId("forbidden").waitFor();
  });

  it("lets the admin adjust a tenant's balance, requiring a reason", async () => {
    await suite.signIn(admin);
    await admin.getByRole("heading", { name: /^Welcome/ }).waitFor();
    await waitForStatusBar(admin, "$0.00");

    await admin.getByRole("navigation").getByRole("link", { name: "Billing" }).last().click();
    await admin.waitForURL("**/admin/billing");
    const form = admin.getByTestId("adjust-form");
    await form.getByRole("combobox", { name: "Account" }).fill("rita");
    await admin.getByRole("option", { name: /rita's workspace/ }).click();
    await form.getByTestId("adjust-current-balance").filter({ hasText: "$50.00" }).waitFor();
    await form.getByLabel("Amount").fill("25");
    await form.getByRole("button", { name: "Review adjustment" }).click();
    await form.getByText("A reason is required").waitFor();
    await shot(admin, "admin-adjust-error");

    await form.getByLabel("Reason").fill("Goodwill credit for the outage");
    await form.getByRole("button", { name: "Review adjustment" }).click();
    const confirm = admin.getByRole("dialog", { name: "Confirm the adjustment" });
    await confirm.getByTestId("adjust-after").filter({ hasText: "$75.00" }).waitFor();
    await confirm.getByRole("button", { name: "Apply adjustment" }).click();
    await form.getByTestId("adjust-new-balance").filter({ hasText: "$75.00" }).waitFor();
    await shot(admin, "admin-adjust-done");
  });

  it("shows the adjustment in the tenant's ledger and status bar", async () => {
    await rita.goto(`${baseUrl()}/billing`);
    await waitForStatusBar(rita, "$75.00");
    const row = rita.getByTestId("ledger-row").filter({ hasText: "Goodwill credit for the outage" });
    await row.filter({ hasText: "+$25.00" }).filter({ hasText: "by admin" }).waitFor();
    expect(await row.getAttribute("data-type")).toBe("adjustment");

    // The type filter narrows the ledger to the top-up.
    await rita.getByRole("radiogroup", { name: "Filter by type" }).getByText("Credit", { exact: true }).click();
    await expect.poll(() => rita.getByTestId("ledger-row").count()).toBe(1);
    expect(await rita.getByTestId("ledger-row").getAttribute("data-type")).toBe("credit");
  });

  it("shows job-run debits in the ledger, each with the balance after it", async () => {
    const user = await userNamed(suite.stack(), "rita");
    if (!user.accountId) throw new Error("rita has no home account");
    await seedRevenueAndUsage(suite.stack(), user.accountId);

    await rita.reload();
    await waitForStatusBar(rita, "$71.25");
    await rita.getByTestId("ledger-row").first().waitFor();
    expect(await rita.getByTestId("ledger-row").count()).toBe(5);
    const debits = rita.locator("[data-testid=ledger-row][data-type=debit]");
    expect(await debits.count()).toBe(3);
    await debits.filter({ hasText: "-$2.10" }).filter({ hasText: "$71.25" }).waitFor();
    await shot(rita, "billing-ledger");
  });

  it("shows revenue metrics, usage costs and the ledger export", async () => {
    await admin.reload();
    await admin.getByTestId("metric-topups-value").filter({ hasText: "$50.00" }).waitFor();
    await admin.getByTestId("metric-mrr-value").filter({ hasText: "$49.00" }).waitFor();
    await admin.getByTestId("metric-arr-value").filter({ hasText: "$588.00" }).waitFor();
    await admin.getByTestId("metric-churn-value").filter({ hasText: "50%" }).waitFor();
    await admin.locator("[data-testid=mrr-chart] .recharts-surface").first().waitFor();
    await admin.locator("[data-testid=topups-chart] .recharts-surface").first().waitFor();
    // One drawn bar per (day, job type) with a cost; empty days draw none.
    await expect.poll(() => admin.locator("[data-testid=usage-chart] path.recharts-rectangle").count()).toBe(3);
    expect(await admin.getByTestId("usage-row").count()).toBe(3);
    await admin.getByTestId("usage-costs").filter({ hasText: "$3.75 · 3 runs" }).waitFor();
    await shot(admin, "admin-billing", { fullPage: true });

    const href = (await admin.getByTestId("ledger-export").getAttribute("href")) ?? "";
    const csv = await admin.context().request.get(`${baseUrl()}${href}`);
    expect(csv.status()).toBe(200);
    const body = await csv.text();
    expect(body).toContain("Goodwill credit for the outage");
    expect(body).toContain("5000");
  });

  it("lets staff edit a price in the Prices table, refusing a negative one with the server's message", async () => {
    const row = admin.getByTestId("price-row").filter({ hasText: "compute:resume_match" }).filter({ hasText: "job run" });
    await row.waitFor();
    await row.getByRole("button", { name: /Edit the price/ }).click();
    const input = row.getByRole("textbox", { name: /Price of compute:resume_match per job run/ });
    await input.fill("-1");
    await row.getByRole("button", { name: "Save" }).click();
    await row.getByText("Price cannot be negative").waitFor();
    await input.fill("3.5");
    await row.getByRole("button", { name: "Save" }).click();
    await row.filter({ hasText: "3.5 ¢" }).waitFor();
    const saved = await priceOf(suite.stack(), "compute:resume_match", "job run");
    expect(saved?.unitPriceMillicents).toBe(3500);
  });

  it("narrows the admin billing page to a date range kept in the URL", async () => {
    await admin.goto(`${baseUrl()}/admin/billing?startDate=2020-01-01&endDate=2020-01-31`);
    await admin.getByTestId("usage-empty").waitFor();
    await admin.getByTestId("metric-topups-value").filter({ hasText: "$0.00" }).waitFor();
    // Nothing was subscribed in 2020.
    await admin.getByTestId("metric-mrr-value").filter({ hasText: "$0.00" }).waitFor();
    expect(await admin.getByRole("button", { name: "Date range" }).textContent()).toContain("Jan 1, 2020 – Jan 31, 2020");
    const href = (await admin.getByTestId("ledger-export").getAttribute("href")) ?? "";
    expect(href).toContain("from=2020-01-01");
    expect(href).toContain("to=2020-01-31");
  });
});

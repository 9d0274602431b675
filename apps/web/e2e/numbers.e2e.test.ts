import type { Browser, Locator, Page } from "playwright-core";
import { schema } from "@atrium/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startE2eStack, type E2eStack } from "./browser.js";

// Issue 10 item 4: number fields keep what was typed and say what is wrong, in the
// api contract's words; nothing is clamped, stripped of its sign or its decimal point.
let api: E2eStack | undefined;
let browser: Browser | undefined;
let admin: Page;

beforeAll(async () => {
  api = await startE2eStack({ RATE_LIMIT_AUTH_PER_MINUTE: "100" });
  browser = await launchChromium(process.env.CHROMIUM_PATH);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  admin = await context.newPage();
  admin.setDefaultTimeout(15_000);
  await admin.goto(`${stack().url}/login`);
  await admin.getByLabel("Username or email").fill("admin");
  await admin.getByLabel("Password", { exact: true }).fill("admin123");
  await admin.getByRole("button", { name: "Sign in" }).click();
  await admin.getByRole("heading", { name: /^Welcome/ }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

function stack(): E2eStack {
  if (!api) throw new Error("api not started");
  return api;
}

/** Types `value` into the field, submits, and waits for `message` on the field; the field still shows what was typed. */
async function refused(scope: Locator, field: string, submit: string, value: string, message: string) {
  const input = scope.getByLabel(field);
  await input.fill(value);
  await input.blur();
  await scope.getByRole("button", { name: submit }).click();
  await scope.getByText(message, { exact: true }).waitFor();
  expect((await input.inputValue()).replace(/[$,]/g, "")).toBe(value);
}

describe("number fields in the SPA", () => {
  it("refuses fractional, zero and too-long invite-key expiries instead of rewriting them", async () => {
    await admin.goto(`${stack().url}/admin/invite-keys`);
    await admin.getByRole("button", { name: "Create invite key" }).first().click();
    const dialog = admin.getByRole("dialog", { name: "Create invite key" });
    await refused(dialog, "Valid for (days)", "Create invite key", "2.5", "Expiry must be a whole number of days");
    await refused(dialog, "Valid for (days)", "Create invite key", "0", "Expiry must be at least 1 day");
    await refused(dialog, "Valid for (days)", "Create invite key", "9999", "Expiry can be at most 365 days");
    expect(await stack().db.select().from(schema.inviteKeys)).toHaveLength(0);
  });

  it("refuses fractional and negative API-key expiries", async () => {
    await admin.goto(`${stack().url}/api-keys`);
    await admin.getByRole("button", { name: "Create key" }).first().click();
    const dialog = admin.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill("CI deploys");
    await refused(dialog, "Expires after (days)", "Create key", "1.5", "Expiry must be a whole number of days");
    await refused(dialog, "Expires after (days)", "Create key", "-3", "Expiry must be at least 1 day");
    expect(await stack().db.select().from(schema.apiKeys)).toHaveLength(0);
  });

  it("refuses a negative top-up rather than opening a checkout for its absolute value", async () => {
    await admin.goto(`${stack().url}/billing`);
    await admin.getByRole("button", { name: "Top up" }).click();
    const dialog = admin.getByRole("dialog", { name: "Top up your balance" });
    await refused(dialog, "Amount", "Continue to checkout", "-25", "Amount must be more than $0");
    expect(new URL(admin.url()).pathname).toBe("/billing");
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });

  it("refuses a negative or absurd low-balance threshold and saves nothing", async () => {
    const thresholds = async () => (await stack().db.select().from(schema.reserves)).map((r) => r.lowBalanceThresholdCents).sort();
    const before = await thresholds();
    const policy = admin.getByTestId("policy-card");
    await refused(policy, "Low-balance threshold", "Save policy", "-5", "Threshold can't be negative");
    await refused(policy, "Low-balance threshold", "Save policy", "99999999", "Threshold can be at most $1,000,000");
    expect(await thresholds()).toEqual(before);
  });

  // Issue 10 item 6: the admin sees the balance, confirms before/after, and confirms twice above the threshold.
  it("shows the balance and before/after, and asks twice for an adjustment above BILLING_ADJUST_CONFIRM_ABOVE_DOLLARS", async () => {
    await admin.goto(`${stack().url}/admin/billing`);
    const form = admin.getByTestId("adjust-form");
    await form.getByRole("combobox", { name: "Account" }).fill("Default");
    await admin.getByRole("option", { name: /Default/ }).click();
    await form.getByTestId("adjust-current-balance").filter({ hasText: "$0.00" }).waitFor();

    // Over the api's cap (BILLING_ADJUST_MAX_DOLLARS, $10,000 by default): refused on the field, no dialog.
    await form.getByLabel("Amount").fill("99999999");
    await form.getByLabel("Reason").fill("Year-end correction");
    await form.getByRole("button", { name: "Review adjustment" }).click();
    await form.getByText("Adjustments are limited to $10,000.00 either way").waitFor();

    // $5,000 is allowed but above the $1,000 confirmation threshold: two steps, and cancelling applies nothing.
    await form.getByLabel("Amount").fill("5000");
    await form.getByRole("button", { name: "Review adjustment" }).click();
    const confirm = admin.getByRole("dialog", { name: "Confirm the adjustment" });
    expect(await confirm.getByTestId("adjust-before").textContent()).toBe("$0.00");
    expect(await confirm.getByTestId("adjust-after").textContent()).toBe("$5,000.00");
    await confirm.getByRole("button", { name: "Apply adjustment" }).click();
    await confirm.getByTestId("adjust-second-confirm").waitFor();
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await confirm.waitFor({ state: "hidden" });
    expect(await stack().db.select().from(schema.ledgerEntries)).toHaveLength(0);

    await form.getByRole("button", { name: "Review adjustment" }).click();
    await confirm.getByRole("button", { name: "Apply adjustment" }).click();
    await confirm.getByRole("button", { name: "Yes, apply +$5,000.00" }).click();
    await form.getByTestId("adjust-new-balance").filter({ hasText: "$5,000.00" }).waitFor();
    await form.getByTestId("adjust-current-balance").filter({ hasText: "$5,000.00" }).waitFor();
    const entries = await stack().db.select().from(schema.ledgerEntries);
    expect(entries.map((e) => e.amountCents)).toEqual([500000]);
  });
});

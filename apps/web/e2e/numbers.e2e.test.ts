import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@atrium/testing/e2e";
import { e2eSuite } from "./harness.js";

// Issue 10 item 4: number fields keep what was typed and say what is wrong, in the
// api contract's words; nothing is clamped, stripped of its sign or its decimal point.
const suite = e2eSuite({ env: { RATE_LIMIT_AUTH_PER_MINUTE: "100" } });
const { stack } = suite;
let admin: Page;

beforeAll(async () => {
  admin = await suite.adminPage({ width: 1280, height: 800 });
});

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
    expect(await rowsOf(stack(), "inviteKeys")).toHaveLength(0);
  });

  it("refuses fractional and negative API-key expiries", async () => {
    await admin.goto(`${stack().url}/api-keys`);
    await admin.getByRole("button", { name: "Create key" }).first().click();
    const dialog = admin.getByRole("dialog", { name: "Create API key" });
    await dialog.getByLabel("Name").fill("CI deploys");
    await refused(dialog, "Expires after (days)", "Create key", "1.5", "Expiry must be a whole number of days");
    await refused(dialog, "Expires after (days)", "Create key", "-3", "Expiry must be at least 1 day");
    expect(await rowsOf(stack(), "apiKeys")).toHaveLength(0);
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
    const thresholds = async () => (await rowsOf(stack(), "reserves")).map((r) => r.lowBalanceThresholdCents).sort();
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
    expect(await rowsOf(stack(), "ledgerEntries")).toHaveLength(0);

    await form.getByRole("button", { name: "Review adjustment" }).click();
    await confirm.getByRole("button", { name: "Apply adjustment" }).click();
    await confirm.getByRole("button", { name: "Yes, apply +$5,000.00" }).click();
    await form.getByTestId("adjust-new-balance").filter({ hasText: "$5,000.00" }).waitFor();
    await form.getByTestId("adjust-current-balance").filter({ hasText: "$5,000.00" }).waitFor();
    const entries = await rowsOf(stack(), "ledgerEntries");
    expect(entries.map((e) => e.amountCents)).toEqual([500000]);
  });
});

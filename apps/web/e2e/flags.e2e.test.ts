import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { e2eSuite, navLink } from "./harness.js";

const suite = e2eSuite({ dataDir: true, env: { RATE_LIMIT_ENABLED: "false" } });
let page: Page;

beforeAll(async () => {
  page = await suite.newPage({ width: 1280, height: 900 });
});

// One story in order: staff turn analysis off in Admin → Flags, and the SPA stops offering it.
describe("Admin → Flags and the configuration", () => {
  it("turns ai-analysis off with the switch, with the change in the flag's history", async () => {
    await suite.signIn(page);
    await navLink(page, "Jobs").first().click();
    await page.waitForURL("**/jobs");
    await page.getByRole("button", { name: "New job" }).first().waitFor();

    await navLink(page, "Flags").click();
    await page.waitForURL("**/admin/flags");
    await page.getByRole("button", { name: "Edit ai-analysis" }).click();
    await page.getByTestId("flag-default-switch").click({ force: true });
    // The switch rewrites the targeting text on its next render: polled, not read once.
    await expect.poll(() => page.getByTestId("flag-targeting").inputValue()).toMatch(/"default": false/);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("flag-row-ai-analysis").getByText("off").waitFor();

    await page.getByRole("button", { name: "Edit ai-analysis" }).click();
    await page.getByText("updated by admin").waitFor();
    await page.keyboard.press("Escape");
  });

  it("refuses a targeting that doesn't fit, with the field named", async () => {
    await page.getByRole("button", { name: "Edit messaging" }).click();
    await page.getByTestId("flag-targeting").fill('{"default": "yes", "rules": []}');
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(/targeting\.default: must be a boolean value/).waitFor();
    await page.keyboard.press("Escape");
  });

  it("hides what is off: no New job on the jobs page", async () => {
    await page.goto(suite.url("/jobs"));
    await page.getByRole("heading", { name: "Jobs" }).waitFor();
    // The button and the heading render together; it goes once the flags arrive.
    await page.getByRole("button", { name: "New job" }).waitFor({ state: "detached" });
    expect(await page.getByRole("button", { name: "New job" }).count()).toBe(0);
  });

  it("shows staff the configuration the api runs with, secrets redacted", async () => {
    await navLink(page, "System").click();
    const card = page.getByTestId("system-config");
    await card.getByText("SESSION_SECRET").waitFor();
    expect(await card.getByRole("row").filter({ hasText: "SESSION_SECRET" }).innerText()).toMatch(/\[redacted\]/);
    expect(await card.innerText()).toMatch(/ATRIUM_ENV\s+test/);
  });
});

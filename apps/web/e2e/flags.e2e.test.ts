import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startE2eStack, type E2eStack } from "./browser.js";

let stack: E2eStack | undefined;
let browser: Browser | undefined;
let page: Page;
let dataDir = "";

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "atrium-e2e-flags-"));
  stack = await startE2eStack({ DATA_DIR: dataDir, RATE_LIMIT_ENABLED: "false" });
  browser = await launchChromium(process.env.CHROMIUM_PATH);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const url = () => {
  if (!stack) throw new Error("stack not started");
  return stack.url;
};

// One story in order: staff turn analysis off in Admin → Flags, and the SPA stops offering it.
describe("Admin → Flags and the configuration", () => {
  it("turns ai-analysis off with the switch, with the change in the flag's history", async () => {
    await page.goto(`${url()}/login`);
    await page.getByLabel("Username or email").fill("admin");
    await page.getByLabel("Password", { exact: true }).fill("admin123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "Jobs", exact: true }).first().click();
    await page.waitForURL("**/jobs");
    await page.getByRole("button", { name: "New job" }).first().waitFor();

    await page.getByRole("navigation").getByRole("link", { name: "Flags", exact: true }).click();
    await page.waitForURL("**/admin/flags");
    await page.getByRole("button", { name: "Edit ai-analysis" }).click();
    await page.getByTestId("flag-default-switch").click({ force: true });
    expect(await page.getByTestId("flag-targeting").inputValue()).toMatch(/"default": false/);
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
    await page.goto(`${url()}/jobs`);
    await page.getByRole("heading", { name: "Jobs" }).waitFor();
    // The button and the heading render together; it goes once the flags arrive.
    await page.getByRole("button", { name: "New job" }).waitFor({ state: "detached" });
    expect(await page.getByRole("button", { name: "New job" }).count()).toBe(0);
  });

  it("shows staff the configuration the api runs with, secrets redacted", async () => {
    await page.getByRole("navigation").getByRole("link", { name: "System", exact: true }).click();
    const card = page.getByTestId("system-config");
    await card.getByText("SESSION_SECRET").waitFor();
    expect(await card.getByRole("row").filter({ hasText: "SESSION_SECRET" }).innerText()).toMatch(/\[redacted\]/);
    expect(await card.innerText()).toMatch(/ATRIUM_ENV\s+test/);
  });
});

import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, startE2eStack, type E2eStack } from "./browser.js";

const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

let api: E2eStack;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  // An api process serving the SPA and a worker process, as `npm start` runs them.
  api = await startE2eStack({ RATE_LIMIT_ENABLED: "false" }, { worker: true });
  browser = await launchChromium(process.env.CHROMIUM_PATH);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

const check = (kind: string, status?: string) => page.locator(`[data-testid=health-check][data-kind=${kind}]${status ? `[data-status=${status}]` : ""}`);

// One story in order: each step builds on the last.
describe("Admin → System and the error page", () => {
  it("shows every part's status, coloured, from the nav", async () => {
    await page.goto(`${api.url}/login`);
    await page.getByLabel("Username or email").fill("admin");
    await page.getByLabel("Password", { exact: true }).fill("admin123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("navigation").getByRole("link", { name: "System", exact: true }).click();
    await page.waitForURL("**/admin/system");
    await check("postgres", "ok").waitFor();
    await check("redis", "ok").waitFor();
    await check("storage", "ok").waitFor();
    await check("worker", "ok").filter({ hasText: api.workerId ?? "missing worker id" }).waitFor();
    expect(await check("queue").count()).toBe(4);
    await page.screenshot({ path: `${SCREENSHOTS}system-health.png`, fullPage: true, animations: "disabled" });
  });

  it("refreshes by itself: a stopped worker turns the page degraded without a reload", async () => {
    let loads = 0;
    page.on("load", () => loads++);
    await api.stopWorker();
    await page.locator("[data-testid=system-health][data-status=degraded]").waitFor();
    await check("worker", "down").filter({ hasText: "no live worker" }).waitFor();
    expect(loads).toBe(0);
    page.removeAllListeners("load");
  });

  it("reloads once when a lazy chunk is gone, then shows a friendly page whose Reload recovers", async () => {
    // The chunk of an older deploy, deleted from the server: every request for it fails.
    await page.route("**/assets/admin-billing-page-*.js", (route) => route.abort());
    let loads = 0;
    page.on("load", () => loads++);
    await page.locator('nav a[href="/admin/billing"]').click();
    await page.getByTestId("route-error").waitFor();
    await expect.poll(() => page.url()).toMatch(/\/admin\/billing$/);
    expect(loads).toBe(1);
    await expect(page.getByTestId("route-error").textContent()).resolves.toContain("A new version of Atrium is available");
    await page.screenshot({ path: `${SCREENSHOTS}route-error.png`, animations: "disabled" });

    await page.unroute("**/assets/admin-billing-page-*.js");
    await page.getByRole("button", { name: "Reload" }).click();
    await page.getByTestId("route-error").waitFor({ state: "detached" });
    await page.getByRole("heading", { name: /billing/i }).first().waitFor();
    page.removeAllListeners("load");
  });
});

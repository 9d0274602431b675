import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { createLogger } from "@atrium/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "../../api/src/testing.js";
import { startWorker, type RunningWorker } from "../../worker/src/index.js";
import { launchChromium } from "./browser.js";

const DIST = fileURLToPath(new URL("../dist", import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));

let api: TestApi;
let worker: RunningWorker | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`No SPA build at ${DIST}. Run \`pnpm --filter @atrium/web build\` first.`);
  api = await startTestApi({ WEB_DIST_DIR: DIST, RATE_LIMIT_ENABLED: "false" });
  const { config } = api.deps;
  worker = await startWorker({ config, db: api.deps.db, redisUrl: config.REDIS_URL ?? "", logger: createLogger(config, "worker-e2e"), now: () => new Date() });
  browser = await launchChromium(process.env.CHROMIUM_PATH);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
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
    await check("worker", "ok").filter({ hasText: worker?.id ?? "" }).waitFor();
    expect(await check("queue").count()).toBe(4);
    await page.screenshot({ path: `${SCREENSHOTS}system-health.png`, fullPage: true, animations: "disabled" });
  });

  it("refreshes by itself: a stopped worker turns the page degraded without a reload", async () => {
    let loads = 0;
    page.on("load", () => loads++);
    await worker?.stop();
    worker = undefined;
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

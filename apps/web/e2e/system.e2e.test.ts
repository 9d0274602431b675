import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { E2eStack } from "@atrium/testing/e2e";
import { e2eSuite, navLink, shot } from "./harness.js";

// An api and a worker process, started as `npm start` starts them; the story stops the worker.
// The storage probe writes to DATA_DIR: a throwaway directory, not the repo's .data.
const suite = e2eSuite({ dataDir: true, worker: true, env: { RATE_LIMIT_ENABLED: "false" } });
let page: Page;

beforeAll(async () => {
  page = await suite.newPage({ width: 1280, height: 900 });
});

function running(): E2eStack & { worker: NonNullable<E2eStack["worker"]> } {
  const stack = suite.stack();
  if (!stack.worker) throw new Error("stack with a worker not started");
  return stack as E2eStack & { worker: NonNullable<E2eStack["worker"]> };
}

const check = (kind: string, status?: string) => page.locator(`[data-testid=health-check][data-kind=${kind}]${status ? `[data-status=${status}]` : ""}`);

// One story in order: each step builds on the last.
describe("Admin → System and the error page", () => {
  it("shows every part's status, coloured, from the nav", async () => {
    await suite.signIn(page);
    await navLink(page, "System").click();
    await page.waitForURL("**/admin/system");
    await check("postgres", "ok").waitFor();
    await check("redis", "ok").waitFor();
    await check("storage", "ok").waitFor();
    await check("worker", "ok").filter({ hasText: running().worker.id }).waitFor();
    expect(await check("queue").count()).toBe(4);
    await shot(page, "system-health", { fullPage: true });
  });

  it("Backups: 'back up now' runs on the worker, and the new backup verifies and downloads", async () => {
    await check("backup", "ok").filter({ hasText: "no schedule (BACKUP_CRON unset)" }).waitFor();
    const backups = page.getByTestId("backups");
    await backups.getByText("No backups yet.").waitFor();
    await backups.getByRole("button", { name: "Back up now" }).click();
    const row = backups.getByTestId("backup-row");
    await row.first().waitFor({ timeout: 40_000 });
    await row.first().getByRole("button", { name: "Verify" }).click();
    await backups.locator("[data-testid=backup-verified][data-ok=true]").waitFor();
    const name = await row.first().getAttribute("data-name");
    const href = await row.first().getByRole("link", { name: /Download/ }).getAttribute("href");
    expect(href).toBe(`/api/system/backups/${name}/download/`);
    const download = await page.request.get(`${running().url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("application/gzip");
    await shot(page, "system-backups", { fullPage: true });
  }, 60_000);

  it("Refresh re-checks without a reload (no timer probes the platform): a stopped worker turns the page degraded", async () => {
    let loads = 0;
    page.on("load", () => loads++);
    // SIGTERM, as an operator stops it: the worker drains, removes its heartbeat and exits 0.
    await expect(running().worker.service.stop("SIGTERM", 10_000)).resolves.toBe(0);
    await page.getByTestId("health-refresh").click();
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
    await shot(page, "route-error");

    await page.unroute("**/assets/admin-billing-page-*.js");
    await page.getByRole("button", { name: "Reload" }).click();
    await page.getByTestId("route-error").waitFor({ state: "detached" });
    await page.getByRole("heading", { name: /billing/i }).first().waitFor();
    page.removeAllListeners("load");
  });
});

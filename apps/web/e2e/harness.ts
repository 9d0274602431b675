// The one e2e harness: each e2e file calls `e2eSuite()` once for its stack (an api, a worker when asked,
// a throwaway DATA_DIR) and its Chromium, started before and stopped after the file's tests, and uses the
// page helpers below instead of its own copies. Everything outside the browser comes from @atrium/testing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContextOptions, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { launchChromium, startE2eStack, type E2eStack } from "@atrium/testing/e2e";

export const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const DEFAULT_VIEWPORT = { width: 1280, height: 800 };

export interface SuiteOptions {
  /** Extra api/worker environment (the stack's own defaults: test/stack's, plus PUBLIC_URL = its origin). */
  env?: Record<string, string>;
  /** Start a worker process too. */
  worker?: boolean;
  /** Give the stack a throwaway DATA_DIR (uploads, the storage probe) instead of the repo's .data. */
  dataDir?: boolean;
}

export interface Suite {
  stack: () => E2eStack;
  /** The api's origin (it serves the SPA too). */
  baseUrl: () => string;
  url: (path: string) => string;
  browser: () => Browser;
  dataDir: () => string;
  /** A page in a browser context of its own (own cookies), failing a step after 15 s with the locator in the message. */
  newPage: (viewport?: { width: number; height: number }, context?: BrowserContextOptions) => Promise<Page>;
  /** Signs in through the form (what sets the session cookie) and waits until the SPA has left /login. */
  signIn: (page: Page, username?: string, password?: string) => Promise<void>;
  /** A new page signed in as the bootstrap admin, on the dashboard. */
  adminPage: (viewport?: { width: number; height: number }) => Promise<Page>;
}

export function e2eSuite(options: SuiteOptions = {}): Suite {
  let stack: E2eStack | undefined;
  let browser: Browser | undefined;
  let dataDir = "";

  beforeAll(async () => {
    if (options.dataDir) dataDir = mkdtempSync(join(tmpdir(), "atrium-e2e-"));
    stack = await startE2eStack({ ...(dataDir ? { DATA_DIR: dataDir } : {}), ...options.env }, { worker: options.worker ?? false });
    // The test runner's own knob (which chromium binary), not app configuration.
    // eslint-disable-next-line no-restricted-properties
    browser = await launchChromium(process.env.CHROMIUM_PATH);
  });

  // A failed step shows what the api and the worker said last (a job that never finished: did it run?).
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => console.error(`"${task.name}" failed; what the stack printed last:\n${stack?.tail() ?? "(no stack)"}`));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const suite: Suite = {
    stack: () => {
      if (!stack) throw new Error("stack not started");
      return stack;
    },
    baseUrl: () => suite.stack().url,
    url: (path) => `${suite.stack().url}${path}`,
    browser: () => {
      if (!browser) throw new Error("browser not started");
      return browser;
    },
    dataDir: () => dataDir,
    newPage: async (viewport = DEFAULT_VIEWPORT, context = {}) => {
      const page = await (await suite.browser().newContext({ viewport, ...context })).newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    signIn: async (page, username = "admin", password = "admin123") => {
      await page.goto(suite.url("/login"));
      await page.getByLabel("Username or email").fill(username);
      await page.getByLabel("Password", { exact: true }).fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((u) => u.pathname !== "/login");
    },
    adminPage: async (viewport) => {
      const page = await suite.newPage(viewport);
      await suite.signIn(page);
      await page.getByRole("heading", { name: /^Welcome/ }).waitFor();
      return page;
    },
  };
  return suite;
}

/** Links of the left nav; the dashboard's cards link to the same pages. */
export const navLink = (page: Page, name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true });

/** A screenshot into e2e/screenshots/. Toasts come and go with timing; they are left out so pages can be compared. */
export const shot = (page: Page, name: string, options: { fullPage?: boolean } = {}) =>
  page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: options.fullPage ?? false, animations: "disabled", style: ".mantine-Notifications-root { display: none !important; }" });

/**
 * Picks `name` from a Mantine Select. Its dropdown opens on a click that a re-render or a layout shift
 * (a panel still sliding open) can swallow on a loaded machine; a dropdown that isn't there is opened again.
 */
export async function chooseOption(page: Page, combobox: Locator, name: string | RegExp): Promise<void> {
  const option = page.getByRole("option", { name });
  await expect
    .poll(
      async () => {
        if (await option.isVisible()) return true;
        await combobox.click();
        return option.isVisible();
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe(true);
  await option.click();
}

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { launchChromium, startE2eStack, type E2eStack } from "./browser.js";

// Issue 10, first use: a locked-out sign-in says when to try again.
let api: E2eStack | undefined;
let browser: Browser | undefined;
let page: Page;

beforeAll(async () => {
  // Two sign-in attempts a minute: the third is refused with a Retry-After near 60 s.
  api = await startE2eStack({ RATE_LIMIT_AUTH_PER_MINUTE: "2", RATE_LIMIT_WINDOW_SECONDS: "60" });
  browser = await launchChromium(process.env.CHROMIUM_PATH);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

function baseUrl(): string {
  if (!api) throw new Error("api not started");
  return api.url;
}

describe("signing in past the attempt budget", () => {
  it("shows a countdown instead of silently resending the password", async () => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel("Username or email").fill("admin");
    await page.getByLabel("Password", { exact: true }).fill("wrong-password");
    const submit = page.getByRole("button", { name: "Sign in" });
    for (let i = 0; i < 2; i++) {
      await submit.click();
      await page.getByRole("alert").filter({ hasText: "Invalid username or password" }).waitFor();
      await page.locator("button[type=submit]:not([data-loading])").waitFor();
    }
    await submit.click();
    // The api's Retry-After is under a minute; the message counts it down and the button waits.
    const alert = page.getByRole("alert").filter({ hasText: /Too many attempts — try again in \d+ s/ });
    await alert.waitFor();
    const first = Number((await alert.textContent())?.match(/in (\d+) s/)?.[1]);
    await page.getByRole("alert").filter({ hasText: `try again in ${first - 1} s` }).waitFor({ timeout: 5_000 });
    await page.locator("button[type=submit][disabled]").waitFor();
  });
});

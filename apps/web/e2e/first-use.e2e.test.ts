import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@atrium/testing/e2e";
import { e2eSuite } from "./harness.js";

// Issue 10, first use: every route survives a reload, a phone can sign out and read the ledger,
// and a locked-out sign-in says when to try again. The steps share one browser and run in order.
// Three sign-in attempts a minute (a token, a browser sign-in, one wrong password): the next is refused.
const suite = e2eSuite({ env: { RATE_LIMIT_AUTH_PER_MINUTE: "3", RATE_LIMIT_WINDOW_SECONDS: "60" } });
const { baseUrl } = suite;
let page: Page;

beforeAll(async () => {
  page = await suite.newPage({ width: 1280, height: 800 });
});

/** Every SPA route, entered as a reload or a pasted link would: the server must answer with the SPA. */
const ROUTES = [
  "/", "/profile", "/api-keys", "/billing", "/documents", "/documents/00000000-0000-4000-8000-000000000000", "/jobs",
  "/jobs/00000000-0000-4000-8000-000000000000", "/org", "/admin/users", "/admin/invite-keys", "/admin/audit", "/admin/outbox",
  "/admin/jobs", "/admin/system", "/admin/billing", "/no-such-page",
];

async function signIn(): Promise<void> {
  await suite.signIn(page);
  await page.waitForURL((url) => url.pathname === "/");
}

describe("first use", () => {
  it("loads every SPA route directly, signed in", async () => {
    await signIn();
    // Staff whose account never held money carry no low-balance alarm on every page.
    await page.getByTestId("balance").filter({ hasText: "$0.00" }).waitFor();
    expect(await page.getByTestId("balance").getAttribute("data-state")).toBe("ok");
    for (const route of ROUTES) {
      const res = await page.goto(`${baseUrl()}${route}`);
      expect(res?.status(), route).toBe(200);
      expect(await page.locator("body").textContent(), route).not.toContain("Cannot GET");
      await page.getByRole("navigation").getByRole("link", { name: "API keys" }).waitFor();
    }
  });

  it("at 390 px keeps the page inside the screen, reads the ledger and signs out from the drawer", async () => {
    // A ledger entry to read: the admin credits their own account through the api.
    const { token } = await createClient({ baseUrl: baseUrl() }).auth.token.mutate({ username: "admin", password: "admin123" });
    const client = createClient({ baseUrl: baseUrl(), token });
    const me = await client.auth.me.query();
    if (!me.account) throw new Error("the admin has no account");
    await client.billing.admin.adjust.mutate({ tenantId: me.account.id, amountCents: 2500, reason: "Welcome credit" });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl()}/billing`);
    const row = page.getByTestId("ledger-row").filter({ hasText: "Welcome credit" });
    await row.waitFor();
    // Wide tables scroll inside their own box; the page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // ...and say so: the ledger's horizontal scrollbar shows without a hover (a phone has none).
    await page.locator(".mantine-ScrollArea-scrollbar[data-orientation=horizontal]").first().waitFor({ state: "visible" });
    // The header is fixed at the screen's width; what matters is that its content fits (it was 630 px).
    expect(await page.locator("header").evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole("button", { name: "Toggle navigation" }).click();
    const drawer = page.getByTestId("mobile-account");
    await drawer.getByTestId("balance").filter({ hasText: "$25.00" }).waitFor();
    await drawer.getByTestId("api-status").filter({ hasText: "Live" }).waitFor();
    await drawer.getByRole("button", { name: "Log out" }).click();
    await page.waitForURL("**/login");
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe("signing in past the attempt budget", () => {
  it("shows a countdown instead of silently resending the password", async () => {
    await page.goto(`${baseUrl()}/login`);
    await page.getByLabel("Username or email").fill("admin");
    await page.getByLabel("Password", { exact: true }).fill("wrong-password");
    const submit = page.getByRole("button", { name: "Sign in" });
    await submit.click();
    await page.getByRole("alert").filter({ hasText: "Invalid username or password" }).waitFor();
    await page.locator("button[type=submit]:not([data-loading])").waitFor();
    await submit.click();
    // The api's Retry-After is under a minute; the message counts it down and the button waits.
    const alert = page.getByRole("alert").filter({ hasText: /Too many attempts — try again in \d+ s/ });
    await alert.waitFor();
    const first = Number((await alert.textContent())?.match(/in (\d+) s/)?.[1]);
    await page.getByRole("alert").filter({ hasText: `try again in ${first - 1} s` }).waitFor({ timeout: 5_000 });
    await page.locator("button[type=submit][disabled]").waitFor();
  });

  // Sign up and both password-reset forms share the IP's attempt budget, which is spent for this minute.
  const forms: Array<{ route: string; fill: () => Promise<void>; submit: string }> = [
    {
      route: "/signup",
      submit: "Create account",
      fill: async () => {
        await page.getByLabel("Username").fill("newcomer");
        await page.getByLabel("Email").fill("newcomer@example.com");
        await page.getByLabel("Password", { exact: true }).fill("a-long-unusual-passphrase-42");
        await page.getByLabel("Invite key").fill("atr_inv_not-a-real-key");
      },
    },
    { route: "/forgot-password", submit: "Send reset link", fill: () => page.getByLabel("Email").fill("admin@example.com") },
    {
      route: "/reset-password?token=not-a-real-reset-token",
      submit: "Set new password",
      fill: async () => {
        await page.getByLabel("New password", { exact: true }).fill("a-long-unusual-passphrase-42");
        await page.getByLabel("Confirm new password").fill("a-long-unusual-passphrase-42");
      },
    },
  ];
  for (const form of forms) {
    it(`counts down on ${form.route.split("?")[0]} too, with the button disabled`, async () => {
      await page.goto(`${baseUrl()}${form.route}`);
      await form.fill();
      await page.getByRole("button", { name: form.submit }).click();
      const alert = page.getByTestId("lockout").filter({ hasText: /Too many attempts — try again in \d+ s/ });
      await alert.waitFor();
      const first = Number((await alert.textContent())?.match(/in (\d+) s/)?.[1]);
      await page.getByTestId("lockout").filter({ hasText: `try again in ${first - 1} s` }).waitFor({ timeout: 5_000 });
      await page.getByRole("button", { name: form.submit }).and(page.locator("[disabled]")).waitFor();
      // The 429 is the countdown, not a second red sentence.
      expect(await page.getByRole("alert").count()).toBe(1);
    });
  }
});

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { e2eSuite, navLink as navLinkOf, shot } from "./harness.js";

const suite = e2eSuite();
const { baseUrl } = suite;
let page: Page;
let apiKey = "";
/** Console reports of blocked scripts, styles or connections: the api's CSP must not break the SPA. */
const cspViolations: string[] = [];

beforeAll(async () => {
  page = await suite.newPage({ width: 1280, height: 800 });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
});

const navLink = (name: string) => navLinkOf(page, name);

// The steps share one browser session, so they run in order and each builds on the last.
describe("the SPA against a real api", () => {
  it("sends a signed-out visitor to /login", async () => {
    await page.goto(`${baseUrl()}/api-keys`);
    await page.waitForURL("**/login");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
  });

  it("shows the server's message for a wrong password", async () => {
    await page.getByLabel("Username or email").fill("admin");
    await page.getByLabel("Password", { exact: true }).fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "Invalid username or password" }).waitFor();
    await page.locator("button[type=submit]:not([data-loading])").waitFor();
    await shot(page, "login-error");
  });

  it("logs in and lands where the visitor was going", async () => {
    await page.getByLabel("Password", { exact: true }).fill("admin123");
    await page.getByLabel("Remember me").check();
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/api-keys");
    await page.getByTestId("user-menu").filter({ hasText: "Administrator" }).waitFor();
    await page.getByTestId("api-status").filter({ hasText: "Live" }).waitFor();
  });

  it("greets the user with their account on the dashboard", async () => {
    await navLink("Dashboard").click();
    await page.getByRole("heading", { name: /^Welcome(?: back)?, Administrator$/ }).waitFor();
    await page.getByText("Default", { exact: true }).waitFor();
    await shot(page, "dashboard");
  });

  it("creates an API key that works as a bearer token", async () => {
    await navLink("API keys").click();
    await page.getByText("No API keys yet").waitFor();
    await page.getByRole("button", { name: "Create key" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill("e2e script");
    await dialog.getByLabel("Expires after (days)").fill("30");
    await dialog.getByRole("button", { name: "Create key" }).click();

    const keyBox = page.getByTestId("new-api-key");
    await keyBox.waitFor();
    apiKey = (await keyBox.textContent())?.trim() ?? "";
    expect(apiKey.length).toBeGreaterThan(20);
    await shot(page, "new-api-key");

    const res = await fetch(`${baseUrl()}/api/me/`, { headers: { Authorization: `Bearer ${apiKey}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { username: string }; authMethod: string };
    expect(body.user.username).toBe("admin");
    expect(body.authMethod).toBe("api_key");

    await dialog.getByRole("button", { name: "Done" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("api-key-row").filter({ hasText: "e2e script" }).filter({ hasText: "active" }).waitFor();
    await shot(page, "api-keys");
  });

  it("revokes the key after a confirmation, and the key stops working", async () => {
    const row = page.getByTestId("api-key-row").filter({ hasText: "e2e script" });
    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await row.filter({ hasText: "revoked" }).waitFor();
    // It was made to expire in 30 days; revoked, it shows no expiry at all.
    expect((await row.getByTestId("api-key-expires").textContent())?.trim()).toBe("—");
    const res = await fetch(`${baseUrl()}/api/me/`, { headers: { Authorization: `Bearer ${apiKey}` } });
    expect(res.status).toBe(401);
  });

  it("shows the profile", async () => {
    await navLink("Profile").click();
    await page.getByRole("heading", { name: "Profile" }).waitFor();
    await page.getByRole("row", { name: /Signed in with\s*Session cookie/ }).waitFor();
    // The staff flag has its own row, apart from the role in the account.
    await page.getByRole("row", { name: /Platform staff\s*Staff/ }).waitFor();
    await shot(page, "profile");
  });

  it("says so while the live-updates stream can't connect, and goes live once it can", async () => {
    await page.route("**/trpc/events.stream**", (route) => route.abort());
    await page.reload();
    await page.getByTestId("user-menu").waitFor();
    await page.getByTestId("api-status").filter({ hasText: "Connecting…" }).waitFor({ timeout: 15_000 });
    await page.unroute("**/trpc/events.stream**");
    await page.getByTestId("api-status").filter({ hasText: "Live" }).waitFor({ timeout: 15_000 });
  });

  it("logs out from the user menu", async () => {
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Log out" }).click();
    await page.waitForURL("**/login");
    await page.goto(`${baseUrl()}/`);
    await page.waitForURL("**/login");
  });

  it("ran every step under the api's strict CSP without a blocked script or style", () => {
    expect(cspViolations).toEqual([]);
  });
});

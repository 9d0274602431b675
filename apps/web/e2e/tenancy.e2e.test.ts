import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { hashPassword } from "@atrium/core";
import { insertUser } from "@atrium/core/testing";
import { schema } from "@atrium/db";
import { launchChromium, startE2eStack, type E2eStack } from "./browser.js";

const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };

let api: E2eStack | undefined;
let browser: Browser | undefined;
/** The staff admin's browser; every other person gets a context of their own (own cookies). */
let admin: Page;
let nora: Page;
let inviteKey = "";
let invitationToken = "";

beforeAll(async () => {
  // Several signups and logins come from one IP within a minute; the limiter has its own tests.
  api = await startE2eStack({ RATE_LIMIT_AUTH_PER_MINUTE: "100" });
  browser = await launchChromium(process.env.CHROMIUM_PATH);
  admin = await newPage();
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function newPage(): Promise<Page> {
  if (!browser) throw new Error("browser not started");
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  // Fail a step well before the test timeout, with the locator in the message.
  page.setDefaultTimeout(15_000);
  return page;
}

function baseUrl(): string {
  if (!api) throw new Error("api not started");
  return api.url;
}

function navLink(page: Page, name: string) {
  return page.getByRole("navigation").getByRole("link", { name, exact: true });
}

/** The link in the newest email of a template to an address, as the recipient would click it. */
async function linkMailedTo(to: string, template: string, pattern: RegExp): Promise<string> {
  if (!api) throw new Error("api not started");
  const [mail] = await api.db
    .select()
    .from(schema.emailOutbox)
    .where(and(eq(schema.emailOutbox.toAddress, to), eq(schema.emailOutbox.template, template)))
    .orderBy(desc(schema.emailOutbox.createdAt))
    .limit(1);
  const match = mail && pattern.exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${template} email to ${to}`);
  return match[1];
}

/** Someone who already has an account (signed up earlier, outside this story), with or without a confirmed address. */
async function existingUser(username: string, password: string, verified: boolean): Promise<void> {
  if (!api) throw new Error("api not started");
  await insertUser(api.db, { username, email: `${username}@example.com`, passwordHash: await hashPassword(password), emailVerifiedAt: verified ? new Date() : null });
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl()}/login`);
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // "Welcome" on a user's first sign-in, "Welcome back" after (clarity.e2e.test.ts tells them apart).
  await page.getByRole("heading", { name: new RegExp(`^Welcome(?: back)?, ${username}$`) }).waitFor();
}

// Toasts come and go with timing; leave them out so the pages themselves can be compared.
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}${name}.png`, animations: "disabled", style: ".mantine-Notifications-root { display: none !important; }" });

// One story, in order: each step builds on the last.
describe("identity and tenancy in the SPA", () => {
  it("lets the admin create an invite key and read it once", async () => {
    await admin.goto(`${baseUrl()}/login`);
    await admin.getByLabel("Username or email").fill("admin");
    await admin.getByLabel("Password", { exact: true }).fill("admin123");
    await admin.getByRole("button", { name: "Sign in" }).click();
    await admin.getByRole("heading", { name: /^Welcome/ }).waitFor();

    await navLink(admin, "Invite keys").click();
    await admin.getByText("No invite keys yet").waitFor();
    await admin.getByRole("button", { name: "Create invite key" }).first().click();
    const dialog = admin.getByRole("dialog");
    await dialog.getByLabel("Valid for (days)").fill("3");
    await dialog.getByLabel("Notes").fill("For Nora, new analyst");
    await dialog.getByRole("button", { name: "Create invite key" }).click();

    const keyBox = admin.getByTestId("new-invite-key");
    await keyBox.waitFor();
    inviteKey = (await keyBox.textContent())?.trim() ?? "";
    expect(inviteKey.length).toBeGreaterThan(16);
    await shot(admin, "new-invite-key");

    await dialog.getByRole("button", { name: "Done" }).click();
    await dialog.waitFor({ state: "hidden" });
    const row = admin.getByTestId("invite-key-row").filter({ hasText: "For Nora" });
    await row.filter({ hasText: "active" }).waitFor();
    // The list shows a prefix, never the key.
    expect(await admin.getByTestId("invite-key-row").first().textContent()).not.toContain(inviteKey);
    await shot(admin, "invite-keys");
  });

  it("signs a new user up with the key, showing the password rule that failed", async () => {
    nora = await newPage();
    await nora.goto(`${baseUrl()}/login`);
    await nora.getByRole("link", { name: "Forgot password?" }).waitFor();
    await shot(nora, "login");
    await nora.getByRole("link", { name: "Sign up" }).click();
    await nora.waitForURL("**/signup");
    await nora.getByRole("heading", { name: "Create your account" }).waitFor();

    await nora.getByLabel("Username").fill("nora");
    await nora.getByLabel("Email").fill("nora@example.com");
    await nora.getByLabel("Password", { exact: true }).fill("12345678");
    await nora.getByLabel("Invite key").fill(inviteKey);
    await nora.getByRole("button", { name: "Create account" }).click();
    await nora.getByText("Can't be only digits").waitFor();
    await nora.locator("button[type=submit]:not([data-loading])").waitFor();
    await shot(nora, "signup-error");

    await nora.getByLabel("Password", { exact: true }).fill("quiet-harbor-lantern-42");
    await nora.getByRole("button", { name: "Create account" }).click();
    await nora.getByRole("heading", { name: "Welcome, nora" }).waitFor();
    expect(new URL(nora.url()).pathname).toBe("/");
  });

  it("asks the new user to confirm their address, resends the link, and confirms it", async () => {
    const banner = nora.getByTestId("unverified-banner");
    await banner.filter({ hasText: "nora@example.com" }).waitFor();
    await shot(nora, "unverified-banner");
    const first = await linkMailedTo("nora@example.com", "verify_email", /verify-email\?token=([a-z0-9]+)/);
    await banner.getByRole("button", { name: "Resend" }).click();
    await nora.getByText("We've sent a confirmation link to nora@example.com.").waitFor();
    const token = await linkMailedTo("nora@example.com", "verify_email", /verify-email\?token=([a-z0-9]+)/);
    expect(token).not.toBe(first);

    await nora.goto(`${baseUrl()}/verify-email?token=${first}`);
    await nora.getByRole("button", { name: "Confirm my address" }).click();
    await nora.getByText("This confirmation link is invalid or has expired").waitFor();
    await nora.goto(`${baseUrl()}/verify-email?token=${token}`);
    await nora.getByRole("button", { name: "Confirm my address" }).click();
    await nora.getByTestId("verify-done").waitFor();
    await shot(nora, "verify-email-done");
    await nora.getByRole("link", { name: "Continue to Atrium" }).click();
    await nora.getByRole("heading", { name: "Welcome, nora" }).waitFor();
    expect(await nora.getByTestId("unverified-banner").count()).toBe(0);
  });

  it("creates an organization from the switcher", async () => {
    const switcher = nora.getByTestId("org-switcher");
    await switcher.filter({ hasText: "No organization" }).waitFor();
    await switcher.click();
    await shot(nora, "org-switcher-empty");
    await nora.getByRole("menuitem", { name: "Create organization" }).click();
    const dialog = nora.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Nora Research");
    await dialog.getByLabel("Description").fill("Market studies and field interviews");
    await dialog.getByRole("button", { name: "Create organization" }).click();

    await nora.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
    await nora.getByRole("heading", { name: "Nora Research" }).waitFor();
    await switcher.filter({ hasText: "Nora Research" }).waitFor();
    await shot(nora, "organization-general");
  });

  it("creates a team, led by its creator", async () => {
    await nora.getByRole("tab", { name: "Teams" }).click();
    await nora.getByText("No teams yet").waitFor();
    await nora.getByRole("button", { name: "Create team" }).first().click();
    const dialog = nora.getByRole("dialog");
    await dialog.getByLabel("Name").fill("Field Analysts");
    await dialog.getByRole("button", { name: "Create team" }).click();

    await nora.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
    await nora.getByRole("heading", { name: "Field Analysts" }).waitFor();
    const lead = nora.getByTestId("team-member-row").filter({ hasText: "nora" });
    await expect.poll(() => lead.locator("input").first().inputValue()).toBe("Lead");
    await shot(nora, "team");

    await nora.getByRole("link", { name: "Teams" }).click();
    await nora.getByTestId("team-card").filter({ hasText: "Field Analysts" }).waitFor();
    await shot(nora, "organization-teams");
  });

  it("invites a new address by email and lists it as pending", async () => {
    await nora.getByRole("tab", { name: "Invitations" }).click();
    await nora.getByText("No pending invitations").waitFor();
    await nora.getByLabel("Email").fill("omar@example.com");
    await nora.getByRole("button", { name: "Invite", exact: true }).click();

    const result = nora.getByTestId("invite-result");
    await result.waitFor();
    expect(await result.getAttribute("data-status")).toBe("invited");
    await nora.getByTestId("invitation-row").filter({ hasText: "omar@example.com" }).waitFor();
    await shot(nora, "organization-invitations");

    await nora.getByRole("tab", { name: "Members" }).click();
    await nora.getByTestId("member-row").filter({ hasText: "nora" }).waitFor();
    await shot(nora, "organization-members");
  });

  it("invites registered addresses: nobody joins until the confirmed addressee accepts in the SPA", async () => {
    await existingUser("pia", "violet-summit-ferry-31", true);
    await existingUser("quinn", "copper-delta-heron-64", false);
    await nora.getByRole("tab", { name: "Invitations" }).click();
    for (const [email, role] of [["pia@example.com", "Admin"], ["quinn@example.com", "Member"]] as const) {
      await nora.getByLabel("Email").fill(email);
      await nora.getByRole("combobox", { name: "Role" }).click();
      await nora.getByRole("option", { name: new RegExp(`^${role}`) }).click();
      await nora.getByRole("button", { name: "Invite", exact: true }).click();
      // The same answer as for an unknown address: the inviter can't tell who has an account.
      await nora.getByTestId("invite-result").filter({ hasText: email }).waitFor();
      expect(await nora.getByTestId("invite-result").getAttribute("data-status")).toBe("invited");
      await nora.getByTestId("invitation-row").filter({ hasText: email }).waitFor();
    }
    await nora.getByRole("tab", { name: "Members" }).click();
    await nora.getByTestId("member-row").filter({ hasText: "nora" }).waitFor();
    expect(await nora.getByTestId("member-row").filter({ hasText: "pia" }).count()).toBe(0);

    // Quinn never confirmed the address: no notice, just the banner, and no membership.
    const quinn = await newPage();
    await signIn(quinn, "quinn", "copper-delta-heron-64");
    await quinn.getByTestId("unverified-banner").waitFor();
    await quinn.getByTestId("org-switcher").filter({ hasText: "No organization" }).waitFor();
    expect(await quinn.getByTestId("pending-invitation").count()).toBe(0);
    await shot(quinn, "invitation-unverified");
    // Even with the emailed link, an unconfirmed account can't take the invitation.
    const link = await linkMailedTo("quinn@example.com", "organization_invitation", /invitation=([a-z0-9]+)/);
    await quinn.goto(`${baseUrl()}/signup?invitation=${link}`);
    await quinn.getByTestId("invitation-blocked").filter({ hasText: "Confirm quinn@example.com first" }).waitFor();
    expect(await quinn.getByRole("button", { name: "Accept invitation" }).isDisabled()).toBe(true);
    await quinn.context().close();

    // Pia's address is confirmed: she sees the invitation, and joins only when she accepts it.
    const pia = await newPage();
    await signIn(pia, "pia", "violet-summit-ferry-31");
    const notice = pia.getByTestId("pending-invitation").filter({ hasText: "You're invited to Nora Research" });
    await notice.filter({ hasText: "join as admin" }).waitFor();
    await pia.getByTestId("org-switcher").filter({ hasText: "No organization" }).waitFor();
    await shot(pia, "pending-invitation");
    await notice.getByRole("button", { name: "Accept" }).click();
    await pia.getByText("You joined Nora Research.").waitFor();
    await pia.getByTestId("org-switcher").filter({ hasText: "Nora Research" }).waitFor();
    expect(await pia.getByTestId("pending-invitation").count()).toBe(0);
    await pia.context().close();

    await nora.reload();
    await nora.getByRole("tab", { name: "Members" }).click();
    const piaRow = nora.getByTestId("member-row").filter({ hasText: "pia" });
    await piaRow.waitFor();
    await expect.poll(() => piaRow.locator("input").first().inputValue()).toBe("Admin");
  });

  it("shows the admin those events in the audit log, filtered by the new user", async () => {
    await navLink(admin, "Audit log").click();
    await admin.getByRole("heading", { name: "Audit log" }).waitFor();
    await admin.getByRole("combobox", { name: "User" }).fill("nora");
    await admin.getByRole("option", { name: "nora", exact: true }).click();
    await admin.waitForURL(/userId=/);

    const expected = ["auth.signup", "invite_key.used", "organization.created", "team.created", "invitation.sent"];
    for (const type of expected) await admin.locator(`[data-testid=audit-row][data-event-type="${type}"]`).first().waitFor();
    const types = await admin.getByTestId("audit-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-event-type")));
    expect(types).toEqual(expect.arrayContaining(expected));
    await shot(admin, "audit-log");

    // The export link carries the same filter, and the admin's cookie downloads it.
    const href = (await admin.getByTestId("audit-export").getAttribute("href")) ?? "";
    expect(href).toContain("userId=");
    const csv = await admin.context().request.get(`${baseUrl()}${href}`);
    expect(csv.status()).toBe(200);
    const body = await csv.text();
    for (const type of expected) expect(body).toContain(type);
    expect(body).not.toContain("auth.login,"); // admin's own login isn't nora's

    // Event type and date range narrow it further, and live in the URL.
    await admin.getByRole("combobox", { name: "Event type" }).fill("team.cre");
    await admin.getByRole("option", { name: "team.created" }).click();
    await expect.poll(() => admin.getByTestId("audit-row").count()).toBe(1);
    const today = new Date().toISOString().slice(0, 10);
    await admin.goto(`${admin.url()}&from=${today}&to=${today}`);
    await admin.locator('[data-testid=audit-row][data-event-type="team.created"]').waitFor();
    expect(await admin.getByTestId("audit-row").count()).toBe(1);
    await shot(admin, "audit-log-filtered");
    await admin.goto(`${admin.url().replace(/from=[^&]+&to=[^&]+/, "from=2000-01-01&to=2000-01-02")}`);
    await admin.getByText("No events match these filters").waitFor();
  });

  it("shows the invitation email in the outbox, rendered in a sandbox", async () => {
    await navLink(admin, "Outbox").click();
    const row = admin.getByTestId("outbox-row").filter({ hasText: "omar@example.com" });
    await row.click();
    const drawer = admin.getByRole("dialog");
    await drawer.getByTestId("outbox-html").waitFor();
    expect(await drawer.getByTestId("outbox-html").getAttribute("sandbox")).toBe("");
    await admin.frameLocator("[data-testid=outbox-html]").getByText("Nora Research").first().waitFor();
    await shot(admin, "outbox-email");

    await drawer.getByRole("tab", { name: "Text" }).click();
    const text = (await drawer.getByTestId("outbox-text").textContent()) ?? "";
    invitationToken = /invitation=([^\s&]+)/.exec(text)?.[1] ?? "";
    expect(invitationToken).not.toBe("");
    await admin.keyboard.press("Escape");
  });

  it("lets the invited person sign up from the emailed link and join the organization", async () => {
    const omar = await newPage();
    await omar.goto(`${baseUrl()}/signup?invitation=${invitationToken}`);
    await omar.getByTestId("invitation-banner").filter({ hasText: "You're invited to Nora Research as member" }).waitFor();
    // The invitation stands in for the invite key.
    expect(await omar.getByLabel("Invite key").count()).toBe(0);
    expect(await omar.getByLabel("Email").inputValue()).toBe("omar@example.com");
    await shot(omar, "signup-invitation");

    await omar.getByLabel("Username").fill("omar");
    await omar.getByLabel("Password", { exact: true }).fill("amber-canyon-whistle-7");
    await omar.getByRole("button", { name: "Create account" }).click();
    await omar.getByRole("heading", { name: "Welcome, omar" }).waitFor();
    // The link was mailed to omar@example.com, so signing up through it confirmed the address.
    expect(await omar.getByTestId("unverified-banner").count()).toBe(0);
    const switcher = omar.getByTestId("org-switcher");
    await switcher.filter({ hasText: "Nora Research" }).waitFor();
    await switcher.click();
    await omar.getByRole("menuitem", { name: /Nora Research/ }).waitFor();
    await shot(omar, "org-switcher");
    await omar.keyboard.press("Escape");

    // The new member sees the organization but, as a member, can't manage people.
    await omar.getByRole("link", { name: "Organization", exact: true }).click();
    await omar.getByRole("heading", { name: "Nora Research" }).waitFor();
    expect(await omar.getByRole("tab", { name: "Invitations" }).count()).toBe(0);
    await omar.getByRole("tab", { name: "Members" }).click();
    await omar.getByTestId("member-row").filter({ hasText: "omar" }).getByRole("button", { name: "Leave" }).waitFor();
    expect(await omar.getByTestId("member-row").filter({ hasText: "nora" }).getByRole("button", { name: "Remove" }).count()).toBe(0);
    await omar.context().close();
  });

  it("lets the admin find the user, and keeps the admin area from everyone else", async () => {
    await navLink(admin, "Users").click();
    await admin.getByLabel("Search users").fill("nora");
    await admin.getByTestId("admin-user-row").filter({ hasText: "nora@example.com" }).filter({ hasText: "Active" }).waitFor();
    await expect.poll(() => admin.getByTestId("admin-user-row").count()).toBe(1);
    await shot(admin, "admin-users");

    expect(await navLink(nora, "Users").count()).toBe(0);
    await nora.goto(`${baseUrl()}/admin/audit`);
    await nora.getByTestId("forbidden").waitFor();
    await shot(nora, "admin-forbidden");
  });

  it("changes the password from the profile, naming a wrong current password", async () => {
    await navLink(nora, "Profile").click();
    await nora.getByRole("heading", { name: "Change password" }).waitFor();
    const form = nora.locator("form").filter({ has: nora.getByRole("heading", { name: "Change password" }) });
    await form.getByLabel("Current password").fill("not-my-password");
    await form.getByLabel("New password", { exact: true }).fill("silver-orchard-tide-88");
    await form.getByLabel("Confirm new password").fill("silver-orchard-tide-88");
    await nora.getByRole("button", { name: "Change password" }).click();
    await nora.getByText("current password is incorrect", { exact: false }).waitFor();
    await form.locator("button[type=submit]:not([data-loading])").waitFor();
    await shot(nora, "profile-password-error");

    expect(await form.getByRole("checkbox", { name: "Also revoke all my API keys" }).isChecked()).toBe(true);
    await form.getByLabel("Current password").fill("quiet-harbor-lantern-42");
    await nora.getByRole("button", { name: "Change password" }).click();
    await nora.getByText("Your other sessions were signed out and your API keys revoked").waitFor();
    expect(await form.getByLabel("Current password").inputValue()).toBe("");
  });

  it("resets a forgotten password through the emailed link", async () => {
    const visitor = await newPage();
    await visitor.goto(`${baseUrl()}/login`);
    await visitor.getByRole("link", { name: "Forgot password?" }).click();
    // The route loads lazily: until it shows, "Email" would also match the sign-in form's "Username or email".
    await visitor.getByRole("heading", { name: "Reset your password" }).waitFor();
    await visitor.getByLabel("Email", { exact: true }).fill("nora@example.com");
    await visitor.getByRole("button", { name: "Send reset link" }).click();
    await visitor.getByTestId("reset-requested").waitFor();
    await shot(visitor, "forgot-password");

    await navLink(admin, "Outbox").click();
    await admin.getByLabel("Filter by recipient").fill("nora@example.com");
    await admin.getByTestId("outbox-row").filter({ hasText: "password" }).first().click();
    await admin.getByRole("dialog").getByRole("tab", { name: "Text" }).click();
    const text = (await admin.getByTestId("outbox-text").textContent()) ?? "";
    const token = /token=([^\s&]+)/.exec(text)?.[1] ?? "";
    expect(token).not.toBe("");
    await admin.keyboard.press("Escape");

    await visitor.goto(`${baseUrl()}/reset-password?token=${token}`);
    await visitor.getByLabel("New password", { exact: true }).fill("brisk-meadow-falcon-19");
    await visitor.getByLabel("Confirm new password").fill("brisk-meadow-falcon-18");
    await visitor.getByRole("button", { name: "Set new password" }).click();
    await visitor.getByText("The passwords don't match").waitFor();
    await shot(visitor, "reset-password");
    await visitor.getByLabel("Confirm new password").fill("brisk-meadow-falcon-19");
    await visitor.getByRole("button", { name: "Set new password" }).click();
    await visitor.getByTestId("reset-done").waitFor();
    await shot(visitor, "reset-password-done");

    await visitor.getByRole("link", { name: "Sign in" }).click();
    await visitor.getByLabel("Username or email").fill("nora");
    await visitor.getByLabel("Password", { exact: true }).fill("brisk-meadow-falcon-19");
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await visitor.getByRole("heading", { name: "Welcome back, nora" }).waitFor();
    await visitor.context().close();
  });

  it("changes the email address from the profile; the new one must be confirmed", async () => {
    const page = await newPage();
    await signIn(page, "nora", "brisk-meadow-falcon-19");
    await navLink(page, "Profile").click();
    const form = page.locator("form").filter({ has: page.getByRole("heading", { name: "Change email address" }) });
    await form.getByLabel("New email address").fill("nora.r@example.com");
    await form.getByLabel("Current password").fill("brisk-meadow-falcon-19");
    await form.getByRole("button", { name: "Change email" }).click();
    await page.getByTestId("unverified-banner").filter({ hasText: "nora.r@example.com" }).waitFor();
    await shot(page, "profile-email-changed");

    const token = await linkMailedTo("nora.r@example.com", "verify_email", /verify-email\?token=([a-z0-9]+)/);
    await page.goto(`${baseUrl()}/verify-email?token=${token}`);
    await page.getByRole("button", { name: "Confirm my address" }).click();
    await page.getByTestId("verify-done").waitFor();
    await page.getByRole("link", { name: "Continue to Atrium" }).click();
    await page.getByRole("heading", { name: "Welcome back, nora" }).waitFor();
    expect(await page.getByTestId("unverified-banner").count()).toBe(0);
    await page.context().close();
  });
});

import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditReserve } from "@atrium/core";
import { schema } from "@atrium/db";
// Relative: the SDK's package exports point at its build.
import { createClient } from "../../../packages/sdk/src/index.js";
import { launchChromium, startE2eStack, type E2eStack } from "./browser.js";

// Issue 10, items 9–12: clarity for a new user. One story, in order: a brand-new user signs up, reads
// their profile and dashboard, gets work done (seeded where no screen makes it: a failed job, a credit),
// staff read the same job, and the user re-invites someone. The steps share two browser pages.
let api: E2eStack | undefined;
let browser: Browser | undefined;
let nora: Page;
let admin: Page;
const PASSWORD = "quiet-harbor-lantern-42";
const CAUSE = "TypeError: Cannot read properties of undefined (reading 'tokens')";
let jobId = "";

beforeAll(async () => {
  // This story writes some first steps straight into the database, behind the api's back; the api's
  // session cache (test/session-cache.test.ts) would serve the user as it was until its TTL passed.
  api = await startE2eStack({ SIGNUP_MODE: "open", RATE_LIMIT_ENABLED: "false", SESSION_CACHE_TTL_MS: "0" });
  browser = await launchChromium(process.env.CHROMIUM_PATH);
  nora = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  for (const p of [nora, admin]) p.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await api?.close();
});

function stack(): E2eStack {
  if (!api) throw new Error("api not started");
  return api;
}
const url = (path: string) => `${stack().url}${path}`;

async function noraRow(): Promise<typeof schema.users.$inferSelect> {
  const [row] = await stack().db.select().from(schema.users).where(eq(schema.users.username, "nora"));
  if (!row?.accountId) throw new Error("nora has no account");
  return row;
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto(url("/login"));
  await page.getByLabel("Username or email").fill(username);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Sign-in returns to the page the user was last on; the dashboard is what these steps read.
  await page.waitForURL((u) => u.pathname !== "/login");
  await page.goto(url("/"));
}

const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
// Toasts come and go with timing; leave them out so the pages themselves can be compared.
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true, animations: "disabled", style: ".mantine-Notifications-root { display: none !important; }" });

const profileValue = (label: string) => nora.locator(`[data-testid=profile-row][data-label="${label}"] td`);

describe("clarity for a new user", () => {
  it("greets a brand-new user with Welcome (not back) and a dashboard of empty states and first steps", async () => {
    await nora.goto(url("/signup"));
    await nora.getByLabel("Username").fill("nora");
    await nora.getByLabel("Email").fill("nora@example.com");
    await nora.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await nora.getByRole("button", { name: "Create account" }).click();
    await nora.getByRole("heading", { name: "Welcome, nora" }).waitFor();

    const checklist = nora.getByTestId("getting-started");
    await checklist.getByTestId("checklist-item").first().waitFor();
    const steps = await checklist.getByTestId("checklist-item").evaluateAll((items) => items.map((el) => `${el.getAttribute("data-step")}:${el.getAttribute("data-done")}`));
    expect(steps).toEqual(["verify-email:false", "top-up:false", "upload:false", "analyze:false", "api-key:false"]);
    await nora.getByTestId("recent-jobs-empty").waitFor();
    await nora.getByTestId("recent-documents-empty").waitFor();
    await nora.getByTestId("dashboard-balance-amount").filter({ hasText: "$0.00" }).waitFor();
    await shot(nora, "dashboard-new-user");
  });

  it("shows the owner role apart from the staff flag, this sign-in, and sets a display name", async () => {
    await nora.getByRole("navigation").getByRole("link", { name: "Profile" }).first().click();
    await nora.waitForURL("**/profile");
    expect(await profileValue("Role in account").textContent()).toBe("Owner");
    expect(await profileValue("Platform staff").textContent()).toBe("No");
    expect(await profileValue("Signed in").textContent()).not.toContain("Never");
    expect(await profileValue("Previous sign-in").textContent()).toContain("first sign-in");

    const field = nora.getByLabel("Display name", { exact: true });
    await field.fill("N".repeat(81));
    await nora.getByRole("button", { name: "Save name" }).click();
    await nora.getByText("At most 80 characters").waitFor();
    await field.fill("  Nora Lindqvist  ");
    await nora.getByRole("button", { name: "Save name" }).click();
    await profileValue("Display name").filter({ hasText: "Nora Lindqvist" }).waitFor();
    await nora.getByTestId("user-menu").filter({ hasText: "Nora Lindqvist" }).waitFor();
    expect((await noraRow()).displayName).toBe("Nora Lindqvist");
    await shot(nora, "profile-new-user");
  });

  it("says Welcome back, by the display name, on the next sign-in", async () => {
    await nora.getByTestId("user-menu").click();
    await nora.getByRole("menuitem", { name: "Log out" }).click();
    await nora.waitForURL("**/login");
    await signIn(nora, "nora", PASSWORD);
    await nora.getByRole("heading", { name: "Welcome back, Nora Lindqvist" }).waitFor();
    await nora.goto(url("/profile"));
    expect(await profileValue("Previous sign-in").textContent()).not.toContain("first sign-in");
  });

  it("ticks the checklist from real data, then hides it, and lists the latest work with links", async () => {
    const me = await noraRow();
    const accountId = me.accountId as string;
    const db = stack().db;
    const doc = async (filename: string, kind: string) => {
      const [row] = await db
        .insert(schema.documents)
        .values({ accountId, filename, mimeType: "text/plain", sizeBytes: 40, sha256: "0".repeat(64), storageKey: `e2e/${accountId}/${filename}`, kind, extractionStatus: "done", extractedText: "Nora builds TypeScript services." })
        .returning();
      if (!row) throw new Error("no document");
      return row.id;
    };
    const resume = await doc("nora-cv.txt", "resume");
    const jd = await doc("backend-role.txt", "job_description");
    await nora.goto(url("/"));
    await nora.locator("[data-testid=checklist-item][data-step=upload][data-done=true]").waitFor();
    expect(await nora.locator("[data-testid=checklist-item][data-step=analyze]").getAttribute("data-done")).toBe("false");

    // The rest of the first steps, as the product records them.
    await db.update(schema.users).set({ emailVerifiedAt: new Date() }).where(eq(schema.users.id, me.id));
    await creditReserve(db, { accountId, amountCents: 2000, idempotencyKey: "e2e-clarity-topup", reason: "Top-up" });
    const key = await nora.request.post(url("/api/api-keys/"), { data: { name: "laptop" }, headers: { origin: stack().url } });
    expect(key.status()).toBe(200);
    // A failed resume match whose job description was deleted afterwards.
    const [job] = await db
      .insert(schema.jobs)
      .values({
        accountId,
        createdById: me.id,
        type: "resume_match",
        status: "failed",
        input: { resumeDocumentId: resume, jobDescriptionDocumentId: jd },
        error: "Something went wrong on our side while running this job. Run it again; if it keeps failing, contact support and mention the job id.",
        errorCause: CAUSE,
        attempts: 1,
        startedAt: new Date(),
        finishedAt: new Date(),
      })
      .returning();
    if (!job) throw new Error("no job");
    jobId = job.id;
    const events = [
      { type: "job.queued", message: "Queued resume_match (estimated 3 ¢)", data: {} },
      { type: "job.running", message: "Running (attempt 1)", data: {} },
      { type: "step", message: "extract_text done in 8 ms", data: { step: "extract_text" }, durationMs: 8 },
      { type: "llm.call", message: "local/wink: 0 in, 0 out tokens in 120 ms", data: {}, durationMs: 120 },
      { type: "job.failed", message: job.error ?? "", data: {} },
    ];
    await db.insert(schema.jobEvents).values(events.map((e, i) => ({ ...e, jobId: job.id, accountId, seq: i + 1 })));
    await db.update(schema.documents).set({ deletedAt: new Date() }).where(eq(schema.documents.id, jd));

    await nora.goto(url("/"));
    await nora.getByTestId("recent-job").first().waitFor();
    // Every step done: the checklist is gone.
    await nora.getByTestId("getting-started").waitFor({ state: "detached" });
    await nora.getByTestId("dashboard-balance-amount").filter({ hasText: "$20.00" }).waitFor();
    expect(await nora.getByTestId("recent-job").first().textContent()).toContain("nora-cv.txt vs deleted document");
    expect(await nora.getByTestId("recent-document").count()).toBe(1);
    await shot(nora, "dashboard-active");
    await nora.getByTestId("recent-document").getByRole("link", { name: "nora-cv.txt" }).click();
    await nora.waitForURL(`**/documents/${resume}`);
  });

  it("lists the job by its documents and tells its story in words, with a helpful failure and no internals", async () => {
    await nora.goto(url("/jobs"));
    const row = nora.getByTestId("job-row").first();
    await row.filter({ hasText: "nora-cv.txt vs deleted document" }).waitFor();
    expect(await row.textContent()).not.toContain(jobId.slice(0, 8));

    await row.getByRole("link").click();
    await nora.waitForURL(`**/jobs/${jobId}`);
    const timeline = nora.getByTestId("job-timeline");
    await timeline.getByTestId("event-label").first().waitFor();
    const labels = await timeline.getByTestId("event-label").allTextContents();
    expect(labels).toEqual(["Queued", "Started", "Reading the document — 8 ms", "Asking the analyzer — 120 ms", "Failed"]);
    const text = (await timeline.textContent()) ?? "";
    for (const raw of ["job.queued", "llm.call", "extract_text", "job.failed"]) expect(text).not.toContain(raw);
    const error = nora.getByTestId("job-error");
    expect(await error.textContent()).toContain("Run it again");
    expect(await nora.getByTestId("job-error-cause").count()).toBe(0);
    expect(await nora.getByRole("button", { name: "Retry job" }).count()).toBe(0);
    expect(await nora.content()).not.toContain("TypeError");
    await shot(nora, "job-failed-user");
  });

  it("shows staff account names, the failure's cause, and Retry on the job page", async () => {
    await signIn(admin, "admin", "admin123");
    await admin.goto(url("/admin/jobs"));
    const row = admin.locator("[data-testid=system-job-row]").filter({ hasText: "nora-cv.txt vs deleted document" });
    await row.waitFor();
    const { accountId } = await noraRow();
    expect(await row.getByTestId("job-account").textContent()).toBe("nora's workspace");
    expect(await row.textContent()).not.toContain((accountId as string).slice(0, 8));

    await admin.goto(url(`/jobs/${jobId}`));
    await admin.getByTestId("job-error-cause").filter({ hasText: CAUSE }).waitFor();
    await shot(admin, "job-failed-staff");
    await admin.getByRole("button", { name: "Retry job" }).click();
    await admin.locator("[data-testid=job-status][data-status=queued]").first().waitFor();
    await admin.getByTestId("event-label").filter({ hasText: "Queued again by support" }).waitFor();
  });

  it("says a re-invite replaced the first link, and the old link's page says a newer invitation was sent", async () => {
    const { token } = await createClient({ baseUrl: stack().url }).auth.token.mutate({ username: "nora", password: PASSWORD });
    const client = createClient({ baseUrl: stack().url, token });
    const me = await client.auth.me.query();
    const org = await client.organizations.create.mutate({ accountId: me.account?.id ?? "", name: "Nora Research" });

    await nora.goto(url(`/organizations/${org.id}`));
    await nora.getByRole("tab", { name: "Invitations" }).click();
    await nora.getByLabel("Email").fill("omar@example.com");
    await nora.getByRole("button", { name: "Invite", exact: true }).click();
    await nora.getByTestId("invite-result").waitFor();
    expect(await nora.getByTestId("invite-replaced").count()).toBe(0);
    await nora.getByLabel("Email").fill("omar@example.com");
    await nora.getByRole("button", { name: "Invite", exact: true }).click();
    await nora.getByTestId("invite-replaced").filter({ hasText: "the link in that email no longer works" }).waitFor();
    await shot(nora, "reinvite-confirmation");

    const mails = await stack()
      .db.select()
      .from(schema.emailOutbox)
      .where(and(eq(schema.emailOutbox.toAddress, "omar@example.com"), eq(schema.emailOutbox.template, "organization_invitation")))
      .orderBy(asc(schema.emailOutbox.createdAt));
    const [oldToken, newToken] = mails.map((m) => /signup\?invitation=([a-z0-9]+)/.exec(m.text)?.[1]);
    if (!oldToken || !newToken) throw new Error("expected two invitation emails");

    if (!browser) throw new Error("no browser");
    // Omar, signed out, opens each link from his inbox.
    const omar = await (await browser.newContext()).newPage();
    await omar.goto(url(`/signup?invitation=${oldToken}`));
    await omar.getByTestId("invitation-unusable").filter({ hasText: "A newer invitation was sent to this address — use the latest email" }).waitFor();
    await shot(omar, "superseded-invitation");
    await omar.goto(url(`/signup?invitation=${newToken}`));
    await omar.getByTestId("invitation-banner").filter({ hasText: "You're invited to Nora Research" }).waitFor();
    await omar.context().close();
  });
});

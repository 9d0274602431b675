import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient, existingUser, homeAccountOf, joinAccount, userNamed } from "@atrium/testing/e2e";
import { e2eSuite, navLink, shot } from "./harness.js";

// Issue 15, the posting half of the HR portal and the public job board: a recruiter writes and
// publishes a posting in the SPA; a visitor who never signed in finds it by searching, opens it,
// and "Sign in to apply" brings them back to the application page once signed in.
const suite = e2eSuite({ env: { RATE_LIMIT_ENABLED: "false" } });
let recruiter: Page;
let visitor: Page;
const posting = { id: "", slug: "" };
const TITLE = "Night shift nurse";

beforeAll(async () => {
  const stack = suite.stack();
  // Rita belongs to the admin's account as a plain member; the admin makes her a recruiter below (SPA).
  await existingUser(stack, { username: "rita", password: "rita-password-1", verified: true });
  await existingUser(stack, { username: "carl", password: "carl-password-1", verified: true });
  const accountId = await homeAccountOf(stack, "admin");
  await joinAccount(stack, { accountId, userId: (await userNamed(stack, "rita")).id, role: "member" });
  const { token } = await createClient({ baseUrl: suite.baseUrl() }).auth.token.mutate({ username: "admin", password: "admin123" });
  posting.slug = String((await createClient({ baseUrl: suite.baseUrl(), token }).auth.me.query()).account?.slug);
  recruiter = await suite.newPage();
  visitor = await suite.newPage({ width: 390, height: 844 });
});

describe("postings and the public job board", () => {
  it("an admin gives a member the recruiter role; the Recruiting link appears for her", async () => {
    await suite.signIn(recruiter, "rita", "rita-password-1");
    await recruiter.getByRole("heading", { name: /^Welcome/ }).waitFor();
    expect(await navLink(recruiter, "Recruiting").count()).toBe(0);

    const admin = await suite.adminPage();
    await navLink(admin, "Recruiting").click();
    await admin.getByRole("heading", { name: "Job postings" }).waitFor();
    await admin.getByRole("link", { name: "Hiring team" }).click();
    await admin.getByRole("heading", { name: "Hiring team" }).waitFor();
    await admin.getByRole("combobox", { name: "Recruiting role of rita" }).click();
    await admin.getByRole("option", { name: "Recruiter" }).click();
    await expect.poll(() => admin.getByRole("combobox", { name: "Recruiting role of rita" }).inputValue()).toBe("Recruiter");

    await recruiter.reload();
    await navLink(recruiter, "Recruiting").waitFor();
  });

  it("the recruiter drafts a posting with field checks, then publishes it", async () => {
    await navLink(recruiter, "Recruiting").click();
    await recruiter.getByRole("heading", { name: "Job postings" }).waitFor();
    await recruiter.getByText("No postings yet").waitFor();
    await recruiter.getByRole("button", { name: "New posting" }).first().click();
    const dialog = recruiter.getByRole("dialog");
    await dialog.getByLabel("Title").fill(TITLE);
    await dialog.getByLabel("Salary from").fill("50000");
    await dialog.getByLabel("Salary up to").fill("40000");
    await dialog.getByRole("button", { name: "Save draft" }).click();
    // Both mistakes are named on their fields before anything is sent.
    await dialog.getByText("Describe the role").waitFor();
    await dialog.getByText("The maximum salary can't be below the minimum").waitFor();

    await dialog.getByLabel("Description").fill("Care for patients on the night shift of a small ward.");
    await dialog.getByLabel("Salary up to").fill("60000");
    await dialog.getByLabel("Location").fill("Lyon");
    await dialog.getByLabel("Required skills").fill("Triage");
    await dialog.getByLabel("Required skills").press("Enter");
    await dialog.getByRole("button", { name: "Save draft" }).click();

    await recruiter.getByRole("heading", { name: TITLE }).waitFor();
    posting.id = recruiter.url().split("/").at(-1) ?? "";
    await expect.poll(() => recruiter.getByTestId("posting-status").textContent()).toBe("Draft");
    await recruiter.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => recruiter.getByTestId("posting-status").textContent()).toBe("Published");
    await recruiter.getByRole("link", { name: "View on job board" }).waitFor();
    await shot(recruiter, "recruiting-posting");
  });

  it("a visitor who never signed in searches, opens the posting, and comes back to apply after signing in", async () => {
    await visitor.goto(suite.url("/jobs/search"));
    await visitor.getByRole("heading", { name: "Find a job" }).waitFor();
    await visitor.getByRole("textbox", { name: "Search words" }).fill("nurse ward");
    await visitor.getByTestId("public-posting").filter({ hasText: TITLE }).waitFor();
    await visitor.getByRole("textbox", { name: "Search words" }).fill("welder");
    await visitor.getByText("No postings match your search").waitFor();
    await visitor.getByRole("textbox", { name: "Search words" }).fill("nurse");
    await visitor.getByRole("link", { name: TITLE }).click();

    await visitor.getByRole("heading", { name: TITLE }).waitFor();
    expect(new URL(visitor.url()).pathname).toBe(`/jobs/${posting.slug}/${posting.id}`);
    await visitor.getByText("Triage").waitFor();
    await shot(visitor, "public-posting");
    await visitor.getByRole("link", { name: "Sign in to apply" }).click();
    await visitor.getByLabel("Username or email").fill("carl");
    await visitor.getByLabel("Password", { exact: true }).fill("carl-password-1");
    await visitor.getByRole("button", { name: "Sign in" }).click();
    await visitor.waitForURL((url) => url.pathname === `/jobs/${posting.slug}/${posting.id}/apply`);
    // On the phone the résumé picker keeps a readable width; the upload button goes under it.
    const picker = await visitor.getByLabel("Résumé", { exact: true }).first().boundingBox();
    expect(picker?.width).toBeGreaterThanOrEqual(240);
  });

  it("the employer's board lists it; an unknown employer says so", async () => {
    const page = await suite.newPage();
    await page.goto(suite.url(`/jobs/${posting.slug}`));
    await page.getByTestId("public-posting").filter({ hasText: TITLE }).waitFor();
    await page.goto(suite.url("/jobs/no-such-employer"));
    await page.getByText("Employer not found").waitFor();
  });

  it("a closed posting leaves the board: its page says so", async () => {
    const page = await suite.newPage();
    await recruiter.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => recruiter.getByTestId("posting-status").textContent()).toBe("Closed");
    await page.goto(suite.url(`/jobs/${posting.slug}/${posting.id}`));
    await page.getByText("Posting not found").waitFor();

    // Carl, who came back to apply, finds no form the api would refuse, and a way to the employer's other jobs.
    await visitor.reload();
    await visitor.getByRole("heading", { name: "Apply for this job" }).waitFor();
    await visitor.getByText("This job isn't open for applications").waitFor();
    expect(await visitor.getByRole("button", { name: "Send application" }).count()).toBe(0);
    expect(await visitor.getByRole("link", { name: "See this employer's open jobs" }).getAttribute("href")).toBe(`/jobs/${posting.slug}`);
  });
});

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient, emailsTo, existingUser, grantCredit, homeAccountOf, joinAccount, setRecruitingRole, userNamed } from "@atrium/testing/e2e";
import { e2eSuite, FIXTURES, shot } from "./harness.js";

// Issue 15's story, in two browsers: the recruiter and the candidate. The recruiter writes and publishes
// a posting; the candidate finds it on the employer's public job board, signs up, uploads a résumé PDF and
// applies; the worker (a process of its own) reads the résumé and runs the match, and the recruiter sees the
// application ranked with its score; the recruiter moves it to interview (the candidate sees it live and the
// status email lands in the outbox); they exchange messages live; the conversation also shows in both
// inboxes; the recruiter schedules an interview and the candidate confirms it (the recruiter's page follows
// live); a member of the employer without a recruiting role can't reach any of it.
const suite = e2eSuite({ env: { SIGNUP_MODE: "open", RATE_LIMIT_AUTH_PER_MINUTE: "100" }, worker: true, dataDir: true });
const PASSWORD = "story-password-123";
let recruiter: Page;
let candidate: Page;
let applicationId = "";
let postingId = "";
let boardPath = "";

const signedIn = async (username: string) => {
  const page = await suite.newPage();
  await suite.signIn(page, username, PASSWORD);
  await page.getByRole("heading", { name: /^Welcome/ }).waitFor();
  return page;
};
const clientOf = async (username: string) => {
  const { token } = await createClient({ baseUrl: suite.baseUrl() }).auth.token.mutate({ username, password: PASSWORD });
  return createClient({ baseUrl: suite.baseUrl(), token });
};
const badgeCount = (page: Page) => page.getByTestId("unread-badge").getAttribute("data-count").then(Number);
const message = (page: Page, text: string) => page.getByTestId("message").filter({ hasText: text });

beforeAll(async () => {
  const stack = suite.stack();
  const employer = await homeAccountOf(stack, "admin");
  for (const username of ["rita", "paul"]) {
    await existingUser(stack, { username, password: PASSWORD, verified: true });
    await joinAccount(stack, { accountId: employer, userId: (await userNamed(stack, username)).id });
  }
  await setRecruitingRole(stack, { accountId: employer, userId: (await userNamed(stack, "rita")).id, role: "recruiter" });
  // The match is a job billed to the employer like any other.
  await grantCredit(stack, { accountId: employer, amountCents: 10_000, idempotencyKey: "recruiting-story", reason: "story credit" });
  recruiter = await signedIn("rita");
  candidate = await suite.newPage();
});

describe("an application, from both sides", () => {
  it("the recruiter writes and publishes a posting", async () => {
    await recruiter.goto(suite.url("/recruiting/postings"));
    await recruiter.getByRole("button", { name: "New posting" }).first().click();
    const dialog = recruiter.getByRole("dialog");
    await dialog.getByLabel("Title").fill("Backend engineer");
    await dialog.getByLabel("Description").fill("Build the APIs behind our payments platform: TypeScript, Node.js, PostgreSQL and Redis in production, Docker and AWS.");
    for (const skill of ["TypeScript", "PostgreSQL", "Redis"]) {
      await dialog.getByLabel("Required skills").fill(skill);
      await dialog.getByLabel("Required skills").press("Enter");
    }
    await dialog.getByRole("button", { name: "Save draft" }).click();
    await recruiter.waitForURL((u) => /^\/recruiting\/postings\/[0-9a-f-]{36}$/.test(u.pathname));
    postingId = new URL(recruiter.url()).pathname.split("/").at(-1) ?? "";
    await recruiter.getByRole("button", { name: "Publish" }).first().click();
    const onBoard = recruiter.getByRole("link", { name: "View on job board" });
    await onBoard.waitFor();
    boardPath = (await onBoard.getAttribute("href")) ?? "";
    expect(boardPath).toBe(`${boardPath.split("/").slice(0, 3).join("/")}/${postingId}`);
  });

  it("the candidate finds it on the public board, signs up, uploads a résumé PDF and applies", async () => {
    // Signed out: the employer's board lists the posting.
    const employerBoard = boardPath.split("/").slice(0, 3).join("/");
    await candidate.goto(suite.url(employerBoard));
    await candidate.getByRole("link", { name: "Backend engineer" }).click();
    await candidate.getByRole("heading", { name: "Backend engineer" }).waitFor();

    await candidate.goto(suite.url("/signup"));
    await candidate.getByLabel("Username").fill("casey");
    await candidate.getByLabel("Email").fill("casey@example.com");
    await candidate.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await candidate.getByRole("button", { name: "Create account" }).click();
    await candidate.getByRole("heading", { name: "Welcome, casey" }).waitFor();

    await candidate.goto(suite.url(boardPath));
    await candidate.getByRole("link", { name: "Apply" }).click();
    await candidate.getByRole("heading", { name: "Apply for this job" }).waitFor();
    await candidate.locator("input[type=file]").setInputFiles(`${FIXTURES}resume-nora-lindqvist.pdf`);
    // The worker reads the PDF; the picker names it once its text is in.
    await expect.poll(() => candidate.getByLabel("Résumé", { exact: true }).first().inputValue(), { timeout: 30_000 }).toBe("resume-nora-lindqvist.pdf");
    await candidate.getByLabel("Cover letter").fill("I build payment APIs in TypeScript.");
    await candidate.getByRole("button", { name: "Send application" }).click();
    await candidate.waitForURL((u) => /^\/candidate\/applications\/[0-9a-f-]{36}$/.test(u.pathname));
    applicationId = new URL(candidate.url()).pathname.split("/").at(-1) ?? "";
  });

  it("the recruiter sees the application ranked with its match score", async () => {
    await recruiter.goto(suite.url(`/recruiting/postings/${postingId}/applications`));
    await recruiter.getByRole("heading", { name: "Applications" }).waitFor();
    await recruiter.getByText("Table", { exact: true }).click();
    const row = recruiter.getByTestId("application-row").first();
    await expect.poll(() => row.getByTestId("match-score").innerText(), { timeout: 45_000 }).toMatch(/^\d+$/);
    expect(Number(await row.getByTestId("match-score").innerText())).toBeGreaterThan(0);
    await shot(recruiter, "recruiting-ranked-applications");
  });

  it("the recruiter moves it to interview: the candidate's page follows live and the status email is in the outbox", async () => {
    await candidate.goto(suite.url(`/candidate/applications/${applicationId}`));
    await candidate.getByRole("heading", { name: "Backend engineer" }).waitFor();
    await expect.poll(() => candidate.getByTestId("application-status").getAttribute("data-status")).toBe("applied");

    await recruiter.goto(suite.url(`/recruiting/applications/${applicationId}`));
    await recruiter.getByRole("heading", { name: "Messages" }).waitFor();
    await recruiter.getByRole("button", { name: "Move to" }).click();
    await recruiter.getByRole("menuitem", { name: "Move to Interview" }).click();
    await expect.poll(() => recruiter.getByTestId("application-status").innerText()).toMatch(/interview/i);

    await expect.poll(() => candidate.getByTestId("application-status").getAttribute("data-status")).toBe("interview");
    await expect.poll(async () => (await emailsTo(suite.stack(), "casey@example.com", "application_status")).length).toBe(1);
  });

  it("they exchange messages on the application pages, live both ways", async () => {
    await candidate.getByRole("heading", { name: "Messages" }).waitFor();
    const ask = candidate.getByLabel("Message the employer");
    await ask.fill("Hello! Is the role open to remote work?");
    await ask.press("Enter");
    await message(candidate, "open to remote work").waitFor();

    // Rita has had the application open the whole time.
    await message(recruiter, "open to remote work").waitFor();
    const answer = recruiter.getByTestId("composer");
    await answer.fill("Yes, fully remote within the EU.");
    await answer.press("Enter");
    await message(recruiter, "fully remote").waitFor();
    await message(candidate, "fully remote").waitFor();
    // Both are looking at the thread, so each side has read the other's message: "Seen" under Rita's.
    await recruiter.getByTestId("seen").waitFor();
    await shot(candidate, "recruiting-application-candidate");
    await shot(recruiter, "recruiting-application-recruiter");
  });

  it("shows the conversation in both inboxes, linked to each side's application page", async () => {
    await candidate.goto(suite.url("/messages"));
    await candidate.getByRole("heading", { name: "Messages" }).waitFor();
    await candidate.getByTestId("conversation").first().click();
    await message(candidate, "fully remote").waitFor();
    expect(await candidate.getByRole("link", { name: "About this application" }).getAttribute("href")).toBe(`/candidate/applications/${applicationId}`);
    await expect.poll(() => badgeCount(candidate)).toBe(0);

    await recruiter.goto(suite.url("/messages"));
    await recruiter.getByRole("heading", { name: "Messages" }).waitFor();
    await recruiter.getByTestId("conversation").filter({ hasText: "casey" }).click();
    await message(recruiter, "open to remote work").waitFor();
    expect(await recruiter.getByRole("link", { name: "About this application" }).getAttribute("href")).toBe(`/recruiting/applications/${applicationId}`);
  });

  it("the recruiter schedules an interview, the candidate confirms it, and the recruiter sees that live", async () => {
    await recruiter.goto(suite.url(`/recruiting/applications/${applicationId}`));
    await recruiter.getByRole("heading", { name: "Interviews" }).waitFor();
    await recruiter.getByRole("button", { name: "Schedule interview" }).click();
    // Tomorrow at 10:00 in the browser's time zone, as the datetime-local field takes it.
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    const pad = (n: number) => String(n).padStart(2, "0");
    await recruiter.getByLabel("Starts at").fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T10:00`);
    await recruiter.getByPlaceholder("Pick interviewers").click();
    await recruiter.getByRole("option").first().click();
    await recruiter.getByLabel("Meeting link").fill("https://meet.example.com/backend-engineer");
    await recruiter.getByRole("button", { name: "Schedule", exact: true }).click();
    const card = recruiter.getByTestId("interview-card");
    await expect.poll(() => card.getByTestId("interview-status").textContent()).toBe("scheduled");

    await candidate.goto(suite.url(`/candidate/applications/${applicationId}`));
    const mine = candidate.getByTestId("candidate-interview");
    await expect.poll(() => mine.getByTestId("interview-status").textContent()).toBe("scheduled");
    await mine.getByRole("button", { name: "Confirm" }).click();
    await expect.poll(() => mine.getByTestId("interview-status").textContent()).toBe("confirmed");
    await expect.poll(() => card.getByTestId("interview-status").textContent(), { timeout: 15_000 }).toBe("confirmed");
    await expect.poll(async () => (await emailsTo(suite.stack(), "casey@example.com", "interview_scheduled")).length).toBe(1);
  });

  it("keeps a member without a recruiting role out (API)", async () => {
    const paul = await clientOf("paul");
    await expect(paul.recruiting.conversation.messages.query({ id: applicationId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect((await paul.messages.conversations.query({ limit: 50 })).items).toEqual([]);
    await expect(paul.recruiting.interviews.list.query({ applicationId })).rejects.toMatchObject({ data: { code: expect.stringMatching(/NOT_FOUND|FORBIDDEN/) } });
  });
});

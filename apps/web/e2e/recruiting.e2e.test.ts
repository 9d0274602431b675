import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient, emailsTo, existingUser, homeAccountOf, joinAccount, seedApplication, setRecruitingRole, userNamed } from "@atrium/testing/e2e";
import { e2eSuite, shot } from "./harness.js";

// Issue 15's story, in two browsers: the recruiter and the candidate. It starts where the candidate's
// application exists (seeded) and follows it on both sides' application pages: the recruiter moves it
// to interview (the candidate sees it live and the status email lands in the outbox), they exchange
// messages live; the application's conversation also shows in both inboxes; a member of the employer
// without a recruiting role can't reach it.
const suite = e2eSuite({ env: { RATE_LIMIT_AUTH_PER_MINUTE: "100" } });
const PASSWORD = "story-password-123";
let recruiter: Page;
let candidate: Page;
let applicationId = "";

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
  for (const username of ["rita", "casey", "paul"]) await existingUser(stack, { username, password: PASSWORD, verified: true });
  for (const username of ["rita", "paul"]) await joinAccount(stack, { accountId: employer, userId: (await userNamed(stack, username)).id });
  await setRecruitingRole(stack, { accountId: employer, userId: (await userNamed(stack, "rita")).id, role: "recruiter" });
  // The candidate's personal account, as signing up gives one.
  const personal = await (await clientOf("casey")).accounts.create.mutate({ name: "Casey's account" });
  ({ applicationId } = await seedApplication(stack, { employer: { accountId: employer }, candidate: { userId: (await userNamed(stack, "casey")).id, accountId: personal.id, name: "Casey" }, title: "Backend engineer" }));
  recruiter = await signedIn("rita");
  candidate = await signedIn("casey");
});

describe("an application, from both sides", () => {
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

  it("keeps a member without a recruiting role out (API)", async () => {
    const paul = await clientOf("paul");
    await expect(paul.recruiting.conversation.messages.query({ id: applicationId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    expect((await paul.messages.conversations.query({ limit: 50 })).items).toEqual([]);
  });
});

import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient, existingUser, homeAccountOf, joinAccount, seedApplication, setRecruitingRole, userNamed } from "@atrium/testing/e2e";
import { e2eSuite, shot } from "./harness.js";

// Issue 15's story, in two browsers: the recruiter and the candidate. It starts where the
// application exists (seeded) and follows the conversation about it: the candidate writes, the
// recruiter sees it arrive live and answers, the candidate sees the answer live; a member of the
// employer without a recruiting role can't reach it.
const suite = e2eSuite({ env: { RATE_LIMIT_AUTH_PER_MINUTE: "100" } });
const PASSWORD = "story-password-123";
let recruiter: Page;
let candidate: Page;
let applicationId = "";
let employer = "";

const signedIn = async (username: string) => {
  const page = await suite.newPage();
  await suite.signIn(page, username, PASSWORD);
  await page.getByRole("heading", { name: /^Welcome/ }).waitFor();
  return page;
};
const tokenOf = async (username: string) => (await createClient({ baseUrl: suite.baseUrl() }).auth.token.mutate({ username, password: PASSWORD })).token;
const badgeCount = (page: Page) => page.getByTestId("unread-badge").getAttribute("data-count").then(Number);

beforeAll(async () => {
  const stack = suite.stack();
  employer = await homeAccountOf(stack, "admin");
  for (const username of ["rita", "casey", "paul"]) await existingUser(stack, { username, password: PASSWORD, verified: true });
  for (const username of ["rita", "paul"]) await joinAccount(stack, { accountId: employer, userId: (await userNamed(stack, username)).id });
  await setRecruitingRole(stack, { accountId: employer, userId: (await userNamed(stack, "rita")).id, role: "recruiter" });
  ({ applicationId } = await seedApplication(stack, { employerAccountId: employer, title: "Backend engineer", candidate: "casey" }));
  recruiter = await signedIn("rita");
  candidate = await signedIn("casey");
});

describe("the conversation about an application", () => {
  it("reaches the recruiter live when the candidate writes, and the answer reaches the candidate live", async () => {
    await recruiter.goto(suite.url("/messages"));
    await recruiter.getByRole("heading", { name: "Messages" }).waitFor();
    await candidate.goto(suite.url("/messages"));
    await candidate.getByRole("heading", { name: "Messages" }).waitFor();

    const casey = createClient({ baseUrl: suite.baseUrl(), token: await tokenOf("casey") });
    await casey.recruiting.conversation.send.mutate({ id: applicationId, content: "Hello! Is the role open to remote work?" });

    // Rita has had her inbox open the whole time: the conversation appears, unread, without a reload.
    await expect.poll(() => badgeCount(recruiter)).toBe(1);
    const item = recruiter.getByTestId("conversation").filter({ hasText: "casey" });
    await item.click();
    await recruiter.getByTestId("message").filter({ hasText: "open to remote work" }).waitFor();
    expect(await recruiter.getByRole("link", { name: "About this application" }).getAttribute("href")).toBe(`/recruiting/applications/${applicationId}`);
    const box = recruiter.getByTestId("composer");
    await box.fill("Yes, fully remote within the EU.");
    await box.press("Enter");

    // Casey's inbox picks it up live; the application is linked from the candidate's side.
    await expect.poll(() => badgeCount(candidate)).toBe(1);
    await candidate.getByTestId("conversation").first().click();
    await candidate.getByTestId("message").filter({ hasText: "fully remote" }).waitFor();
    expect(await candidate.getByRole("link", { name: "About this application" }).getAttribute("href")).toBe(`/candidate/applications/${applicationId}`);
    await expect.poll(() => badgeCount(candidate)).toBe(0);
    await shot(candidate, "recruiting-conversation-candidate");
  });

  it("keeps a member without a recruiting role out (API)", async () => {
    const paul = createClient({ baseUrl: suite.baseUrl(), token: await tokenOf("paul") });
    await expect(paul.recruiting.conversation.messages.query({ id: applicationId })).rejects.toMatchObject({ data: { code: "NOT_FOUND" } });
    const { items } = await paul.messages.conversations.query({ limit: 50 });
    expect(items).toEqual([]);
  });
});

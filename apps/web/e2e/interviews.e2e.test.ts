import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient, emailsTo, existingUser, homeAccountOf, joinAccount, seedApplication, userNamed } from "@atrium/testing/e2e";
import { chooseOption, e2eSuite, shot } from "./harness.js";

// Interviews in the browser: the candidate confirms on their page and sees the employer's change live;
// the interviewer writes their feedback from "My interviews"; the reports page counts the application.

const suite = e2eSuite({ env: { RATE_LIMIT_ENABLED: "false" } });
const { stack } = suite;
let admin: ReturnType<typeof createClient>;
let applicationId: string;
let interviewId: string;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

beforeAll(async () => {
  const base = suite.baseUrl();
  const { token } = await createClient({ baseUrl: base }).auth.token.mutate({ username: "admin", password: "admin123" });
  admin = createClient({ baseUrl: base, token });
  await existingUser(stack(), { username: "cara", password: "cara-password-1", verified: true });
  const employer = await homeAccountOf(stack(), "admin");
  const cara = await userNamed(stack(), "cara");
  // Cara's own account stands in as the admin's: interviews reach a candidate through the application, not an account.
  applicationId = (await seedApplication(stack(), { employer: { accountId: employer }, candidate: { userId: cara.id, accountId: employer, name: "Cara" }, title: "Platform Engineer" })).applicationId;
  const me = await userNamed(stack(), "admin");
  interviewId = (await admin.recruiting.interviews.schedule.mutate({ applicationId, startsAt: inDays(2), durationMinutes: 45, interviewerIds: [me.id], meetingUrl: "https://meet.example.com/cara" })).id;
});

describe("interviews in the SPA", () => {
  let candidate: Page;

  it("lets the candidate confirm, then shows the employer's new time live, asking to confirm again", async () => {
    candidate = await suite.newPage();
    await suite.signIn(candidate, "cara", "cara-password-1");
    await candidate.goto(suite.url("/candidate/interviews"));
    await candidate.getByRole("heading", { name: "Your interviews" }).waitFor();
    const card = candidate.getByTestId("candidate-interview");
    await card.getByText("Platform Engineer", { exact: false }).waitFor();
    await card.getByRole("button", { name: "Confirm" }).click();
    await expect.poll(() => card.getByTestId("interview-status").textContent()).toBe("confirmed");
    await shot(candidate, "candidate-interviews");

    // The employer moves it: no reload, the card is back to "scheduled" with its Confirm button.
    await admin.recruiting.interviews.reschedule.mutate({ id: interviewId, startsAt: inDays(3) });
    await expect.poll(() => card.getByTestId("interview-status").textContent(), { timeout: 15_000 }).toBe("scheduled");
    await card.getByRole("button", { name: "Confirm" }).waitFor();
    const mails = await emailsTo(stack(), (await userNamed(stack(), "cara")).email, "interview_rescheduled");
    expect(mails).toHaveLength(1);
  });

  it("lets the interviewer write their scorecard and recommendation from My interviews", async () => {
    const page = await suite.adminPage();
    await page.goto(suite.url("/recruiting/interviews"));
    await page.getByRole("heading", { name: "My interviews" }).waitFor();
    const card = page.getByTestId("interview-card");
    await card.getByText("Platform Engineer · cara").waitFor();
    await card.getByRole("button", { name: "Feedback and recording" }).click();
    await card.getByLabel("Criterion 1", { exact: true }).fill("System design");
    await card.getByLabel("Score 1 (1–5)", { exact: true }).fill("4");
    await card.getByLabel("Notes", { exact: true }).fill("Clear about trade-offs.");
    await chooseOption(page, card.getByRole("combobox", { name: "Recommendation" }), "Strong yes");
    await card.getByRole("button", { name: "Save feedback" }).click();
    await expect
      .poll(async () => (await admin.recruiting.interviews.feedback.query({ id: interviewId })).items.map((f) => [f.recommendation, f.scorecard, f.notes]))
      .toEqual([["strong_yes", [{ criterion: "System design", score: 4 }], "Clear about trade-offs."]]);
    await shot(page, "my-interviews-feedback");

    await page.goto(suite.url("/recruiting/reports"));
    await page.getByRole("heading", { name: "Recruiting reports" }).waitFor();
    await page.getByTestId("funnel-table").getByText("Platform Engineer").waitFor();
    // The download is the employer's the page shows, not whichever the session would default to.
    expect(await page.getByRole("link", { name: "CSV" }).first().getAttribute("href")).toBe(`/api/recruiting/reports/funnel.csv?accountId=${await homeAccountOf(stack(), "admin")}`);
  });

  it("shows the reports and my interviews of the employer picked, for someone who recruits for two", async () => {
    // The admin also runs Globex's hiring (an admin there), where Gus applied.
    await existingUser(stack(), { username: "gus", password: "gus-password-1", verified: true });
    const globex = await seedApplication(stack(), { employer: { name: "Globex" }, candidate: { userId: (await userNamed(stack(), "gus")).id, name: "Gus" }, title: "Data Engineer" });
    await joinAccount(stack(), { accountId: globex.accountId, userId: (await userNamed(stack(), "admin")).id, role: "admin" });

    const page = await suite.adminPage();
    await page.goto(suite.url("/recruiting/reports"));
    await page.getByRole("heading", { name: "Recruiting reports" }).waitFor();
    const funnel = page.getByTestId("funnel-table");
    await funnel.getByText("Platform Engineer").waitFor();
    await chooseOption(page, page.getByRole("combobox", { name: "Employer" }), "Globex");
    await funnel.getByText("Data Engineer").waitFor();
    expect(await funnel.getByText("Platform Engineer").count()).toBe(0);
    expect(await page.getByRole("link", { name: "CSV" }).first().getAttribute("href")).toBe(`/api/recruiting/reports/funnel.csv?accountId=${globex.accountId}`);

    // A range that ends before it starts is named on its field; the reports stay on the last good range.
    await page.getByLabel("To", { exact: true }).fill("2099-12-31");
    await page.getByLabel("From", { exact: true }).fill("2100-01-01");
    await page.getByText("The range ends before it starts").waitFor();
    await funnel.getByText("Data Engineer").waitFor();
    expect(await page.getByRole("alert").filter({ hasText: "Couldn't load" }).count()).toBe(0);

    // My interviews follows the same employer: none at Globex; the admin's own account has Cara's.
    await page.goto(suite.url("/recruiting/interviews"));
    await page.getByRole("heading", { name: "My interviews" }).waitFor();
    await page.getByTestId("my-interviews-empty").waitFor();
    await page.getByRole("combobox", { name: "Employer" }).click();
    await page.getByRole("option").filter({ hasNotText: "Globex" }).click();
    await page.getByTestId("interview-card").getByText("Platform Engineer · cara").waitFor();
  });
});

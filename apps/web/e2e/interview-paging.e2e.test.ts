import { beforeAll, describe, expect, it } from "vitest";
import { addPastInterviews, createClient, existingUser, homeAccountOf, seedApplication, userNamed } from "@atrium/testing/e2e";
import { e2eSuite, shot } from "./harness.js";

// The interview lists page: with more interviews than a page (25), "Load more" brings the rest, on the
// candidate's page (upcoming and past each) and on My interviews; a change still refetches every page.

const suite = e2eSuite({ env: { RATE_LIMIT_ENABLED: "false" } });
const { stack } = suite;
const UPCOMING = 28;
const PAST = 27;
let admin: ReturnType<typeof createClient>;
const scheduled: string[] = [];

beforeAll(async () => {
  const base = suite.baseUrl();
  const { token } = await createClient({ baseUrl: base }).auth.token.mutate({ username: "admin", password: "admin123" });
  admin = createClient({ baseUrl: base, token });
  await existingUser(stack(), { username: "pia", password: "pia-password-1", verified: true });
  const employer = await homeAccountOf(stack(), "admin");
  const pia = await userNamed(stack(), "pia");
  const me = await userNamed(stack(), "admin");
  const { applicationId } = await seedApplication(stack(), { employer: { accountId: employer }, candidate: { userId: pia.id, name: "Pia" }, title: "Paging Engineer" });
  // Upcoming ones through the api, a day apart so "Room 1" is the soonest; past ones are history only the clock makes.
  for (let i = 1; i <= UPCOMING; i++) {
    const startsAt = new Date(Date.now() + i * 86_400_000).toISOString();
    scheduled.push((await admin.recruiting.interviews.schedule.mutate({ applicationId, startsAt, durationMinutes: 30, interviewerIds: [me.id], location: `Room ${i}` })).id);
  }
  await addPastInterviews(stack(), { accountId: employer, applicationId, interviewerId: me.id, count: PAST, before: new Date(), location: (i) => `Past room ${i + 1}` });
}, 120_000);

describe("interview lists page with Load more", () => {
  it("shows the candidate the first page of each list, upcoming soonest first then past newest first, and the rest on Load more; a cancellation refetches them all", async () => {
    const page = await suite.newPage();
    await suite.signIn(page, "pia", "pia-password-1");
    await page.goto(suite.url("/candidate/interviews"));
    await page.getByRole("heading", { name: "Your interviews" }).waitFor();
    const cards = page.getByTestId("candidate-interview");
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(50);
    expect(await cards.nth(0).textContent()).toContain("Room 1");
    expect(await cards.nth(25).textContent()).toContain("Past room 1");

    await page.getByRole("button", { name: "Load more upcoming" }).click();
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(UPCOMING + 25);
    await expect.poll(() => page.getByRole("button", { name: "Load more upcoming" }).count()).toBe(0);
    expect(await cards.nth(UPCOMING - 1).textContent()).toContain(`Room ${UPCOMING}`);

    await page.getByRole("button", { name: "Load more past" }).click();
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(UPCOMING + PAST);
    await expect.poll(() => page.getByRole("button", { name: "Load more past" }).count()).toBe(0);
    expect(await cards.nth(UPCOMING + PAST - 1).textContent()).toContain(`Past room ${PAST}`);
    await page.getByRole("heading", { name: "Past and cancelled" }).scrollIntoViewIfNeeded();
    await shot(page, "candidate-interviews-paged");

    // The employer cancels the last upcoming one: live, it leaves the upcoming list for the past one; every page stays.
    await admin.recruiting.interviews.cancel.mutate({ id: scheduled.at(-1) ?? "" });
    const upcoming = page.getByTestId("upcoming-interviews").getByTestId("candidate-interview");
    const past = page.getByTestId("past-interviews").getByTestId("candidate-interview");
    await expect.poll(() => upcoming.count(), { timeout: 15_000 }).toBe(UPCOMING - 1);
    await expect.poll(() => past.count(), { timeout: 15_000 }).toBe(PAST + 1);
    // Cancelled, it is the past list's latest start: first there.
    expect(await past.nth(0).textContent()).toContain(`Room ${UPCOMING}`);
    expect(await past.nth(0).getByTestId("interview-status").textContent()).toBe("cancelled");
    expect(await past.nth(PAST).textContent()).toContain(`Past room ${PAST}`);
  });

  it("brings the interviewer's later interviews on My interviews' Load more", async () => {
    const page = await suite.adminPage();
    await page.goto(suite.url("/recruiting/interviews"));
    await page.getByRole("heading", { name: "My interviews" }).waitFor();
    const cards = page.getByTestId("interview-card");
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(25);
    await page.getByRole("button", { name: "Load more" }).click();
    // One of the UPCOMING was cancelled above: My interviews lists live ones only.
    await expect.poll(() => cards.count(), { timeout: 15_000 }).toBe(UPCOMING - 1);
    await expect.poll(() => page.getByRole("button", { name: "Load more" }).count()).toBe(0);
    expect(await cards.nth(UPCOMING - 2).textContent()).toContain(`Room ${UPCOMING - 1}`);
    await shot(page, "my-interviews-paged");
  });
});

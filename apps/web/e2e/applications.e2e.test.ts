import { beforeAll, describe, expect, it } from "vitest";
import type { Route } from "playwright-core";
import { createClient, emailsTo, existingUser, homeAccountOf, joinAccount, seedApplication, setRecruitingRole, userNamed } from "@atrium/testing/e2e";
import { e2eSuite } from "./harness.js";

// The pipeline as people use it: a recruiter moves an application with the board's "Move to" menu; the
// candidate, on their application's page, sees the new stage without reloading, and the status email
// is in the outbox. (The whole cross-role story, apply to interview, is recruiting-story.e2e.)
const suite = e2eSuite({ env: { RATE_LIMIT_ENABLED: "false" } });
// Live changes cross a browser, the api and the event stream: on a loaded machine that takes more than expect.poll's default second.
const LIVE = { timeout: 15_000 };
let seeded: Awaited<ReturnType<typeof seedApplication>>;

beforeAll(async () => {
  await existingUser(suite.stack(), { username: "cand", password: "cand-password-1", verified: true });
  const cand = await userNamed(suite.stack(), "cand");
  seeded = await seedApplication(suite.stack(), { employer: { accountId: await homeAccountOf(suite.stack(), "admin") }, candidate: { userId: cand.id, name: "Cand" }, title: "Site Reliability Engineer" });
});

describe("the applications pipeline in the browser", () => {
  it("a move on the board shows on the candidate's page at once and emails them", async () => {
    const candidate = await suite.newPage();
    await suite.signIn(candidate, "cand", "cand-password-1");
    await candidate.goto(suite.url(`/candidate/applications/${seeded.applicationId}`));
    await candidate.getByRole("heading", { name: "Site Reliability Engineer" }).waitFor();
    expect(await candidate.getByTestId("application-status").getAttribute("data-status")).toBe("applied");

    const recruiter = await suite.adminPage();
    await recruiter.goto(suite.url(`/recruiting/postings/${seeded.postingId}/applications`));
    await recruiter.getByRole("heading", { name: "Applications" }).waitFor();
    const column = (stage: string) => recruiter.getByTestId(`stage-${stage}`);
    await column("applied").getByLabel("Application of cand").waitFor();
    await recruiter.getByRole("button", { name: "Move cand" }).click();
    await recruiter.getByRole("menuitem", { name: "Move to Interview" }).click();
    await expect.poll(() => column("interview").getByLabel("Application of cand").count()).toBe(1);

    await expect.poll(() => candidate.getByTestId("application-status").getAttribute("data-status")).toBe("interview");
    await expect.poll(async () => (await emailsTo(suite.stack(), "cand@example.com", "application_status")).map((m) => m.subject)).toEqual(["Application Update: Site Reliability Engineer"]);

    // Not a move the pipeline allows (interview → applied is two steps back): the menu doesn't offer it.
    await recruiter.getByRole("button", { name: "Move cand" }).click();
    await expect.poll(() => recruiter.getByRole("menuitem", { name: "Move to Applied" }).count()).toBe(0);
    await recruiter.keyboard.press("Escape");
  });

  it("drags a card to the next stage, and puts back a move the api refuses, saying why", async () => {
    const recruiter = await suite.adminPage();
    // This recruiter's live stream is down, so the board still shows what it last read.
    await recruiter.route((url) => url.pathname.includes("events.stream"), (route) => route.abort("failed"));
    await recruiter.goto(suite.url(`/recruiting/postings/${seeded.postingId}/applications`));
    await recruiter.getByRole("heading", { name: "Applications" }).waitFor();
    const column = (stage: string) => recruiter.getByTestId(`stage-${stage}`);
    const card = (stage: string) => column(stage).getByLabel("Application of cand");
    await card("interview").waitFor();

    // The name is the handle: press, move onto the Offer column, release.
    const from = await card("interview").getByText("cand", { exact: true }).boundingBox();
    const to = await column("offer").boundingBox();
    if (!from || !to) throw new Error("board not laid out");
    await recruiter.mouse.move(from.x + 10, from.y + from.height / 2);
    await recruiter.mouse.down();
    await recruiter.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
    await recruiter.mouse.up();
    await expect.poll(() => card("offer").count(), LIVE).toBe(1);
    const as = async (username: string, password: string) => {
      const { token } = await createClient({ baseUrl: suite.baseUrl() }).auth.token.mutate({ username, password });
      return createClient({ baseUrl: suite.baseUrl(), token });
    };
    const admin = await as("admin", "admin123");
    await expect.poll(async () => (await admin.recruiting.applications.get.query({ id: seeded.applicationId })).status, LIVE).toBe("offer");

    // Meanwhile the candidate withdraws; the board hasn't heard. Hiring them is refused as stale: the card
    // goes back and the recruiter is told, instead of the card silently staying where it was. The board is
    // live, so its reads of the list are held until the refusal shows: otherwise the withdrawal's own
    // event could reach the board first, and there would be no stale move to make. (Held reads also show
    // the refusal is told when the api answers, not once the lists have refetched.)
    const moveButton = recruiter.getByRole("button", { name: "Move cand" });
    await expect.poll(() => moveButton.isEnabled(), LIVE).toBe(true);
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const holdList = async (route: Route) => {
      await released;
      await route.continue().catch(() => undefined);
    };
    await recruiter.route(/recruiting\.applications\.list/, holdList);
    await (await as("cand", "cand-password-1")).recruiting.applications.withdraw.mutate({ id: seeded.applicationId });
    await moveButton.click();
    await recruiter.getByRole("menuitem", { name: "Move to Hired" }).click();
    await recruiter.getByText("Couldn't move cand").waitFor();
    release();
    await recruiter.unroute(/recruiting\.applications\.list/, holdList);
    await expect.poll(() => card("withdrawn").count(), LIVE).toBe(1);
    expect(await card("hired").count()).toBe(0);
  });

  it("offers moves on a posting's board only where the viewer may move, whichever employer the portal shows", async () => {
    // Rita runs the admin's hiring (an admin there: the portal's employer for her) and only reads Initech's (a hiring manager).
    const stack = suite.stack();
    await existingUser(stack, { username: "rita", password: "rita-password-1", verified: true });
    await existingUser(stack, { username: "dora", password: "dora-password-1", verified: true });
    const rita = (await userNamed(stack, "rita")).id;
    await joinAccount(stack, { accountId: await homeAccountOf(stack, "admin"), userId: rita, role: "admin" });
    const initech = await seedApplication(stack, { employer: { name: "Initech" }, candidate: { userId: (await userNamed(stack, "dora")).id, name: "Dora" }, title: "QA Engineer" });
    await joinAccount(stack, { accountId: initech.accountId, userId: rita, role: "member" });
    await setRecruitingRole(stack, { accountId: initech.accountId, userId: rita, role: "hiring_manager" });

    const page = await suite.newPage();
    await suite.signIn(page, "rita", "rita-password-1");
    await page.goto(suite.url(`/recruiting/postings/${initech.postingId}/applications`));
    await page.getByRole("heading", { name: "Applications" }).waitFor();
    await page.getByTestId("stage-applied").getByLabel("Application of dora").waitFor();
    await page.getByRole("link", { name: "QA Engineer" }).waitFor();
    expect(await page.getByRole("button", { name: "Move dora" }).count()).toBe(0);

    // Dora's application: Rita reads it and may write to Dora, but the recruiters' changes aren't offered.
    await page.goto(suite.url(`/recruiting/applications/${initech.applicationId}`));
    await page.getByRole("heading", { name: "Messages" }).waitFor();
    await page.getByText("A recruiter schedules them").waitFor();
    for (const name of ["Move to", "Schedule interview", "Run the match again"]) expect(await page.getByRole("button", { name }).count()).toBe(0);
    await page.getByLabel("Message dora").waitFor();
  });
});

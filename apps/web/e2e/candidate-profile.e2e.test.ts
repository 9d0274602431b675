// Issue 15 (candidate portal): a signed-in person opens Candidate profile from the nav, uploads a résumé,
// fills the profile from it (the parse job runs in the worker process; the page follows it live), corrects a
// field and saves. Api, worker and SPA run as separate processes.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { grantCredit, homeAccountOf } from "@atrium/testing/e2e";
import { FIXTURES, e2eSuite, navLink, shot } from "./harness.js";

const suite = e2eSuite({ dataDir: true, worker: true, env: { RATE_LIMIT_ENABLED: "false" } });
let page: Page;

beforeAll(async () => {
  page = await suite.newPage({ width: 1280, height: 900 });
  // Parsing a résumé is a priced job; the person's own account pays for it.
  const accountId = await homeAccountOf(suite.stack(), "admin");
  await grantCredit(suite.stack(), { accountId, amountCents: 2000, idempotencyKey: "e2e-candidate-credit", reason: "e2e opening credit" });
});

describe("candidate profile from a résumé", () => {
  it("opens an empty profile from the nav's Candidate section", async () => {
    await suite.signIn(page);
    await navLink(page, "Candidate profile").click();
    await page.getByRole("heading", { name: "Candidate profile" }).waitFor();
    await page.getByText("Nothing saved yet").waitFor();
    await page.getByTestId("no-resume").waitFor();
  });

  it("uploads a résumé and fills the empty profile from it, following the job live", async () => {
    await page.getByTestId("dropzone").locator("input[type=file]").setInputFiles(`${FIXTURES}resume-nora-lindqvist.txt`);
    await page.getByTestId("staged-file").waitFor();
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await page.getByTestId("resume-select").waitFor();
    await page.getByRole("button", { name: "Fill from résumé" }).click();
    // No polling on the page: the job's moves and the worker's fill arrive over the event stream.
    await page.getByTestId("parse-done").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByLabel("Headline").inputValue()).toBe("Senior Backend Engineer");
    expect(await page.getByLabel("Name").inputValue()).toBe("Nora Lindqvist");
    expect(await page.getByTestId("experience-item").count()).toBe(2);
    const skills = await page.getByTestId("skills").locator("..").innerText();
    expect(skills).toContain("TypeScript");
    // The skills are pills inside one box: its typing field has no border of its own (the pill styles load with the form).
    expect(await page.getByTestId("skills").evaluate((el) => getComputedStyle(el).borderTopWidth)).toBe("0px");
    await shot(page, "candidate-profile-filled", { fullPage: true });
  });

  it("keeps the candidate's correction after saving, and names a field the contract refuses", async () => {
    await page.getByLabel("Headline").fill("Staff Backend Engineer");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Not a valid email address").waitFor();
    await page.getByLabel("Email").fill("nora@example.test");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved").waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Candidate profile" }).waitFor();
    await expect.poll(() => page.getByLabel("Headline").inputValue()).toBe("Staff Backend Engineer");
    expect(await page.getByLabel("Email").inputValue()).toBe("nora@example.test");
  });

  it("says why a scanned résumé (a PDF with no text) can't fill the profile, and doesn't offer to", async () => {
    await page.getByRole("heading", { name: "Candidate profile" }).waitFor();
    await page.getByTestId("dropzone").locator("input[type=file]").setInputFiles(`${FIXTURES}scanned-resume.pdf`);
    await page.getByTestId("staged-file").waitFor();
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    // The upload is picked at once; the worker's extraction ends after it and the note follows live.
    await page.getByTestId("resume-unreadable").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("resume-unreadable").innerText()).toContain("No text found in this PDF");
    await expect.poll(() => page.getByRole("button", { name: "Fill from résumé" }).isDisabled()).toBe(true);
    // The fill from the earlier résumé is not this one's.
    expect(await page.getByTestId("parse-done").count()).toBe(0);
    await shot(page, "candidate-profile-unreadable-resume");
  });
});

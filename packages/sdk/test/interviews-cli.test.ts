import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword, sessionService } from "@atrium/core";
import { insertUser } from "@atrium/core/testing";
import { schema } from "@atrium/db";
import { callerFor } from "@atrium/testing/api";
import { cliStack } from "./testing.js";

const stack = cliStack("interviews");
let interviewId: string;
let adminAccount: string;
let applicationId: string;
// Registered after cliStack's: runs once the api is up.
beforeAll(async () => {
  const api = stack.api;
  const db = api.svc.db;
  const [admin] = await db.select().from(schema.users).where(eq(schema.users.username, "admin"));
  if (!admin?.accountId) throw new Error("no admin");
  adminAccount = admin.accountId;
  // A candidate with a personal account, and their application to the admin's tenant (rows: applying is another part's).
  const cand = await insertUser(db, { username: "cand", email: "cand@example.test", passwordHash: await hashPassword("cand-password-1"), emailVerifiedAt: new Date() });
  const [home] = await db.insert(schema.accounts).values({ name: "Cand", slug: "cand-home" }).returning();
  const [posting] = await db.insert(schema.jobPostings).values({ accountId: admin.accountId, title: "Site Reliability Engineer", description: "d", status: "published" }).returning();
  if (!home || !posting) throw new Error("not seeded");
  await db.insert(schema.accountMembers).values({ accountId: home.id, userId: cand.id, role: "owner" });
  const [application] = await db.insert(schema.applications).values({ accountId: admin.accountId, postingId: posting.id, candidateUserId: cand.id, candidateAccountId: home.id, status: "interview" }).returning();
  if (!application) throw new Error("no application");
  applicationId = application.id;
  const { token } = await sessionService.createSession(api.svc, admin.id, { rememberMe: false });
  const startsAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
  interviewId = (await callerFor(api, token).recruiting.interviews.schedule({ applicationId: application.id, startsAt, interviewerIds: [admin.id], location: "Office, room 2" })).id;
});

const as = (who: string) => (args: string[], opts: { stdin?: string } = {}) => stack.atrium(`${who}.json`, args, opts.stdin);

describe("atrium interviews and reports", () => {
  it("shows the interviewer their interviews and the funnel, lets the candidate confirm and the recruiter cancel", async () => {
    const admin = as("admin");
    const cand = as("cand");
    expect((await stack.login("admin.json", "admin", "admin123")).code).toBe(0);
    expect((await stack.login("cand.json", "cand", "cand-password-1")).code).toBe(0);

    const mine = await admin(["interviews", "mine"]);
    expect(mine.code).toBe(0);
    expect(mine.stdout).toMatch(/Site Reliability Engineer\s+cand\s+scheduled\s+Office, room 2/);
    // The account switcher's employer: the admin's own lists it, the candidate's personal account (not the admin's) is refused.
    expect((await admin(["interviews", "mine", "--account", adminAccount])).stdout).toMatch(/Site Reliability Engineer/);
    const elsewhere = await admin(["interviews", "mine", "--account", "00000000-0000-4000-8000-000000000000"]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain("Account not found");

    const theirs = JSON.parse((await cand(["interviews", "candidate", "--json"])).stdout) as { items: Array<{ id: string; status: string }> };
    expect(theirs.items.map((i) => [i.id, i.status])).toEqual([[interviewId, "scheduled"]]);
    expect((await cand(["interviews", "confirm", interviewId])).stdout).toMatch(/^Confirmed: Site Reliability Engineer at /);
    // Not theirs to confirm: the recruiter is no candidate of it.
    const refused = await admin(["interviews", "confirm", interviewId]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Interview not found");

    const funnel = await admin(["reports", "funnel"]);
    expect(funnel.stdout).toMatch(/Site Reliability Engineer\s+1\s+1\s+1\s+0\s+0\s+0\s+0/);
    const sources = JSON.parse((await admin(["reports", "sources", "--from", "2000-01-01", "--json"])).stdout) as { items: Array<{ source: string; applications: number }> };
    expect(sources.items.find((s) => s.source === "job_board")?.applications).toBe(1);
    // The CSV download, through the SDK's raw-route helper, for the employer named.
    const csv = await admin(["reports", "funnel", "--csv", "--account", adminAccount]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split(/\r?\n/).slice(0, 2)).toEqual(["postingId,postingTitle,applied,screening,interview,offer,hired,rejected,withdrawn", expect.stringMatching(/,Site Reliability Engineer,1,1,1,0,0,0,0$/)]);
    expect((await cand(["reports", "sources", "--csv", "--account", adminAccount])).code).toBe(1);
    const backwards = await admin(["reports", "funnel", "--from", "2026-02-01", "--to", "2026-01-01"]);
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toContain("The range ends before it starts");

    expect((await admin(["interviews", "cancel", interviewId])).stdout).toBe("Cancelled the interview of cand for Site Reliability Engineer.\n");
    expect((await admin(["interviews", "mine"])).stdout).toContain("No upcoming interviews.");
  });

  it("walks every page: a candidate's 105 past interviews all print, newest first, more than one api page holds", async () => {
    const now = Date.now();
    const rows = Array.from({ length: 105 }, (_, i) => ({ accountId: adminAccount, applicationId, startsAt: new Date(now - (i + 1) * 3_600_000), status: "completed" as const, location: `Room ${i}` }));
    await stack.api.svc.db.insert(schema.interviews).values(rows);
    const past = await as("cand")(["interviews", "candidate", "--when", "past", "--limit", "1000", "--json"]);
    expect(past.code, past.stderr).toBe(0);
    const items = (JSON.parse(past.stdout) as { items: Array<{ id: string; startsAt: string }> }).items;
    // The 105 seeded plus the one cancelled above, each once, newest first.
    expect(items).toHaveLength(106);
    expect(new Set(items.map((i) => i.id)).size).toBe(106);
    expect(items.map((i) => i.startsAt)).toEqual([...items.map((i) => i.startsAt)].sort().reverse());
    const few = await as("cand")(["interviews", "candidate", "--limit", "3"]);
    expect(few.stdout.trim().split("\n")).toHaveLength(4);
    expect((await as("cand")(["interviews", "candidate", "--when", "soon"])).code).not.toBe(0);
  });
});

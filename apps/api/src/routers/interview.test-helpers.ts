// Rows below the recruiting rules, for the interview and report tests: a posting and an
// application seeded straight into the tables (applying is another part's service), and
// recruiting roles given to members.
import { and, eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { TestApi } from "../testing.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

type Status = (typeof schema.applications.$inferInsert)["status"];
type Source = (typeof schema.applications.$inferInsert)["source"];

export async function seedPosting(api: TestApi, accountId: string, title: string): Promise<string> {
  const [row] = await api.svc.db.insert(schema.jobPostings).values({ accountId, title, description: `${title}: the role`, status: "published", publishedAt: new Date() }).returning();
  if (!row) throw new Error("no posting");
  return row.id;
}

/** A candidate: a user with their own personal account, as signing up makes one. */
export async function newCandidate(api: TestApi, username: string): Promise<TestUser & { accountId: string }> {
  const user = await newUser(api, username);
  const [account] = await api.svc.db.insert(schema.accounts).values({ name: `${username} (personal)`, slug: `${username}-personal` }).returning();
  if (!account) throw new Error("no account");
  await api.svc.db.insert(schema.accountMembers).values({ accountId: account.id, userId: user.user.id, role: "owner" });
  await api.svc.db.update(schema.users).set({ accountId: account.id }).where(eq(schema.users.id, user.user.id));
  return { ...user, accountId: account.id };
}

export async function seedApplication(
  api: TestApi,
  p: { accountId: string; postingId: string; candidate: { user: { id: string }; accountId: string }; status?: Status; source?: Source; appliedAt?: Date; hiredAt?: Date | null },
): Promise<string> {
  const [row] = await api.svc.db
    .insert(schema.applications)
    .values({ accountId: p.accountId, postingId: p.postingId, candidateUserId: p.candidate.user.id, candidateAccountId: p.candidate.accountId, status: p.status ?? "applied", source: p.source ?? "job_board", appliedAt: p.appliedAt ?? new Date(), hiredAt: p.hiredAt ?? null })
    .returning();
  if (!row) throw new Error("no application");
  return row.id;
}

export async function giveRecruitingRole(api: TestApi, accountId: string, userId: string, role: "recruiter" | "hiring_manager" | null): Promise<void> {
  await api.svc.db
    .update(schema.accountMembers)
    .set({ recruitingRole: role })
    .where(and(eq(schema.accountMembers.accountId, accountId), eq(schema.accountMembers.userId, userId)));
}

/** The candidate's emails in the outbox, oldest first. */
export async function outboxTo(api: TestApi, email: string) {
  const rows = await api.svc.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.toAddress, email));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

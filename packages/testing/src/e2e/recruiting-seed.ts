// Recruiting rows for stories that start past a step no screen of theirs covers (an application
// that already exists, a member's recruiting role), so e2e files stay out of @atrium/db.
import { and, eq } from "drizzle-orm";
import { insertAccount } from "@atrium/core/testing";
import { schema } from "@atrium/db";
import type { E2eStack } from "./stack.js";
import { userNamed } from "./seed.js";

type Seeded = Pick<E2eStack, "db">;

/** A member's recruiting role, as an account admin would set it. */
export async function setRecruitingRole(stack: Seeded, member: { accountId: string; userId: string; role: "recruiter" | "hiring_manager" | null }): Promise<void> {
  await stack.db.update(schema.accountMembers).set({ recruitingRole: member.role }).where(and(eq(schema.accountMembers.accountId, member.accountId), eq(schema.accountMembers.userId, member.userId)));
}

/**
 * `candidate` (an existing user) applied to a published posting `title` of the employer: the
 * candidate gets a personal account if they have none, as signing up would give them.
 */
export async function seedApplication(stack: Seeded, input: { employerAccountId: string; title: string; candidate: string }): Promise<{ applicationId: string; postingId: string }> {
  const user = await userNamed(stack, input.candidate);
  let personal = (await stack.db.select().from(schema.accountMembers).where(eq(schema.accountMembers.userId, user.id)))[0]?.accountId;
  if (!personal) {
    personal = (await insertAccount(stack.db, { name: `${input.candidate} personal`, slug: `${input.candidate}-personal` })).id;
    await stack.db.insert(schema.accountMembers).values({ accountId: personal, userId: user.id, role: "owner" });
    await stack.db.update(schema.users).set({ accountId: personal }).where(eq(schema.users.id, user.id));
  }
  const [posting] = await stack.db
    .insert(schema.jobPostings)
    .values({ accountId: input.employerAccountId, title: input.title, description: `${input.title}: the role`, status: "published", publishedAt: new Date() })
    .returning();
  if (!posting) throw new Error("no posting");
  const [application] = await stack.db
    .insert(schema.applications)
    .values({ accountId: input.employerAccountId, postingId: posting.id, candidateUserId: user.id, candidateAccountId: personal })
    .returning();
  if (!application) throw new Error("no application");
  return { applicationId: application.id, postingId: posting.id };
}

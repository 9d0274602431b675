// Recruiting facts no screen of the story sets (a member's recruiting role: the members table's
// select is another part's), so e2e files stay out of @atrium/db. Applications: seed.ts's seedApplication.
import { and, eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { E2eStack } from "./stack.js";

type Seeded = Pick<E2eStack, "db">;

/** A member's recruiting role, as an account admin would set it. */
export async function setRecruitingRole(stack: Seeded, member: { accountId: string; userId: string; role: "recruiter" | "hiring_manager" | null }): Promise<void> {
  await stack.db.update(schema.accountMembers).set({ recruitingRole: member.role }).where(and(eq(schema.accountMembers.accountId, member.accountId), eq(schema.accountMembers.userId, member.userId)));
}


/**
 * Interviews already behind us (completed, `count` of them, an hour apart going back from `before`),
 * with one interviewer: the history no schedule call can make, since it only takes future times.
 */
export async function addPastInterviews(stack: Seeded, p: { accountId: string; applicationId: string; interviewerId: string; count: number; before: Date; location: (i: number) => string }): Promise<string[]> {
  const rows = await stack.db
    .insert(schema.interviews)
    .values(Array.from({ length: p.count }, (_, i) => ({ accountId: p.accountId, applicationId: p.applicationId, startsAt: new Date(p.before.getTime() - (i + 1) * 3_600_000), status: "completed" as const, location: p.location(i) })))
    .returning({ id: schema.interviews.id });
  await stack.db.insert(schema.interviewInterviewers).values(rows.map((r) => ({ interviewId: r.id, userId: p.interviewerId, accountId: p.accountId })));
  return rows.map((r) => r.id);
}

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


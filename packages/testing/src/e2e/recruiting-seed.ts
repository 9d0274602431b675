// Recruiting facts no screen of the story sets (a member's recruiting role: the members table's
// select is another part's), so e2e files stay out of @atrium/db. Applications: seed.ts's seedApplication.
import { and, eq } from "drizzle-orm";
import { schema } from "@atrium/db";
import { addDocument } from "./seed.js";
import type { E2eStack } from "./stack.js";

type Seeded = Pick<E2eStack, "db">;

/** A member's recruiting role, as an account admin would set it. */
export async function setRecruitingRole(stack: Seeded, member: { accountId: string; userId: string; role: "recruiter" | "hiring_manager" | null }): Promise<void> {
  await stack.db.update(schema.accountMembers).set({ recruitingRole: member.role }).where(and(eq(schema.accountMembers.accountId, member.accountId), eq(schema.accountMembers.userId, member.userId)));
}

/**
 * A published posting with its job-description document, as publishing leaves it (until the
 * story publishes through the postings pages). Returns its id and the employer's board slug.
 */
export async function seedPublishedPosting(stack: Seeded, p: { accountId: string; title: string; description: string; requiredSkills: string[] }): Promise<{ postingId: string; slug: string }> {
  const [account] = await stack.db.select().from(schema.accounts).where(eq(schema.accounts.id, p.accountId));
  if (!account) throw new Error("no employer account");
  const jd = await addDocument(stack, { accountId: p.accountId, filename: "job-description.txt", kind: "job_description", text: `${p.title}\n\n${p.description}` });
  const [posting] = await stack.db
    .insert(schema.jobPostings)
    .values({ accountId: p.accountId, title: p.title, description: p.description, requiredSkills: p.requiredSkills, status: "published", publishedAt: new Date(), jobDescriptionDocumentId: jd })
    .returning();
  if (!posting) throw new Error("no posting");
  return { postingId: posting.id, slug: account.slug };
}

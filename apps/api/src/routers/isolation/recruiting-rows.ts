// Tenant rows of the recruiting domain for the isolation world: a posting, a candidate (a user with
// their own account, never a member of the employer) who applied, and an interview of that application.
import { schema } from "@atrium/db";
import type { TestApi } from "../../testing.js";

export async function seedInterview(api: TestApi, name: string, accountId: string, interviewerId: string) {
  const db = api.svc.db;
  const [user] = await db.insert(schema.users).values({ username: `${name}-candidate`, email: `${name}-candidate@example.test`, passwordHash: "x", emailVerifiedAt: new Date() }).returning();
  const [home] = await db.insert(schema.accounts).values({ name: `${name} candidate home`, slug: `${name}-candidate-home` }).returning();
  const [posting] = await db.insert(schema.jobPostings).values({ accountId, title: `${name} posting`, description: `${name} role`, status: "published", publishedAt: new Date() }).returning();
  if (!user || !home || !posting) throw new Error("recruiting rows not seeded");
  await db.insert(schema.accountMembers).values({ accountId: home.id, userId: user.id, role: "owner" });
  const [application] = await db.insert(schema.applications).values({ accountId, postingId: posting.id, candidateUserId: user.id, candidateAccountId: home.id, status: "interview" }).returning();
  if (!application) throw new Error("no application");
  const [interview] = await db
    .insert(schema.interviews)
    .values({ accountId, applicationId: application.id, startsAt: new Date(Date.now() + 3 * 86_400_000), meetingUrl: `https://meet.example.test/${name}` })
    .returning();
  if (!interview) throw new Error("no interview");
  await db.insert(schema.interviewInterviewers).values({ interviewId: interview.id, userId: interviewerId, accountId, notes: `${name} interview notes` });
  return {
    applicationId: application.id,
    interviewId: interview.id,
    markers: [application.id, interview.id, posting.id, user.id, user.email, user.username, `${name} posting`, `${name} interview notes`, `https://meet.example.test/${name}`],
  };
}

import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type DbOrTx } from "@atrium/db";

const { applications, jobPostings, users, accounts, interviews, interviewInterviewers } = schema;
const candidate = alias(users, "candidate");

/** An application as its notices describe it: the posting, the employer and the candidate's name. */
export async function findApplicationFacts(db: DbOrTx, applicationId: string) {
  const [row] = await db
    .select({
      id: applications.id,
      accountId: applications.accountId,
      status: applications.status,
      postingTitle: jobPostings.title,
      employerName: accounts.name,
      candidateUserId: applications.candidateUserId,
      candidateName: sql<string>`coalesce(${candidate.displayName}, ${candidate.username})`,
    })
    .from(applications)
    .innerJoin(jobPostings, eq(jobPostings.id, applications.postingId))
    .innerJoin(accounts, eq(accounts.id, applications.accountId))
    .innerJoin(candidate, eq(candidate.id, applications.candidateUserId))
    .where(eq(applications.id, applicationId))
    .limit(1);
  return row;
}
export type ApplicationFacts = NonNullable<Awaited<ReturnType<typeof findApplicationFacts>>>;

/** An interview with its application's facts, who scheduled it and its interviewers. */
export async function findInterviewFacts(db: DbOrTx, interviewId: string) {
  const [row] = await db
    .select({
      id: interviews.id,
      applicationId: interviews.applicationId,
      startsAt: interviews.startsAt,
      createdById: interviews.createdById,
      interviewerIds: sql<string[]>`coalesce((select array_agg(${interviewInterviewers.userId}) from ${interviewInterviewers} where ${interviewInterviewers.interviewId} = ${interviews.id}), '{}')`,
    })
    .from(interviews)
    .where(eq(interviews.id, interviewId))
    .limit(1);
  if (!row) return undefined;
  const application = await findApplicationFacts(db, row.applicationId);
  return application ? { ...row, application } : undefined;
}

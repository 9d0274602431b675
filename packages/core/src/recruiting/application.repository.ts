import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { textMatches } from "../users/user.repository.js";
import type { TApplicationStatus } from "./application.schema.js";
import { findPosting } from "./posting.repository.js";

const { applications, applicationStageChanges, jobPostings, users, jobs, accounts, documents } = schema;
export type ApplicationRow = typeof applications.$inferSelect;
export type NewApplicationRow = typeof applications.$inferInsert;

/** What applying and the pipeline need of a posting: post's own read of it (any status; callers decide). */
export const findPostingForApply = findPosting;

/** Whether the employer's account is live: a deleted employer's postings are off the board, and can't be applied to. */
export async function employerIsLive(db: DbOrTx, accountId: string): Promise<boolean> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.id, accountId), isNull(accounts.deletedAt)));
  return Boolean(row);
}

export async function insertApplication(db: DbOrTx, row: NewApplicationRow): Promise<ApplicationRow> {
  const [created] = await db.insert(applications).values(row).returning();
  if (!created) throw new Error("insert returned no row");
  return created;
}

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(applications).where(eq(applications.id, id));
  return row;
}

/** Moves the application only if it is still in `from`: a stale move changes nothing and returns undefined. */
export async function moveApplication(db: DbOrTx, id: string, from: TApplicationStatus, to: TApplicationStatus, at: Date): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({ status: to, statusChangedAt: at, updatedAt: at, ...(to === "hired" ? { hiredAt: at } : {}), ...(to === "withdrawn" ? { withdrawnAt: at } : {}) })
    .where(and(eq(applications.id, id), eq(applications.status, from)))
    .returning();
  return row;
}

export async function insertStageChange(db: DbOrTx, row: typeof applicationStageChanges.$inferInsert): Promise<void> {
  await db.insert(applicationStageChanges).values(row);
}

export async function findStageChanges(db: DbOrTx, applicationId: string) {
  return db.select().from(applicationStageChanges).where(eq(applicationStageChanges.applicationId, applicationId)).orderBy(asc(applicationStageChanges.at), asc(applicationStageChanges.id));
}

export async function setMatch(db: DbOrTx, id: string, set: Partial<Pick<ApplicationRow, "matchJobId" | "matchScore" | "matchedSkills" | "missingSkills" | "matchError">>, at: Date): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({ ...set, updatedAt: at })
    .where(eq(applications.id, id))
    .returning();
  return row;
}

/** Writes a match job's outcome onto the application it was started for, unless a newer run replaced it. */
export async function setMatchForJob(db: DbOrTx, jobId: string, set: Partial<Pick<ApplicationRow, "matchScore" | "matchedSkills" | "missingSkills" | "matchError">>, at: Date): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(applications)
    .set({ ...set, updatedAt: at })
    .where(eq(applications.matchJobId, jobId))
    .returning();
  return row;
}

/** The employer's view of applications: candidate, posting title and the match job's state joined in. */
const employerColumns = {
  application: applications,
  postingTitle: jobPostings.title,
  candidateName: sql<string>`coalesce(${users.displayName}, ${users.username})`,
  candidateEmail: users.email,
  matchJobStatus: jobs.status,
};
export type EmployerApplicationRow = { application: ApplicationRow; postingTitle: string; candidateName: string; candidateEmail: string; matchJobStatus: string | null };

const employerView = (db: DbOrTx) =>
  db.select(employerColumns).from(applications).innerJoin(jobPostings, eq(jobPostings.id, applications.postingId)).innerJoin(users, eq(users.id, applications.candidateUserId)).leftJoin(jobs, eq(jobs.id, applications.matchJobId));

export async function findEmployerApplication(db: DbOrTx, id: string): Promise<EmployerApplicationRow | undefined> {
  const [row] = await employerView(db).where(eq(applications.id, id));
  return row;
}

/** Unscored applications rank below every score: -1 is below the analyzer's 0–100. */
const rankKey = sql`coalesce(${applications.matchScore}, -1)`;

/**
 * One posting's applications ranked by match score (unscored last), then newest first; keyset paging
 * after the cursor row's own (rank, appliedAt, id), compared in Postgres so no precision is lost.
 */
export async function findApplicationPage(
  db: DbOrTx,
  q: { accountId: string; postingId: string; status?: TApplicationStatus; minScore?: number; skill?: string; q?: string; limit: number; cursor?: string },
): Promise<EmployerApplicationRow[]> {
  const where: Array<SQL | undefined> = [
    eq(applications.accountId, q.accountId),
    eq(applications.postingId, q.postingId),
    q.status ? eq(applications.status, q.status) : undefined,
    q.minScore !== undefined ? sql`${applications.matchScore} >= ${q.minScore}` : undefined,
    q.skill ? sql`exists (select 1 from unnest(${applications.matchedSkills}) s where lower(s) = lower(${q.skill}))` : undefined,
    textMatches(q.q, [users.username, users.displayName, users.email]),
    q.cursor
      ? sql`(${rankKey}, ${applications.appliedAt}, ${applications.id}) < (select coalesce(c.match_score, -1), c.applied_at, c.id from ${applications} c where c.id = ${q.cursor})`
      : undefined,
  ];
  return employerView(db)
    .where(and(...where))
    .orderBy(desc(rankKey), desc(applications.appliedAt), desc(applications.id))
    .limit(q.limit + 1);
}

const candidateColumns = { application: applications, postingTitle: jobPostings.title, employerName: accounts.name, employerSlug: accounts.slug };
export type CandidateApplicationRow = { application: ApplicationRow; postingTitle: string; employerName: string; employerSlug: string };

const candidateView = (db: DbOrTx) =>
  db.select(candidateColumns).from(applications).innerJoin(jobPostings, eq(jobPostings.id, applications.postingId)).innerJoin(accounts, eq(accounts.id, applications.accountId));

export async function findCandidateApplication(db: DbOrTx, id: string, candidateUserId: string): Promise<CandidateApplicationRow | undefined> {
  const [row] = await candidateView(db).where(and(eq(applications.id, id), eq(applications.candidateUserId, candidateUserId)));
  return row;
}

/** A candidate's applications, newest first. */
export async function findCandidateApplicationPage(db: DbOrTx, q: { candidateUserId: string; status?: TApplicationStatus; limit: number; cursor?: string }): Promise<CandidateApplicationRow[]> {
  const where: Array<SQL | undefined> = [
    eq(applications.candidateUserId, q.candidateUserId),
    q.status ? eq(applications.status, q.status) : undefined,
    q.cursor ? sql`(${applications.appliedAt}, ${applications.id}) < (select c.applied_at, c.id from ${applications} c where c.id = ${q.cursor})` : undefined,
  ];
  return candidateView(db)
    .where(and(...where))
    .orderBy(desc(applications.appliedAt), desc(applications.id))
    .limit(q.limit + 1);
}

/** The candidate's name and address, for the status emails. */
export async function findCandidate(db: DbOrTx, userId: string) {
  const [row] = await db.select({ name: sql<string>`coalesce(${users.displayName}, ${users.username})`, email: users.email }).from(users).where(eq(users.id, userId));
  return row;
}

/** The employer's copy of a résumé, for the detail view. */
export async function findResumeCopy(db: DbOrTx, documentId: string) {
  const [row] = await db
    .select({ id: documents.id, filename: documents.filename, text: documents.extractedText })
    .from(documents)
    .where(and(eq(documents.id, documentId), sql`${documents.deletedAt} is null`));
  return row;
}

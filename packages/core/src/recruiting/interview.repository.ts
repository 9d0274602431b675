import { and, asc, desc, eq, gt, inArray, isNull, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { schema, type DbOrTx } from "@atrium/db";

const { interviews, interviewInterviewers: panel, applications, jobPostings, accounts, users, accountMembers, documents, jobs } = schema;
export type InterviewRow = typeof interviews.$inferSelect;
export type PanelRow = typeof panel.$inferSelect;

const candidate = alias(users, "candidate");

/** An interview with what every view of it names: the application, the posting, the employer and the candidate. */
const detailColumns = {
  interview: interviews,
  postingId: applications.postingId,
  candidateUserId: applications.candidateUserId,
  postingTitle: jobPostings.title,
  employerName: accounts.name,
  candidate: { userId: candidate.id, username: candidate.username, displayName: candidate.displayName, email: candidate.email },
};
export type InterviewDetail = Awaited<ReturnType<typeof findDetails>>[number];

type Order = "asc" | "desc";

function findDetails(db: DbOrTx, where: SQL | undefined, limit: number, order: Order = "asc") {
  const by = order === "asc" ? asc : desc;
  return db
    .select(detailColumns)
    .from(interviews)
    .innerJoin(applications, eq(applications.id, interviews.applicationId))
    .innerJoin(jobPostings, eq(jobPostings.id, applications.postingId))
    .innerJoin(accounts, eq(accounts.id, interviews.accountId))
    .innerJoin(candidate, eq(candidate.id, applications.candidateUserId))
    .where(where)
    .orderBy(by(interviews.startsAt), by(interviews.id))
    .limit(limit);
}

export async function findInterviewDetail(db: DbOrTx, id: string): Promise<InterviewDetail | undefined> {
  const [row] = await findDetails(db, eq(interviews.id, id), 1);
  return row;
}

/** Where an interview ends: its start plus its length. */
const endsAt = sql`${interviews.startsAt} + make_interval(mins => ${interviews.durationMinutes})`;
const LIVE: Array<InterviewRow["status"]> = ["scheduled", "confirmed"];
/** Still to come: live and not yet over (one in progress counts until its end). */
const upcomingAt = (now: Date) => and(inArray(interviews.status, LIVE), gt(endsAt, now));
/** Everything else: over, cancelled or completed. */
const pastAt = (now: Date) => or(notInArray(interviews.status, LIVE), lte(endsAt, now));

/**
 * Keyset paging on (startsAt, id) either way, against the cursor row's own values inside
 * Postgres (a JavaScript Date would drop microseconds and skip rows).
 */
function afterCursor(cursor: string | undefined, order: Order): SQL | undefined {
  if (!cursor) return undefined;
  const at = sql`(select c.starts_at, c.id from ${interviews} c where c.id = ${cursor})`;
  return order === "asc" ? sql`(${interviews.startsAt}, ${interviews.id}) > ${at}` : sql`(${interviews.startsAt}, ${interviews.id}) < ${at}`;
}

export type InterviewPageQuery = { limit: number; cursor?: string };

/**
 * One page of the interviews in `scope` that match `filter`: limit + 1 rows (the extra one says there is
 * more). Undefined when the cursor is no interview in scope (forged, or another list's), so a cursor can't
 * be used to probe where someone else's interview sits in time.
 */
async function pageOfDetails(db: DbOrTx, scope: SQL | undefined, filter: SQL | undefined, page: InterviewPageQuery, order: Order = "asc"): Promise<InterviewDetail[] | undefined> {
  if (page.cursor) {
    const [known] = await findDetails(db, and(scope, eq(interviews.id, page.cursor)), 1);
    if (!known) return undefined;
  }
  return findDetails(db, and(scope, filter, afterCursor(page.cursor, order)), page.limit + 1, order);
}

/** An application's interviews, soonest first. */
export const findByApplication = (db: DbOrTx, applicationId: string, page: InterviewPageQuery) => pageOfDetails(db, eq(interviews.applicationId, applicationId), undefined, page);

/**
 * A candidate's interviews across employers: upcoming ones soonest first, past ones newest first
 * (the history's latest is what a candidate looks for), or all of them soonest first.
 */
export function findForCandidate(db: DbOrTx, q: { userId: string; applicationId?: string; when?: "upcoming" | "past"; now: Date }, page: InterviewPageQuery) {
  const { when, now } = q;
  const scope = and(eq(applications.candidateUserId, q.userId), q.applicationId ? eq(interviews.applicationId, q.applicationId) : undefined);
  if (when === "upcoming") return pageOfDetails(db, scope, upcomingAt(now), page);
  if (when === "past") return pageOfDetails(db, scope, pastAt(now), page, "desc");
  return pageOfDetails(db, scope, undefined, page);
}

/** Upcoming, live interviews the user sits on, in the given accounts only, soonest first. */
export function findUpcomingForInterviewer(db: DbOrTx, userId: string, accountIds: string[], now: Date, page: InterviewPageQuery) {
  if (!accountIds.length) return Promise.resolve(page.cursor ? undefined : []);
  const mine = db.select({ id: panel.interviewId }).from(panel).where(eq(panel.userId, userId));
  return pageOfDetails(db, and(inArray(interviews.id, mine), inArray(interviews.accountId, accountIds)), upcomingAt(now), page);
}

/** The application an interview is for, with the employer and the candidate. */
export async function findApplication(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: applications.id, accountId: applications.accountId, postingId: applications.postingId, candidateUserId: applications.candidateUserId, status: applications.status })
    .from(applications)
    .where(eq(applications.id, id))
    .limit(1);
  return row;
}

/** The panels of these interviews, with each interviewer's name. */
export function findPanels(db: DbOrTx, interviewIds: string[]) {
  if (!interviewIds.length) return Promise.resolve([]);
  return db
    .select({ row: panel, username: users.username, displayName: users.displayName })
    .from(panel)
    .innerJoin(users, eq(users.id, panel.userId))
    .where(inArray(panel.interviewId, interviewIds))
    .orderBy(asc(users.username));
}

/** Recordings and their transcription runs, by interview. */
export function findRecordings(db: DbOrTx, interviewIds: string[]) {
  if (!interviewIds.length) return Promise.resolve([]);
  return db
    .select({ interviewId: interviews.id, documentId: documents.id, filename: documents.filename, jobId: jobs.id, jobStatus: jobs.status, result: jobs.result, error: jobs.error })
    .from(interviews)
    .innerJoin(documents, eq(documents.id, interviews.recordingDocumentId))
    .leftJoin(jobs, eq(jobs.id, interviews.transcriptionJobId))
    .where(inArray(interviews.id, interviewIds));
}

/**
 * Which of `userIds` may sit on an interview of the account: live, active members
 * who may read recruiting data there (admins and owners, or a recruiting role).
 */
/** Everyone who may interview for the account, by name. */
export function listEligibleInterviewers(db: DbOrTx, accountId: string) {
  return db
    .select({ userId: users.id, username: users.username, displayName: users.displayName, recruitingRole: accountMembers.recruitingRole })
    .from(accountMembers)
    .innerJoin(users, and(eq(users.id, accountMembers.userId), eq(users.isActive, true), isNull(users.deletedAt)))
    .where(and(eq(accountMembers.accountId, accountId), or(inArray(accountMembers.role, ["admin", "owner"]), inArray(accountMembers.recruitingRole, ["recruiter", "hiring_manager"]))))
    .orderBy(asc(users.username))
    .limit(500);
}

export async function findEligibleInterviewers(db: DbOrTx, accountId: string, userIds: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ userId: accountMembers.userId })
    .from(accountMembers)
    .innerJoin(users, and(eq(users.id, accountMembers.userId), eq(users.isActive, true), isNull(users.deletedAt)))
    .where(and(eq(accountMembers.accountId, accountId), inArray(accountMembers.userId, userIds), or(inArray(accountMembers.role, ["admin", "owner"]), inArray(accountMembers.recruitingRole, ["recruiter", "hiring_manager"]))));
  return new Set(rows.map((r) => r.userId));
}

export async function insertInterview(db: DbOrTx, values: typeof interviews.$inferInsert): Promise<InterviewRow> {
  const [row] = await db.insert(interviews).values(values).returning();
  if (!row) throw new Error("interview insert returned nothing");
  return row;
}

/** Puts exactly these interviewers on the panel; those staying keep their feedback. */
export async function setPanel(db: DbOrTx, interview: { id: string; accountId: string }, userIds: string[]): Promise<void> {
  await db.delete(panel).where(and(eq(panel.interviewId, interview.id), sql`${panel.userId} <> all(${sql.param(userIds)}::uuid[])`));
  await db
    .insert(panel)
    .values(userIds.map((userId) => ({ interviewId: interview.id, userId, accountId: interview.accountId })))
    .onConflictDoNothing();
}

/** Updates a live interview (not cancelled or completed); undefined when it isn't one any more. */
export async function updateLiveInterview(db: DbOrTx, id: string, set: Partial<typeof interviews.$inferInsert>): Promise<InterviewRow | undefined> {
  const [row] = await db
    .update(interviews)
    .set(set)
    .where(and(eq(interviews.id, id), inArray(interviews.status, ["scheduled", "confirmed"])))
    .returning();
  return row;
}

export async function findPanelSeat(db: DbOrTx, interviewId: string, userId: string): Promise<PanelRow | undefined> {
  const [row] = await db
    .select()
    .from(panel)
    .where(and(eq(panel.interviewId, interviewId), eq(panel.userId, userId)))
    .limit(1);
  return row;
}

export async function writeFeedback(db: DbOrTx, interviewId: string, userId: string, set: Pick<PanelRow, "notes" | "scorecard" | "recommendation" | "feedbackAt">): Promise<PanelRow | undefined> {
  const [row] = await db
    .update(panel)
    .set(set)
    .where(and(eq(panel.interviewId, interviewId), eq(panel.userId, userId)))
    .returning();
  return row;
}

/**
 * Claims up to `limit` interviews starting within the lead whose reminder has not gone
 * out, marking them sent in the same statement. Rows another sweep holds are skipped,
 * and the `reminder_sent_at is null` re-check after a wait means one claim per interview
 * time however many workers sweep at once.
 */
export async function claimDueReminders(db: DbOrTx, now: Date, until: Date, limit: number): Promise<string[]> {
  const due = db
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(isNull(interviews.reminderSentAt), inArray(interviews.status, ["scheduled", "confirmed"]), gt(interviews.startsAt, now), lte(interviews.startsAt, until)))
    .orderBy(asc(interviews.startsAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(interviews)
    .set({ reminderSentAt: now })
    .where(and(inArray(interviews.id, due), isNull(interviews.reminderSentAt)))
    .returning({ id: interviews.id });
  return rows.map((r) => r.id);
}

export async function findDocument(db: DbOrTx, accountId: string, id: string) {
  const [row] = await db
    .select({ id: documents.id, filename: documents.filename, mimeType: documents.mimeType })
    .from(documents)
    .where(and(eq(documents.id, id), eq(documents.accountId, accountId), isNull(documents.deletedAt)))
    .limit(1);
  return row;
}

export async function setRecording(db: DbOrTx, id: string, set: Pick<InterviewRow, "recordingDocumentId" | "transcriptionJobId" | "updatedAt">): Promise<void> {
  await db.update(interviews).set(set).where(eq(interviews.id, id));
}

/**
 * Marks live interviews that ended before `endedBefore` completed (at most `limit`, oldest first),
 * skipping rows another sweep holds; returns them so their change can be announced.
 */
export async function completeEnded(db: DbOrTx, endedBefore: Date, now: Date, limit: number): Promise<Array<{ id: string; applicationId: string; accountId: string }>> {
  const due = db
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(inArray(interviews.status, ["scheduled", "confirmed"]), lte(endsAt, endedBefore)))
    .orderBy(asc(interviews.startsAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(interviews)
    .set({ status: "completed", updatedAt: now })
    .where(and(inArray(interviews.id, due), inArray(interviews.status, ["scheduled", "confirmed"])))
    .returning({ id: interviews.id, applicationId: interviews.applicationId, accountId: interviews.accountId });
}

/** Marks one live interview completed if it has ended by `now`; undefined when it hasn't (or isn't live). */
export async function completeIfEnded(db: DbOrTx, id: string, now: Date): Promise<InterviewRow | undefined> {
  const [row] = await db
    .update(interviews)
    .set({ status: "completed", updatedAt: now })
    .where(and(eq(interviews.id, id), inArray(interviews.status, ["scheduled", "confirmed"]), lte(endsAt, now)))
    .returning();
  return row;
}

/** The interviews whose recording a transcription job was run for (one, unless re-attached). */
export function findByTranscriptionJob(db: DbOrTx, jobId: string) {
  return db.select({ id: interviews.id, applicationId: interviews.applicationId, accountId: interviews.accountId, status: interviews.status }).from(interviews).where(eq(interviews.transcriptionJobId, jobId));
}

import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";

const { candidateProfiles, jobs } = schema;

export type CandidateProfileRow = typeof candidateProfiles.$inferSelect;
export type CandidateProfileFields = Pick<CandidateProfileRow, "headline" | "contact" | "experience" | "education" | "skills">;

/** The user's profile with the status and error of its last parse job (one query). */
export async function findProfileWithParse(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ profile: candidateProfiles, jobStatus: jobs.status, jobError: jobs.error, jobResult: jobs.result })
    .from(candidateProfiles)
    .leftJoin(jobs, eq(jobs.id, candidateProfiles.parseJobId))
    .where(eq(candidateProfiles.userId, userId))
    .limit(1);
  return row;
}

/** The row locked for a read-modify-write (the worker's fill and a save never interleave). */
export async function lockProfile(db: DbOrTx, userId: string): Promise<CandidateProfileRow | undefined> {
  const [row] = await db.select().from(candidateProfiles).where(eq(candidateProfiles.userId, userId)).for("update").limit(1);
  return row;
}

/** Creates the profile on first write, else changes the given columns. */
export async function upsertProfile(
  db: DbOrTx,
  userId: string,
  accountId: string,
  set: Partial<CandidateProfileFields & Pick<CandidateProfileRow, "sourceDocumentId" | "parseJobId" | "parsedAt">>,
  at: Date,
): Promise<CandidateProfileRow> {
  const [row] = await db
    .insert(candidateProfiles)
    .values({ userId, accountId, ...set })
    .onConflictDoUpdate({ target: candidateProfiles.userId, set: { ...set, updatedAt: at } })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return row;
}

export async function updateProfile(db: DbOrTx, userId: string, set: Partial<CandidateProfileRow>, at: Date): Promise<CandidateProfileRow | undefined> {
  const [row] = await db.update(candidateProfiles).set({ ...set, updatedAt: at }).where(eq(candidateProfiles.userId, userId)).returning();
  return row;
}

import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";

const { jobPostings, applications, documents, users } = schema;

export async function findPosting(db: DbOrTx, id: string) {
  const [row] = await db.select().from(jobPostings).where(eq(jobPostings.id, id)).limit(1);
  return row;
}

/** An application with its candidate's name (what the employer sees of them). */
export async function findApplication(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ application: applications, candidate: sql<string>`coalesce(${users.displayName}, ${users.username})` })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.candidateUserId))
    .where(eq(applications.id, id))
    .limit(1);
  return row;
}

/** A posting's applications, best match first, at most `limit`. */
export function applicationsOfPosting(db: DbOrTx, accountId: string, postingId: string, limit: number) {
  return db
    .select({ application: applications, candidate: sql<string>`coalesce(${users.displayName}, ${users.username})` })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.candidateUserId))
    .where(and(eq(applications.accountId, accountId), eq(applications.postingId, postingId)))
    .orderBy(sql`${applications.matchScore} desc nulls last`, desc(applications.appliedAt))
    .limit(limit);
}

/** The extracted text of the account's own live documents (the employer's résumé copies); others' ids yield nothing. */
export async function documentTexts(db: DbOrTx, accountId: string, ids: string[]): Promise<Map<string, { filename: string; text: string }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: documents.id, filename: documents.filename, text: documents.extractedText })
    .from(documents)
    .where(and(eq(documents.accountId, accountId), inArray(documents.id, ids), isNull(documents.deletedAt)));
  return new Map(rows.map((r) => [r.id, { filename: r.filename, text: r.text ?? "" }]));
}

import { and, desc, eq, inArray, lt, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";

const { jobs } = schema;
export type JobRow = typeof jobs.$inferSelect;

export async function findJob(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id)).limit(1);
  return row;
}

export function findJobsPage(db: DbOrTx, f: { accountIds?: string[]; status?: string; type?: string; limit: number; cursor?: string }) {
  const where: Array<SQL | undefined> = [
    f.accountIds ? inArray(jobs.accountId, f.accountIds) : undefined,
    f.status ? eq(jobs.status, f.status as JobRow["status"]) : undefined,
    f.type ? eq(jobs.type, f.type) : undefined,
    after(jobs, jobs, f.cursor),
  ];
  return db
    .select()
    .from(jobs)
    .where(and(...where))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(f.limit + 1);
}

/** Moves a job to a new status only from the ones given; returns the row if it moved. */
export async function transitionJob(db: DbOrTx, id: string, from: JobRow["status"][], set: Partial<typeof jobs.$inferInsert>): Promise<JobRow | undefined> {
  const [row] = await db
    .update(jobs)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(jobs.id, id), inArray(jobs.status, from)))
    .returning();
  return row;
}

/** Jobs `running` since before `before` (by updatedAt): candidates for the stalled sweep. */
export function findRunningSince(db: DbOrTx, before: Date) {
  return db.select().from(jobs).where(and(eq(jobs.status, "running"), lt(jobs.updatedAt, before))).limit(500);
}

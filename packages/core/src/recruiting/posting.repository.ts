import { and, desc, eq, ilike, isNull, or, sql, type SQL } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import { after } from "../shared/pagination.js";

const { jobPostings, accounts } = schema;
export type PostingRow = typeof jobPostings.$inferSelect;
export type NewPostingRow = typeof jobPostings.$inferInsert;
export type PostingWithEmployer = { posting: PostingRow; employer: { slug: string; name: string } };

/** `%` and `_` typed into a search box are literal characters. */
const contains = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The same expression as the `job_postings_search_idx` GIN index, so word searches use it. */
const searchVector = sql`to_tsvector('english', ${jobPostings.title} || ' ' || ${jobPostings.description} || ' ' || ${jobPostings.location})`;

export async function insertPosting(db: DbOrTx, values: NewPostingRow): Promise<PostingRow> {
  const [row] = await db.insert(jobPostings).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Any tenant's posting: callers authorize against its accountId. */
export async function findPosting(db: DbOrTx, id: string): Promise<PostingRow | undefined> {
  const [row] = await db.select().from(jobPostings).where(eq(jobPostings.id, id));
  return row;
}

/** Locks the row for a change (edits and status moves race with each other otherwise). */
export async function findPostingForUpdate(db: DbOrTx, id: string): Promise<PostingRow | undefined> {
  const [row] = await db.select().from(jobPostings).where(eq(jobPostings.id, id)).for("update");
  return row;
}

export async function updatePosting(db: DbOrTx, id: string, values: Partial<NewPostingRow>): Promise<PostingRow> {
  const [row] = await db.update(jobPostings).set(values).where(eq(jobPostings.id, id)).returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

/** One account's postings, newest first: a page of limit + 1 rows. */
export function findPostingPage(db: DbOrTx, q: { accountId: string; status?: PostingRow["status"]; q?: string; limit: number; cursor?: string }): Promise<PostingRow[]> {
  const where: Array<SQL | undefined> = [
    eq(jobPostings.accountId, q.accountId),
    q.status ? eq(jobPostings.status, q.status) : undefined,
    q.q ? or(ilike(jobPostings.title, contains(q.q)), ilike(jobPostings.location, contains(q.q))) : undefined,
    after(jobPostings, jobPostings, q.cursor),
  ];
  return db
    .select()
    .from(jobPostings)
    .where(and(...where))
    .orderBy(desc(jobPostings.createdAt), desc(jobPostings.id))
    .limit(q.limit + 1);
}

/**
 * A live (not deleted) account by its slug, when it is an employer: one that has published a
 * posting at some time (closed ones count, so a board with nothing open still exists). Any other
 * account, a candidate's personal one say, answers like an unknown slug: the public board is not
 * a way to learn which accounts exist.
 */
export async function findEmployerBySlug(db: DbOrTx, slug: string): Promise<{ id: string; slug: string; name: string } | undefined> {
  const everPublished = sql`exists (select 1 from ${jobPostings} p where p.account_id = ${accounts.id} and p.published_at is not null)`;
  const [row] = await db
    .select({ id: accounts.id, slug: accounts.slug, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.slug, slug), isNull(accounts.deletedAt), everPublished));
  return row;
}

/** Published postings after `cursor` in (publishedAt desc, id desc) order; the cursor's own timestamp is read inside Postgres. */
const publishedAfter = (cursor: string | undefined): SQL | undefined =>
  cursor ? sql`(${jobPostings.publishedAt}, ${jobPostings.id}) < (select c.published_at, c.id from job_postings c where c.id = ${cursor})` : undefined;

/**
 * Published postings of live employers, newest first: one employer's board (accountId) or the
 * search over all of them (q, location, remote, employmentType). A page of limit + 1 rows.
 */
export function findPublishedPage(
  db: DbOrTx,
  f: { accountId?: string; postingId?: string; q?: string; location?: string; remote?: boolean; employmentType?: PostingRow["employmentType"]; limit: number; cursor?: string },
): Promise<PostingWithEmployer[]> {
  const where: Array<SQL | undefined> = [
    eq(jobPostings.status, "published"),
    isNull(accounts.deletedAt),
    f.accountId ? eq(jobPostings.accountId, f.accountId) : undefined,
    f.postingId ? eq(jobPostings.id, f.postingId) : undefined,
    // websearch_to_tsquery never raises on odd input (unbalanced quotes, operators), unlike to_tsquery.
    f.q ? sql`${searchVector} @@ websearch_to_tsquery('english', ${f.q})` : undefined,
    f.location ? ilike(jobPostings.location, contains(f.location)) : undefined,
    f.remote === undefined ? undefined : eq(jobPostings.remote, f.remote),
    f.employmentType ? eq(jobPostings.employmentType, f.employmentType) : undefined,
    publishedAfter(f.cursor),
  ];
  return db
    .select({ posting: jobPostings, employer: { slug: accounts.slug, name: accounts.name } })
    .from(jobPostings)
    .innerJoin(accounts, eq(accounts.id, jobPostings.accountId))
    .where(and(...where))
    .orderBy(desc(jobPostings.publishedAt), desc(jobPostings.id))
    .limit(f.limit + 1);
}

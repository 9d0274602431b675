import { and, inArray, isNull } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";
import type { TJob, TJobDocument } from "./analysis-jobs.schema.js";
import { toJobDto } from "./job-dto.js";
import type { JobRow } from "./jobs.repository.js";

/** The input fields that name documents, in the order a list shows them. */
const DOCUMENT_FIELDS = [
  ["resumeDocumentId", "resume"],
  ["jobDescriptionDocumentId", "job_description"],
  ["documentId", "document"],
] as const;

/** Who reads: only staff get a failure's internal cause (a tenant gets the user-safe `error`). */
export interface JobViewer {
  isStaff: boolean;
}

function documentIds(row: JobRow): Array<{ id: string; role: TJobDocument["role"] }> {
  return DOCUMENT_FIELDS.flatMap(([field, role]) => {
    const id = row.input[field];
    return typeof id === "string" ? [{ id, role }] : [];
  });
}

/**
 * Jobs as people read them: the documents they ran on by name (null once deleted)
 * and the account by name, looked up in two queries for a whole page. A document
 * is named only within the job's own account, so a forged id can't borrow a name.
 */
export async function toJobViews(db: DbOrTx, rows: JobRow[], viewer: JobViewer, knownAccountNames?: ReadonlyMap<string, string>): Promise<TJob[]> {
  if (rows.length === 0) return [];
  // A caller that read the accounts' names already (admission does, in its insert) saves the lookup.
  const accountIds = [...new Set(rows.map((r) => r.accountId))].filter((id) => !knownAccountNames?.has(id));
  const ids = [...new Set(rows.flatMap((r) => documentIds(r).map((d) => d.id)))];
  const { documents, accounts } = schema;
  const [docs, accts] = await Promise.all([
    ids.length
      ? db
          .select({ id: documents.id, accountId: documents.accountId, filename: documents.filename })
          .from(documents)
          .where(and(inArray(documents.id, ids), isNull(documents.deletedAt)))
      : Promise.resolve([]),
    accountIds.length ? db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, accountIds)) : Promise.resolve([]),
  ]);
  // Keyed by account too: a job names only documents of its own account.
  const names = new Map(docs.map((d) => [`${d.accountId}/${d.id}`, d.filename]));
  const accountNames = new Map([...(knownAccountNames ?? []), ...accts.map((a) => [a.id, a.name] as const)]);
  return rows.map((r) => ({
    ...toJobDto(r),
    documents: documentIds(r).map((d) => ({ ...d, filename: names.get(`${r.accountId}/${d.id}`) ?? null })),
    accountName: accountNames.get(r.accountId) ?? null,
    errorCause: viewer.isStaff ? r.errorCause : null,
  }));
}

export async function toJobView(db: DbOrTx, row: JobRow, viewer: JobViewer, knownAccountNames?: ReadonlyMap<string, string>): Promise<TJob> {
  const [view] = await toJobViews(db, [row], viewer, knownAccountNames);
  if (!view) throw new Error("toJobViews returned nothing for one row");
  return view;
}

// Builders shared by the job router tests: documents with text already extracted, a priced compute second.
import { eq } from "drizzle-orm";
import { schema, type DbOrTx } from "@atrium/db";

export const jobRoutes = {
  create: { method: "POST", rest: "/api/jobs/", trpc: "jobs.create", kind: "mutation" },
  list: { method: "GET", rest: "/api/jobs/", trpc: "jobs.list", kind: "query" },
  get: { method: "GET", rest: "/api/jobs/{id}/", trpc: "jobs.get", kind: "query" },
  events: { method: "GET", rest: "/api/jobs/{id}/events/", trpc: "jobs.events", kind: "query" },
  cancel: { method: "POST", rest: "/api/jobs/{id}/cancel/", trpc: "jobs.cancel", kind: "mutation" },
  estimate: { method: "GET", rest: "/api/jobs/estimate/", trpc: "jobs.estimate", kind: "query" },
  systemJobs: { method: "GET", rest: "/api/system/jobs/", trpc: "system.jobs.list", kind: "query" },
  queues: { method: "GET", rest: "/api/system/queues/", trpc: "system.jobs.queues", kind: "query" },
  retry: { method: "POST", rest: "/api/system/jobs/{id}/retry/", trpc: "system.jobs.retry", kind: "mutation" },
} as const;

/** A document row as if uploaded and extracted already (uploads have their own tests). */
export async function textDocument(db: DbOrTx, accountId: string, text: string, kind = "other"): Promise<string> {
  const [row] = await db
    .insert(schema.documents)
    .values({ accountId, filename: `${kind}.txt`, mimeType: "text/plain", sizeBytes: text.length, sha256: "0".repeat(64), storageKey: `test/${accountId}/${Math.random()}`, kind, extractionStatus: "done", extractedText: text })
    .returning({ id: schema.documents.id });
  if (!row) throw new Error("no document");
  return row.id;
}

/** Prices a compute second, which only the noop test job pays (its declared steps × stepMs): $1 makes a 3 × 1 s noop 300 ¢. */
export async function priceComputeAt(db: DbOrTx, millicentsPerSecond: number): Promise<void> {
  await db.update(schema.prices).set({ unitPriceMillicents: millicentsPerSecond }).where(eq(schema.prices.item, "compute"));
}

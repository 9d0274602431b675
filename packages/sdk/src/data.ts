// Tenant archives over their raw routes (a gzip download and a raw-body upload have no tRPC form).
import type { TTenantRestoreResult } from "@atrium/core/contracts";
import { AtriumError } from "./errors.js";
import { restFetch, type RestTarget } from "./rest.js";

export type DataTarget = RestTarget;

/** @deprecated failures are AtriumErrors; this is the same class under its old name. */
export const DataRequestError = AtriumError;

/**
 * `GET /api/data/export/`: the tenant as a gzip of JSON lines, streamed (write it
 * to a file; don't buffer a big tenant). Staff may name `accountId`.
 */
export async function exportTenant(t: DataTarget, opts: { accountId?: string; includeFiles?: boolean } = {}): Promise<ReadableStream<Uint8Array>> {
  const res = await restFetch(
    { ...t, retry: { timeoutMs: 0, ...t.retry } },
    { path: "/data/export/", query: { accountId: opts.accountId, includeFiles: opts.includeFiles ? "true" : undefined }, idempotent: true },
  );
  if (!res.body) throw new AtriumError("The export came back empty", { code: "EMPTY_RESPONSE", status: res.status });
  return res.body;
}

/** `POST /api/data/restore/` (staff): the archive as sent by exportTenant; `dryRun` writes nothing. */
export async function restoreTenant(t: DataTarget, archive: Uint8Array, opts: { dryRun?: boolean; target?: "new" | "same" } = {}): Promise<TTenantRestoreResult> {
  const gzip = archive[0] === 0x1f && archive[1] === 0x8b;
  const res = await restFetch(
    { ...t, retry: { timeoutMs: 0, ...t.retry } },
    {
      method: "POST",
      path: "/data/restore/",
      query: { dryRun: String(opts.dryRun ?? false), target: opts.target ?? "new" },
      headers: { "content-type": gzip ? "application/gzip" : "application/json" },
      body: new Blob([archive as Uint8Array<ArrayBuffer>]),
    },
  );
  return (await res.json()) as TTenantRestoreResult;
}

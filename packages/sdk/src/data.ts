// Tenant archives over their raw routes (a gzip download and a raw-body upload have no tRPC form).
import type { TTenantRestoreResult } from "@atrium/core/contracts";

export interface DataTarget {
  baseUrl: string;
  /** A session token or API key. */
  token: string;
  fetch?: typeof fetch;
}

/** A refused export or restore: the api's status, message and per-field problems (e.g. `archive`). */
export class DataRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string[]> | null,
  ) {
    super(message);
    this.name = "DataRequestError";
  }
}

const base = (t: DataTarget) => t.baseUrl.replace(/\/$/, "");

async function refused(res: Response): Promise<never> {
  const body = (await res.json().catch(() => ({}))) as { message?: string; data?: { fieldErrors?: Record<string, string[]> | null } };
  throw new DataRequestError(res.status, body.message ?? `HTTP ${res.status}`, body.data?.fieldErrors ?? null);
}

/**
 * `GET /api/data/export/`: the tenant as a gzip of JSON lines, streamed (write it
 * to a file; don't buffer a big tenant). Staff may name `accountId`.
 */
export async function exportTenant(t: DataTarget, opts: { accountId?: string; includeFiles?: boolean } = {}): Promise<ReadableStream<Uint8Array>> {
  const q = new URLSearchParams();
  if (opts.accountId) q.set("accountId", opts.accountId);
  if (opts.includeFiles) q.set("includeFiles", "true");
  const res = await (t.fetch ?? fetch)(`${base(t)}/api/data/export/?${q.toString()}`, { headers: { authorization: `Bearer ${t.token}` } });
  if (!res.ok || !res.body) return refused(res);
  return res.body;
}

/** `POST /api/data/restore/` (staff): the archive as sent by exportTenant; `dryRun` writes nothing. */
export async function restoreTenant(t: DataTarget, archive: Uint8Array, opts: { dryRun?: boolean; target?: "new" | "same" } = {}): Promise<TTenantRestoreResult> {
  const q = new URLSearchParams({ dryRun: String(opts.dryRun ?? false), target: opts.target ?? "new" });
  const gzip = archive[0] === 0x1f && archive[1] === 0x8b;
  const res = await (t.fetch ?? fetch)(`${base(t)}/api/data/restore/?${q.toString()}`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.token}`, "content-type": gzip ? "application/gzip" : "application/json", "x-atrium-request": "1" },
    body: new Blob([archive as Uint8Array<ArrayBuffer>]),
  });
  if (!res.ok) return refused(res);
  return (await res.json()) as TTenantRestoreResult;
}

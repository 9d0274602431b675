import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import { and, asc, gt, inArray, sql } from "drizzle-orm";
import { migrationStatus, type Db } from "@atrium/db";
import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound } from "../shared/errors.js";
import { StorageNotFoundError, type Storage } from "../storage/storage.service.js";
import { authorize, type PolicyActor } from "../accounts/policy.service.js";
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, type TArchiveLine, type TTenantExportQuery } from "./data-safety.schema.js";
import { openSnapshot } from "./snapshot.js";
import { exportedColumns, referencesOf, TENANT_SECTIONS, USERS_SECTION, type TenantSection } from "./tenant-sections.js";

const PAGE = 1000;

export interface TenantExport {
  accountId: string;
  filename: string;
  /** The archive as JSON lines; iterate once. Reads one page of rows at a time. */
  lines: () => AsyncGenerator<string>;
}

/**
 * Decides whose archive the caller gets: tenant owners and admins their home
 * account; only staff may name another (anyone else naming one gets the same
 * NOT_FOUND as an id that doesn't exist). Nothing is read until `lines` runs.
 */
export async function prepareTenantExport(ctx: ServiceContext, storage: Storage, actor: PolicyActor & { homeAccountId: string | null }, input: TTenantExportQuery, meta: RequestMeta | null): Promise<TenantExport> {
  const accountId = input.accountId ?? actor.homeAccountId;
  if (!accountId || (!actor.isStaff && input.accountId && input.accountId !== actor.homeAccountId)) throw notFound("Account");
  authorize(actor, "data.export", { accountId }, "Account");
  const exists = await ctx.db.query.accounts.findFirst({ where: (a, { eq }) => eq(a.id, accountId), columns: { id: true } });
  if (!exists) throw notFound("Account");
  const stamp = ctx.now().toISOString().replace(/[:.]/g, "-");
  return {
    accountId,
    filename: `tenant-${accountId}-${stamp}.jsonl.gz`,
    lines: () => archiveLines(ctx, storage, { accountId, includeFiles: input.includeFiles, actor, meta }),
  };
}

const line = (value: TArchiveLine) => `${JSON.stringify(value)}\n`;

async function* archiveLines(ctx: ServiceContext, storage: Storage, opts: { accountId: string; includeFiles: boolean; actor: PolicyActor; meta: RequestMeta | null }): AsyncGenerator<string> {
  const snap = await openSnapshot(ctx.db);
  try {
    // Recorded on another connection after the snapshot began, so the archive never contains its own export.
    await recordAudit(ctx.db, {
      eventType: "data.exported",
      actor: { id: opts.actor.userId, username: opts.actor.username },
      target: { type: "account", id: opts.accountId },
      accountId: opts.accountId,
      meta: opts.meta,
      details: { includeFiles: opts.includeFiles },
    });
    const status = await migrationStatus(snap.db);
    yield line({
      t: "header",
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      schemaVersion: status.latest ?? "0000_none",
      exportedAt: ctx.now().toISOString(),
      accountId: opts.accountId,
      includeFiles: opts.includeFiles,
    });
    const userIds = new Set<string>();
    const files: Array<{ id: string; storageKey: string; sha256: string }> = [];
    for (const section of TENANT_SECTIONS) {
      const userRefs = referencesOf(section).filter((r) => r.target === "users");
      if (section.name === "accountMembers") userRefs.push({ field: "userId", target: "users" });
      yield* sectionLines(snap.db, section, section.where(opts.accountId), (row) => {
        for (const ref of userRefs) if (typeof row[ref.field] === "string") userIds.add(row[ref.field] as string);
        if (section.name === "documents") files.push({ id: row.id as string, storageKey: row.storageKey as string, sha256: row.sha256 as string });
      });
    }
    const ids = [...userIds].sort();
    // A member's home elsewhere is another tenant's id: the archive says only whether it was this one.
    const ownHome = (row: Record<string, unknown>) => (row.accountId === opts.accountId ? row : { ...row, accountId: null });
    yield* sectionLines(snap.db, USERS_SECTION, ids.length ? inArray(USERS_SECTION.key, ids) : sql`false`, () => {}, ownHome);
    let written = 0;
    if (opts.includeFiles) {
      for (const f of files) {
        const bytes = await readStored(storage, f.storageKey);
        // A file already purged (deleted documents) has nothing to carry; restore then skips it too.
        if (!bytes) continue;
        written += 1;
        yield line({ t: "file", documentId: f.id, storageKey: f.storageKey, sha256: createHash("sha256").update(bytes).digest("hex"), data: bytes.toString("base64") });
      }
    }
    yield line({ t: "end", sections: TENANT_SECTIONS.length + 1, files: written });
  } finally {
    await snap.release();
  }
}

async function readStored(storage: Storage, key: string): Promise<Buffer | null> {
  try {
    return await buffer(await storage.get(key));
  } catch (err) {
    if (err instanceof StorageNotFoundError) return null;
    throw err;
  }
}

/** One section's rows, a page at a time in key order, then its count and checksum. */
async function* sectionLines(
  db: Db,
  section: TenantSection,
  where: ReturnType<TenantSection["where"]>,
  onRow: (row: Record<string, unknown>) => void,
  shape: (row: Record<string, unknown>) => Record<string, unknown> = (row) => row,
): AsyncGenerator<string> {
  const columns = exportedColumns(section);
  const hash = createHash("sha256");
  let count = 0;
  let after: unknown;
  for (;;) {
    const page = (await db
      .select(columns)
      .from(section.table)
      .where(and(where, after === undefined ? undefined : gt(section.key, after)))
      .orderBy(asc(section.key))
      .limit(PAGE)) as Array<Record<string, unknown>>;
    let chunk = "";
    for (const row of page) {
      const json = JSON.stringify(shape(row));
      hash.update(`${json}\n`);
      onRow(row);
      chunk += `{"t":"row","s":${JSON.stringify(section.name)},"r":${json}}\n`;
    }
    count += page.length;
    if (chunk) yield chunk;
    if (page.length < PAGE) break;
    const last = page.at(-1) as Record<string, unknown>;
    after = last[Object.entries(columns).find(([, c]) => c === section.key)?.[0] ?? "id"];
  }
  yield line({ t: "section", s: section.name, count, sha256: hash.digest("hex") });
}

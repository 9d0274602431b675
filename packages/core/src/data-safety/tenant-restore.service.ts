import { createHash, randomBytes, randomUUID } from "node:crypto";
import { and, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import { getTableConfig } from "drizzle-orm/pg-core";
import { migrationStatus, schema, type Db, type Tx } from "@atrium/db";
import { recordAudit } from "../audit/audit.service.js";
import { hashPassword } from "../auth/password-hash.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import type { Storage } from "../storage/storage.service.js";
import { authorizeStaff, type PolicyActor } from "../accounts/policy.service.js";
import { inTransaction } from "../shared/tx.js";
import { archiveLines, type ArchiveSource } from "./archive-reader.js";
import { rowSchemaOf, validateArchive, type ArchivePlan } from "./archive-validate.js";
import type { TTenantRestoreQuery, TTenantRestoreResult } from "./data-safety.schema.js";
import { exportedColumns, sectionByName, TENANT_SECTIONS, type TenantSection } from "./tenant-sections.js";

const BATCH = 1000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** Globally unique keys that carry no id to remap: a copy gets a suffix so it can live beside its original. */
const UNIQUE_KEYS: Record<string, string> = { ledgerEntries: "idempotencyKey", usageCosts: "runId" };
export const RESTORED_SUFFIX = ":restored:";
const KEPT_ON_PURGE = new Set(["apiKeys", "auditEvents"]);

/**
 * Restores a tenant archive (staff only). Validates all of it first; then, in
 * one transaction, writes it into a new account (fresh ids, every reference
 * remapped, unique names suffixed) or under its own ids once the account is gone.
 * Files go to storage as part of it and are removed again if anything fails.
 */
export async function restoreTenant(
  ctx: ServiceContext,
  storage: Storage,
  actor: PolicyActor,
  source: ArchiveSource,
  input: TTenantRestoreQuery,
  meta: RequestMeta | null,
): Promise<TTenantRestoreResult> {
  authorizeStaff(actor);
  const status = await migrationStatus(ctx.db as Db);
  const plan = await validateArchive(source, { maxBytes: ctx.config.RESTORE_MAX_UNCOMPRESSED_BYTES, schemaVersion: status.latest });
  const sourceId = plan.header.accountId;
  if (input.target === "same") {
    const [existing] = await ctx.db.select({ id: schema.accounts.id }).from(schema.accounts).where(eq(schema.accounts.id, sourceId));
    if (existing) throw new ServiceError("CONFLICT", `Account ${sourceId} still exists: restore it as a new account (target=new), or restore the account itself if it is only deleted`, { target: ["the account still exists"] });
  }
  const accountId = input.target === "same" ? sourceId : randomUUID();
  const sections = Object.fromEntries(Object.entries(plan.counts).map(([k, v]) => [k, k === "apiKeys" && input.target === "new" ? 0 : v]));
  if (input.dryRun) return { accountId, dryRun: true, target: input.target, sections, files: plan.files };

  const ids = input.target === "same" ? new Map<string, string>() : newIds(plan, accountId);
  const remap = (row: Record<string, unknown>) => (ids.size ? (JSON.parse(JSON.stringify(row).replace(UUID, (m) => ids.get(m) ?? m)) as Record<string, unknown>) : row);
  const written: string[] = [];
  try {
    const counts = await inTransaction(ctx, async (tx) => {
      const out: Record<string, number> = {};
      await insertAccount(tx, remap(plan.account), input.target);
      out.account = 1;
      out.users = await insertMissingUsers(tx, plan, remap);
      if (input.target === "same") await relinkHomes(tx, plan);
      const pending: Array<Record<string, unknown>> = [];
      let pendingSection: TenantSection | undefined;
      const flush = async () => {
        if (!pendingSection || !pending.length) return;
        out[pendingSection.name] = (out[pendingSection.name] ?? 0) + (await insertRows(tx, pendingSection, pending.splice(0), input.target));
      };
      for await (const { text } of archiveLines(source, ctx.config.RESTORE_MAX_UNCOMPRESSED_BYTES)) {
        const entry = JSON.parse(text) as { t: string; s?: string; r?: Record<string, unknown>; storageKey?: string; data?: string };
        if (entry.t === "row" && entry.s && entry.r && TENANT_SECTIONS.some((x) => x.name === entry.s) && entry.s !== "account") {
          const section = sectionByName.get(entry.s) as TenantSection;
          if (pendingSection !== section) await flush();
          pendingSection = section;
          out[section.name] ??= 0;
          pending.push(adjust(section, entry.r, remap(entry.r), input.target, accountId));
          if (pending.length >= BATCH) await flush();
        } else if (entry.t === "file" && entry.storageKey && entry.data) {
          await flush();
          const key = remapKey(entry.storageKey, ids);
          await storage.put(key, Buffer.from(entry.data, "base64"), { contentType: "application/octet-stream" });
          written.push(key);
        }
      }
      await flush();
      await recordAudit(tx, {
        eventType: "data.restored",
        actor: { id: actor.userId, username: actor.username },
        target: { type: "account", id: accountId },
        accountId,
        meta,
        details: { sourceAccountId: sourceId, target: input.target, exportedAt: plan.header.exportedAt, schemaVersion: plan.header.schemaVersion, files: written.length },
      });
      return out;
    });
    ctx.logger.info({ accountId, sourceAccountId: sourceId, target: input.target, counts }, "tenant restored");
    return { accountId, dryRun: false, target: input.target, sections: { ...sections, ...counts }, files: written.length };
  } catch (err) {
    await Promise.all(written.map((key) => storage.delete(key).catch(() => {})));
    throw asRestoreError(err);
  }
}

/** Every row key of the tenant's sections gets a fresh id; users keep theirs (they are shared, not copied). */
function newIds(plan: ArchivePlan, accountId: string): Map<string, string> {
  const ids = new Map<string, string>([[plan.header.accountId, accountId]]);
  for (const [section, keys] of plan.ids) {
    if (section === "users" || section === "apiKeys" || section === "account" || section === "reserve") continue;
    for (const key of keys) ids.set(key, randomUUID());
  }
  return ids;
}

const remapKey = (key: string, ids: Map<string, string>) => key.replace(UUID, (m) => ids.get(m) ?? m);

function adjust(section: TenantSection, original: Record<string, unknown>, row: Record<string, unknown>, target: "new" | "same", accountId: string): Record<string, unknown> {
  if (target === "same") return row;
  const uniqueKey = UNIQUE_KEYS[section.name];
  // A key that named an id was remapped with it; any other (a Stripe session, a client's key) would collide with the original's.
  if (uniqueKey && typeof row[uniqueKey] === "string" && row[uniqueKey] === original[uniqueKey]) {
    return { ...row, [uniqueKey]: `${row[uniqueKey] as string}${RESTORED_SUFFIX}${accountId}` };
  }
  // The mailed link belongs to the original invitation; the copy gets a token nobody holds.
  if (section.name === "invitations") return { ...row, tokenHash: createHash("sha256").update(randomBytes(32)).digest("hex") };
  return row;
}

/**
 * One statement per batch: the rows go as one JSON parameter that Postgres
 * expands (json_populate_recordset), an order of magnitude faster than a
 * 500-row VALUES list built by the query builder. Columns a row lacks (an
 * older archive) are left out, so they take their defaults.
 */
async function insertRows(tx: Tx, section: TenantSection, rows: Array<Record<string, unknown>>, target: "new" | "same"): Promise<number> {
  // API keys are their users' credentials: a copy would be a second account reachable by the same secret.
  if (section.name === "apiKeys" && target === "new") return 0;
  const values = rows.map((r) => rowSchemaOf(section).parse(r));
  const columns = Object.entries(exportedColumns(section)).filter(([prop]) => values.some((v) => v[prop] !== undefined));
  // The schema leaves column names to `casing: "snake_case"`, which applies at query time: do the same here.
  const dbName = (col: { name: string }) => toSnakeCase(col.name);
  const records = values.map((v) => Object.fromEntries(columns.map(([prop, col]) => [dbName(col), v[prop] ?? null])));
  const table = sql.identifier(getTableConfig(section.table).name);
  const names = sql.join(columns.map(([, col]) => sql.identifier(dbName(col))), sql`, `);
  // Keys live with their users and audit rows outlive their account (no foreign keys): after a purge they may still be there.
  const onConflict = KEPT_ON_PURGE.has(section.name) ? sql` on conflict do nothing` : sql``;
  const result = await tx.execute(sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(records)}::json)${onConflict}`);
  return result.rowCount ?? values.length;
}

async function insertAccount(tx: Tx, row: Record<string, unknown>, target: "new" | "same"): Promise<void> {
  const account = rowSchemaOf(sectionByName.get("account") as TenantSection).parse(row) as { name: string; slug: string };
  if (target === "new") {
    account.name = `${account.name} (restored)`;
    account.slug = await freeSlug(tx, `${account.slug}-restored`);
  }
  await tx.insert(schema.accounts).values({ ...(account as typeof schema.accounts.$inferInsert), deletedAt: null });
}

async function freeSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set((await tx.select({ slug: schema.accounts.slug }).from(schema.accounts).where(ilike(schema.accounts.slug, `${base}%`))).map((r) => r.slug));
  let slug = base;
  for (let i = 2; taken.has(slug); i += 1) slug = `${base}-${i}`;
  return slug;
}

/**
 * Users are platform-wide: one still here is linked, not copied. One purged
 * since gets their profile back, a random password (they reset it) and, if
 * their name or address was taken meanwhile, a suffixed one.
 */
async function insertMissingUsers(tx: Tx, plan: ArchivePlan, remap: (r: Record<string, unknown>) => Record<string, unknown>): Promise<number> {
  let created = 0;
  const { users } = schema;
  for (const archived of plan.users) {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.id, String(archived.id)));
    if (exists) continue;
    const row = rowSchemaOf(sectionByName.get("users") as TenantSection).parse(remap(archived)) as typeof users.$inferInsert;
    const clash = await tx
      .select({ id: users.id })
      .from(users)
      .where(or(sql`lower(${users.username}) = lower(${row.username})`, sql`lower(${users.email}) = lower(${row.email})`));
    if (clash.length) {
      const tag = randomBytes(3).toString("hex");
      row.username = `${row.username}-restored-${tag}`;
      row.email = row.email.replace("@", `+restored-${tag}@`);
    }
    const home = row.accountId ? await tx.select({ id: schema.accounts.id }).from(schema.accounts).where(eq(schema.accounts.id, row.accountId)) : [];
    await tx.insert(users).values({ ...row, accountId: home.length ? row.accountId : null, passwordHash: await hashPassword(randomBytes(24).toString("base64url")) });
    created += 1;
  }
  return created;
}

/** A purge left the account's people homeless (users outlive accounts); the same account takes them back. */
async function relinkHomes(tx: Tx, plan: ArchivePlan): Promise<void> {
  const homed = plan.users.filter((u) => u.accountId === plan.header.accountId).map((u) => String(u.id));
  if (homed.length) await tx.update(schema.users).set({ accountId: plan.header.accountId }).where(and(inArray(schema.users.id, homed), isNull(schema.users.accountId)));
}

/** Postgres refusals of restored rows are the archive's fault (400/409), never a 500. */
function asRestoreError(err: unknown): unknown {
  if (err instanceof ServiceError) return err;
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: unknown; constraint?: unknown; detail?: unknown; message?: unknown };
    if (typeof pg.code !== "string") continue;
    if (pg.code === "23505") return new ServiceError("CONFLICT", `Restore refused, nothing was written: a row already exists (${String(pg.constraint)}${pg.detail ? `: ${String(pg.detail)}` : ""})`);
    if (/^(22|23)/.test(pg.code)) return new ServiceError("BAD_REQUEST", `Restore refused, nothing was written: ${String(pg.message)}`, { archive: [String(pg.message)] });
  }
  return err;
}

import { createHash } from "node:crypto";
import { createSchemaFactory } from "drizzle-zod";
import type { z } from "zod";
import { ServiceError } from "../shared/errors.js";
import { archiveLines, type ArchiveSource } from "./archive-reader.js";
import { ZArchiveLine, type TArchiveHeader } from "./data-safety.schema.js";
import { accountFieldOf, ALL_SECTIONS, referencesOf, type TenantSection } from "./tenant-sections.js";

const { createInsertSchema } = createSchemaFactory({ coerce: { date: true } });
const rowSchemas = new Map<string, z.ZodType<Record<string, unknown>>>();

/** Each section's row contract, derived from its table (drizzle-zod), so it can't drift from the schema. */
export function rowSchemaOf(section: TenantSection): z.ZodType<Record<string, unknown>> {
  let schema = rowSchemas.get(section.name);
  if (!schema) {
    const full = createInsertSchema(section.table) as unknown as z.ZodObject;
    const omit = Object.fromEntries((section.omit ?? []).map((k) => [k, true as const])) as Record<string, true> & Record<number, never>;
    schema = (section.omit ? full.omit(omit) : full) as unknown as z.ZodType<Record<string, unknown>>;
    rowSchemas.set(section.name, schema);
  }
  return schema;
}

export interface ArchivePlan {
  header: TArchiveHeader;
  counts: Record<string, number>;
  /** Every row key per section, for remapping and for referential checks. */
  ids: Map<string, Set<string>>;
  /** The user profiles (small): restored first, from memory. */
  users: Array<Record<string, unknown>>;
  account: Record<string, unknown>;
  files: number;
}

const MAX_PROBLEMS = 20;
const SECTION_ORDER = ALL_SECTIONS.map((s) => s.name);
const bySection = new Map(ALL_SECTIONS.map((s) => [s.name, s]));

/** Tag order is migration order: `0004_...` is newer than `0003_...`. */
const migrationNumber = (tag: string) => Number.parseInt(tag.slice(0, 4), 10);

/**
 * Reads the whole archive once and decides whether it may be restored: format
 * and schema version, every row against its table's contract, the checksum and
 * count of every section, no row of another tenant, every reference resolved
 * inside the archive, the ledger summing to the balance, every file matching
 * its document. Any problem refuses the archive before anything is written.
 */
export async function validateArchive(source: ArchiveSource, opts: { maxBytes: number; schemaVersion: string | null }): Promise<ArchivePlan> {
  const problems: string[] = [];
  const problem = (msg: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(msg);
  };
  let header: TArchiveHeader | undefined;
  let ended = false;
  let current: { name: string; count: number; hash: ReturnType<typeof createHash> } | undefined;
  let nextSection = 0;
  const counts: Record<string, number> = {};
  const ids = new Map<string, Set<string>>(SECTION_ORDER.map((name) => [name, new Set<string>()]));
  const wanted = new Map<string, Map<string, string>>();
  const users: Array<Record<string, unknown>> = [];
  const documents = new Map<string, { storageKey: string; sha256: string }>();
  let account: Record<string, unknown> | undefined;
  let ledgerSum = 0;
  let balance: number | undefined;
  let files = 0;

  for await (const { n, text } of archiveLines(source, opts.maxBytes)) {
    if (problems.length >= MAX_PROBLEMS) break;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      problem(`line ${n}: not JSON`);
      continue;
    }
    const parsed = ZArchiveLine.safeParse(raw);
    if (!parsed.success) {
      problem(`line ${n}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "line"}: ${i.message}`).join("; ")}`);
      if (n === 1) break;
      continue;
    }
    const entry = parsed.data;
    if (ended) {
      problem(`line ${n}: content after the end of the archive`);
      break;
    }
    if (!header) {
      if (entry.t !== "header") {
        problem("line 1: the archive must start with its header");
        break;
      }
      header = entry;
      if (opts.schemaVersion && migrationNumber(header.schemaVersion) > migrationNumber(opts.schemaVersion)) {
        problem(`the archive is from a newer schema (${header.schemaVersion}) than this server's (${opts.schemaVersion}); upgrade Atrium first`);
        break;
      }
      continue;
    }
    if (entry.t === "header") {
      problem(`line ${n}: a second header`);
      continue;
    }
    if (entry.t === "row") {
      if (!current) {
        const expected = SECTION_ORDER[nextSection];
        if (entry.s !== expected) {
          problem(`line ${n}: section ${entry.s} where ${expected ?? "no more sections"} was expected`);
          continue;
        }
        current = { name: entry.s, count: 0, hash: createHash("sha256") };
      } else if (entry.s !== current.name) {
        problem(`line ${n}: a ${entry.s} row inside section ${current.name}`);
        continue;
      }
      const section = bySection.get(entry.s) as TenantSection;
      current.count += 1;
      current.hash.update(`${JSON.stringify(entry.r)}\n`);
      const row = rowSchemaOf(section).safeParse(entry.r);
      if (!row.success) {
        problem(`${entry.s} row ${current.count} (line ${n}): ${row.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
        continue;
      }
      checkRow(section, entry.r, header, { ids, wanted, problem: (m) => problem(`${entry.s} row ${current?.count} (line ${n}): ${m}`) });
      if (section.name === "account") account = entry.r;
      if (section.name === "users") users.push(entry.r);
      if (section.name === "documents") documents.set(String(entry.r.id), { storageKey: String(entry.r.storageKey), sha256: String(entry.r.sha256) });
      if (section.name === "reserve") balance = Number(entry.r.balanceCents);
      if (section.name === "ledgerEntries") ledgerSum += Number(entry.r.amountCents);
      continue;
    }
    if (entry.t === "section") {
      const expected = SECTION_ORDER[nextSection];
      if (entry.s !== expected) {
        problem(`line ${n}: end of section ${entry.s} where ${expected ?? "no more sections"} was expected`);
        continue;
      }
      const seen = current?.name === entry.s ? current : { count: 0, hash: createHash("sha256") };
      const digest = seen.hash.digest("hex");
      if (seen.count !== entry.count) problem(`section ${entry.s}: ${seen.count} rows where its trailer says ${entry.count}`);
      if (digest !== entry.sha256) problem(`section ${entry.s}: checksum mismatch (the archive was altered or damaged)`);
      counts[entry.s] = seen.count;
      current = undefined;
      nextSection += 1;
      continue;
    }
    if (entry.t === "file") {
      const doc = documents.get(entry.documentId);
      const bytes = Buffer.from(entry.data, "base64");
      const actual = createHash("sha256").update(bytes).digest("hex");
      if (!doc || doc.storageKey !== entry.storageKey) problem(`line ${n}: a file for document ${entry.documentId}, which the archive does not hold`);
      else if (actual !== entry.sha256 || actual !== doc.sha256) problem(`line ${n}: the file of document ${entry.documentId} does not match its checksum`);
      files += 1;
      continue;
    }
    ended = true;
    if (entry.files !== files) problem(`the archive ends with ${files} files where it says ${entry.files}`);
  }

  if (!header) throw refused(problems.length ? problems : ["the archive is empty"]);
  if (problems.length < MAX_PROBLEMS) {
    if (!ended || nextSection !== SECTION_ORDER.length) problem(`the archive is incomplete (missing ${SECTION_ORDER.slice(nextSection).join(", ") || "its end"})`);
    if (!account) problem("the archive holds no account row");
    if (balance === undefined && counts.ledgerEntries) problem("ledger entries without a reserve");
    if (balance !== undefined && balance !== ledgerSum) problem(`the ledger sums to ${ledgerSum} cents but the reserve balance is ${balance} cents`);
    for (const [target, values] of wanted) {
      for (const [value, from] of values) {
        if (!ids.get(target)?.has(value)) problem(`${from} points at ${target} ${value}, which the archive does not hold`);
      }
    }
  }
  if (problems.length) throw refused(problems);
  return { header, counts, ids, users, account: account as Record<string, unknown>, files };
}

function checkRow(
  section: TenantSection,
  row: Record<string, unknown>,
  header: TArchiveHeader,
  acc: { ids: Map<string, Set<string>>; wanted: Map<string, Map<string, string>>; problem: (msg: string) => void },
): void {
  const keyField = section.name === "reserve" ? "accountId" : "id";
  const key = String(row[keyField]);
  const seen = acc.ids.get(section.name) as Set<string>;
  if (seen.has(key)) acc.problem(`duplicate ${keyField} ${key}`);
  seen.add(key);
  const accountField = accountFieldOf(section);
  if (accountField && row[accountField] !== header.accountId) acc.problem(`belongs to another tenant (${String(row[accountField])})`);
  for (const ref of referencesOf(section)) {
    // The tenant column is checked above; a user's home account may be any tenant.
    if (ref.target === "account") continue;
    const value = row[ref.field];
    if (value === null || value === undefined) continue;
    let forTarget = acc.wanted.get(ref.target);
    if (!forTarget) acc.wanted.set(ref.target, (forTarget = new Map()));
    if (!forTarget.has(String(value))) forTarget.set(String(value), `${section.name}.${ref.field}`);
  }
}

function refused(problems: string[]): ServiceError {
  return new ServiceError("BAD_REQUEST", `Archive refused, nothing was written: ${problems.join("; ")}`, { archive: problems });
}

// Builders for the tenant archive tests: a populated tenant, archives as lines, and honest re-checksumming of tampered ones.
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { recordRunCost } from "@atrium/core";
import { schema } from "@atrium/db";
import type { TestApi } from "../testing.js";
import { upload } from "../routers/document.test-helpers.js";
import { newTenant, newUser } from "../routers/tenancy.test-helpers.js";
import { checkoutCompleted, deliver } from "./billing.test-helpers.js";

export type Line = { t: string; s?: string; r?: Record<string, unknown>; [k: string]: unknown };

/**
 * A tenant with what the issue lists: organizations, teams, members, a pending
 * invitation, two documents with files, a Stripe top-up, a staff adjustment,
 * and two finished jobs with timelines, each debited once.
 */
export async function populatedTenant(api: TestApi, prefix: string) {
  const staff = await newUser(api, `${prefix}-staff`, { isStaff: true });
  const t = await newTenant(api, prefix);
  const org2 = await t.owner.call.organizations.create({ accountId: t.account.id, name: `${prefix} Second Org` });
  await t.owner.call.teams.create({ organizationId: org2.id, name: `${prefix} Second Team` });
  const files = [Buffer.from(`${prefix} resume: TypeScript, Postgres, seven years.\n`), Buffer.from(`${prefix} worklog\n`.repeat(200))];
  const docs: Array<{ id: string; bytes: Buffer }> = [];
  for (const [i, bytes] of files.entries()) {
    const res = await upload(api, t.owner.token, { name: `doc-${i}.txt`, bytes }, { accountId: t.account.id, kind: i ? "worklog" : "resume" });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
    docs.push({ id: String(res.body.id), bytes });
  }
  const paid = await deliver(api, checkoutCompleted(t.account.id, 5000));
  if (paid.status !== 200) throw new Error(`top-up: ${paid.status}`);
  await staff.call.billing.admin.adjust({ tenantId: t.account.id, amountCents: 250, reason: "goodwill credit" });
  for (const doc of docs) {
    const finishedAt = new Date();
    const [job] = await api.svc.db
      .insert(schema.jobs)
      .values({ accountId: t.account.id, createdById: t.owner.user.id, type: "document_analysis", status: "success", input: { documentId: doc.id }, result: { summary: "ok" }, attempts: 1, estimatedCostCents: 120, costCents: 120, startedAt: finishedAt, finishedAt })
      .returning();
    if (!job) throw new Error("no job");
    await api.svc.db.insert(schema.jobEvents).values([
      { jobId: job.id, accountId: t.account.id, seq: 1, type: "state", message: "running" },
      { jobId: job.id, accountId: t.account.id, seq: 2, type: "state", message: "success", durationMs: 12, costCents: 120 },
    ]);
    await recordRunCost(api.svc.db, { accountId: t.account.id, runId: `${job.id}:1`, jobType: "document_analysis", lineItems: [{ item: "compute:document_analysis", quantity: 1, unit: "job run", unitPriceCents: 120, amountCents: 120 }] });
  }
  return { ...t, staff, docs };
}

export const linesOf = (archive: Buffer): Line[] =>
  gunzipSync(archive)
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

/** Re-packs lines; with `rehash`, section trailers are recomputed, as a careful forger would. */
export function pack(lines: Line[], opts: { rehash?: boolean } = {}): Buffer {
  const out = lines.map((l) => ({ ...l }));
  if (opts.rehash) {
    for (const trailer of out.filter((l) => l.t === "section")) {
      const rows = out.filter((l) => l.t === "row" && l.s === trailer.s);
      trailer.count = rows.length;
      trailer.sha256 = createHash("sha256").update(rows.map((r) => `${JSON.stringify(r.r)}\n`).join("")).digest("hex");
    }
  }
  return gzipSync(out.map((l) => JSON.stringify(l)).join("\n") + "\n");
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * An archive's rows per section with every id blanked and the marks of the
 * restore itself taken out (the copy's name/slug suffix, the suffix on keys that
 * must stay unique, the copy's invitation token, the people's home account, the restore's own audit event), sorted: two archives of the
 * same tenant data compare equal.
 */
export function canonical(lines: Line[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const l of lines) {
    if (l.t !== "row" || !l.s || !l.r) continue;
    if (l.s === "auditEvents" && l.r.eventType === "data.restored") continue;
    const row = { ...l.r };
    // A copy's invitation gets a token nobody holds: the mailed link stays the original's.
    if (l.s === "invitations") row.tokenHash = "<token>";
    // People are shared, not copied: their home stays the original account, which the copy's archive doesn't name.
    if (l.s === "users") row.accountId = "<home>";
    if (l.s === "account") {
      row.name = String(row.name).replace(/ \(restored\)$/, "");
      row.slug = String(row.slug).replace(/-restored(-\d+)?$/, "");
    }
    const text = JSON.stringify(row).replace(/:restored:[0-9a-f-]{36}/g, "").replace(UUID, "<id>");
    (out[l.s] ??= []).push(text);
  }
  for (const rows of Object.values(out)) rows.sort();
  return out;
}

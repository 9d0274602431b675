// Named seed helpers for what no screen can create (or a story must check behind the screens), so e2e
// files never reach into @atrium/core or @atrium/db themselves: when a rule or a table moves, this is
// the one file that follows it.
import { and, asc, eq } from "drizzle-orm";
import { creditReserve, hashPassword, recordRunCost } from "@atrium/core";
import { insertAccount, insertUser } from "@atrium/core/testing";
import { schema } from "@atrium/db";
import type { E2eStack } from "./stack.js";

type Seeded = Pick<E2eStack, "db">;
export type UserRow = typeof schema.users.$inferSelect;

/** The user row of `username` (throws if there is none). */
export async function userNamed(stack: Seeded, username: string): Promise<UserRow> {
  const [row] = await stack.db.select().from(schema.users).where(eq(schema.users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  return row;
}

/** The account `username` is a member of (their home tenant). */
export async function homeAccountOf(stack: Seeded, username: string): Promise<string> {
  const [home] = await stack.db
    .select({ accountId: schema.accountMembers.accountId })
    .from(schema.accountMembers)
    .innerJoin(schema.users, eq(schema.users.id, schema.accountMembers.userId))
    .where(eq(schema.users.username, username));
  if (!home) throw new Error(`${username} has no tenant`);
  return home.accountId;
}

/** Credit on a tenant's reserve, as staff or a paid top-up would leave it. */
export async function grantCredit(stack: Seeded, credit: { accountId: string; amountCents: number; idempotencyKey: string; reason: string }): Promise<void> {
  await creditReserve(stack.db, credit);
}

/** Someone who already has an account (signed up earlier, outside the story), with or without a confirmed address. */
export async function existingUser(stack: Seeded, user: { username: string; password: string; verified: boolean }): Promise<void> {
  const { username, password, verified } = user;
  await insertUser(stack.db, { username, email: `${username}@example.com`, passwordHash: await hashPassword(password), emailVerifiedAt: verified ? new Date() : null });
}

/** A confirmed email address, as the verification link would leave it. */
export async function markEmailVerified(stack: Seeded, userId: string): Promise<void> {
  await stack.db.update(schema.users).set({ emailVerifiedAt: new Date() }).where(eq(schema.users.id, userId));
}

/** Every email of `template` queued to `to`, oldest first. */
export function emailsTo(stack: Seeded, to: string, template: string): Promise<Array<typeof schema.emailOutbox.$inferSelect>> {
  return stack.db
    .select()
    .from(schema.emailOutbox)
    .where(and(eq(schema.emailOutbox.toAddress, to), eq(schema.emailOutbox.template, template)))
    .orderBy(asc(schema.emailOutbox.createdAt));
}

/** Subscriptions as Stripe's webhooks would have left them. */
export async function addSubscriptions(stack: Seeded, rows: Array<typeof schema.subscriptions.$inferInsert>): Promise<void> {
  await stack.db.insert(schema.subscriptions).values(rows);
}

/** A finished job run costing `totalCents` (one compute line), debited from the tenant's reserve on `occurredAt`. */
export async function costedRun(stack: Seeded, run: { accountId: string; runId: string; jobType: string; totalCents: number; occurredAt: Date }): Promise<void> {
  const line = { item: "compute", quantity: run.totalCents * 10, unit: "second", unitPriceCents: 0.1, amountCents: run.totalCents };
  await recordRunCost(stack.db, { accountId: run.accountId, runId: run.runId, jobType: run.jobType, lineItems: [line], totalCents: run.totalCents });
  // Reports group by the day a run happened.
  await stack.db.update(schema.usageCosts).set({ occurredAt: run.occurredAt }).where(eq(schema.usageCosts.runId, run.runId));
}

/** The price row of `item` per `unit`, if there is one. */
export async function priceOf(stack: Seeded, item: string, unit: string): Promise<typeof schema.prices.$inferSelect | undefined> {
  const [row] = await stack.db.select().from(schema.prices).where(and(eq(schema.prices.item, item), eq(schema.prices.unit, unit)));
  return row;
}

/** A document whose text was already extracted; returns its id. */
export async function addDocument(stack: Seeded, doc: { accountId: string; filename: string; kind: string; text: string }): Promise<string> {
  const { accountId, filename, kind, text } = doc;
  const [row] = await stack.db
    .insert(schema.documents)
    .values({ accountId, filename, mimeType: "text/plain", sizeBytes: 40, sha256: "0".repeat(64), storageKey: `e2e/${accountId}/${filename}`, kind, extractionStatus: "done", extractedText: text })
    .returning();
  if (!row) throw new Error("no document");
  return row.id;
}

/** A document deleted by its owner (soft delete, as the api does). */
export async function softDeleteDocument(stack: Seeded, documentId: string): Promise<void> {
  await stack.db.update(schema.documents).set({ deletedAt: new Date() }).where(eq(schema.documents.id, documentId));
}

export type JobEventSeed = Pick<typeof schema.jobEvents.$inferInsert, "type" | "message" | "data" | "durationMs">;

/** A job that already ran, with its timeline events in order (seq 1..n). */
export async function addFinishedJob(stack: Seeded, job: typeof schema.jobs.$inferInsert, events: (job: typeof schema.jobs.$inferSelect) => JobEventSeed[]): Promise<typeof schema.jobs.$inferSelect> {
  const [row] = await stack.db.insert(schema.jobs).values(job).returning();
  if (!row) throw new Error("no job");
  await stack.db.insert(schema.jobEvents).values(events(row).map((e, i) => ({ ...e, jobId: row.id, accountId: row.accountId, seq: i + 1 })));
  return row;
}

/** A job's status as the database has it: a story waiting for a job's end spends nothing from a rate-limited user's budget. */
export async function jobStatusOf(stack: Seeded, jobId: string): Promise<string | undefined> {
  const [row] = await stack.db.select({ status: schema.jobs.status }).from(schema.jobs).where(eq(schema.jobs.id, jobId));
  return row?.status;
}

const COUNTED = {
  inviteKeys: schema.inviteKeys,
  apiKeys: schema.apiKeys,
  reserves: schema.reserves,
  ledgerEntries: schema.ledgerEntries,
} as const;
type Counted = typeof COUNTED;

/** Every row of one of the tables a story checks nothing was written to (or what was). */
export async function rowsOf<K extends keyof Counted>(stack: Seeded, table: K): Promise<Array<Counted[K]["$inferSelect"]>> {
  return (await stack.db.select().from(COUNTED[table] as Counted["apiKeys"])) as Array<Counted[K]["$inferSelect"]>;
}

/** A member of a tenant, as an accepted invitation would leave them. */
export async function joinAccount(stack: Seeded, member: { accountId: string; userId: string; role?: "owner" | "admin" | "member" | "viewer" }): Promise<void> {
  await stack.db.insert(schema.accountMembers).values({ accountId: member.accountId, userId: member.userId, role: member.role ?? "member" });
}

/**
 * A published posting of an employer (the one given, or a new account named `employerName`) and a
 * candidate's application to it with a résumé copy, as applying leaves them (recruiting). The
 * candidate's own account is their home account. For pages that need an application to show.
 */
export async function seedApplication(
  stack: Seeded,
  a: { employer: { accountId: string } | { name: string }; candidate: { userId: string; accountId?: string; name: string }; title: string },
): Promise<{ accountId: string; slug: string; postingId: string; applicationId: string }> {
  // Without one given, the candidate gets a personal account (their home), as signing up gives them.
  let candidateAccountId = a.candidate.accountId;
  if (!candidateAccountId) {
    const home = await insertAccount(stack.db, { name: `${a.candidate.name} home`, slug: `home-${a.candidate.userId.slice(0, 8)}` });
    await stack.db.insert(schema.accountMembers).values({ accountId: home.id, userId: a.candidate.userId, role: "owner" });
    await stack.db.update(schema.users).set({ accountId: home.id }).where(eq(schema.users.id, a.candidate.userId));
    candidateAccountId = home.id;
  }
  const employer =
    "accountId" in a.employer
      ? (await stack.db.select().from(schema.accounts).where(eq(schema.accounts.id, a.employer.accountId)))[0]
      : await insertAccount(stack.db, { name: a.employer.name, slug: a.employer.name.toLowerCase().replace(/[^a-z0-9]+/g, "-") });
  if (!employer) throw new Error("no employer account");
  const jd = await addDocument(stack, { accountId: employer.id, filename: "job.txt", kind: "job_description", text: `${a.title}: TypeScript, React, PostgreSQL` });
  const [posting] = await stack.db
    .insert(schema.jobPostings)
    .values({ accountId: employer.id, title: a.title, description: `${a.title}: TypeScript, React, PostgreSQL`, status: "published", publishedAt: new Date(), requiredSkills: ["TypeScript"], jobDescriptionDocumentId: jd })
    .returning();
  if (!posting) throw new Error("no posting");
  const own = await addDocument(stack, { accountId: candidateAccountId, filename: "resume.txt", kind: "resume", text: `${a.candidate.name}: TypeScript and React engineer` });
  const copy = await addDocument(stack, { accountId: employer.id, filename: "resume.txt", kind: "resume", text: `${a.candidate.name}: TypeScript and React engineer` });
  const [application] = await stack.db
    .insert(schema.applications)
    .values({ accountId: employer.id, postingId: posting.id, candidateUserId: a.candidate.userId, candidateAccountId, candidateResumeDocumentId: own, resumeDocumentId: copy, coverLetter: "I would love to work with you.", matchScore: 72, matchedSkills: ["typescript", "react"], missingSkills: ["postgresql"] })
    .returning();
  if (!application) throw new Error("no application");
  await stack.db.insert(schema.applicationStageChanges).values({ accountId: employer.id, applicationId: application.id, toStatus: "applied", actorUserId: a.candidate.userId });
  return { accountId: employer.id, slug: employer.slug, postingId: posting.id, applicationId: application.id };
}

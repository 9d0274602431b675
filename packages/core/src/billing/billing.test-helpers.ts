// A fresh database and a ServiceContext over it for the billing services' tests (no queues: emails stay in the outbox).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { createLogger, loadConfig, type Env } from "@atrium/config";
import { schema } from "@atrium/db";
import { createTestDatabase, testInfraUrls, type TestDatabase } from "@atrium/db/testing";
import type { ServiceContext } from "../shared/context.js";
import { ensureDefaultPrices } from "./pricing.service.js";

export interface BillingTestEnv {
  db: TestDatabase;
  ctx: ServiceContext;
  close: () => Promise<void>;
}

export async function startBillingTestEnv(overrides: Partial<Record<keyof Env, string>> = {}): Promise<BillingTestEnv> {
  const db = await createTestDatabase(testInfraUrls().pgAdminUrl);
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATABASE_URL: db.url, PUBLIC_URL: "http://atrium.test", ...overrides });
  const ctx: ServiceContext = { db: db.db, config, logger: createLogger(config, "billing-test"), now: () => new Date() };
  await ensureDefaultPrices(db.db);
  return { db, ctx, close: () => db.drop() };
}

/** A tenant with the given owners (users with emails) and optionally a starting balance set through the ledger. */
export async function newAccount(ctx: ServiceContext, opts: { owners?: number; name?: string } = {}): Promise<{ accountId: string; ownerEmails: string[] }> {
  const tag = randomUUID().slice(0, 8);
  const [account] = await ctx.db.insert(schema.accounts).values({ name: opts.name ?? `Acme ${tag}`, slug: `acme-${tag}` }).returning();
  if (!account) throw new Error("no account");
  const ownerEmails: string[] = [];
  for (let i = 0; i < (opts.owners ?? 1); i++) {
    const email = `owner${i}-${tag}@example.test`;
    const [user] = await ctx.db.insert(schema.users).values({ username: `owner${i}-${tag}`, email, passwordHash: "x", accountId: account.id }).returning();
    if (!user) throw new Error("no user");
    await ctx.db.insert(schema.accountMembers).values({ accountId: account.id, userId: user.id, role: "owner" });
    ownerEmails.push(email);
  }
  return { accountId: account.id, ownerEmails };
}

export async function setPolicy(ctx: ServiceContext, accountId: string, values: Partial<typeof schema.reserves.$inferInsert>): Promise<void> {
  await ctx.db.insert(schema.reserves).values({ accountId }).onConflictDoNothing();
  await ctx.db.update(schema.reserves).set(values).where(eq(schema.reserves.accountId, accountId));
}

export async function lowBalanceEmails(ctx: ServiceContext, accountId: string) {
  const rows = await ctx.db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.accountId, accountId));
  return rows.filter((r) => r.template === "low_balance");
}

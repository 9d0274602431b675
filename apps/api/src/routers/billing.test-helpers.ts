// Routes and builders shared by the billing router tests.
import { randomUUID } from "node:crypto";
import { schema } from "@atrium/db";
import type { TestApi } from "../testing.js";
import { newUser, type TestUser } from "./tenancy.test-helpers.js";

export const billingRoutes = {
  balance: { method: "GET", rest: "/api/billing/reserve/balance/", trpc: "billing.balance", kind: "query" },
  ledger: { method: "GET", rest: "/api/billing/reserve/ledger/", trpc: "billing.ledger", kind: "query" },
  profile: { method: "GET", rest: "/api/billing/profile/", trpc: "billing.profile", kind: "query" },
  updateProfile: { method: "PATCH", rest: "/api/billing/profile/", trpc: "billing.updateProfile", kind: "mutation" },
  adjust: { method: "POST", rest: "/api/billing/admin/reserve/adjust/", trpc: "billing.admin.adjust", kind: "mutation" },
  prices: { method: "GET", rest: "/api/billing/admin/prices/", trpc: "billing.admin.prices", kind: "query" },
  updatePrices: { method: "PUT", rest: "/api/billing/admin/prices/", trpc: "billing.admin.updatePrices", kind: "mutation" },
  adjustContext: { method: "GET", rest: "/api/billing/admin/reserve/adjust/context/", trpc: "billing.admin.adjustContext", kind: "query" },
  usageCosts: { method: "GET", rest: "/api/billing/admin/usage/costs/", trpc: "billing.admin.usageCosts", kind: "query" },
  metrics: { method: "GET", rest: "/api/system/metrics/summary/", trpc: "system.metrics.summary", kind: "query" },
} as const;

/** An account (tenant) with one owner whose home it is, plus optional members by role. */
export async function billingTenant(api: TestApi, prefix: string, roles: Array<"admin" | "member" | "viewer"> = []) {
  const tag = `${prefix}-${randomUUID().slice(0, 6)}`;
  const owner = await newUser(api, `${tag}-owner`);
  const account = await owner.call.accounts.create({ name: `${tag} Inc` });
  const members: Record<string, TestUser> = {};
  for (const role of roles) {
    const u = await newUser(api, `${tag}-${role}`);
    await api.svc.db.insert(schema.accountMembers).values({ accountId: account.id, userId: u.user.id, role });
    members[role] = u;
  }
  return { owner, account, members };
}

import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, softDelete, timestamps } from "./_columns.js";
import { users } from "./users.js";

export const tenantRole = pgEnum("tenant_role", ["owner", "admin", "member", "viewer"]);

/**
 * A member's part in the account's hiring, beside their tenant role: recruiters run
 * postings and pipelines, hiring managers see them and give interview feedback.
 * Account admins and owners have every recruiting right without one.
 */
export const recruitingRole = pgEnum("recruiting_role", ["recruiter", "hiring_manager"]);

/** The tenant: owns organizations, their data and (later) the prepaid reserve. */
export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    name: text().notNull(),
    slug: text().notNull(),
    ...timestamps,
    ...softDelete,
  },
  (t) => [uniqueIndex("accounts_slug_key").on(t.slug)],
);

/** The owning tenant of a row: required, and gone with its account. Every tenant table has one, so scoping is one predicate. */
export const tenantId = () =>
  uuid()
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" });

/** Who belongs to a tenant, and with which role at the account level. */
export const accountMembers = pgTable(
  "account_members",
  {
    id: id(),
    accountId: tenantId(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: tenantRole().notNull().default("member"),
    recruitingRole: recruitingRole(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("account_members_account_user_key").on(t.accountId, t.userId),
    index("account_members_user_idx").on(t.userId),
    // The member list pages newest first within one account; without it every page sorted all the account's members (bench/growth.bench.ts).
    index("account_members_account_created_idx").on(t.accountId, t.createdAt, t.id),
  ],
);

import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, softDelete, timestamps } from "./_columns.js";
import { tenantId, tenantRole } from "./accounts.js";
import { users } from "./users.js";

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    accountId: tenantId(),
    name: text().notNull(),
    slug: text().notNull(),
    description: text(),
    ...timestamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex("organizations_account_slug_key").on(t.accountId, t.slug).where(sql`${t.deletedAt} is null`),
    index("organizations_account_idx").on(t.accountId),
  ],
);

/** accountId is repeated on every tenant table so scoping is one predicate (and RLS-ready). */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    accountId: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: tenantRole().notNull().default("member"),
    ...timestamps,
  },
  (t) => [uniqueIndex("memberships_org_user_key").on(t.organizationId, t.userId), index("memberships_user_idx").on(t.userId)],
);

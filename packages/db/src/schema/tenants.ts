import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, softDelete, timestamps } from "./_columns.js";
import { users } from "./users.js";

export const tenantRole = pgEnum("tenant_role", ["owner", "admin", "member", "viewer"]);
export const teamRole = pgEnum("team_role", ["lead", "member"]);

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
    ...timestamps,
  },
  (t) => [uniqueIndex("account_members_account_user_key").on(t.accountId, t.userId), index("account_members_user_idx").on(t.userId)],
);

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

export const teams = pgTable(
  "teams",
  {
    id: id(),
    accountId: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text().notNull(),
    description: text(),
    ...timestamps,
    ...softDelete,
  },
  (t) => [index("teams_org_idx").on(t.organizationId)],
);

export const teamMembers = pgTable(
  "team_members",
  {
    id: id(),
    accountId: tenantId(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: teamRole().notNull().default("member"),
    ...timestamps,
  },
  (t) => [uniqueIndex("team_members_team_user_key").on(t.teamId, t.userId)],
);

/** An emailed invitation into an organization; the token is stored hashed. */
export const organizationInvitations = pgTable(
  "organization_invitations",
  {
    id: id(),
    accountId: tenantId(),
    organizationId: uuid()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text().notNull(),
    role: tenantRole().notNull().default("member"),
    tokenHash: text().notNull().unique(),
    invitedById: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedById: uuid().references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp({ withTimezone: true }),
    /** The invited person said no; like revoked, the link stops working. */
    declinedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("organization_invitations_org_idx").on(t.organizationId), index("organization_invitations_email_idx").on(sql`lower(${t.email})`)],
);

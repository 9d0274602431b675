import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./_columns.js";
import { tenantId, tenantRole } from "./accounts.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

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

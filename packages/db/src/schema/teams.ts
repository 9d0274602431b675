import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, softDelete, timestamps } from "./_columns.js";
import { tenantId } from "./accounts.js";
import { organizations } from "./organizations.js";
import { users } from "./users.js";

export const teamRole = pgEnum("team_role", ["lead", "member"]);

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

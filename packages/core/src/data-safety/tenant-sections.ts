import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { schema } from "@atrium/db";

/**
 * What a tenant archive holds, in the order it is written and restored (parents
 * before children). Every table with an `account_id` is either a section here or
 * named in NOT_EXPORTED with the reason; tenant-sections.test.ts enforces it
 * against the schema, so a new tenant table can't be silently left out.
 */
export interface TenantSection {
  name: string;
  table: PgTable;
  /** The column rows are paged by (unique, indexed). */
  key: PgColumn;
  /** The rows of one tenant. */
  where: (accountId: string) => SQL | undefined;
  /** Columns never written to an archive (secrets). */
  omit?: readonly string[];
}

const s = schema;

const pendingInvitation = (accountId: string) =>
  and(
    eq(s.organizationInvitations.accountId, accountId),
    isNull(s.organizationInvitations.acceptedAt),
    isNull(s.organizationInvitations.revokedAt),
    isNull(s.organizationInvitations.declinedAt),
  );

/**
 * Keys are per user, not per tenant: the archive keeps those of the people whose
 * home this account is (hashes only, as stored). A member whose home is another
 * tenant keeps their keys out of this one's archive.
 */
const homeUsersKeys = (accountId: string) => sql`${s.apiKeys.userId} in (select ${s.users.id} from ${s.users} where ${s.users.accountId} = ${accountId})`;

export const TENANT_SECTIONS: readonly TenantSection[] = [
  { name: "account", table: s.accounts, key: s.accounts.id, where: (a) => eq(s.accounts.id, a) },
  { name: "accountMembers", table: s.accountMembers, key: s.accountMembers.id, where: (a) => eq(s.accountMembers.accountId, a) },
  { name: "organizations", table: s.organizations, key: s.organizations.id, where: (a) => eq(s.organizations.accountId, a) },
  { name: "memberships", table: s.memberships, key: s.memberships.id, where: (a) => eq(s.memberships.accountId, a) },
  { name: "teams", table: s.teams, key: s.teams.id, where: (a) => eq(s.teams.accountId, a) },
  { name: "teamMembers", table: s.teamMembers, key: s.teamMembers.id, where: (a) => eq(s.teamMembers.accountId, a) },
  { name: "invitations", table: s.organizationInvitations, key: s.organizationInvitations.id, where: pendingInvitation },
  { name: "apiKeys", table: s.apiKeys, key: s.apiKeys.id, where: homeUsersKeys },
  { name: "reserve", table: s.reserves, key: s.reserves.accountId, where: (a) => eq(s.reserves.accountId, a) },
  { name: "ledgerEntries", table: s.ledgerEntries, key: s.ledgerEntries.id, where: (a) => eq(s.ledgerEntries.accountId, a) },
  { name: "usageCosts", table: s.usageCosts, key: s.usageCosts.id, where: (a) => eq(s.usageCosts.accountId, a) },
  { name: "documents", table: s.documents, key: s.documents.id, where: (a) => eq(s.documents.accountId, a) },
  { name: "jobs", table: s.jobs, key: s.jobs.id, where: (a) => eq(s.jobs.accountId, a) },
  { name: "jobEvents", table: s.jobEvents, key: s.jobEvents.id, where: (a) => eq(s.jobEvents.accountId, a) },
  { name: "conversations", table: s.conversations, key: s.conversations.id, where: (a) => eq(s.conversations.accountId, a) },
  { name: "conversationParticipants", table: s.conversationParticipants, key: s.conversationParticipants.id, where: (a) => eq(s.conversationParticipants.accountId, a) },
  { name: "messages", table: s.messages, key: s.messages.id, where: (a) => eq(s.messages.accountId, a) },
  { name: "auditEvents", table: s.auditEvents, key: s.auditEvents.id, where: (a) => eq(s.auditEvents.accountId, a) },
];

/**
 * The people the tenant's rows point at (members, uploaders, actors), written
 * after the sections that name them. Profiles only: password hashes never leave.
 */
export const USERS_SECTION: TenantSection = {
  name: "users",
  table: s.users,
  key: s.users.id,
  where: () => undefined,
  omit: ["passwordHash"],
};

/** Tables with an account_id that an archive leaves out, and why. */
export const NOT_EXPORTED: Record<string, string> = {
  // Stripe's ids are global primary keys; the subscription lives on at Stripe and comes back with its next event.
  subscriptions: "Stripe's own records, replayed by Stripe's events",
  stripe_events: "webhook idempotency records: global, not a tenant's data",
  email_outbox: "delivered mail, with links that must not be replayed",
};

export const ALL_SECTIONS = [...TENANT_SECTIONS, USERS_SECTION];
export const sectionByName = new Map(ALL_SECTIONS.map((x) => [x.name, x]));
const sectionByTable = new Map(ALL_SECTIONS.map((x) => [getTableConfig(x.table).name, x]));

export interface Reference {
  /** Property name in an archived row (camelCase). */
  field: string;
  target: string;
}

const referenceCache = new Map<string, Reference[]>();

/** Foreign keys as the schema declares them, in archive terms: which row field points at which section. */
export function referencesOf(section: TenantSection): Reference[] {
  const cached = referenceCache.get(section.name);
  if (cached) return cached;
  const out: Reference[] = [];
  for (const fk of getTableConfig(section.table).foreignKeys) {
    const ref = fk.reference();
    const target = sectionByTable.get(getTableConfig(ref.foreignTable).name);
    const column = ref.columns[0];
    if (!target || !column || ref.columns.length !== 1) continue;
    const field = Object.entries(section.table).find(([, c]) => c === column)?.[0];
    if (field) out.push({ field, target: target.name });
  }
  referenceCache.set(section.name, out);
  return out;
}

/** The row field holding the tenant id, when the table has one. */
export function accountFieldOf(section: TenantSection): string | undefined {
  if (section.name === "account") return "id";
  if (section.name === "users" || section.name === "apiKeys") return undefined;
  return "accountId" in section.table ? "accountId" : undefined;
}

/** Table columns by property name, minus the omitted ones. */
export function exportedColumns(section: TenantSection): Record<string, PgColumn> {
  const cols = getTableConfig(section.table).columns;
  const byName: Record<string, PgColumn> = {};
  for (const [prop, value] of Object.entries(section.table)) {
    if (cols.includes(value as PgColumn) && !section.omit?.includes(prop)) byName[prop] = value as PgColumn;
  }
  return byName;
}

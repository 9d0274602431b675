import { and, asc, eq, isNull } from "drizzle-orm";
import { schema } from "@atrium/db";
import type { ServiceContext } from "../shared/context.js";
import type { TMyMemberships } from "../organizations/organization.schema.js";
import { can, type PolicyActor } from "./policy.service.js";

const { accounts: a, accountMembers: am, organizations: o, memberships: m } = schema;

/**
 * The caller's own accounts and organizations with their role in each, for
 * the organization switcher. Staff get their own memberships, not everyone's.
 */
export async function myMemberships(ctx: ServiceContext, actor: PolicyActor): Promise<TMyMemberships> {
  const [accountRows, organizations] = await Promise.all([
    ctx.db
      .select({ id: a.id, name: a.name, slug: a.slug, role: am.role, recruitingRole: am.recruitingRole })
      .from(am)
      .innerJoin(a, and(eq(a.id, am.accountId), isNull(a.deletedAt)))
      .where(eq(am.userId, actor.userId))
      .orderBy(asc(a.name)),
    ctx.db
      .select({ id: o.id, accountId: o.accountId, name: o.name, slug: o.slug, role: m.role })
      .from(m)
      .innerJoin(o, and(eq(o.id, m.organizationId), isNull(o.deletedAt)))
      .innerJoin(a, and(eq(a.id, o.accountId), isNull(a.deletedAt)))
      .where(eq(m.userId, actor.userId))
      .orderBy(asc(o.name)),
  ]);
  const accounts = accountRows.map((r) => ({
    ...r,
    recruiting: { read: can(actor, "recruiting.read", { accountId: r.id }), manage: can(actor, "recruiting.manage", { accountId: r.id }) },
  }));
  return { accounts, organizations };
}

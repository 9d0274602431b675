import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import { assertMayTouchOwner, assertNotLastOwner, by } from "../accounts/owner-guard.service.js";
import { toMemberDto } from "./member-dto.service.js";
import * as members from "./member.repository.js";
import type { TMember } from "./member.schema.js";
import type {
  TAddOrganizationMemberInput,
  TOrganizationMembersInput,
  TRemoveOrganizationMemberInput,
  TUpdateOrganizationMemberInput,
} from "./organization.schema.js";
import { loadOrganization } from "./organization.service.js";
import type { PolicyActor } from "../accounts/policy.service.js";
import { inTransaction } from "../shared/tx.js";

type Org = { id: string; accountId: string };
export const orgKey = (org: Org): members.MemberKey => ({ accountId: org.accountId, organizationId: org.id });
const resourceOf = (org: Org) => ({ accountId: org.accountId, organizationId: org.id });

export async function listOrganizationMembers(ctx: ServiceContext, actor: PolicyActor, input: TOrganizationMembersInput) {
  const org = await loadOrganization(ctx, actor, input.id, "organization.read");
  const rows = await members.listMembers(ctx.db, orgKey(org), input);
  return toPage(rows, input.limit, toMemberDto);
}

/** Adds someone who already belongs to the account; people from outside are invited by email instead. */
export async function addOrganizationMember(ctx: ServiceContext, actor: PolicyActor, input: TAddOrganizationMemberInput, meta?: RequestMeta): Promise<TMember> {
  const org = await loadOrganization(ctx, actor, input.id, "organization.manage_members");
  assertMayTouchOwner(actor, resourceOf(org), [input.role]);
  return inTransaction(ctx, async (tx) => {
    if (!(await members.findMember(tx, { accountId: org.accountId }, input.userId))) {
      throw new ServiceError("NOT_FOUND", "No user with this id belongs to the account; invite them by email instead");
    }
    if (!(await members.addMember(tx, orgKey(org), input.userId, input.role))) {
      throw new ServiceError("CONFLICT", "This user is already a member of the organization");
    }
    await recordAudit(tx, {
      eventType: "member.added",
      actor: by(actor),
      target: { type: "user", id: input.userId },
      accountId: org.accountId,
      meta,
      details: { scope: "organization", organizationId: org.id, role: input.role },
    });
    const added = await members.findMember(tx, orgKey(org), input.userId);
    if (!added) throw notFound("Member");
    return toMemberDto(added);
  });
}

/** Changes a member's role: admins manage members, only owners touch the owner role, and the last owner stays one. */
export async function updateOrganizationMember(ctx: ServiceContext, actor: PolicyActor, input: TUpdateOrganizationMemberInput, meta?: RequestMeta): Promise<TMember> {
  const org = await loadOrganization(ctx, actor, input.id, "organization.manage_members");
  return inTransaction(ctx, async (tx) => {
    const target = await members.findMember(tx, orgKey(org), input.userId);
    if (!target) throw notFound("Member");
    assertMayTouchOwner(actor, resourceOf(org), [target.role, input.role]);
    await assertNotLastOwner(tx, orgKey(org), target, input.role);
    await members.setMemberRole(tx, orgKey(org), input.userId, input.role);
    await recordAudit(tx, {
      eventType: "member.role_changed",
      actor: by(actor),
      target: { type: "user", id: input.userId },
      accountId: org.accountId,
      meta,
      details: { scope: "organization", organizationId: org.id, from: target.role, to: input.role },
    });
    return toMemberDto({ ...target, role: input.role });
  });
}

/** Removes a member, or lets the caller leave (any role may, except the last owner); their team seats go too. */
export async function removeOrganizationMember(ctx: ServiceContext, actor: PolicyActor, input: TRemoveOrganizationMemberInput, meta?: RequestMeta): Promise<TMember> {
  const self = input.userId === actor.userId;
  const org = await loadOrganization(ctx, actor, input.id, self ? "organization.read" : "organization.manage_members");
  return inTransaction(ctx, async (tx) => {
    const target = await members.findMember(tx, orgKey(org), input.userId);
    if (!target) throw notFound("Member");
    if (!self) assertMayTouchOwner(actor, resourceOf(org), [target.role]);
    await assertNotLastOwner(tx, orgKey(org), target, null);
    await members.removeMember(tx, orgKey(org), input.userId);
    await recordAudit(tx, {
      eventType: "member.removed",
      actor: by(actor),
      target: { type: "user", id: input.userId },
      accountId: org.accountId,
      meta,
      details: { scope: "organization", organizationId: org.id, role: target.role, left: self },
    });
    return toMemberDto(target);
  });
}

import { recordAudit } from "../audit/audit.service.js";
import type { RequestMeta, ServiceContext } from "../shared/context.js";
import { notFound, ServiceError } from "../shared/errors.js";
import { toPage } from "../shared/pagination.js";
import * as repo from "./tenant.repository.js";
import type { TAccountMembersInput, TRemoveAccountMemberInput, TUpdateAccountMemberInput } from "./account.schema.js";
import { assertMayTouchOwner, assertNotLastOwner, by } from "./owner-guard.service.js";
import { toMemberDto } from "../organizations/member-dto.service.js";
import * as members from "../organizations/member.repository.js";
import type { TMember } from "../organizations/member.schema.js";
import { authorize, type Action, type PolicyActor } from "./policy.service.js";
import { scopeOf } from "./scope.repository.js";
import { inTransaction } from "../shared/tx.js";
import { authChanged } from "../auth/session-cache.service.js";

const keyOf = (accountId: string): members.MemberKey => ({ accountId });

async function loadAccount(ctx: ServiceContext, actor: PolicyActor, id: string, action: Action) {
  const account = await repo.findScopedAccount(ctx.db, scopeOf(actor), id);
  if (!account) throw notFound("Account");
  authorize(actor, action, { accountId: account.id }, "Account");
  return account;
}

export async function listAccountMembers(ctx: ServiceContext, actor: PolicyActor, input: TAccountMembersInput) {
  const account = await loadAccount(ctx, actor, input.id, "account.read");
  const rows = await members.listMembers(ctx.db, keyOf(account.id), input);
  return toPage(rows, input.limit, toMemberDto);
}

/**
 * Changes a member's account role and/or recruiting role (admins). Owner rights are granted and
 * taken only by owners, and the last owner stays; each change is its own audit row.
 */
export async function updateAccountMember(ctx: ServiceContext, actor: PolicyActor, input: TUpdateAccountMemberInput, meta?: RequestMeta): Promise<TMember> {
  const account = await loadAccount(ctx, actor, input.id, "account.manage_members");
  const { role, recruitingRole } = input;
  if (role === undefined && recruitingRole === undefined) {
    const message = "Say what changes: role, recruitingRole or both";
    throw new ServiceError("BAD_REQUEST", message, { role: [message] });
  }
  const key = keyOf(account.id);
  const updated = await inTransaction(ctx, async (tx) => {
    const target = await members.findMember(tx, key, input.userId);
    if (!target) throw notFound("Member");
    let next = target;
    if (role !== undefined) {
      assertMayTouchOwner(actor, { accountId: account.id }, [target.role, role]);
      await assertNotLastOwner(tx, key, target, role);
      await members.setMemberRole(tx, key, input.userId, role);
      await recordAudit(tx, {
        eventType: "member.role_changed",
        actor: by(actor),
        target: { type: "user", id: input.userId },
        accountId: account.id,
        meta,
        details: { scope: "account", from: target.role, to: role },
      });
      next = { ...next, role };
    }
    if (recruitingRole !== undefined && recruitingRole !== (target.recruitingRole ?? null)) {
      await members.setRecruitingRole(tx, account.id, input.userId, recruitingRole);
      await recordAudit(tx, {
        eventType: "member.recruiting_role_changed",
        actor: by(actor),
        target: { type: "user", id: input.userId },
        accountId: account.id,
        meta,
        details: { from: target.recruitingRole ?? null, to: recruitingRole },
      });
      next = { ...next, recruitingRole };
    }
    return toMemberDto(next);
  });
  // Sessions carry the role of their user's home account (`me`); every api process re-reads it (committed by now).
  await authChanged(ctx, { userId: input.userId });
  return updated;
}

/** Removes someone from the account (and its organizations and teams); anyone may leave, unless they are the last owner. */
export async function removeAccountMember(ctx: ServiceContext, actor: PolicyActor, input: TRemoveAccountMemberInput, meta?: RequestMeta): Promise<TMember> {
  const self = input.userId === actor.userId;
  const account = await loadAccount(ctx, actor, input.id, self ? "account.read" : "account.manage_members");
  const key = keyOf(account.id);
  const removed = await inTransaction(ctx, async (tx) => {
    const target = await members.findMember(tx, key, input.userId);
    if (!target) throw notFound("Member");
    if (!self) assertMayTouchOwner(actor, { accountId: account.id }, [target.role]);
    await assertNotLastOwner(tx, key, target, null);
    await members.removeMember(tx, key, input.userId);
    await recordAudit(tx, {
      eventType: "member.removed",
      actor: by(actor),
      target: { type: "user", id: input.userId },
      accountId: account.id,
      meta,
      details: { scope: "account", role: target.role, left: self },
    });
    return toMemberDto(target);
  });
  await authChanged(ctx, { userId: input.userId });
  return removed;
}

import type { DbOrTx } from "@atrium/db";
import type { Actor } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import { authorize, type Action, type PolicyActor } from "./policy.service.js";
import { findTenantRoles } from "./scope.repository.js";

/** The caller as the policy sees them: who they are plus their role in every tenant and organization. */
export async function loadPolicyActor(db: DbOrTx, actor: Actor): Promise<PolicyActor> {
  return { userId: actor.userId, username: actor.username, isStaff: actor.isStaff, ...(await findTenantRoles(db, actor.userId)) };
}

/** The caller as every tenant service sees them: roles everywhere, plus the home account calls default to. */
export type TenantActor = PolicyActor & { homeAccountId: string | null };

/** Loads the tenant actor once per request (tenantProcedure and the raw routes both call this). */
export async function loadTenantActor(db: DbOrTx, actor: Actor): Promise<TenantActor> {
  return { ...(await loadPolicyActor(db, actor)), homeAccountId: actor.accountId };
}

/**
 * The one answer to "which account does this call act on": the one named,
 * else the caller's home account, else their only account; then checked with
 * the policy, so another tenant's id is NOT_FOUND like one that doesn't exist.
 */
export function resolveAccount(actor: TenantActor, requested: string | undefined, action: Action): string {
  const memberOf = Object.keys(actor.accountRoles);
  const accountId = requested ?? actor.homeAccountId ?? (memberOf.length === 1 ? memberOf[0] : undefined);
  if (!accountId) {
    const message = "You belong to no single account; say which one with accountId";
    throw new ServiceError("BAD_REQUEST", message, { accountId: [message] });
  }
  authorize(actor, action, { accountId }, "Account");
  return accountId;
}

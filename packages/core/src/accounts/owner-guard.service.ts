import { ServiceError } from "../shared/errors.js";
import type { DbOrTx } from "@atrium/db";
import { isOwnerOf, type PolicyActor, type TenantResource } from "./policy.service.js";
import { lockOwnerCount, type MemberKey } from "../organizations/member.repository.js";
import type { TTenantRole } from "./role.schema.js";

/** The audit record's actor for a policy actor. */
export const by = (actor: PolicyActor) => ({ id: actor.userId, username: actor.username ?? null });

/** Granting or taking away the owner role is for owners (and staff) only. */
export function assertMayTouchOwner(actor: PolicyActor, resource: TenantResource, roles: Array<TTenantRole | undefined>): void {
  if (roles.includes("owner") && !isOwnerOf(actor, resource)) {
    throw new ServiceError("FORBIDDEN", "Only an owner can grant or remove the owner role");
  }
}

/**
 * Refuses a change that would leave the account or organization without a
 * live owner: some other owner who is neither deleted nor disabled must
 * remain. Call inside the change's transaction.
 */
export async function assertNotLastOwner(db: DbOrTx, key: MemberKey, target: { userId: string; role: TTenantRole }, nextRole: TTenantRole | null): Promise<void> {
  if (target.role !== "owner" || nextRole === "owner") return;
  if ((await lockOwnerCount(db, key, target.userId)) === 0) {
    const what = key.organizationId ? "An organization" : "An account";
    throw new ServiceError("CONFLICT", `${what} needs at least one owner`);
  }
}

import type { DbOrTx } from "@atrium/db";
import type { Actor } from "../shared/context.js";
import type { PolicyActor } from "./policy.service.js";
import { findTenantRoles } from "./scope.repository.js";

/** The caller as the policy sees them: who they are plus their role in every tenant and organization. */
export async function loadPolicyActor(db: DbOrTx, actor: Actor): Promise<PolicyActor> {
  return { userId: actor.userId, username: actor.username, isStaff: actor.isStaff, ...(await findTenantRoles(db, actor.userId)) };
}

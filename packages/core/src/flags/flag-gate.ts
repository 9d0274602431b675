import type { ServiceContext } from "../shared/context.js";
import { ServiceError } from "../shared/errors.js";
import type { PolicyActor } from "../accounts/policy.service.js";
import type { TKnownFlag } from "./flags.schema.js";
import type { FlagSubject } from "./targeting.js";

/** The subject a caller is evaluated as, acting on `accountId`: their role there, their organizations, staff or not. */
export function subjectFor(actor: PolicyActor, accountId: string | null | undefined): FlagSubject {
  const role = accountId ? actor.accountRoles[accountId] : undefined;
  return {
    accountId: accountId ?? undefined,
    userId: actor.userId,
    organizationIds: Object.keys(actor.orgRoles),
    roles: [...(role ? [role] : []), ...(actor.isStaff ? ["staff"] : [])],
  };
}

/** The message every refusal by a flag carries, naming it. */
export const flagOffMessage = (key: string) => `The feature "${key}" is turned off for this account (feature flag ${key})`;

/**
 * Refuses (FORBIDDEN, naming the flag) unless the boolean flag is on for the subject. Call it
 * before anything is written or queued. A context without a flag runtime (worker internals,
 * scripts) has nothing to gate; the api always supplies one.
 */
export async function requireFlag(ctx: ServiceContext, key: TKnownFlag, subject: FlagSubject): Promise<void> {
  if (!ctx.flags) return;
  if (!(await ctx.flags.isEnabled(key, subject))) throw new ServiceError("FORBIDDEN", flagOffMessage(key));
}

/** Whether the flag is on (true without a flag runtime, as requireFlag). */
export async function flagOn(ctx: ServiceContext, key: TKnownFlag, subject: FlagSubject): Promise<boolean> {
  return !ctx.flags || ctx.flags.isEnabled(key, subject);
}

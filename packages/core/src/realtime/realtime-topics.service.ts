import type { ServiceContext } from "../shared/context.js";
import type { PolicyActor } from "../accounts/policy.service.js";
import { myMemberships } from "../accounts/my-memberships.service.js";
import { accountTopic, STAFF_TOPIC, userTopic, type RealtimeTopic } from "./realtime.schema.js";

/**
 * What one user's stream listens to: their own topic, the topic of every live
 * account they are a member of (jobs and balance are account data, which an
 * account role grants; membership of one of its organizations alone does not),
 * and `staff` for staff. Read once when the stream opens; a membership change
 * shows on the next connect.
 */
export async function topicsFor(ctx: ServiceContext, actor: Pick<PolicyActor, "userId" | "isStaff">): Promise<RealtimeTopic[]> {
  const { accounts } = await myMemberships(ctx, { ...actor, accountRoles: {}, orgRoles: {} });
  return [userTopic(actor.userId), ...accounts.map((a) => accountTopic(a.id)), ...(actor.isStaff ? [STAFF_TOPIC] : [])];
}

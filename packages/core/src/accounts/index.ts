export * from "./tenant.schema.js";
export * from "./account.schema.js";
export * from "./role.schema.js";
export * from "./policy.service.js";
export { loadPolicyActor } from "./actor.service.js";
export * as accountService from "./account.service.js";
export * as accountMemberService from "./account-member.service.js";
export { myMemberships } from "./my-memberships.service.js";
export { purgeSoftDeleted, type PurgeResult } from "./purge.service.js";

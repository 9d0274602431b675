export * from "./organization.schema.js";
export * from "./member.schema.js";
export * as organizationService from "./organization.service.js";
export * as organizationMemberService from "./organization-member.service.js";

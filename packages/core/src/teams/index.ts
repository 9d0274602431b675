export * from "./team.schema.js";
export * as teamService from "./team.service.js";
export * as teamMemberService from "./team-member.service.js";

export * from "./invitation.schema.js";
export * as invitationService from "./invitation.service.js";
export * as invitationResponseService from "./invitation-response.service.js";

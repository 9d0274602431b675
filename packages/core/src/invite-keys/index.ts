export * from "./invite-key.schema.js";
export * as inviteKeyService from "./invite-key.service.js";
